import { type Static, Type } from '@sinclair/typebox';
import { NationCodeSchema, Nullable, vocabulary } from './schema-kit.js';
import { ROLES } from './vocabularies.js';

// Sign-in as the API answers it: the account, the session, a second factor being set up. The
// web's types come from here.

/** A user as the API shows one (never a secret). */
export const UserShownSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  nation: NationCodeSchema,
  role: vocabulary(ROLES),
});
export type UserShown = Static<typeof UserShownSchema>;

const session = { token: Type.String(), expiresAt: Type.String(), user: UserShownSchema };

/** `POST /auth/login`; after a login with a recovery code, how many are left. */
export const LoginAnswerSchema = Type.Object({ ...session, recoveryCodesLeft: Type.Optional(Type.Integer()) });
export type LoginAnswer = Static<typeof LoginAnswerSchema>;

/** A second factor being set up: the secret for the authenticator app, and the otpauth:// address of its QR code. */
export const EnrolmentSchema = Type.Object({ secret: Type.String(), uri: Type.String() });
export type Enrolment = Static<typeof EnrolmentSchema>;

/** The second factor confirmed: a session, and the recovery codes shown once. */
export const EnrolmentConfirmedSchema = Type.Object({ ...session, recoveryCodes: Type.Array(Type.String()) });
export type EnrolmentConfirmed = Static<typeof EnrolmentConfirmedSchema>;

/** A partner's officer seconded to this node: who issued it, the role it gives, until when. */
export const SecondmentShownSchema = Type.Object({ id: Type.String(), issuer: NationCodeSchema, role: vocabulary(ROLES), expiresAt: Type.String() });

/** `GET /me`: the account, the node's nation and, for a partner's officer, its secondment. */
export const SignedInSchema = Type.Composite([UserShownSchema, Type.Object({ nodeNation: NationCodeSchema, secondment: Nullable(SecondmentShownSchema) })]);
export type SignedIn = Static<typeof SignedInSchema>;
