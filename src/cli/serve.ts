import { openNode } from '../composition.js';
import type { NodeConfig } from '../config.js';
import type { Command, CommandIO } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors, SERVE_FLAGS, SERVE_FLAGS_HELP } from './options.js';

/** Runs the node until SIGINT/SIGTERM; resolves with the exit code once closed. */
export async function serveNode(
  config: NodeConfig,
  io: CommandIO,
  banner: (url: string) => string = (url) => `Diboli node listening on ${url}\n`,
): Promise<number> {
  const { app, puller, tak, close } = await openNode(config, { logger: config.logLevel !== 'silent' });
  const address = await app.listen({ host: config.host, port: config.port });
  const takPort = tak && config.takPort !== undefined ? await tak.listen(config.takPort, config.takHost ?? config.host) : undefined;
  const takPlainPort = tak && config.takPlainPort !== undefined ? await tak.listenPlain(config.takPlainPort, config.takPlainUser!) : undefined;
  // Pulls partner feeds for as long as the node runs.
  puller?.start();
  const url = address.replace('[::1]', 'localhost');
  io.stdout(banner(url));
  if (takPort !== undefined) io.stdout(`TAK clients: TLS on port ${takPort} (certificates from \`diboli tak enrol\`)\n`);
  if (takPlainPort !== undefined) io.stdout(`TAK on 127.0.0.1:${takPlainPort} without TLS, as ${config.takPlainUser}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await close();
  return 0;
}

export const serveCommand: Command = {
  summary: 'run the node: HTTP API, web UI and OpenAPI document',
  help: `Usage: diboli serve --data DIR [--host 127.0.0.1] [--port 8080] [--tls-cert FILE --tls-key FILE] [--trust-proxy LIST]

Serves the node's HTTP API under /api/v1, its OpenAPI document at /api/docs, the web UI at /
and /healthz. Stop with Ctrl-C (SIGINT) or SIGTERM. Other settings come from the environment
(DIBOLI_*) or DIR/diboli.toml.

Options:
  --data DIR          the node's data folder (made by \`diboli init\` or \`diboli demo\`)
  --host HOST         address to listen on (default 127.0.0.1)
  --port PORT         port (default 8080; 0 picks a free one)
${SERVE_FLAGS_HELP}

HTTPS: give the node its certificate and key (--tls-cert/--tls-key), or put it behind a reverse
proxy that ends TLS, passes the Host header and sets X-Forwarded-Proto, and list that proxy's
address with --trust-proxy. Either way the session cookie is then marked Secure.`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...NODE_FLAGS, ...SERVE_FLAGS });
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'serve', () => serveNode(config, io));
  },
};
