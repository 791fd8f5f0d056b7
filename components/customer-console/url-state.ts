/**
 * The list query in the page URL. The page may carry its own parameters (a partner's `tab=…`, a
 * hash): only the query's parameters are replaced, everything else is kept as it was.
 */
import { queryFromSearchParams, queryToSearchParams } from '../../src/query/url.js';
import type { CustomerQuery } from '../../src/query/types.js';

/** Every parameter name `queryToSearchParams` may write (src/query/url.ts). */
export const QUERY_PARAM_NAMES = ['q', 'plan', 'status', 'app', 'joined', 'joined_from', 'joined_to', 'sort', 'page'] as const;

export function urlHasQuery(search: string): boolean {
  const params = new URLSearchParams(search);
  return QUERY_PARAM_NAMES.some((name) => params.has(name));
}

export function queryFromUrl(search: string): { query: CustomerQuery; problems: string[] } {
  return queryFromSearchParams(new URLSearchParams(search));
}

/** `href` with the query's parameters in place of any it had; other parameters and the hash stay. */
export function urlWithQuery(href: string, query: CustomerQuery): string {
  const url = new URL(href);
  const kept = [...url.searchParams].filter(([name]) => !(QUERY_PARAM_NAMES as readonly string[]).includes(name));
  const params = new URLSearchParams(kept);
  for (const [name, value] of queryToSearchParams(query)) params.append(name, value);
  url.search = params.toString();
  return url.href;
}

/**
 * Typing in the search box replaces the history entry (Back should not replay every keystroke);
 * every other change — a tab, a plan, a sort — is a step Back can undo.
 */
export function historyModeFor(previous: CustomerQuery, next: CustomerQuery): 'push' | 'replace' {
  const withoutSearch = (query: CustomerQuery) => queryToSearchParams({ ...query, q: '', page: 1 }).toString();
  return previous.q !== next.q && withoutSearch(previous) === withoutSearch(next) ? 'replace' : 'push';
}
