import { withStore } from '../composition.js';
import { repositoriesOf } from '../store/repositories.js';
import { DiboliError } from '../domain/errors.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const nodeCommand: Command = {
  summary: "show this node's nation and public key (to give to partner nodes)",
  help: `Usage: diboli node info --data DIR [--json]

Prints the node's nation and its Ed25519 public key. Partners register this key with
\`diboli peer add … --key KEY\`; only requests and envelopes signed by it are accepted from this node.

Options:
  --json         print {"nation", "publicKey"} as JSON`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, json: { type: 'boolean' } });
    if (positionals[0] !== 'info') throw new UsageError('expected "info"');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'node', async () => {
      return withStore(config, async (store) => {
        const repos = repositoriesOf(store);
        const identity = await repos.node.identity();
        const keys = await repos.keys.keys();
        if (!identity || !keys) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
        if (values.json) io.stdout(`${JSON.stringify({ nation: identity.nation, publicKey: keys.publicKey })}\n`);
        else io.stdout(`Nation:     ${identity.nation}\nPublic key: ${keys.publicKey}\n`);
        return 0;
      });
    });
  },
};
