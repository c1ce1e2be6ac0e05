/**
 * A new client id (the node's idempotency key for a record). crypto.randomUUID exists only on
 * secure origins; a node reached over plain HTTP on a local network gets the same from random bytes.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
