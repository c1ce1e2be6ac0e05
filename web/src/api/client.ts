import type { ApiErrorBody } from './types';

/** A refusal of the node, carrying the field it names so that forms can show it in place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Every field a schema refused, each with what is wrong with it (the node's words, without the field's name). */
    readonly errors: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'diboli.token';

// The HttpOnly cookie is the main credential; the bearer copy survives a cookie-less proxy.
let bearer: string | null = sessionStorage.getItem(TOKEN_KEY);
let language = 'fr';

/** How long an answer asked for early waits to be taken; later, it would be stale. */
const EARLY_ANSWER_LIFE_MS = 20_000;
const early = new Map<string, { answer: Promise<Response>; askedAt: number }>();

export function rememberToken(token: string | null, expiresAt?: string): void {
  bearer = token;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  if (token && expiresAt) localStorage.setItem(SESSION_KEY, expiresAt);
  else if (!token) localStorage.removeItem(SESSION_KEY);
  // Answers asked for with the former credentials are not this session's.
  early.clear();
}

/**
 * The session cookie cannot be read by the page (HttpOnly); its expiry, noted at login, tells
 * whether this browser may still hold a session. Without one the login page shows at once, and
 * nothing is asked of the node that it would refuse.
 */
const SESSION_KEY = 'diboli.sessionExpiresAt';

export function mayHoldSession(now = Date.now()): boolean {
  const until = Date.parse(localStorage.getItem(SESSION_KEY) ?? '');
  return Number.isFinite(until) && until > now;
}

/**
 * Starts GET requests that the first screen is sure to make, as the script starts: they travel
 * while React, the session check and the map get ready, instead of after them. The first `get` of
 * each path takes its answer.
 */
export function requestEarly(paths: readonly string[]): void {
  for (const path of paths) {
    const answer = send('GET', path);
    // An answer never taken must not report its failure as unhandled; a taker still sees it.
    answer.catch(() => undefined);
    early.set(path, { answer, askedAt: performance.now() });
  }
}

function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path);
  early.delete(path);
  if (!entry || performance.now() - entry.askedAt > EARLY_ANSWER_LIFE_MS) return undefined;
  return entry.answer;
}

/** The bearer copy of the session, for requests the page does not make itself (the map's tiles). */
export function bearerHeaders(): Record<string, string> {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/** Error messages come back in the UI's language. */
export function setApiLanguage(code: string): void {
  language = code;
}

function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await ((method === 'GET' ? takeEarly(path) : undefined) ?? send(method, path, body));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const failure = (parsed ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      response.status,
      failure.code ?? `http_${response.status}`,
      failure.message ?? response.statusText,
      failure.field,
      Array.isArray(failure.errors) ? failure.errors : [],
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
