import type { FieldMessageOutcome } from '../contracts/vocabularies.js';
import { createHash } from 'node:crypto';
import { clockTextOf } from '../domain/field-message/clock-time.js';
import type { FieldCommand } from '../domain/field-message/message.js';
import { readFieldMessage } from '../domain/field-message/read-message.js';
import { confirmationReply, helpText, problemReply, refusalReply, replyLanguage } from '../domain/field-message/replies.js';
import { DiboliError, type Lang } from '../domain/errors.js';
import { requireVerb } from '../domain/permissions.js';
import { normalisePhone } from '../domain/phone-number.js';
import type { Actor, User } from '../domain/user.js';
import { MINUTE_MS } from '../kernel/durations.js';
import type { NodeContext } from './node-context.js';
import type { FieldRecords } from './field-records.js';
import { actorFor } from './secondments.js';

/** A retry of the same text by the same sender within this window is the same message. */
export const SAME_MESSAGE_WINDOW_MS = 10 * MINUTE_MS;

/** What the sender is answered: the reply (none for an unknown number), what became of the message, and its reference. */
export interface FieldMessageAnswer {
  reply: string | null;
  outcome: FieldMessageOutcome;
  reference: string | null;
}

/** An SMS as a gateway relays it. */
export interface GatewaySms {
  id: string | null;
  from: string;
  text: string;
  receivedAt?: string;
}

interface Received {
  channel: 'sms' | 'radio' | 'tak';
  gatewayId: string | null;
  gatewayMessageId: string | null;
  sender: User;
  enteredBy: string | null;
  text: string;
  receivedAt: string;
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * SMS relayed by gateways and radio messages typed by an operator: one language, one reader
 * (`domain/field-message`), one reply. A message from a known sender is recorded once — the same
 * gateway message id, or the same sender and text within ten minutes, answers the first reply
 * again — and what it says is written through the same services as the field app.
 */
export class FieldMessages {
  /** One message of a sender at a time, so that retries arriving together are recognised as one. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly node: NodeContext,
    private readonly records: FieldRecords,
  ) {}

  async fromGateway(gateway: { id: string }, sms: GatewaySms): Promise<FieldMessageAnswer> {
    const phone = normalisePhone(sms.from);
    const userId = phone ? await this.node.repos.fieldMessages.userIdByPhone(phone) : undefined;
    const user = userId ? await this.node.repos.users.findById(userId) : undefined;
    const now = this.node.clock.now();
    if (!user) {
      // Nothing is kept of an unknown number, and nothing is answered: the count is all.
      await this.node.repos.fieldMessages.countRefusal(gateway.id, now.toISOString().slice(0, 10));
      return { reply: null, outcome: 'unknown-sender', reference: null };
    }
    const receivedAt = sms.receivedAt && Date.parse(sms.receivedAt) <= now.getTime() ? new Date(sms.receivedAt).toISOString() : now.toISOString();
    return this.receive({ channel: 'sms', gatewayId: gateway.id, gatewayMessageId: sms.id, sender: user, enteredBy: null, text: sms.text, receivedAt });
  }

  /** A radio message typed by an operator (a coordinator) for the leader who read it over the air. */
  async fromRadio(operator: Actor, input: { senderUserId: string; text: string }): Promise<FieldMessageAnswer> {
    requireVerb(operator, 'field.radio');
    const sender = await this.node.repos.users.findById(input.senderUserId);
    if (!sender || sender.nation !== this.node.nation)
      throw new DiboliError('ERR_NOT_A_FIELD_SENDER', { value: input.senderUserId.slice(0, 64) }, 'senderUserId');
    const now = this.node.clock.now().toISOString();
    return this.receive({ channel: 'radio', gatewayId: null, gatewayMessageId: null, sender, enteredBy: operator.userId, text: input.text, receivedAt: now });
  }

  /**
   * A TAK user's chat message to the node, in the same language (`POS …`, `OBS …`): written as
   * theirs, answered as an SMS would be. Chat text that is not a field message gets the same
   * refusal with the right form.
   */
  async fromTak(actor: Actor, text: string): Promise<FieldMessageAnswer> {
    const sender = await this.node.repos.users.findById(actor.userId);
    if (!sender) throw new DiboliError('ERR_NOT_A_FIELD_SENDER', { value: actor.userId.slice(0, 64) });
    const now = this.node.clock.now().toISOString();
    return this.receive({ channel: 'tak', gatewayId: null, gatewayMessageId: null, sender, enteredBy: null, text, receivedAt: now });
  }

