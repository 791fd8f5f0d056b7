/**
 * The console's routes in the page URL, under a base path (where the console lives in the partner's
 * page): the list at the base itself, a customer's page at `<base>/customers/<User ID>/<tab>`, the
 * dashboard's period as `?period=` (left out for the default, 7 days). Parameters that are neither
 * the list's query nor the period belong to the page and are kept as they are.
 */
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../src/model/constants.js';
import type { CustomerQuery } from '../../src/query/types.js';
import { QUERY_PARAM_NAMES, urlWithQuery } from './url-state.js';

export const CUSTOMER_TABS = ['dashboard', 'collaborators', 'settings'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export const DEFAULT_TAB: CustomerTab = 'dashboard';
export const DEFAULT_PERIOD: DashboardPeriod = '7d';
export const PERIOD_PARAM = 'period';

export type ConsoleRoute =
  | { view: 'list' }
  /** `id` is null when the path names no valid User ID (`customers/abc`): a page that does not exist. */
  | { view: 'customer'; id: number | null; tab: CustomerTab; period: DashboardPeriod };

const CUSTOMER_PATH = /^\/customers\/([^/]*)(?:\/([^/]*))?\/?$/;
const USER_ID = /^[1-9][0-9]{0,15}$/;

/** `/partner/customers/` → `/partner/customers`; `/` and `` → `` (the site root). */
export function normalizeBasePath(base: string): string {
  const withSlash = base.startsWith('/') ? base : `/${base}`;
  return withSlash.replace(/\/+$/, '');
}

/**
 * The base path a console takes when none is given: the page's path when it first connects, without
 * a customer path in it (`/app/customers/12/dashboard` → `/app`, so a reload of a customer page
 * finds the same base) and without a file name (`/demo/index.html` → `/demo`).
 */
export function defaultBasePath(pathname: string): string {
  const customer = pathname.search(/\/customers\/[^/]+(?:\/[^/]*)?\/?$/);
  const page = customer >= 0 ? pathname.slice(0, customer) : pathname;
  return normalizeBasePath(page.replace(/\/[^/]*\.[a-z0-9]+$/i, ''));
}

/** The route `pathname` and `search` show; a path outside the base, or unknown under it, is the list. */
export function parseRoute(pathname: string, search: string, basePath: string): ConsoleRoute {
  const base = normalizeBasePath(basePath);
  if (base !== '' && pathname !== base && !pathname.startsWith(`${base}/`)) return { view: 'list' };
  const match = CUSTOMER_PATH.exec(pathname.slice(base.length));
  if (!match) return { view: 'list' };
  const segment = safeDecode(match[1]!);
  const tabSegment = match[2] ?? '';
  const tab = (CUSTOMER_TABS as readonly string[]).includes(tabSegment) ? (tabSegment as CustomerTab) : DEFAULT_TAB;
  const periodParam = new URLSearchParams(search).get(PERIOD_PARAM) ?? '';
  const period = (DASHBOARD_PERIODS as readonly string[]).includes(periodParam) ? (periodParam as DashboardPeriod) : DEFAULT_PERIOD;
  return { view: 'customer', id: USER_ID.test(segment) ? Number(segment) : null, tab, period };
}

/**
 * The path of a route under the base: the base itself for the list (`/` for the root), or
 * `listPath` when given — the page's own path, `/demo/index.html`, when its base left the file name
 * out — and `<base>/customers/<id>/<tab>` for a customer's page.
 */
export function routePath(route: ConsoleRoute, basePath: string, listPath?: string): string {
  const base = normalizeBasePath(basePath);
  if (route.view === 'list') return listPath ?? (base === '' ? '/' : base);
  return `${base}/customers/${route.id ?? ''}/${route.tab}`;
}

/**
 * `href` showing `route`: its path under the base; for the list the query's parameters, for a
 * customer's dashboard the period (when not the default). Every other parameter and the hash stay.
 */
export function routeHref(href: string, route: ConsoleRoute, query: CustomerQuery, basePath: string, listPath?: string): string {
  const url = new URL(href);
  url.pathname = routePath(route, basePath, listPath);
  url.searchParams.delete(PERIOD_PARAM);
  if (route.view === 'list') return urlWithQuery(url.href, query);
  for (const name of QUERY_PARAM_NAMES) url.searchParams.delete(name);
  if (route.tab === 'dashboard' && route.period !== DEFAULT_PERIOD) url.searchParams.set(PERIOD_PARAM, route.period);
  return url.href;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
