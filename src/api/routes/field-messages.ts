import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { DiboliError } from '../../domain/errors.js';
import { escapeXml } from '../../kernel/xml-text.js';
import { actorOf } from '../authentication.js';
import { ErrorSchema } from '../../contracts/error.js';
import { Nullable } from '../../contracts/schema-kit.js';
import { sendBytes } from '../raw-reply.js';
import { RadioAnswerSchema, RadioSenderSchema, UserPhoneSchema } from '../../contracts/field-message.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 415: ErrorSchema, 422: ErrorSchema };

/** Longer than any message read (480 characters), so that a long one is answered rather than refused unread. */
const TEXT = Type.String({ maxLength: 4096 });

const SmsJsonSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128, description: 'The gateway’s id of the message: a retry carries the same one' }),
    from: Type.String({ minLength: 1, maxLength: 40, description: 'Sender’s number, international form (+223…)' }),
    text: TEXT,
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the gateway received it (default: now)' })),
  },
  { additionalProperties: false, title: 'SMS (JSON)' },
);

/** The fields SMS gateways commonly post as a form (Twilio's names); a gateway's other fields are ignored. */
const SmsFormSchema = Type.Object(
  {
    From: Type.String({ minLength: 1, maxLength: 40 }),
    Body: TEXT,
    MessageSid: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: true, title: 'SMS (form fields)' },
);

const AnswerSchema = Type.Object(
  {
    reply: Nullable(Type.String({ description: 'The text to send back to the sender; null: send nothing (unknown number)' })),
  },
  { additionalProperties: false },
);

const FORM = 'application/x-www-form-urlencoded';

/** The reply as a TwiML-like document, for gateways that post forms: one message, or none. */
function xmlAnswer(reply: string | null): string {
  const body = reply === null ? '<Response/>' : `<Response><Message>${escapeXml(reply)}</Message></Response>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/** SMS from gateways, radio messages typed by an operator, and the phone numbers bound to users. */
export async function fieldMessageRoutes(app: TypedApp, { fieldMessages, fieldSenders }: Services): Promise<void> {
  await app.register(async (sms: TypedApp) => {
    const gateways = new WeakMap<FastifyRequest, { id: string; name: string }>();
    // A gateway holds no user's token but its own: checked here, before the body is read.
    sms.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      gateways.set(request, await fieldSenders.gateway(header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined));
    });
    sms.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    sms.addContentTypeParser('*', (_request, _payload, done) => done(new DiboliError('ERR_SMS_BODY_TYPE'), undefined));
    sms.post(
      '/api/v1/field/sms',
      {
        // Public to user sessions only: the caller is an SMS gateway, authenticated by its own token in the hook above.
        config: { public: true },
        bodyLimit: 16 * 1024,
        schema: {
          tags: ['field'],
          summary: 'An SMS relayed by a gateway (its token as Authorization: Bearer); answers the reply to send back',
          description:
            'JSON `{id, from, text, receivedAt?}` answers `{reply}`; a form post (`From`, `Body`, `MessageSid`) answers `text/xml` `<Response><Message>…</Message></Response>` (`<Response/>` for no reply). The same gateway message id, or the same sender and text within 10 minutes, is recorded once and answered the same reply. Numbers bound to no user get no reply and leave only a count. Texts over 480 characters are answered a refusal and kept nowhere. See docs/field-messages.md.',
          consumes: ['application/json', FORM],
          body: Type.Union([SmsJsonSchema, SmsFormSchema]),
          response: { 200: AnswerSchema, ...errors },
        },
      },
      async (request, reply) => {
        const gateway = gateways.get(request);
        if (!gateway) throw new DiboliError('ERR_GATEWAY_UNAUTHENTICATED');
        const body = request.body;
        const message =
          'Body' in body
            ? { id: body.MessageSid ?? null, from: body.From, text: body.Body }
            : { id: body.id, from: body.from, text: body.text, receivedAt: body.receivedAt };
        const answer = await fieldMessages.fromGateway(gateway, message);
        if (request.headers['content-type']?.startsWith(FORM)) return sendBytes(reply.type('text/xml; charset=utf-8'), xmlAnswer(answer.reply));
        return { reply: answer.reply };
      },
    );
  });

  app.get(
    '/api/v1/field/radio/senders',
    {
      schema: {
        tags: ['field'],
        summary: 'Whom a radio operator may type messages for: the node’s patrol leaders and coordinators (coordinators)',
        response: { 200: Type.Array(RadioSenderSchema), ...errors },
      },
    },
    async (request) => fieldMessages.radioSenders(actorOf(request)),
  );

  app.post(
    '/api/v1/field/radio',
    {
      schema: {
        tags: ['field'],
        summary: 'A radio message typed by an operator for the leader who read it (coordinators): same language and replies as SMS',
        body: Type.Object({ senderUserId: Type.String({ minLength: 1, maxLength: 100 }), text: TEXT }, { additionalProperties: false }),
        response: { 200: RadioAnswerSchema, ...errors },
      },
    },
    async (request) => {
      const answer = await fieldMessages.fromRadio(actorOf(request), request.body);
      return { ...answer, reply: answer.reply ?? '' };
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'The node’s users and their phone numbers (administrators)',
        response: { 200: Type.Array(UserPhoneSchema), ...errors },
      },
    },
    async (request) => fieldSenders.usersWithPhones(actorOf(request)),
  );

  app.put(
    '/api/v1/users/:username/phone',
    {
      schema: {
        tags: ['users'],
        summary: 'Binds a phone number to a user for field messages, or unbinds it with null (administrators)',
        params: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.Object({ phone: Nullable(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ username: Type.String(), phone: Nullable(Type.String()) }, { additionalProperties: false }), ...errors },
      },
    },
    async (request) => {
      const { user, phone } = await fieldSenders.bindPhone(actorOf(request), request.params.username, request.body.phone);
      return { username: user.username, phone };
    },
  );
}
