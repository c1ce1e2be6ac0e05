import { channel } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** One route the node answers: its method and its address as registered (`/api/v1/incidents/:id`). */
export interface NodeRoute {
  method: string;
  url: string;
}

export const routeKey = (route: NodeRoute): string => `${route.method} ${route.url}`;

/**
 * The node's routes as its router holds them, read from the router's own listing
 * (`printRoutes`): every method of every address, the API's, the partner nodes', the API
 * document's and the web UI's files alike. The listing is a radix tree, one node per line; a
 * line's address is its parents' segments followed by its own.
 */
export function routerRoutes(app: FastifyInstance): NodeRoute[] {
  const routes: NodeRoute[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, url });
  }
  return routes.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/**
 * Routes reported to `onRoute` hooks while `build` makes a Fastify instance: an `onRoute` hook
 * is added to every instance made meanwhile, before any of its routes (Fastify announces each new
 * instance on the `fastify.initialization` diagnostics channel). Fastify does not report the
 * copy with a trailing slash it adds for a prefix's root route, so this is a check of the
 * router's listing, not a substitute for it.
 */
export async function reportedRoutes<T>(build: () => Promise<T>): Promise<{ built: T; reported: NodeRoute[] }> {
  const initialization = channel('fastify.initialization');
  const seen: RouteOptions[] = [];
  const watch = (message: unknown) => {
    (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route) => void seen.push(route));
  };
  initialization.subscribe(watch);
  try {
    const built = await build();
    const reported = seen.flatMap((route) => [route.method].flat().map((method) => ({ method: String(method), url: route.url })));
    return { built, reported };
  } finally {
    initialization.unsubscribe(watch);
  }
}
