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

export type Status = (typeof STATUSES)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** True when the PlanId/AppId schemas accept `value` unchanged (no whitespace to trim away). */
export function isIdValue(value: string): boolean {
  return value.length >= 1 && value.length <= ID_MAX_LENGTH && value.trim() === value;
}
