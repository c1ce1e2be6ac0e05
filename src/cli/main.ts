import type { Command, CommandIO } from './command.js';
import { UsageError } from './command.js';

// Commands load lazily so that `diboli extract` does not pay for the server's imports.
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init.js')).initCommand,
  user: async () => (await import('./user.js')).userCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  node: async () => (await import('./node-info.js')).nodeCommand,
  peer: async () => (await import('./peer.js')).peerCommand,
  sync: async () => (await import('./sync.js')).syncCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  secondment: async () => (await import('./secondment.js')).secondmentCommand,
  extract: async () => (await import('./extract.js')).extractCommand,
  ingest: async () => (await import('./ingest.js')).ingestCommand,
  sitrep: async () => (await import('./sitrep.js')).sitrepCommand,
  import: async () => (await import('./import.js')).importCommand,
  gateway: async () => (await import('./gateway.js')).gatewayCommand,
  tak: async () => (await import('./tak.js')).takCommand,
};

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

async function generalHelp(): Promise<string> {
  const lines = ['Usage: diboli <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `diboli <command> --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await generalHelp());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`diboli: unknown command "${name}". Run \`diboli --help\` for the list.\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : command.help + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`diboli ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
