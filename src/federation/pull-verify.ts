import type { KeyObject } from 'node:crypto';
import { asEnvelope, type Envelope } from './envelope.js';
import { verifyEnvelope } from './envelope-signature.js';
import { verifyResponse } from './request-signature.js';

/** More revoked secondments than this in one answer is not an honest node's answer. */
const MAX_REVOCATIONS = 10_000;

export interface ParsedPage {
  envelopes: Envelope[];
  next: number;
  /** The serving node's audit anchor, kept so that `diboli audit verify` there can be checked against it. */
  anchor: string | undefined;
  /** Secondments the peer's nation revoked for this node (credential ids). */
  revoked: string[];
}

/**
 * Checks a fetched page before anything of it is applied: signed by the peer's registered key for
 * this request, well formed, no bigger than asked, and every envelope signed by that key. Answers
 * the page, or why it is refused.
 */
export function verifyPage(
  fetched: { body: Buffer; signature: string | null; nonce: string },
  peerKey: KeyObject,
  cursor: number,
  pageSize: number,
): ParsedPage | string {
  if (!fetched.signature || !verifyResponse(fetched.nonce, fetched.body, fetched.signature, peerKey)) {
    return 'the page is not signed by the registered key of the peer';
  }
  const page = parsePage(fetched.body.toString('utf8'), cursor, pageSize);
  if (typeof page === 'string') return page;
  for (const envelope of page.envelopes) {
    if (!verifyEnvelope(envelope, peerKey)) return `envelope ${envelope.kind} ${envelope.id} v${envelope.version} has a bad signature`;
  }
  return page;
}

/** The page's outer shape; every envelope in it must have an envelope's shape too. */
function parsePage(text: string, cursor: number, pageSize: number): ParsedPage | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the page is not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'the page is not an object';
  const { envelopes, next, anchor, revoked } = parsed as { envelopes?: unknown; next?: unknown; anchor?: unknown; revoked?: unknown };
  if (!Array.isArray(envelopes) || !Number.isSafeInteger(next) || (next as number) < cursor) return 'the page has no envelopes or cursor';
  // A node of an earlier release sends no anchor; one that does sends a SHA-256 in hex.
  if (anchor !== undefined && (typeof anchor !== 'string' || !/^[0-9a-f]{64}$/.test(anchor))) return 'the page has a malformed audit anchor';
  const revocations = revoked ?? [];
  if (
    !Array.isArray(revocations) ||
    revocations.length > MAX_REVOCATIONS ||
    !revocations.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)
  ) {
    return 'the page has a malformed list of revoked secondments';
  }
  if (envelopes.length > pageSize) return `the page holds ${envelopes.length} envelopes, more than the ${pageSize} asked for`;
  const checked: Envelope[] = [];
  for (const raw of envelopes) {
    const envelope = asEnvelope(raw);
    if (!envelope) return 'the page holds something that is not an envelope';
    checked.push(envelope);
  }
  return { envelopes: checked, next: next as number, anchor: anchor as string | undefined, revoked: revocations as string[] };
}
