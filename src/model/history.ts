/**
 * What a change-history entry records: the fields a write changed, old → new. Both backends (the
 * reference server and MemoryBackend) build their entries with these, so they record the same.
 */
import type { AppAccess, Customer, HistoryChange, HistoryValue } from './schemas.js';

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
