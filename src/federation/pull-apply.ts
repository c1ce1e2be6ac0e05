import type { DatabaseHandle } from '../store/handles.js';
import type { Incident } from '../contracts/incident.js';
import type { Patrol } from '../contracts/patrol.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import type { Peer } from '../domain/peer.js';
import type { NationCode } from '../kernel/nation.js';
import type { AnchorRepository } from '../store/anchor-repository.js';
import type { AuditEntry, AuditRepository } from '../store/audit-repository.js';
import type { PatrolRepository } from '../store/patrol-repository.js';
import type { PeerRepository } from '../store/peer-repository.js';
import { localCopyOf, receivedIncident, removeReceived, storeReceived, type ReceivedIncidents } from '../store/received-records.js';
import type { SecondmentRepository } from '../store/secondment-repository.js';
import { subjectOf, type RecordKind } from './envelope.js';
import { mayApply } from './may-apply.js';
import type { ParsedPage } from './pull-verify.js';
import { PullError } from './pull-fetch.js';
import { applyReceivedApproval } from './received-approval.js';
import { isRecordBody } from './record-bodies.js';
import type { ReleaseStep } from './release.js';

/** A change a pulled page made to the local store. */
export interface AppliedChange {
  kind: RecordKind;
  id: string;
  action: 'upsert' | 'delete';
  /** The record as received (upsert). */
  body?: unknown;
  /** The incident as it was before a retraction removed it, so listeners can take it back out. */
  before?: Incident;
  /**
   * Set on a change this node made to one of its own records because of a received one (a
   * partner's approval applied to our patrol); `body` is then the new version, `before` the old.
   */
  consequence?: { before: Patrol };
}

export interface ApplyDeps {
  db: DatabaseHandle;
  self: NationCode;
  peers: PeerRepository;
  audit: AuditRepository;
  /** Where the peers' audit anchors are kept. */
  anchors: AnchorRepository;
  /** Where the secondments a peer's nation revoked are kept. */
  secondments: SecondmentRepository;
  /** Writes this node's patrols when a partner's approval applies… */
  patrols: PatrolRepository;
  /** …and releases the new version, in the page's transaction. */
  release: ReleaseStep;
}

export type ApplyOutcome = { changes: AppliedChange[]; ignored: number } | { refused: string };

/** Thrown inside the apply transaction so that it rolls back whatever the page had already changed. */
class PageRefused extends Error {}

/**
 * Applies a verified page in one transaction of the store: each envelope judged by `mayApply`,
 * records stored or removed, audit entries, the peer's anchor and revocations, and the new cursor.
 * A page is applied whole or not at all: a refused envelope rolls everything back.
 */
export async function applyPage(
  deps: ApplyDeps,
  incidents: ReceivedIncidents,
  peer: Peer,
  cursor: number,
  page: ParsedPage,
  at: string,
): Promise<ApplyOutcome> {
  const changes: AppliedChange[] = [];
  let ignored = 0;
  return deps.db
    .transaction()
    .execute(async (trx): Promise<ApplyOutcome> => {
      // Another puller (a one-shot sync beside the running node) may have moved on meanwhile.
      const stored = await deps.peers.cursorOf(trx, peer.nation);
      if (stored !== cursor) throw new PullError(`the cursor of ${peer.nation} moved while its page was being fetched`);
      const audit: AuditEntry[] = [];
      for (const envelope of page.envelopes) {
        const subject = subjectOf(envelope);
        const local = subject.kind === 'incident' ? incidents.localCopyOf(subject.id) : await localCopyOf(trx, subject.kind, subject.id);
        const verdict = mayApply(envelope, local, { self: deps.self, peer: peer.nation });
        if (verdict.action === 'reject') throw new PageRefused(`envelope ${envelope.kind} ${envelope.id} v${envelope.version}: ${verdict.reason}`);
        if (verdict.action === 'ignore') {
          ignored += 1;
          continue;
        }
        if (verdict.action === 'delete') {
          let before: Incident | undefined;
          if (subject.kind === 'incident') {
            before = await receivedIncident(trx, subject.id);
            incidents.remove(subject.id);
          } else {
            await removeReceived(trx, subject.kind, subject.id);
          }
          changes.push({ kind: subject.kind, id: subject.id, action: 'delete', before });
        } else {
          if (!isRecordBody(subject.kind, envelope.body))
            throw new PageRefused(`envelope ${envelope.kind} ${envelope.id} v${envelope.version}: malformed record`);
          if (subject.kind === 'incident') incidents.store(envelope.body as Incident);
          else await storeReceived(trx, subject.kind, envelope.body);
          changes.push({ kind: subject.kind, id: subject.id, action: 'upsert', body: envelope.body });
        }
        audit.push({
          action: verdict.action === 'delete' ? 'envelope.retracted' : 'envelope.applied',
          detail: { from: peer.nation, kind: subject.kind, id: subject.id, version: envelope.version },
        });
        if (verdict.action === 'upsert' && subject.kind === 'patrol-approval') {
          // Only a version never seen before gets here, so a replayed approval has no effect twice.
          const effect = await applyReceivedApproval(trx, deps.self, envelope.body as PatrolApprovalRecord, deps.patrols, deps.release, at);
          audit.push(effect.audit);
          if (effect.before && effect.after)
            changes.push({ kind: 'patrol', id: effect.after.id, action: 'upsert', body: effect.after, consequence: { before: effect.before } });
        }
      }
      await deps.audit.append(trx, at, audit);
      if (page.anchor) await deps.anchors.keep(trx, peer.nation, page.anchor, at);
      await deps.secondments.recordRevocations(trx, peer.nation, page.revoked, at);
      await deps.peers.advance(trx, peer.nation, page.next, at);
      return { changes, ignored };
    })
    .catch((error: unknown): ApplyOutcome => {
      // The transaction rolled back: nothing of the page was written, the cursor did not move.
      if (error instanceof PageRefused) return { refused: error.message };
      if (error instanceof PullError) throw error;
      throw new PullError(`applying the page of ${peer.nation} failed: ${(error as Error).message}`);
    });
}
