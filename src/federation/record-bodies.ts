import { TypeCompiler } from '@sinclair/typebox/compiler';
import { IncidentSchema } from '../contracts/incident.js';
import { PostRecordSchema, UnitRecordSchema } from '../contracts/organisation.js';
import { PatrolSchema } from '../contracts/patrol.js';
import { PatrolApprovalRecordSchema } from '../contracts/patrol-approval.js';
import type { RecordKind } from './envelope.js';

// What a partner's node may put inside an envelope. The signature proves who sent it, not that
// it is well formed: a record is stored only if it has exactly the shape the local code reads,
// which is its contract (src/contracts), the same schema
// the node's own API writes them by.
const CHECKS = {
  incident: TypeCompiler.Compile(IncidentSchema),
  patrol: TypeCompiler.Compile(PatrolSchema),
  unit: TypeCompiler.Compile(UnitRecordSchema),
  post: TypeCompiler.Compile(PostRecordSchema),
  'patrol-approval': TypeCompiler.Compile(PatrolApprovalRecordSchema),
} satisfies Record<RecordKind, { Check: (value: unknown) => boolean }>;

export function isRecordBody(kind: RecordKind, body: unknown): boolean {
  if (!CHECKS[kind].Check(body)) return false;
  // A patrol's code names its owner nation: a partner cannot take a code of another nation's series.
  if (kind === 'patrol') {
    const patrol = body as { owner: string; code: string };
    return patrol.code.startsWith(`${patrol.owner}-`);
  }
  return true;
}
