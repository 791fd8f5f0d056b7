/**
 * The contract's constants and enumerations without zod, so code that only needs them (the table,
 * the URL state) does not pull the schemas into a browser bundle. schemas.ts builds on these.
 */

/** The plan every customer falls to when a trial ends. */
export const FREE_PLAN_ID = 'free';
export const TRIAL_DAYS = 30;
export const TRIAL_TASK_LIMIT = 100;
export const MAX_PER_PAGE = 200;
/** Plan and app ids: 1–64 characters, no surrounding whitespace. */
export const ID_MAX_LENGTH = 64;

export const STATUSES = ['active', 'trial', 'expired'] as const;
export const SORT_KEYS = ['name', 'created_at', 'tasks_used', 'connections'] as const;
export const DASHBOARD_PERIODS = ['1d', '7d', '30d', '90d'] as const;
/** The fields a change-history entry can name (`app_access` is "all" or the selected app ids). */
export const HISTORY_FIELDS = [
  'name',
  'notification_email',
  'external_id',
  'origins',
  'plan_id',
  'in_trial',
  'trial_ends_at',
  'app_access',
] as const;
/** What was done: the call that made the change. */
export const HISTORY_ACTIONS = ['create', 'update', 'plan', 'trial', 'app_access'] as const;
/** Who did it: a partner admin in the console, a caller of the API, or the system (a trial that ended). */
export const HISTORY_ACTOR_KINDS = ['admin', 'api', 'system'] as const;

export type Status = (typeof STATUSES)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export type HistoryField = (typeof HISTORY_FIELDS)[number];
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
export type HistoryActorKind = (typeof HISTORY_ACTOR_KINDS)[number];

/** True when the PlanId/AppId schemas accept `value` unchanged (no whitespace to trim away). */
export function isIdValue(value: string): boolean {
  return value.length >= 1 && value.length <= ID_MAX_LENGTH && value.trim() === value;
}
