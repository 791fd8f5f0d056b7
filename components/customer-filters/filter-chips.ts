/**
 * The active filters of a query as removable chips: each chip has its label and the query without it.
 */
import type { App, Plan } from '../../src/model/schemas.js';
import type { CustomerQuery, JoinedRange } from '../../src/query/types.js';
import type { FilterStrings } from './filter-strings.js';

export interface FilterChip {
  /** Stable across renders, for keyed lists and for moving focus after a removal. */
  key: string;
  label: string;
  without: (query: CustomerQuery) => CustomerQuery;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** `YYYY-MM-DD` in the reader's locale; the date is a UTC calendar date, so it is formatted in UTC. */
export function formatIsoDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dateFormat.format(ms);
}

export function joinedLabel(joined: JoinedRange, strings: FilterStrings): string {
  if ('preset' in joined) return strings.presets[joined.preset];
  if (joined.from !== null && joined.to !== null) return strings.rangeBetween(formatIsoDate(joined.from), formatIsoDate(joined.to));
  if (joined.from !== null) return strings.rangeFrom(formatIsoDate(joined.from));
  if (joined.to !== null) return strings.rangeTo(formatIsoDate(joined.to));
  return strings.customRange;
}

export function filterChips(
  query: CustomerQuery,
  plans: readonly Plan[],
  apps: readonly App[],
  strings: FilterStrings,
): FilterChip[] {
  const chips: FilterChip[] = [];
  if (query.q.trim() !== '') {
    chips.push({ key: 'q', label: strings.chipSearch(query.q.trim()), without: (q) => ({ ...q, q: '' }) });
  }
  if (query.status !== 'all') {
    chips.push({
      key: 'status',
      label: strings.chipStatus(strings.status[query.status]),
      without: (q) => ({ ...q, status: 'all' }),
    });
  }
  for (const planId of query.plans) {
    const name = plans.find((p) => p.id === planId)?.name ?? planId;
    chips.push({
      key: `plan:${planId}`,
      label: strings.chipPlan(name),
      without: (q) => ({ ...q, plans: q.plans.filter((p) => p !== planId) }),
    });
  }
  if (query.app !== null) {
    const appId = query.app;
    const name = apps.find((a) => a.id === appId)?.name ?? appId;
    chips.push({ key: 'app', label: strings.chipApp(name), without: (q) => ({ ...q, app: null }) });
  }
  if (query.joined !== null) {
    chips.push({
      key: 'joined',
      label: strings.chipJoined(joinedLabel(query.joined, strings)),
      without: (q) => ({ ...q, joined: null }),
    });
  }
  return chips;
}

/** Every filter off; the sort stays, since it is how the admin reads the list, not a filter. */
export function withoutFilters(query: CustomerQuery): CustomerQuery {
  return { ...query, q: '', plans: [], status: 'all', app: null, joined: null, page: 1 };
}

export function hasFilters(query: CustomerQuery): boolean {
  return query.q.trim() !== '' || query.plans.length > 0 || query.status !== 'all' || query.app !== null || query.joined !== null;
}
