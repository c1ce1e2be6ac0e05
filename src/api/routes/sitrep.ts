import { Type } from '@sinclair/typebox';
import { SITREP_FORMATS } from '../../services/situation-report.js';
import { actorOf } from '../authentication.js';
import { DOCUMENT_POLICY } from '../browser-hardening.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IsoDateOrDateTime, vocabulary } from '../../contracts/schema-kit.js';
import { sendBytes } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const SitrepQuery = Type.Object(
  {
    from: IsoDateOrDateTime,
    to: IsoDateOrDateTime,
    lang: Type.Optional(vocabulary(['fr', 'en'] as const)),
    format: Type.Optional(vocabulary(SITREP_FORMATS)),
    for: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{2}$',
        description: 'The nation whose view the report shows (default: the caller’s); the node’s own officers may make a partner’s version, to hand it over',
      }),
    ),
  },
  { additionalProperties: false },
);

export async function sitrepRoutes(app: TypedApp, { situationReports }: Services): Promise<void> {
  app.get(
    '/api/v1/sitrep',
    {
      config: { helmet: DOCUMENT_POLICY },
      schema: {
        tags: ['early warning'],
        summary: 'Situation report of a period, as the caller’s nation sees it (HTML, PDF or Markdown)',
        querystring: SitrepQuery,
        produces: ['text/html', 'application/pdf', 'text/markdown'],
        response: { 200: Type.String(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const report = await situationReports.forOfficer(actorOf(request), {
        from: q.from,
        to: q.to,
        lang: q.lang ?? 'fr',
        format: q.format ?? 'html',
        ...(q.for ? { audience: q.for } : {}),
      });
      const extension = { 'text/markdown; charset=utf-8': 'md', 'text/html; charset=utf-8': 'html', 'application/pdf': 'pdf' }[report.contentType] ?? 'txt';
      reply.header('content-disposition', `inline; filename="sitrep-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.${extension}"`);
      return sendBytes(reply.type(report.contentType), report.body);
    },
  );
}
