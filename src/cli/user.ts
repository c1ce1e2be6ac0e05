import { openStore } from '../store/database.js';
import { addUser } from '../services/auth-service.js';
import { createNodeContext } from '../services/node-context.js';
import { ROLES, type Role } from '../domain/user.js';
import { attachCredential, checkCredentialFor, readCredential } from '../services/secondments.js';
import { readText } from './secondment.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const userCommand: Command = {
  summary: 'add or list users of the node',
  help: `Usage: diboli user add --data DIR --username U --nation ML --role coordinator [--name "Display Name"]
       diboli user list --data DIR

The password is read from standard input (one line), so it never shows in the process list:
  echo 'a long passphrase' | diboli user add --data ./node --username awa.diallo --nation ML --role coordinator

Roles: ${ROLES.join(', ')}.
The nation is the user's own: a partner officer seconded to this node keeps their nation.

  --credential FILE   for a partner nation's officer: the secondment credential its own node
                      signed (\`diboli secondment issue\` there); it gives the nation and role when
                      --nation and --role are left out. Checked against the key registered for
                      that nation's node (\`diboli peer add\`). Without one, a partner nation's
                      account reads what is released to its nation and writes nothing.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, username: { type: 'string' }, nation: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, credential: { type: 'string' } });
    const [verb] = positionals;
    const config = configFrom(values);
    if (verb !== 'add' && verb !== 'list') throw new UsageError('expected "add" or "list"');
    if (verb === 'add' && (!values.username || ((!values.nation || !values.role) && !values.credential))) throw new UsageError('add needs --username, --nation and --role');
    return reportingErrors(io.stderr, 'user', async () => {
      const store = await openStore(config.dataDir, { synchronous: config.synchronous });
      try {
        const node = await createNodeContext(config, store);
        if (verb === 'list') {
          for (const u of await node.repos.users.list()) io.stdout(`${u.username}\t${u.nation}\t${u.role}\t${u.displayName}\n`);
          return 0;
        }
        // A partner officer's credential is checked before the account exists, so a refused one leaves nothing behind.
        const credential = values.credential === undefined ? undefined : readCredential(readText(values.credential));
        const nation = (values.nation ?? credential?.issuer ?? '').toUpperCase();
        const role = values.role ?? credential?.role ?? '';
        if (credential) await checkCredentialFor(node, credential, { username: values.username!.toLowerCase(), nation, role: role as Role });
        const password = (await io.readStdin()).replace(/\r?\n$/, '');
        const user = await addUser(node, { username: values.username!, nation, role, password, displayName: values.name });
        if (credential) await attachCredential(node, user, credential);
        io.stdout(`User ${user.username} (${user.nation}, ${user.role}) added.\n`);
        if (credential) io.stdout(`Seconded by ${credential.issuer} until ${credential.expiresAt} (credential ${credential.id}).\n`);
        else if (user.nation !== node.nation) io.stdout(`No credential from ${user.nation}'s node: this account reads what is released to ${user.nation} and writes nothing.\n`);
        return 0;
      } finally {
        await store.close();
      }
    });
  },
};
