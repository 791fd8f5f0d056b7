/**
 * What a customer must satisfy to be in a query's result (search, plans as of the clock, status,
 * app, date joined), in one place for both ways client mode answers a query: `queryIndex`
 * (run-query.ts) over a CustomerIndex's columns, and `firstRows` (first-rows.ts) over the customers
 * as given, before the index exists. Each reads a row's values its own way and asks these rules.
 */
import { FREE_PLAN_ID } from '../model/constants.js';
import type { Customer, Status } from '../model/schemas.js';
import { instantMs, isoDateToDay, resolveJoinedRange } from './joined.js';
import { foldQuery } from './search.js';
import type { CustomerQuery } from './types.js';

/** What rows must satisfy; `from`/`to` are inclusive `YYYY-MM-DD` UTC dates. */
export interface CustomerFilter {
  q: string;
  plans: readonly string[];
  status: Status | 'all';
  app: string | null;
  from?: string | undefined;
  to?: string | undefined;
}

/** How many top apps a customer lists at most (the schema's limit); the app filter reads no more. */
export const TOP_APPS = 5;

export const ACTIVE = 0;
export const TRIAL = 1;
export const EXPIRED = 2;
export type StatusCode = typeof ACTIVE | typeof TRIAL | typeof EXPIRED;
const STATUS_CODE: Record<Status, StatusCode> = { active: ACTIVE, trial: TRIAL, expired: EXPIRED };

/** A filter made ready for testing rows at one clock. */
export interface ResolvedFilter {
  /** The folded search, '' for none. */
  needle: string;
  /** The plan ids a row may be on, or null for every plan. */
  plans: ReadonlySet<string> | null;
  /** Whether the plan filter lets in customers on Free (which every expired customer is). */
  freeAllowed: boolean;
  app: string | null;
  /** Inclusive range of days since 1970-01-01; open ends are ±Infinity. */
  fromDay: number;
  toDay: number;
  /** The status rows must have, or -1 for any. */
  status: StatusCode | -1;
  nowMs: number;
}

/**
 * Whether two queries pick the same customers at any one clock: everything but their sort and page
 * alike. (Plans in another order, or a date range written otherwise, read as different: a missed
 * reuse, never a wrong one.)
 */
export function sameQueryFilter(a: CustomerQuery, b: CustomerQuery): boolean {
  return (
    a.q === b.q &&
    a.status === b.status &&
    a.app === b.app &&
    a.plans.length === b.plans.length &&
    a.plans.every((plan, i) => plan === b.plans[i]) &&
    JSON.stringify(a.joined) === JSON.stringify(b.joined)
  );
}

/** The filter a list screen's query means at `now` (date presets resolved against it). */
export function queryFilter(query: CustomerQuery, now: Date): CustomerFilter {
  const range = resolveJoinedRange(query.joined, now);
  return { q: query.q, plans: query.plans, status: query.status, app: query.app, from: range.from, to: range.to };
}

export function resolveFilter(filter: CustomerFilter, now: Date): ResolvedFilter {
  const plans = filter.plans.length > 0 ? new Set(filter.plans) : null;
  return {
    needle: foldQuery(filter.q),
    plans,
    freeAllowed: plans?.has(FREE_PLAN_ID) ?? true,
    app: filter.app,
    fromDay: filter.from === undefined ? -Infinity : (isoDateToDay(filter.from) ?? -Infinity),
    toDay: filter.to === undefined ? Infinity : (isoDateToDay(filter.to) ?? Infinity),
    status: filter.status === 'all' ? -1 : STATUS_CODE[filter.status],
    nowMs: now.getTime(),
  };
}

/** `trial_ends_at` in epoch ms, NaN when there is none (a trial without an end has ended). */
export function trialEndMs(customer: Customer): number {
  return customer.trial_ends_at === null ? NaN : instantMs(customer.trial_ends_at);
}

/** Same rule as customerStatus (src/model/rules.ts), on a row's values. */
export function statusCode(inTrial: boolean, trialEnd: number, onFreePlan: boolean, nowMs: number): StatusCode {
  return inTrial ? (trialEnd > nowMs ? TRIAL : EXPIRED) : onFreePlan ? EXPIRED : ACTIVE;
}

/**
 * The search: the folded needle (not empty) occurs in the folded name or the folded external ID
 * ('' when there is none). The index runs the same test over all rows' texts at once (searchRows).
 */
export function searchMatches(foldedName: string, foldedExternalId: string, needle: string): boolean {
  return foldedName.includes(needle) || foldedExternalId.includes(needle);
}

/** The app filter's test: `app` is among a customer's first TOP_APPS top apps. */
export function hasTopApp(topApps: readonly string[], app: string): boolean {
  for (let k = 0; k < topApps.length && k < TOP_APPS; k++) if (topApps[k] === app) return true;
  return false;
}

/**
 * Whether a row passes the plan, date and app filters, leaving search (tested first, on its own)
 * and status (the tabs count every status of what passes these) aside. The plan filter reads the
 * plan a customer is on at the clock (effectivePlanId): an expired customer is on Free whatever
 * plan it had, anyone else on its own stored plan (`onListedPlan`: that plan is one of the filter's).
 * `hasApp`: the row has the filter's app (unread without an app filter).
 */
export function passesFilters(f: ResolvedFilter, status: StatusCode, onListedPlan: boolean, day: number, hasApp: boolean): boolean {
  if (f.plans !== null && (status === EXPIRED ? !f.freeAllowed : !onListedPlan)) return false;
  if (day < f.fromDay || day > f.toDay) return false;
  return f.app === null || hasApp;
}

/** The status filter: whether a row of this status is one of the result's rows (not just counted). */
export function hasWantedStatus(f: ResolvedFilter, status: StatusCode): boolean {
  return f.status === -1 || status === f.status;
}
