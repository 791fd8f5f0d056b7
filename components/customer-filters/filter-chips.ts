/**
 * The active filters of a query as removable chips: each chip has its label and the query without
 * it. Dates are written with the formatter the element passes in (its locale's), never a
 * module-level one, so one page never shows two locales.
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

/**
 * The options of the date formatter chips and the date-joined button use. The dates are UTC
 * calendar dates (`YYYY-MM-DD`), so they are formatted in UTC. One constant object, so the
 * LocaleController's cache (per options object) finds it again.
 */
export const CHIP_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** `YYYY-MM-DD` written by `format`; text that is not a date stays as it is. */
export function formatIsoDate(date: string, format: Intl.DateTimeFormat): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : format.format(ms);
}

export function joinedLabel(joined: JoinedRange, strings: FilterStrings, format: Intl.DateTimeFormat): string {
  if ('preset' in joined) return strings.presets[joined.preset];
  const { from, to } = joined;
  if (from !== null && to !== null) return strings.rangeBetween(formatIsoDate(from, format), formatIsoDate(to, format));
  if (from !== null) return strings.rangeFrom(formatIsoDate(from, format));
  if (to !== null) return strings.rangeTo(formatIsoDate(to, format));
  return strings.customRange;
}

export function filterChips(
  query: CustomerQuery,
  plans: readonly Plan[],
  apps: readonly App[],
  strings: FilterStrings,
  dateFormat: Intl.DateTimeFormat,
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
      label: strings.chipJoined(joinedLabel(query.joined, strings, dateFormat)),
      without: (q) => ({ ...q, joined: null }),
    });
  }
  return chips;
}
