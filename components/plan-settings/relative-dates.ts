/**
 * Relative wording for the dates plan-settings shows: "today", "tomorrow", "yesterday" beside a
 * trial's end, and "2 minutes ago" for another admin's change. Intl does the wording; these pick
 * the unit and count calendar days in the browser's time zone, the one Intl.DateTimeFormat shows.
 */

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.RelativeTimeFormat>();

/** One cached `numeric: 'auto'` formatter per locale ('' is the browser's default). */
export function relativeTimeFormat(lang: string): Intl.RelativeTimeFormat {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.RelativeTimeFormat(lang || undefined, { numeric: 'auto' })));
  return format;
}

/** Calendar days from `now` to `date` in local time: 0 today, 1 tomorrow, -1 yesterday. */
export function calendarDayOffset(date: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(date) - day(now)) / DAY_MS);
}

/**
 * How long before `now` the instant `at` was, in the largest whole unit up to days ("2 minutes
 * ago"); null for less than a minute (or an instant ahead of the clock), which reads "moments ago".
 */
export function timeAgo(at: Date, now: Date, format: Intl.RelativeTimeFormat): string | null {
  const seconds = Math.floor((now.getTime() - at.getTime()) / 1000);
  if (seconds < 60) return null;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}
