import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { DiboliError } from '../domain/errors.js';
import { parseAllowList, targetRefusal, type AddressKind, type TargetRefusal, type WebhookAllowList } from '../domain/webhook-target.js';

/**
 * Webhook targets on the wire: checked when a webhook is added, and again at each delivery on the
 * very addresses the connection is made to (a name may resolve elsewhere later), so a refused
 * address is never connected to. The decision itself is `targetRefusal` in the domain.
 */

const KIND_WORDS: Record<AddressKind, { fr: string; en: string }> = {
  loopback: { fr: 'boucle locale', en: 'loopback' },
  private: { fr: 'réseau privé', en: 'private network' },
  'link-local': { fr: 'lien local', en: 'link-local' },
  'unique-local': { fr: 'locale unique', en: 'unique local' },
  multicast: { fr: 'multidiffusion', en: 'multicast' },
  unspecified: { fr: 'non spécifiée', en: 'unspecified' },
  reserved: { fr: 'réservée', en: 'reserved' },
};

/** How long adding a webhook waits for its name to resolve; past that, the delivery checks alone. */
const ADD_LOOKUP_MS = 3_000;

const allowLists = new WeakMap<readonly string[], WebhookAllowList>();

/** The allow-list of a node's configuration, read once (the configuration checked it at start). */
function allowListOf(entries: readonly string[]): WebhookAllowList {
  let list = allowLists.get(entries);
  if (!list) {
    list = parseAllowList(entries);
    allowLists.set(entries, list);
  }
  return list;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refusedError(refusal: TargetRefusal): DiboliError {
  const words = KIND_WORDS[refusal.kind];
  return new DiboliError('ERR_WEBHOOK_TARGET_REFUSED', { address: refusal.address, fr: words.fr, en: words.en }, 'url');
}

/**
 * Refuses a webhook whose address is not public nor allowed (ERR_WEBHOOK_TARGET_REFUSED, field
 * `url`). A name that does not resolve now is accepted: its deliveries are checked as they go.
 */
export async function checkWebhookTarget(url: URL, allowed: readonly string[]): Promise<void> {
  const host = bareHost(url);
  const addresses = isIP(host) ? [host] : await resolveWithin(host, ADD_LOOKUP_MS);
  const refusal = targetRefusal(host, addresses, allowListOf(allowed));
  if (refusal) throw refusedError(refusal);
}

function resolveWithin(host: string, ms: number): Promise<string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), ms);
    lookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? [] : found.map((entry) => entry.address));
    });
  });
}

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** What the receiver answered; redirects are not followed (a redirect could point anywhere). */
export interface WebhookAnswer {
  ok: boolean;
  status: number;
}

/**
 * POSTs to a webhook, connecting only to addresses the allow-list accepts: an address written in
 * the URL is checked before connecting, a name in the resolver callback the connection uses.
 * Rejects with the signal's reason when it aborts (a `TimeoutError` for a timeout).
 */
export function postWebhook(url: string, post: WebhookPost, allowed: readonly string[]): Promise<WebhookAnswer> {
  const target = new URL(url);
  const allow = allowListOf(allowed);
  const host = bareHost(target);
  if (isIP(host)) {
    const refusal = targetRefusal(host, [host], allow);
    if (refusal) return Promise.reject(refusedError(refusal));
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        signal: post.signal,
        agent: false,
        lookup: checkedLookup(host, allow),
      },
      (answer) => {
        answer.resume();
        const status = answer.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status });
      },
    );
    outgoing.on('error', (error) => reject(post.signal.aborted ? post.signal.reason : error));
    outgoing.end(post.body);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A resolver for one target that fails, before any connection, when a resolved address is refused. */
function checkedLookup(host: string, allow: WebhookAllowList) {
  return (name: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(name, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, []);
      const refusal =
        found.length === 0
          ? { address: name, kind: 'unspecified' as const }
          : targetRefusal(
              host,
              found.map((entry) => entry.address),
              allow,
            );
      if (refusal) return callback(refusedError(refusal) as unknown as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, found);
      callback(null, found[0]!.address, found[0]!.family);
    });
  };
}
