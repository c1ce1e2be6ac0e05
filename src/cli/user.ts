import { openStore } from '../store/database.js';
import { addUser } from '../services/auth-service.js';
import { createNodeContext } from '../services/node-context.js';
import { ROLES } from '../domain/user.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const userCommand: Command = {
  summary: 'add or list users of the node',
  help: `Usage: diboli user add --data DIR --username U --nation ML --role coordinator [--name "Display Name"]
       diboli user list --data DIR

The password is read from standard input (one line), so it never shows in the process list:
  echo 'a long passphrase' | diboli user add --data ./node --username awa.diallo --nation ML --role coordinator

Roles: ${ROLES.join(', ')}.
The nation is the user's own: a partner officer seconded to this node keeps their nation.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, username: { type: 'string' }, nation: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } });
    const [verb] = positionals;
    const config = configFrom(values);
    if (verb !== 'add' && verb !== 'list') throw new UsageError('expected "add" or "list"');
    if (verb === 'add' && (!values.username || !values.nation || !values.role)) throw new UsageError('add needs --username, --nation and --role');
    return reportingErrors(io.stderr, 'user', async () => {
      const store = await openStore(config.dataDir, { synchronous: config.synchronous });
      try {
        const node = await createNodeContext(config, store);
        if (verb === 'list') {
          for (const u of await node.repos.users.list()) io.stdout(`${u.username}\t${u.nation}\t${u.role}\t${u.displayName}\n`);
          return 0;
        }
        const password = (await io.readStdin()).replace(/\r?\n$/, '');
        const user = await addUser(node, { username: values.username!, nation: values.nation!.toUpperCase(), role: values.role!, password, displayName: values.name });
        io.stdout(`User ${user.username} (${user.nation}, ${user.role}) added.\n`);
        return 0;
      } finally {
        await store.close();
      }
    });
  },
};
