import { openStore } from '../store/database.js';
import { repositoriesOf } from '../services/node-context.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const auditCommand: Command = {
  summary: 'check the hash chain of the audit log',
  help: `Usage: diboli audit verify --data DIR

Walks the append-only audit log and checks that every entry still holds the hash of the one
before it and of its own content. Exit code 0 when the chain is whole; 1, naming the first
entry that was edited, inserted or removed, otherwise.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, NODE_FLAGS);
    if (positionals[0] !== 'verify') throw new UsageError('expected "verify"');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'audit', async () => {
      const store = await openStore(config.dataDir, { synchronous: config.synchronous });
      try {
        const verdict = await repositoriesOf(store).audit.verify();
        if (verdict.ok) {
          io.stdout(`Audit log intact: ${verdict.entries} entries.\n`);
          return 0;
        }
        io.stderr(`diboli audit: audit log broken at entry ${verdict.firstBad}: ${verdict.problem}\n`);
        return 1;
      } finally {
        await store.close();
      }
    });
  },
};
