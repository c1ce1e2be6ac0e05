import { isNationCode, type NationCode } from '../kernel/nation.js';

import { RECORD_KINDS, type RecordKind } from '../domain/record-kinds.js';

export { RECORD_KINDS, type RecordKind };
export type EnvelopeKind = RecordKind | 'retraction';

/** What a retraction asks: delete your copy of this record. */
export interface RetractionBody {
  kind: RecordKind;
  id: string;
}

/**
 * One version of a released record (or a retraction of it), as the origin node signed it.
 * For a retraction, `releasableTo` names the nations that must delete their copy and `version`
 * is the version of the record that took their access away.
 */
export interface Envelope {
  origin: NationCode;
  kind: EnvelopeKind;
  id: string;
  version: number;
  releasableTo: NationCode[];
  body: unknown;
  signedAt: string;
  signature: string;
}

export type UnsignedEnvelope = Omit<Envelope, 'signature'>;

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

export function isRetractionBody(value: unknown): value is RetractionBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return isRecordKind(body.kind) && typeof body.id === 'string' && body.id.length > 0;
}

const MAX_ID_LENGTH = 200;

/**
 * Checks the shape of something received as an envelope. Anything a peer sends is untrusted
 * until this and the signature check pass, so a wrong type anywhere rejects the whole thing.
 */
export function asEnvelope(value: unknown): Envelope | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const e = value as Record<string, unknown>;
  const kindOk = e.kind === 'retraction' || isRecordKind(e.kind);
  const ok =
    isNationCode(e.origin) &&
    kindOk &&
    typeof e.id === 'string' &&
    e.id.length > 0 &&
    e.id.length <= MAX_ID_LENGTH &&
    Number.isSafeInteger(e.version) &&
    (e.version as number) >= 1 &&
    Array.isArray(e.releasableTo) &&
    e.releasableTo.every(isNationCode) &&
    typeof e.signedAt === 'string' &&
    !Number.isNaN(Date.parse(e.signedAt)) &&
    typeof e.signature === 'string' &&
    typeof e.body === 'object' &&
    e.body !== null &&
    !Array.isArray(e.body);
  if (!ok) return undefined;
  if (e.kind === 'retraction' && !isRetractionBody(e.body)) return undefined;
  return {
    origin: e.origin as NationCode,
    kind: e.kind as EnvelopeKind,
    id: e.id as string,
    version: e.version as number,
    releasableTo: e.releasableTo as NationCode[],
    body: e.body,
    signedAt: e.signedAt as string,
    signature: e.signature as string,
  };
}

/** The record a retraction or a record envelope is about. */
export function subjectOf(envelope: Pick<Envelope, 'kind' | 'id' | 'body'>): { kind: RecordKind; id: string } {
  if (envelope.kind === 'retraction') {
    const body = envelope.body as RetractionBody;
    return { kind: body.kind, id: body.id };
  }
  return { kind: envelope.kind, id: envelope.id };
}
