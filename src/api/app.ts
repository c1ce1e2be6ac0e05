import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { NodeConfig } from '../config.js';
import { markRoutesPublic, registerAuthentication } from './authentication.js';
import { asOpenApi30Document, describeRoute } from './openapi-document.js';
import { allowInlineStyles, refuseForeignCookieWrites, registerSecurityHeaders } from './browser-hardening.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './error-handler.js';
import { alertRoutes } from './routes/alerts.js';
import { authRoutes } from './routes/auth.js';
import { earlyWarningRoutes } from './routes/early-warning.js';
import { exchangeRoutes } from './routes/exchange.js';
import { federationRoutes } from './routes/federation.js';
import { fieldMessageRoutes } from './routes/field-messages.js';
import { healthRoutes } from './routes/health.js';
import { incidentRoutes } from './routes/incidents.js';
import { mapRoutes } from './routes/map.js';
import { incidentTileRoutes } from './routes/incident-tiles.js';
import { trackTileRoutes } from './routes/track-tiles.js';
import { newsRoutes } from './routes/news.js';
import { patrolRoutes } from './routes/patrols.js';
import { fieldRoutes } from './routes/field.js';
import { publicAlertRoutes } from './routes/public-alerts.js';
import { referenceRoutes } from './routes/reference.js';
import { sitrepRoutes } from './routes/sitrep.js';
import { streamRoutes } from './routes/stream.js';
import { takRoutes } from './routes/tak.js';
import type { Services } from './services.js';
import { acceptJsonBodiesOnly, validatorCompilers } from './validation.js';

/** The built web UI, when there is one: `web/dist` beside `dist/`. */
function webRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../../../web/dist'), join(here, '../../web/dist')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

export interface HttpAppOptions {
  logger?: boolean;
  /** Serve the web UI's files at `/` (default: when built). */
  webRoot?: string | false;
}

/** The node's HTTP app: hardening, authentication, the routes over `services`, the API document and the web UI. Built by the composition root (src/composition.ts). */
export async function buildHttpApp(services: Services, config: NodeConfig, options: HttpAppOptions = {}): Promise<FastifyInstance> {
  const { tlsCert, tlsKey, trustProxy } = config;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel === 'silent' ? 'silent' : config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    // X-Forwarded-* headers count only from the proxies listed in the configuration.
    trustProxy: trustProxy ?? false,
    schemaController: validatorCompilers(),
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ...(tlsCert && tlsKey ? { https: { cert: readFileSync(tlsCert), key: readFileSync(tlsKey) } } : {}),
  }) as unknown as FastifyInstance;
  acceptJsonBodiesOnly(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Diboli node API',
        version: '1',
        description: 'One national node of a joint border-surveillance mechanism.',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: describeRoute as never,
    transformObject: asOpenApi30Document as never,
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  registerAuthentication(app, services.auth);
  refuseForeignCookieWrites(app);
  // Patrol leaders reach their node over thin links: the picture of ten thousand incidents is 6 MB
  // of JSON and half a megabyte gzipped. A fast gzip level costs about 40 ms for that much, where
  // brotli would cost three times more for 15 % less. The live stream is left alone (its events
  // must not wait in a compressor's buffer).
  // Vector tiles and glyphs are protocol buffers, which the library's default list leaves out: an
  // incident tile of counted cells shrinks to about a third gzipped.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['gzip', 'deflate'],
    zlibOptions: { level: 4 },
    customTypes: /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)|vnd\.mapbox-vector-tile|x-protobuf/,
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, services);
  await app.register(referenceRoutes, services);
  await app.register(mapRoutes, services);
  await app.register(incidentRoutes, services);
  await app.register(incidentTileRoutes, services);
  await app.register(trackTileRoutes, services);
  await app.register(patrolRoutes, services);
  await app.register(fieldRoutes, services);
  await app.register(newsRoutes, services);
  await app.register(earlyWarningRoutes, services);
  await app.register(alertRoutes, services);
  await app.register(publicAlertRoutes, services);
  await app.register(streamRoutes, services);
  await app.register(sitrepRoutes, services);
  await app.register(federationRoutes, services);
  await app.register(exchangeRoutes, services);
  await app.register(fieldMessageRoutes, services);
  await app.register(takRoutes, services);

  // The API document and the web UI's files are for anyone who reaches the node.
  await app.register(async (publicFiles) => {
    markRoutesPublic(publicFiles);
    await publicFiles.register(async (apiDocument) => {
      allowInlineStyles(apiDocument);
      await apiDocument.register(swaggerUi, { routePrefix: '/api/docs' });
    });
    await servePages(publicFiles, options);
  });
  return app;
}

async function servePages(app: FastifyInstance, options: HttpAppOptions): Promise<void> {
  const root = options.webRoot === undefined ? webRoot() : options.webRoot;
  if (root) {
    // The build leaves brotli and gzip copies beside each file; asset names carry a hash of their
    // content, so a browser may keep them for good, while the page that names them is checked.
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (reply, path) => {
        const hashed = path.includes(`${sep}assets${sep}`);
        reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The field app's address typed by hand on a phone, without its slash, still leads to it.
    if (existsSync(join(root, 'field', 'index.html'))) {
      app.get('/field', { schema: { hide: true } }, (_request, reply) => reply.redirect('/field/', 301));
    }
  }
}
