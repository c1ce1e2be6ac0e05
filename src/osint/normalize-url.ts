/** Query parameters that track readers rather than name a page. */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|at_medium|at_campaign|xtor|ref|amp)$/i;

/**
 * One spelling per page, so that the same article reached from a feed, a share link or a mobile
 * mirror is stored once: lower-case scheme and host, no `www.`, no fragment, no tracking
 * parameters, remaining parameters sorted, no trailing slash. Returns null for what is not an
 * http(s) address.
 */
export function normalizeUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/^m\./, '');
  const params = [...url.searchParams.entries()].filter(([key]) => !TRACKING.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '';
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  return `https://${host}${port}${path}${query}`;
}
