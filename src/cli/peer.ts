import { withNode } from '../composition.js';
import { registerPeer } from '../services/peer-registration.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const peerCommand: Command = {
  summary: 'register or list partner nodes (nation, address, public key)',
  help: `Usage: diboli peer add --data DIR --nation SN --url http://127.0.0.1:8081 --key PUBLIC_KEY
       diboli peer list --data DIR [--json]

A peer is the node of a partner nation of the mechanism. This node pulls the peer's feed from
its address and serves its own feed only to requests signed by the peer's key. Get the key from
the partner's \`diboli node info\`. Adding a nation again changes its address or key.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...NODE_FLAGS,
      nation: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [verb] = positionals;
    if (verb !== 'add' && verb !== 'list') throw new UsageError('expected "add" or "list"');
    if (verb === 'add' && (!values.nation || !values.url || !values.key)) throw new UsageError('add needs --nation, --url and --key');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'peer', async () => {
      return withNode(config, async (node) => {
        if (verb === 'add') {
          const peer = await registerPeer(node, { nation: values.nation!, url: values.url!, key: values.key! });
          io.stdout(`Peer ${peer.nation} registered at ${peer.url}\n`);
          return 0;
        }
        const peers = await node.repos.peers.list();
        if (values.json) {
          io.stdout(`${JSON.stringify(peers)}\n`);
          return 0;
        }
        for (const p of peers) {
          const state = p.lastError ? `last error ${p.lastErrorAt}: ${p.lastError}` : p.lastSuccessAt ? `last pull ${p.lastSuccessAt}` : 'never pulled';
          io.stdout(`${p.nation}\t${p.url}\t${p.publicKey}\tcursor ${p.cursor}\t${state}\n`);
        }
        return 0;
      });
    });
  },
};
