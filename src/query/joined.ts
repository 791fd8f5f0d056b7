/**
 * Date joined: presets resolve against the clock to inclusive UTC calendar dates (`YYYY-MM-DD`).
 */
import type { JoinedPreset, JoinedRange } from './types.js';
import { JOINED_PRESETS } from './types.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const PRESET_DAYS: Record<Exclude<JoinedPreset, 'year'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

export function isJoinedPreset(value: string): value is JoinedPreset {
  return (JOINED_PRESETS as readonly string[]).includes(value);
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (no 2024-02-30, no 2024-13-01). */
export function isIsoDate(s: string): boolean {
  return isoDateToDay(s) !== null;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, or null when it is not a real date. */
export function isoDateToDay(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  d.setUTCFullYear(year);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.floor(d.getTime() / DAY_MS);
}

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export function utcDate(at: Date | number): string {
  return new Date(typeof at === 'number' ? at : at.getTime()).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an instant's UTC date. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * The inclusive date range a joined filter means at `now`: last N days runs from today (UTC) minus
 * N days to today; `year` from January 1 of now's UTC year to today; a custom range passes through
 * with open ends left out.
 */
export function resolveJoinedRange(joined: JoinedRange | null, now: Date): { from?: string; to?: string } {
  if (joined === null) return {};
  if ('preset' in joined) {
    const today = utcDay(now.getTime());
    const to = utcDate(today * DAY_MS);
    if (joined.preset === 'year') return { from: `${to.slice(0, 4)}-01-01`, to };
    return { from: utcDate((today - PRESET_DAYS[joined.preset]) * DAY_MS), to };
  }
  return {
    ...(joined.from === null ? {} : { from: joined.from }),
    ...(joined.to === null ? {} : { to: joined.to }),
  };
}

/**
 * `Date.parse` for an ISO instant, with a fast path for the form `toISOString` writes
 * (`2024-03-01T12:00:00.000Z`, milliseconds optional), which is what the backend sends: parsing
 * 100k dates with `Date.parse` alone is a good part of a client index build.
 */
export function instantMs(iso: string): number {
  const len = iso.length;
  if (
    (len === 24 || len === 20) &&
    iso.charCodeAt(len - 1) === 90 && // Z
    iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 && // -
    iso.charCodeAt(10) === 84 && // T
    iso.charCodeAt(13) === 58 && iso.charCodeAt(16) === 58 && // :
    (len === 20 || iso.charCodeAt(19) === 46) // .
  ) {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    const ms = len === 24 ? digits(iso, 20, 3) : 0;
    if (
      year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
      hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(iso);
}

/** The number written by `count` ASCII digits at `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let k = at; k < at + count; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}
