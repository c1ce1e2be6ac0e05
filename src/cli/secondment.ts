import { readFileSync, writeFileSync } from 'node:fs';
import { DiboliError } from '../domain/errors.js';
import { DEFAULT_SECONDMENT_DAYS, MAX_SECONDMENT_DAYS, SECONDED_ROLES } from '../domain/secondment.js';
import { withNode } from '../composition.js';
import { attachCredential, checkCredentialFor, issueSecondment, readCredential, revokeSecondment, withdrawSecondment } from '../services/secondments.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

const VERBS = ['issue', 'revoke', 'list', 'attach', 'withdraw'] as const;

export const secondmentCommand: Command = {
  summary: 'credentials that let a nation’s officers act on a partner’s node',
  help: `Usage: diboli secondment issue    --data DIR --username U --role ROLE --host NATION [--days N] --out FILE
       diboli secondment revoke   --data DIR --id ID
       diboli secondment list     --data DIR
       diboli secondment attach   --data DIR --credential FILE
       diboli secondment withdraw --data DIR --username U

A nation acts on a partner's node only through credentials its own node signed. On the officer's
own node, \`issue\` signs a credential seconding U to the node of NATION as ${SECONDED_ROLES.join(' or ')}
for N days (default ${DEFAULT_SECONDMENT_DAYS}, at most ${MAX_SECONDMENT_DAYS}) and writes it to FILE; \`revoke\` withdraws it — the host
stops honouring it as soon as it has pulled this node's feed.

On the host node, the administrator creates the officer's account with the credential
(\`diboli user add … --credential FILE\`), or \`attach\`es a new one to an existing account (to renew
it). The host checks it against the key registered for the issuing nation's node (\`diboli peer add\`).
\`withdraw\` is the host's own lever: the account then writes nothing. \`list\` shows both sides.

With a valid credential a seconded officer may, on the host node: propose a joint patrol its
nation takes part in, approve it for its nation (coordinator), and acknowledge alerts; it reads
what is released to its nation. Nothing else. An account of a partner nation without one reads
what is released to its nation and writes nothing.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...NODE_FLAGS,
      username: { type: 'string' },
      role: { type: 'string' },
      host: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      id: { type: 'string' },
      credential: { type: 'string' },
    });
    const verb = positionals[0] as (typeof VERBS)[number];
    if (!VERBS.includes(verb)) throw new UsageError(`expected one of ${VERBS.join(', ')}`);
    if (verb === 'issue' && (!values.username || !values.role || !values.host || !values.out))
      throw new UsageError('issue needs --username, --role, --host and --out');
    if (verb === 'revoke' && !values.id) throw new UsageError('revoke needs --id');
    if (verb === 'attach' && !values.credential) throw new UsageError('attach needs --credential');
    if (verb === 'withdraw' && !values.username) throw new UsageError('withdraw needs --username');
    const days = values.days === undefined ? undefined : Number(values.days);
    if (days !== undefined && !Number.isInteger(days)) throw new UsageError('--days must be a whole number');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'secondment', async () => {
      return withNode(config, async (node) => {
        switch (verb) {
          case 'issue': {
            const credential = await issueSecondment(node, { username: values.username!, role: values.role!, host: values.host!, days });
            writeFileSync(values.out!, `${JSON.stringify(credential, null, 2)}\n`, { mode: 0o600 });
            io.stdout(
              `Credential ${credential.id}: ${credential.username} seconded to ${credential.host} as ${credential.role} until ${credential.expiresAt}, written to ${values.out}\n`,
            );
            return 0;
          }
          case 'revoke': {
            const revoked = await revokeSecondment(node, values.id!);
            io.stdout(`Credential ${revoked.id} of ${revoked.username} revoked; ${revoked.host} stops honouring it once it pulls this node's feed.\n`);
            return 0;
          }
          case 'attach': {
            const credential = readCredential(readText(values.credential!));
            const user = await node.repos.users.findByUsername(credential.username);
            if (!user) throw new DiboliError('ERR_NOT_FOUND', { kind: 'user', id: credential.username });
            await attachCredential(node, user, credential);
            io.stdout(`Credential ${credential.id} attached to ${user.username} (${credential.issuer}, ${credential.role}) until ${credential.expiresAt}.\n`);
            return 0;
          }
          case 'withdraw':
            await withdrawSecondment(node, values.username!);
            io.stdout(`Secondment of ${values.username} withdrawn: the account reads what is released to its nation and writes nothing.\n`);
            return 0;
          case 'list': {
            for (const issued of await node.repos.secondments.issued()) {
              const state = issued.revokedAt ? `revoked ${issued.revokedAt}` : `until ${issued.expiresAt}`;
              io.stdout(`issued\t${issued.id}\t${issued.username}\t→ ${issued.host}\t${issued.role}\t${state}\n`);
            }
            for (const user of await node.repos.users.list()) {
              if (user.nation === node.nation) continue;
              const held = await node.repos.secondments.heldBy(user.id);
              let state = 'no credential: reads only';
              if (held) {
                state = `valid until ${held.expiresAt}`;
                try {
                  await checkCredentialFor(node, readCredential(held.credential), user);
                } catch (error) {
                  state = `not honoured: ${(error as DiboliError).messageIn('en')}`;
                }
              }
              io.stdout(`held\t${user.username}\t${user.nation}\t${user.role}\t${state}\n`);
            }
            return 0;
          }
        }
      });
    });
  },
};

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
