import type { KeyObject } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Peer } from '../domain/peer.js';
import { FEED_PATH } from './feed-server.js';
import { newNonce, signRequest, HEADER_SIGNATURE } from './request-signature.js';

/** A page bigger than this is refused unread: no honest page of MAX_PAGE records comes near it. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

export class PullError extends Error {}

/** What a partner answered for one page of its feed, not yet checked. */
export type FetchedPage =
  | { ok: true; body: Buffer; signature: string | null; nonce: string }
  /** The answer was unreadable in a way only tampering explains: the page is refused, and audited. */
  | { ok: false; reason: string };

export interface FetchOptions {
  self: { publicKey: string; privateKey: KeyObject };
  clock: Clock;
  fetch?: typeof fetch;
  signal: AbortSignal;
}

/**
 * Asks `peer` for the page of its feed after `cursor` with a signed request, and reads the answer
 * within a size cap. An answer other than 200 or a network failure throws `PullError`.
 */
export async function fetchPage(peer: Peer, cursor: number, pageSize: number, waitSeconds: number, options: FetchOptions): Promise<FetchedPage> {
  const target = new URL(`${peer.url.replace(/\/+$/, '')}${FEED_PATH}?after=${cursor}&limit=${pageSize}&wait=${waitSeconds}`);
  const pathAndQuery = target.pathname + target.search;
  const nonce = newNonce();
  const headers = signRequest(
    { method: 'GET', pathAndQuery, audience: peer.nation, timestamp: options.clock.now().getTime(), nonce },
    options.self.privateKey,
    options.self.publicKey,
  );
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout((waitSeconds + 30) * 1000)]);
  const response = await (options.fetch ?? fetch)(target, { headers, signal, redirect: 'error' });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new PullError(`${peer.nation} answered HTTP ${response.status}`);
  }
  let body: Buffer;
  try {
    body = await readCapped(response, MAX_PAGE_BYTES);
  } catch (error) {
    // A compressed page altered on the way fails to inflate before its signature can be checked.
    if (failedToInflate(error)) return { ok: false, reason: 'the page could not be decompressed' };
    throw error;
  }
  return { ok: true, body, signature: response.headers.get(HEADER_SIGNATURE), nonce };
}

/** zlib's own error codes (Z_DATA_ERROR, Z_BUF_ERROR…), as fetch reports them under `cause`. */
function failedToInflate(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI'));
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new PullError(`the page is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new PullError(`the page is larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
