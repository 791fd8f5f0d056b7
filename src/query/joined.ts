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
