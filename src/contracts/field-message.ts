import { type Static, Type } from '@sinclair/typebox';
import { NationCodeSchema, Nullable, vocabulary } from './schema-kit.js';
import { FIELD_MESSAGE_OUTCOMES, ROLES } from './vocabularies.js';

// SMS and radio as the operations UI uses them: who an operator may type a message for, what the
// node answered, and the phones bound to users. The web's types come from here.

export const RadioAnswerSchema = Type.Object(
  {
    reply: Type.String(),
    outcome: vocabulary(FIELD_MESSAGE_OUTCOMES),
    reference: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const RadioSenderSchema = Type.Object(
  { id: Type.String(), username: Type.String(), displayName: Type.String(), role: vocabulary(ROLES) },
  { additionalProperties: false },
);

export const UserPhoneSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    nation: NationCodeSchema,
    role: vocabulary(ROLES),
    phone: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export type RadioAnswer = Static<typeof RadioAnswerSchema>;
export type RadioSender = Static<typeof RadioSenderSchema>;
export type UserPhone = Static<typeof UserPhoneSchema>;
