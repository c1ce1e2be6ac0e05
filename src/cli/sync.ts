import { pullerFor, withNode } from '../composition.js';
import type { Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const syncCommand: Command = {
  summary: 'pull every partner node once, up to date, then stop',
  help: `Usage: diboli sync --data DIR [--json]

Pulls each registered peer's feed from its stored cursor until there is nothing more, applying
what is released to this node's nation. Exit code 1 when any peer could not be pulled (the others
are still brought up to date). \`diboli serve\` does the same continuously.`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...NODE_FLAGS, json: { type: 'boolean' } });
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'sync', async () => {
      return withNode(config, async (node) => {
        const outcomes = await (await pullerFor(node)).syncAll();
        if (values.json) io.stdout(`${JSON.stringify(outcomes)}\n`);
        for (const o of outcomes) {
          const counts = o.result
            ? `${o.result.applied} applied, ${o.result.deleted} retracted, ${o.result.ignored} already known, cursor ${o.result.cursor}`
            : '';
          if (!values.json) io.stdout(`${o.peer}: ${counts}\n`);
          if (o.error) io.stderr(`diboli sync: ${o.peer}: ${o.error}\n`);
        }
        return outcomes.some((o) => o.error) ? 1 : 0;
      });
    });
  },
};
