import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { AuthService } from '../services/auth-service.js';
import { IncidentService } from '../services/incident-service.js';
import type { NodeContext } from '../services/node-context.js';
import { PatrolService } from '../services/patrol-service.js';
import { registerAuthentication } from './authentication.js';
import { registerErrorHandling } from './error-handler.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { incidentRoutes } from './routes/incidents.js';
import { patrolRoutes } from './routes/patrols.js';
import { referenceRoutes } from './routes/reference.js';
import type { Services } from './services.js';

/** The built web UI, when there is one: `web/dist` beside `dist/`. */
function webRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../../../web/dist'), join(here, '../../web/dist')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

export interface AppOptions {
  logger?: boolean;
  /** Serve the web UI's files at `/` (default: when built). */
  webRoot?: string | false;
}

export async function buildApp(node: NodeContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: node.config.logLevel === 'silent' ? 'silent' : node.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });

  let gazetteer: Promise<Gazetteer> | undefined;
  const services: Services = {
    node,
    auth: new AuthService(node),
    incidents: new IncidentService(node),
    patrols: new PatrolService(node),
    gazetteer: () => (gazetteer ??= loadGazetteer()),
  };

  await app.register(swagger, {
    openapi: {
      info: { title: 'Diboli node API', version: '1', description: 'One national node of a joint border-surveillance mechanism.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  registerAuthentication(app, services.auth);

  await app.register(healthRoutes);
  await app.register(authRoutes, services);
  await app.register(referenceRoutes, services);
  await app.register(incidentRoutes, services);
  await app.register(patrolRoutes, services);

  const root = options.webRoot === undefined ? webRoot() : options.webRoot;
  if (root) await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  return app;
}
