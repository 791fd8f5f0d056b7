/**
 * The history panel's sentences as pure functions: a change as "Plan: Growth → Business" (plan and
 * app names looked up, flags and dates in words), the author, and how long ago, in the unit a
 * person would say it. No DOM: the unit tests run them in Node.
 */
import type { HistoryChange, HistoryEntry, HistoryValue } from '../../src/model/schemas.js';
import type { CustomerSettingsStrings } from './customer-settings-strings.js';

export type HistoryStrings = Pick<
  CustomerSettingsStrings,
  'change' | 'set' | 'none' | 'yes' | 'no' | 'allApps' | 'inheritsOrigins' | 'fields' | 'actorApi' | 'actorSystem' | 'created'
>;

export interface HistoryLookups {
  /** A plan's name (its id when the plan is unknown, e.g. since removed). */
  planName(id: string): string;
  appName(id: string): string;
  /** A date and time (`trial_ends_at`) for the reader's locale. */
  formatDate(iso: string): string;
  /** A list of names for the reader's locale ("a, b and c"). */
  formatList(items: readonly string[]): string;
}

/** One value of a change, in words. */
export function describeValue(field: HistoryChange['field'], value: HistoryValue, lookups: HistoryLookups, s: HistoryStrings): string {
  if (value === null) return s.none;
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  switch (field) {
    case 'plan_id':
      return typeof value === 'string' ? lookups.planName(value) : lookups.formatList(value.map(lookups.planName));
    case 'app_access':
      if (value === 'all') return s.allApps;
      return Array.isArray(value) ? (value.length === 0 ? s.none : lookups.formatList(value.map(lookups.appName))) : lookups.appName(value as string);
    case 'trial_ends_at':
      return typeof value === 'string' ? lookups.formatDate(value) : s.none;
    case 'origins':
      return Array.isArray(value) ? (value.length === 0 ? s.inheritsOrigins : lookups.formatList(value)) : String(value);
    default:
      return Array.isArray(value) ? (value.length === 0 ? s.none : lookups.formatList(value)) : (value as string);
  }
}

/** "Plan: Growth → Business"; a field set where there was nothing reads "Plan: Growth". */
export function describeChange(change: HistoryChange, lookups: HistoryLookups, s: HistoryStrings): string {
  const field = s.fields[change.field];
  const to = describeValue(change.field, change.to, lookups, s);
  const unset = change.from === null || (Array.isArray(change.from) && change.from.length === 0 && change.field !== 'origins');
  return unset && change.to !== null ? s.set(field, to) : s.change(field, describeValue(change.field, change.from, lookups, s), to);
}

/** Who made the change, as the panel names them. */
export function describeActor(actor: HistoryEntry['actor'], s: HistoryStrings): string {
  if (actor.kind === 'system') return s.actorSystem;
  return actor.kind === 'api' ? s.actorApi(actor.name) : actor.name;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * How long before (negative) or after `now` the instant `at` is, in the largest unit that fits
 * ("2 minutes ago", not "120 seconds ago"); for Intl.RelativeTimeFormat.
 */
export function relativeTimeParts(at: Date, now: Date): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const magnitude = Math.abs(seconds);
  for (const [unit, size] of UNITS) {
    if (magnitude >= size) return { value: Math.trunc(seconds / size), unit };
  }
  return { value: 0, unit: 'second' };
}
