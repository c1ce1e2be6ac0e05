import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DiboliError } from '../../domain/errors.js';
import { ANCHORS_PATH } from '../../federation/anchors.js';
import { DEFAULT_PAGE, FEED_PATH, FeedServer, MAX_PAGE, MAX_WAIT_SECONDS } from '../../federation/feed-server.js';
import { parsePrivateKey } from '../../federation/node-keys.js';
import { HEADER_SIGNATURE } from '../../federation/request-signature.js';
import type { Peer } from '../../domain/peer.js';
import type { Services } from '../services.js';

const FeedQuery = Type.Object(
  {
    after: Type.Integer({ minimum: 0, default: 0 }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE }),
    wait: Type.Integer({ minimum: 0, maximum: MAX_WAIT_SECONDS, default: 0 }),
  },
  { additionalProperties: false },
);

/**
 * The federation feed. It lies outside /api/, so user tokens play no part: a caller is a partner
 * node, authenticated by its signed request before anything else (even the query) is looked at.
 */
export async function federationRoutes(app: FastifyInstance, { node }: Services): Promise<void> {
  const keys = await node.repos.keys.keys();
  if (!keys) return; // a node without keys takes no part in federation until `diboli init` gives it some
  const server = new FeedServer({
    db: node.store.db,
    self: node.nation,
    privateKey: parsePrivateKey(keys.privateKey),
    peers: node.repos.peers,
    outbox: node.repos.outbox,
    audit: node.repos.audit,
    anchors: node.repos.anchors,
    secondments: node.repos.secondments,
    clock: node.clock,
    replayWindowSeconds: node.config.replayWindowSeconds,
  });
  const callers = new WeakMap<FastifyRequest, { peer: Peer; nonce: string }>();
  // Held-open feed requests must not keep the node from shutting down.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  app.addHook('onClose', async () => server.close());

  const authenticate = async (request: FastifyRequest) => {
    const verdict = await server.authenticate(request.method, request.url, request.headers, request.ip);
    if (!verdict.ok) throw new DiboliError('ERR_FEDERATION_UNAUTHENTICATED');
    callers.set(request, { peer: verdict.peer, nonce: verdict.nonce });
  };

  app.get(
    ANCHORS_PATH,
    {
      schema: { tags: ['federation'], summary: 'The anchors of the calling partner node’s audit chain that this node kept (signed request)', security: [] },
      config: { partnerNode: true },
      onRequest: authenticate,
    },
    async (request, reply) => {
      const caller = callers.get(request);
      if (!caller) throw new DiboliError('ERR_FEDERATION_UNAUTHENTICATED');
      const answer = await server.anchorsOf(caller.peer, caller.nonce);
      return reply.header('content-type', 'application/json; charset=utf-8').header(HEADER_SIGNATURE, answer.signature).send(answer.body);
    },
  );

  app.get(
    FEED_PATH,
    {
      // Not a user's route: the signed request below is its only credential.
      config: { partnerNode: true },
      schema: { tags: ['federation'], summary: 'Envelopes released to the calling partner node (signed request)', querystring: FeedQuery, security: [] },
      onRequest: authenticate,
    },
    async (request, reply) => {
      const caller = callers.get(request);
      if (!caller) throw new DiboliError('ERR_FEDERATION_UNAUTHENTICATED');
      const query = request.query as Static<typeof FeedQuery>;
      const gone = new AbortController();
      // The response closing before it was written means the caller hung up: stop waiting for it.
      reply.raw.once('close', () => gone.abort());
      const page = await server.page(caller.peer, caller.nonce, query.after, query.limit, query.wait, AbortSignal.any([gone.signal, closing.signal]));
      return reply.header('content-type', 'application/json; charset=utf-8').header(HEADER_SIGNATURE, page.signature).send(page.body);
    },
  );
}
