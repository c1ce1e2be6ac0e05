import type { FieldPatrol, Profile } from './store';

/** A refusal of the node, in the leader's language. */
export class NodeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let language = 'fr';

export function setNodeLanguage(code: string): void {
  language = code;
}

/**
 * One request to the node, with the session cookie the login set (HttpOnly: the page never holds
 * the credential). `body` is JSON, or a Blob sent as its bytes.
 */
export function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['Content-Type'] = body.type || 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return fetch(path, { method, headers, credentials: 'same-origin', body: payload, cache: 'no-store' });
}

export async function readBody(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const parsed = await readBody(response);
  if (!response.ok) throw new NodeRefusal(response.status, String(parsed?.code ?? `HTTP_${response.status}`), String(parsed?.message ?? response.statusText));
  return parsed as T;
}

export async function logIn(username: string, password: string, code?: string): Promise<Profile> {
  const session = await call<{ expiresAt: string }>('POST', '/api/v1/auth/login', code ? { username, password, code } : { username, password });
  const me = await call<Omit<Profile, 'expiresAt'>>('GET', '/api/v1/me');
  return { id: me.id, username: me.username, displayName: me.displayName, nation: me.nation, role: me.role, expiresAt: session.expiresAt };
}

export const logOut = () => send('POST', '/api/v1/auth/logout', {});

export const dayPatrols = () => call<FieldPatrol[]>('GET', '/api/v1/field/patrols');

export const patrol = (id: string) => call<FieldPatrol>('GET', `/api/v1/patrols/${encodeURIComponent(id)}`);

export const taxonomy = () => call<{ eventTypes: Record<string, string[]> }>('GET', '/api/v1/taxonomy');
