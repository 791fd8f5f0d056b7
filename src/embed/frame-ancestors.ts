/**
 * The `Content-Security-Policy: frame-ancestors` directive of the framed console page: which pages
 * may frame it. One builder for the reference server (demo/server/embed.ts, which serves the page
 * with it) and the origin editor (which shows an admin what a framed session on a list gets), so
 * the two cannot disagree.
 */
import { normaliseOrigin } from './origins.js';

export const CSP_HEADER = 'Content-Security-Policy';

/**
 * `frame-ancestors <origin> …` for the given origins, normalised with the kit's rules, duplicates
 * and invalid entries left out; `frame-ancestors 'none'` when none is left (no page may frame it).
 * A framed session passes the one origin it was opened with.
 */
export function frameAncestorsDirective(origins: readonly string[]): string {
  const allowed: string[] = [];
  for (const entry of origins) {
    const result = normaliseOrigin(entry.trim());
    if (result.ok && !allowed.includes(result.origin)) allowed.push(result.origin);
  }
  return allowed.length === 0 ? "frame-ancestors 'none'" : `frame-ancestors ${allowed.join(' ')}`;
}
