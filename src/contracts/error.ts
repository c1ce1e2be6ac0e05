import { type Static, Type } from '@sinclair/typebox';

// The body of every refusal, whatever the route: the catalogue's code, its message in the
// caller's language, the first refused field and, for a schema refusal, every one of them.

export const ErrorSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'Every field the request’s schema refused, each once (the first is also `field`)',
      }),
    ),
  },
  { $id: 'Error', description: 'A coded error; the message follows Accept-Language (fr by default, en).' },
);
export type ErrorBody = Static<typeof ErrorSchema>;
