import { addUser, changePassword, removeUser, resetSecondFactor } from '../services/accounts.js';
import { withNode } from '../composition.js';
import { ROLES, type Role } from '../contracts/vocabularies.js';
import { MIN_PASSWORD_LENGTH } from '../domain/password-policy.js';
import { attachCredential, checkCredentialFor, readCredential } from '../services/secondments.js';
import { FieldSenders } from '../services/field-senders.js';
import { readText } from './secondment.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

const VERBS = ['add', 'list', 'password', 'reset-2fa', 'remove', 'phone'] as const;
type Verb = (typeof VERBS)[number];

export const userCommand: Command = {
  summary: 'add, list or remove users; set a password; reset a second factor',
  help: `Usage: diboli user add --data DIR --username U --nation ML --role coordinator [--name "Display Name"]
       diboli user list --data DIR
       diboli user password --data DIR --username U
       diboli user reset-2fa --data DIR --username U
       diboli user remove --data DIR --username U
       diboli user phone --data DIR --username U --phone +22376000000   (--phone none unbinds)

Passwords are read from standard input (one line), so they never show in the process list:
  echo 'a long passphrase' | diboli user add --data ./node --username awa.diallo --nation ML --role coordinator
A password has at least ${MIN_PASSWORD_LENGTH} characters, is not made from the username, and is not easy to
guess (common passwords, keyboard runs, French or English words, dates): several unrelated words do.

  password    sets a new password; the user's open sessions end.
  reset-2fa   forgets the user's second factor and recovery codes (a lost phone) and ends their
              sessions: at the next login they set up an authenticator app again.
  remove      removes the account; its sessions end.
  phone       binds the user's phone number for SMS field messages (docs/field-messages.md);
              a number belongs to one user.

Roles: ${ROLES.join(', ')}.
Coordinators and administrators log in with a second factor (an authenticator app), set up at
their first login.
The nation is the user's own: a partner officer seconded to this node keeps their nation.

  --credential FILE   for a partner nation's officer: the secondment credential its own node
                      signed (\`diboli secondment issue\` there); it gives the nation and role when
                      --nation and --role are left out. Checked against the key registered for
                      that nation's node (\`diboli peer add\`). Without one, a partner nation's
                      account reads what is released to its nation and writes nothing.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...NODE_FLAGS,
      username: { type: 'string' },
      nation: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      credential: { type: 'string' },
      phone: { type: 'string' },
    });
    const verb = positionals[0] as Verb | undefined;
    const config = configFrom(values);
    if (!verb || !VERBS.includes(verb)) throw new UsageError(`expected one of ${VERBS.join(', ')}`);
    if (verb === 'add' && (!values.username || ((!values.nation || !values.role) && !values.credential)))
      throw new UsageError('add needs --username, --nation and --role');
    if (verb !== 'add' && verb !== 'list' && !values.username) throw new UsageError(`${verb} needs --username`);
    if (verb === 'phone' && !values.phone) throw new UsageError('phone needs --phone (a number, or none)');
    return reportingErrors(io.stderr, 'user', async () => {
      return withNode(config, async (node) => {
        const username = values.username!;
        switch (verb) {
          case 'list':
            for (const u of await node.repos.users.list()) io.stdout(`${u.username}\t${u.nation}\t${u.role}\t${u.displayName}\n`);
            return 0;
          case 'add': {
            // A partner officer's credential is checked before the account exists, so a refused one leaves nothing behind.
            const credential = values.credential === undefined ? undefined : readCredential(readText(values.credential));
            const nation = (values.nation ?? credential?.issuer ?? '').toUpperCase();
            const role = values.role ?? credential?.role ?? '';
            if (credential) await checkCredentialFor(node, credential, { username: username.toLowerCase(), nation, role: role as Role });
            const password = (await io.readStdin()).replace(/\r?\n$/, '');
            const user = await addUser(node, { username, nation, role, password, displayName: values.name });
            if (credential) await attachCredential(node, user, credential);
            io.stdout(`User ${user.username} (${user.nation}, ${user.role}) added.\n`);
            if (credential) io.stdout(`Seconded by ${credential.issuer} until ${credential.expiresAt} (credential ${credential.id}).\n`);
            else if (user.nation !== node.nation)
              io.stdout(`No credential from ${user.nation}'s node: this account reads what is released to ${user.nation} and writes nothing.\n`);
            return 0;
          }
          case 'password': {
            const user = await changePassword(node, username, (await io.readStdin()).replace(/\r?\n$/, ''));
            io.stdout(`Password of ${user.username} changed; their sessions have ended.\n`);
            return 0;
          }
          case 'reset-2fa': {
            const user = await resetSecondFactor(node, username);
            io.stdout(`Second factor of ${user.username} reset; they set up an authenticator app again at their next login.\n`);
            return 0;
          }
          case 'phone': {
            const phone = values.phone === 'none' ? null : values.phone!;
            const bound = await new FieldSenders(node).bindPhone(undefined, username, phone);
            io.stdout(bound.phone ? `Phone ${bound.phone} bound to ${bound.user.username}.\n` : `${bound.user.username} has no phone number now.\n`);
            return 0;
          }
          case 'remove': {
            const user = await removeUser(node, username);
            io.stdout(`User ${user.username} removed.\n`);
            return 0;
          }
        }
      });
    });
  },
};
