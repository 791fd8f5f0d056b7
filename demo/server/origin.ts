/**
 * Origin rules of DESIGN.md for the server's own checks (CORS and customers' origin lists): an
 * origin is scheme + host + port, parsed with the URL parser, host lowercased, default port
 * dropped; https only except loopback hosts; never `null`, paths, user info, queries or wildcards.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname.endsWith('.localhost');
}

/** The normalised origin, or null when `value` is not a single acceptable origin. */
export function normaliseOrigin(value: string): string | null {
  const text = value.trim();
  if (text === '' || text.includes('*') || text.toLowerCase() === 'null') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  // The URL parser turns "https://a.example" into pathname "/"; anything longer is a path.
  if (url.pathname !== '/' || /^[a-z]+:\/\/[^/]*\/./i.test(text)) return null;
  return url.origin;
}
