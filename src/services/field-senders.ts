import { createHash, randomBytes } from 'node:crypto';
import { DiboliError } from '../domain/errors.js';
import { requireVerb } from '../domain/permissions.js';
import { normalisePhone } from '../domain/phone-number.js';
import type { Actor, User } from '../domain/user.js';
import type { NodeContext } from './node-context.js';

/** A gateway's token is kept as its hash, as session tokens are: the database alone lets no one post as a gateway. */
export function gatewayTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Who may send field messages: the phone numbers bound to users (by the administrator, on the
 * command line or in the administration screen) and the SMS gateways that relay them.
 */
export class FieldSenders {
  constructor(private readonly node: NodeContext) {}

  /** Binds a phone number to a user (null unbinds). `actor` undefined: the node's own command line. */
  async bindPhone(actor: Actor | undefined, username: string, phone: string | null): Promise<{ user: User; phone: string | null }> {
    if (actor) requireVerb(actor, 'user.manage');
    const user = await this.node.repos.users.findByUsername(username.toLowerCase());
    if (!user) throw new DiboliError('ERR_NOT_FOUND', { kind: 'user', id: username }, 'username');
    if (phone === null || phone.trim() === '') {
      await this.node.repos.fieldMessages.unbindPhone(user.id);
      return { user, phone: null };
    }
    const number = normalisePhone(phone);
    if (!number) throw new DiboliError('ERR_BAD_PHONE', { value: phone.slice(0, 32) }, 'phone');
    const bound = await this.node.repos.fieldMessages.bindPhone(user.id, number, this.node.clock.now().toISOString());
    if (!bound) throw new DiboliError('ERR_PHONE_TAKEN', { value: number }, 'phone');
    return { user, phone: number };
  }

  /** The node's users with their phone numbers, for the administrator. */
  async usersWithPhones(actor: Actor): Promise<(User & { phone: string | null })[]> {
    requireVerb(actor, 'user.manage');
    const [users, phones] = await Promise.all([this.node.repos.users.list(), this.node.repos.fieldMessages.phones()]);
    return users.map((u) => ({ ...u, phone: phones.get(u.id) ?? null }));
  }

  /** Registers a gateway; the token is shown once and only its hash is kept. */
  async addGateway(name: string): Promise<{ id: string; name: string; token: string }> {
    const clean = name.trim();
    if (!/^[\p{L}\p{N} ._-]{1,64}$/u.test(clean))
      throw new DiboliError('ERR_VALIDATION', { detail: 'name: 1 to 64 letters, digits, spaces, dots, dashes' }, 'name');
    const token = `dgw_${randomBytes(32).toString('base64url')}`;
    const gateway = { id: this.node.ids.newId(), name: clean, tokenHash: gatewayTokenHash(token), createdAt: this.node.clock.now().toISOString() };
    if (!(await this.node.repos.fieldMessages.addGateway(gateway))) throw new DiboliError('ERR_GATEWAY_NAME_TAKEN', { value: clean }, 'name');
    return { id: gateway.id, name: clean, token };
  }

  /** The gateway a bearer token names, or the catalogue's 401. */
  async gateway(token: string | undefined): Promise<{ id: string; name: string }> {
    const gateway = token ? await this.node.repos.fieldMessages.gatewayByTokenHash(gatewayTokenHash(token)) : undefined;
    if (!gateway) throw new DiboliError('ERR_GATEWAY_UNAUTHENTICATED');
    return gateway;
  }
}
