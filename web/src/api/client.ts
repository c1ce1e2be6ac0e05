import type { ApiErrorBody } from './types';

/** A refusal of the node, carrying the field it names so that forms can show it in place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'diboli.token';

// The HttpOnly cookie is the main credential; the bearer copy survives a cookie-less proxy.
let bearer: string | null = sessionStorage.getItem(TOKEN_KEY);
let language = 'fr';

export function rememberToken(token: string | null): void {
  bearer = token;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Error messages come back in the UI's language. */
export function setApiLanguage(code: string): void {
  language = code;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
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
