/**
 * What a change-history entry records: the fields a write changed, old → new. Both backends (the
 * reference server and MemoryBackend) build their entries with these, so they record the same.
 */
import { unprocessableProblem, type CommandResult } from './commands.js';
import { MAX_PER_PAGE } from './constants.js';
import type { FieldErrors } from './problems.js';
import type { AppAccess, Customer, HistoryChange, HistoryValue } from './schemas.js';

/** Entries on a history page when the caller does not say. */
export const DEFAULT_HISTORY_PER_PAGE = 20;

/** The customer record's fields that history follows, in the order an entry lists them. */
const CUSTOMER_FIELDS = ['name', 'notification_email', 'external_id', 'origins', 'plan_id', 'in_trial', 'trial_ends_at'] as const;

function sameValue(a: HistoryValue, b: HistoryValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Nothing yet: what a field was before a create. */
function isUnset(value: HistoryValue): boolean {
  return value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The fields that differ between the customer as read before a write (settled, as the admin saw it)
 * and after it. `before` null is a create: every field it set, from null.
 */
export function customerChanges(before: Customer | null, after: Customer): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of CUSTOMER_FIELDS) {
    const to: HistoryValue = after[field];
    if (before === null) {
      if (!isUnset(to)) changes.push({ field, from: null, to });
      continue;
    }
    const from: HistoryValue = before[field];
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

/** App access as a history value: "all", or the selected app ids. */
export function appAccessValue(access: AppAccess): HistoryValue {
  return access.mode === 'all' ? 'all' : [...access.app_ids];
}

/** The app-access change, or none when the access stays as it was. */
export function appAccessChanges(before: AppAccess, after: AppAccess): HistoryChange[] {
  const from = appAccessValue(before);
  const to = appAccessValue(after);
  return sameValue(from, to) ? [] : [{ field: 'app_access', from, to }];
}

/** Which page of a customer's history, validated: both always present. */
export interface HistoryPageParams {
  page: number;
  per_page: number;
}

/**
 * `GET /customers/:id/history?page&per_page` validated, the same for both backends: page a whole
 * number from 1 (default 1), per_page from 1 to MAX_PER_PAGE (default 20), else a 422 naming each
 * bad one. Numbers come from MemoryBackend's callers, text from the server's query string (written
 * in plain decimal: no sign, no leading zeros, no exponent; an empty value counts as absent, as in
 * the list's parameters).
 */
export function historyPageParams(input: { page?: unknown; per_page?: unknown } | URLSearchParams): CommandResult<HistoryPageParams> {
  const raw = input instanceof URLSearchParams ? { page: input.getAll('page'), per_page: input.getAll('per_page') } : input;
  const errors: FieldErrors = {};
  const page = wholeNumber(raw.page, 1);
  const perPage = wholeNumber(raw.per_page, DEFAULT_HISTORY_PER_PAGE);
  if (page === null) errors['page'] = ['must be a whole number from 1'];
  if (perPage === null || perPage > MAX_PER_PAGE) errors['per_page'] = [`must be a whole number from 1 to ${MAX_PER_PAGE}`];
  if (page === null || perPage === null || errors['per_page']) {
    return { ok: false, problem: unprocessableProblem('The history parameters are not valid.', errors) };
  }
  return { ok: true, value: { page, per_page: perPage } };
}

/** A positive safe integer, `fallback` when absent, null when it is anything else. */
function wholeNumber(value: unknown, fallback: number): number | null {
  // From a query string: absent is [], `?page=` is [''], a repeated name is two values (refused).
  if (Array.isArray(value)) {
    if (value.length === 0 || (value.length === 1 && value[0] === '')) return fallback;
    if (value.length > 1 || typeof value[0] !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value[0])) return null;
    value = Number(value[0]);
  }
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : null;
}
