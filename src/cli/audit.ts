import { withNode } from '../composition.js';
import { checkAudit } from '../services/audit-check.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const auditCommand: Command = {
  summary: 'check the audit log: hash chain, append-only triggers, partners’ anchors',
  help: `Usage: diboli audit verify --data DIR [--local]

Walks the append-only audit log and checks that every entry still holds the hash of the one
before it and of its own content, that the triggers refusing UPDATE and DELETE on it are in
place as made, and that the chain still holds every anchor of it that the partner nodes kept
from this node's feed answers (asked by signed request to each registered peer). A chain edited,
recomputed whole and given a new head passes the first check only: a partner's anchor catches it.

Exit code 0 when all of this holds; 1, naming what is wrong, otherwise. A peer that cannot be
reached is named on standard error and its anchors are not checked.

Options:
  --local        do not ask the partner nodes for their anchors`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, local: { type: 'boolean' } });
    if (positionals[0] !== 'verify') throw new UsageError('expected "verify"');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'audit', async () => {
      return withNode(config, async (node) => {
        const check = await checkAudit(node, { askPeers: !values.local });
        const { chain } = check;
        if (!chain.ok) io.stderr(`diboli audit: audit log broken at entry ${chain.firstBad}: ${chain.problem}\n`);
        for (const problem of check.triggers) io.stderr(`diboli audit: ${problem}\n`);
        for (const peer of check.peers) {
          if (peer.error) io.stderr(`diboli audit: could not ask ${peer.nation} for its anchors (not checked against it): ${peer.error}\n`);
          for (const anchor of peer.missing) {
            io.stderr(
              `diboli audit: ${peer.nation} holds an anchor of this log received ${anchor.receivedAt} that the chain no longer holds: the log was rewritten\n`,
            );
          }
        }
        if (!check.intact) return 1;
        const anchors = check.peers.filter((p) => !p.error).map((p) => `${p.held} held by ${p.nation}`);
        io.stdout(
          `Audit log intact: ${chain.entries} entries, append-only triggers in place${anchors.length > 0 ? `, anchors found (${anchors.join(', ')})` : ''}.\n`,
        );
        return 0;
      });
    });
  },
};
