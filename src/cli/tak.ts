import { writeFileSync } from 'node:fs';
import { withNode } from '../composition.js';
import { initTakCa, loadTakCa, serverNameOf } from '../services/tak-ca.js';
import { enrolTakUser, revokeTakUser } from '../services/tak-enrolment.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

/** TAK's usual TLS streaming port, written in data packages when the node's own is not set. */
const TAK_USUAL_PORT = 8089;

export const takCommand: Command = {
  summary: 'TAK clients (ATAK, WinTAK): the node’s certificate authority, enrolment, revocation',
  help: `Usage: diboli tak ca init --data DIR [--server NAME]
       diboli tak enrol   --data DIR --username U --out FILE.zip [--server NAME] [--tak-port PORT]
       diboli tak revoke  --data DIR --username U

The node is the certificate authority of its TAK clients (docs/tak.md).

  ca init   makes the CA and the certificate of the node's TAK port, in DIR/tak/ (readable by the
            node's account only). --server: the host name or address TAK clients reach the node
            by (also localhost and 127.0.0.1).
  enrol     issues a client certificate for user U (an account of this node: the TAK client then
            sees what U's nation may see) and writes the data package ATAK and WinTAK import in
            one step: the certificate, the CA and the connection to NAME:PORT (default the name
            given at \`ca init\`, and the node's TAK port, else ${TAK_USUAL_PORT}). The package holds its own password: hand it over like one.
  revoke    revokes every TAK certificate of U; the running node closes U's TAK connections
            within seconds and refuses them from then on.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...NODE_FLAGS,
      username: { type: 'string' },
      out: { type: 'string' },
      server: { type: 'string' },
      'tak-port': { type: 'string' },
    });
    const verb = positionals.join(' ');
    if (!['ca init', 'enrol', 'revoke'].includes(verb)) throw new UsageError('expected ca init, enrol or revoke');
    if (verb === 'enrol' && (!values.username || !values.out)) throw new UsageError('enrol needs --username and --out');
    if (verb === 'revoke' && !values.username) throw new UsageError('revoke needs --username');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'tak', async () => {
      return withNode(config, async (node) => {
        if (verb === 'ca init') {
          const server = values.server ?? config.takHost ?? config.host;
          initTakCa(config.dataDir, node.nation, [server], node.clock.now());
          io.stdout(`TAK certificate authority of ${node.nation} made in ${config.dataDir}/tak/, its server certificate for ${server}.\n`);
        } else if (verb === 'enrol') {
          const port = config.takPort || TAK_USUAL_PORT;
          const server = values.server ?? serverNameOf(loadTakCa(config.dataDir));
          const enrolment = await enrolTakUser(node, { username: values.username!, host: server, port });
          writeFileSync(values.out!, enrolment.zip, { mode: 0o600 });
          io.stdout(
            `Data package for ${values.username} written to ${values.out} (certificate ${enrolment.serial}, until ${enrolment.expiresAt}; server ${server}:${port}). Import it in ATAK or WinTAK.\n`,
          );
        } else {
          const count = await revokeTakUser(node, values.username!);
          io.stdout(`${count} TAK certificate(s) of ${values.username} revoked; the node closes their connections.\n`);
        }
        return 0;
      });
    });
  },
};
