/**
 * Validation of the custom date-joined range. The fields are `<input type="date">`: their value is
 * `YYYY-MM-DD` or '' — and '' with `badInput` while a date is only partly typed, which must not be
 * mistaken for an empty field.
 */
import { isoDateToDay } from '../../src/query/joined.js';
import type { JoinedRange } from '../../src/query/types.js';
import type { FilterStrings } from './filter-strings.js';

export interface DateField {
  value: string;
  /** The browser holds text that is not a complete date yet. */
  incomplete: boolean;
}

export interface RangeErrors {
  from?: string;
  to?: string;
}

export type CustomRangeResult = { ok: true; range: JoinedRange } | { ok: false; errors: RangeErrors };

export function validateCustomRange(
  from: DateField,
  to: DateField,
  strings: Pick<FilterStrings, 'dateIncomplete' | 'rangeEmpty' | 'rangeReversed'>,
): CustomRangeResult {
  const errors: RangeErrors = {};
  const fromDay = from.value === '' ? null : isoDateToDay(from.value);
  const toDay = to.value === '' ? null : isoDateToDay(to.value);
  if (from.incomplete || (from.value !== '' && fromDay === null)) errors.from = strings.dateIncomplete;
  if (to.incomplete || (to.value !== '' && toDay === null)) errors.to = strings.dateIncomplete;
  if (!errors.from && !errors.to) {
    if (fromDay === null && toDay === null) errors.from = strings.rangeEmpty;
    else if (fromDay !== null && toDay !== null && fromDay > toDay) errors.to = strings.rangeReversed;
  }
  if (errors.from || errors.to) return { ok: false, errors };
  return { ok: true, range: { from: fromDay === null ? null : from.value, to: toDay === null ? null : to.value } };
}