  /** Who a radio operator may type messages for: the node's own patrol leaders and coordinators. */
  async radioSenders(operator: Actor): Promise<Pick<User, 'id' | 'username' | 'displayName' | 'role'>[]> {
    requireVerb(operator, 'field.radio');
    const users = await this.node.repos.users.list();
    return users
      .filter((u) => u.nation === this.node.nation && (u.role === 'patrol_lead' || u.role === 'coordinator'))
      .map(({ id, username, displayName, role }) => ({ id, username, displayName, role }));
  }

  private receive(message: Received): Promise<FieldMessageAnswer> {
    const key = message.sender.id;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(
      () => this.handle(message),
      () => this.handle(message),
    );
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
    return next;
  }

  private async handle(message: Received): Promise<FieldMessageAnswer> {
    const read = readFieldMessage(message.text, { receivedAt: message.receivedAt, timeZone: this.node.config.timeZone });
    const lang = replyLanguage(null, read.lang);
    const example = `${this.node.nation}-12`;
    // Too long to read: answered, and nothing is kept.
    if (!read.ok && read.problem.problem === 'too_long') return { reply: problemReply(read.problem, lang, example), outcome: 'too-long', reference: null };

    const now = this.node.clock.now();
    const textDigest = digestOf(message.text.trim());
    const earlier = await this.node.repos.fieldMessages.earlier({
      gatewayId: message.gatewayId,
      gatewayMessageId: message.gatewayMessageId,
      senderUserId: message.sender.id,
      textDigest,
      since: new Date(now.getTime() - SAME_MESSAGE_WINDOW_MS).toISOString(),
    });
    if (earlier) return { reply: earlier.reply, outcome: 'duplicate', reference: earlier.reference };

    // The message's identity: what a retry shares with the first copy, so that records written
    // before a crash are found again by their client id rather than written twice.
    const identity =
      message.gatewayMessageId !== null
        ? `${message.channel}:${message.gatewayId}:${message.gatewayMessageId}`
        : `${message.channel}:${message.sender.id}:${textDigest}:${Math.floor(now.getTime() / SAME_MESSAGE_WINDOW_MS)}`;
    const hash = digestOf(identity);
    const clientId = `${message.channel}-${hash.slice(0, 24)}`;
    const reference = hash.slice(0, 6).toUpperCase();

    let answer: { reply: string; outcome: 'recorded' | 'refused' | 'help'; reference: string | null };
    if (!read.ok) {
      // The form shown names the sender's own patrol when the message got that far.
      answer = { reply: problemReply(read.problem, lang, read.patrolCode ?? example), outcome: 'refused', reference: null };
    } else if (read.command.kind === 'help') {
      answer = { reply: helpText(read.command.topic, lang, example), outcome: 'help', reference: null };
    } else {
      answer = await this.apply(read.command, message, { clientId, reference, lang });
    }
    await this.node.repos.fieldMessages.insert({
      id: this.node.ids.newId(),
      channel: message.channel,
      gatewayId: message.gatewayId,
      gatewayMessageId: message.gatewayMessageId,
      senderUserId: message.sender.id,
      enteredBy: message.enteredBy,
      textDigest,
      receivedAt: message.receivedAt,
      recordedAt: now.toISOString(),
      outcome: answer.outcome,
      reference: answer.reference,
      reply: answer.reply,
    });
    return answer;
  }

  private async apply(
    command: Exclude<FieldCommand, { kind: 'help' }>,
    message: Received,
    ids: { clientId: string; reference: string; lang: Lang },
  ): Promise<{ reply: string; outcome: 'recorded' | 'refused'; reference: string | null }> {
    const actor = await actorFor(this.node, message.sender);
    try {
      const at = await this.records.write(actor, command, { clientId: ids.clientId, via: message.channel });
      const reply = confirmationReply(command, ids.lang, ids.reference, clockTextOf(Date.parse(at), this.node.config.timeZone));
      return { reply, outcome: 'recorded', reference: ids.reference };
    } catch (error) {
      if (!(error instanceof DiboliError) || error.status >= 500) throw error;
      return { reply: refusalReply(error.messageIn(ids.lang), ids.lang), outcome: 'refused', reference: null };
    }
  }
}
