/**
 * Domain rules as pure functions. Every function that depends on time takes the clock as `now`.
 */
import { FREE_PLAN_ID, TRIAL_DAYS, TRIAL_TASK_LIMIT, type Status } from './constants.js';
import type { Collaborator, Customer, NewCustomer, Plan } from './schemas.js';

const DAY_MS = 86_400_000;

/** The free plan every partner has besides its own plans. */
export const FREE_PLAN: Plan = {
  id: FREE_PLAN_ID,
  name: 'Free',
  task_limit: TRIAL_TASK_LIMIT,
  connection_limit: 5,
};

type StatusFields = Pick<Customer, 'plan_id' | 'in_trial' | 'trial_ends_at'>;

/**
 * A customer is in trial until `trial_ends_at` (exclusive); a trial that has ended, or the free plan,
 * is an expired subscription; anything else is active on its plan.
 */
export function customerStatus(customer: StatusFields, now: Date): Status {
  if (customer.in_trial) {
    const end = customer.trial_ends_at ? Date.parse(customer.trial_ends_at) : NaN;
    return end > now.getTime() ? 'trial' : 'expired';
  }
  return customer.plan_id === FREE_PLAN_ID ? 'expired' : 'active';
}

/**
 * The plan a customer is on at `now`: the free plan once its trial has ended (what `settleTrial`
 * stores), else its own. Tables, plan filters and their counts all read the plan through this.
 */
export function effectivePlanId(customer: StatusFields, now: Date): string {
  return customerStatus(customer, now) === 'expired' ? FREE_PLAN_ID : customer.plan_id;
}

export const STATUS_LABELS: Record<Status, string> = {
  active: 'Active',
  trial: 'In trial',
  expired: 'Expired subscription',
};

export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

/** The partner's plans plus the free plan (unless the partner already lists one with its id). */
export function plansWithFree(plans: readonly Plan[]): Plan[] {
  return plans.some((p) => p.id === FREE_PLAN_ID) ? [...plans] : [...plans, FREE_PLAN];
}

export function findPlan(planId: string, plans: readonly Plan[]): Plan | undefined {
  return plansWithFree(plans).find((p) => p.id === planId);
}

export interface Limits {
  task_limit: number;
  connection_limit: number;
}

/**
 * Limits follow the plan; a running trial caps tasks at 100/month; an expired customer has the
 * free plan's limits. An unknown plan id falls back to the free plan rather than to "unlimited".
 */
export function limitsFor(customer: StatusFields, plans: readonly Plan[], now: Date): Limits {
  const status = customerStatus(customer, now);
  const plan = status === 'expired' ? FREE_PLAN : (findPlan(customer.plan_id, plans) ?? FREE_PLAN);
  return {
    task_limit: status === 'trial' ? TRIAL_TASK_LIMIT : plan.task_limit,
    connection_limit: plan.connection_limit,
  };
}

type TrialFields = Pick<Customer, 'plan_id' | 'in_trial' | 'trial_ends_at'>;

/**
 * Enabling the trial starts 30 days from now; enabling it again while it runs extends it by 30
 * days from its current end.
 */
export function enableTrial<T extends TrialFields>(customer: T, now: Date): T {
  const running = customerStatus(customer, now) === 'trial';
  const from = running ? Date.parse(customer.trial_ends_at!) : now.getTime();
  return { ...customer, in_trial: true, trial_ends_at: new Date(from + TRIAL_DAYS * DAY_MS).toISOString() };
}

/** Disabling the trial (the customer subscribed) makes the subscription active on its plan. */
export function disableTrial<T extends TrialFields>(customer: T): T {
  return { ...customer, in_trial: false };
}

/** When a trial has ended the customer falls to the free plan. Unchanged otherwise. */
export function settleTrial<T extends TrialFields>(customer: T, now: Date): T {
  if (!customer.in_trial || customerStatus(customer, now) === 'trial') return customer;
  return { ...customer, in_trial: false, plan_id: FREE_PLAN_ID };
}

/** Applies limits derived from the plan and trial to a customer record. */
export function withLimits<T extends StatusFields & Limits>(customer: T, plans: readonly Plan[], now: Date): T {
  return { ...customer, ...limitsFor(customer, plans, now) };
}

/**
 * A customer as it reads at `now`: a trial that has ended is settled onto the free plan
 * (`in_trial` false, `trial_ends_at` kept as the day it ended), and the limits are derived from the
 * plan and the clock. Every backend answers with this, so a list read after the end instant
 * already shows Free, whether or not anything was written since.
 */
export function settledCustomer<T extends StatusFields & Limits>(customer: T, plans: readonly Plan[], now: Date): T {
  return withLimits(settleTrial(customer, now), plans, now);
}

export type UsageLevel = 'ok' | 'near' | 'over';

/** Near is 80% of the limit or more; over is above it. Any use of a zero limit is over. */
export function usageLevel(used: number, limit: number): UsageLevel {
  if (used > limit) return 'over';
  if (used > 0 && used >= limit * 0.8) return 'near';
  return 'ok';
}

/** A validated PATCH: fields left out stay; `external_id: null` removes it; `origins` already normalised. */
export interface CustomerChanges {
  name?: string;
  notification_email?: string;
  external_id?: string | null;
  origins?: string[];
}

/**
 * The customer after a PATCH, one version on; or `current` itself, same version, when the changes
 * change nothing (`{}`, or every field already as given): a no-op must not bump the version, or
 * every other editor's next save would fail with 412 for nothing. Both backends apply edits with this.
 */
export function applyCustomerChanges(current: Customer, changes: CustomerChanges): Customer {
  const next = {
    ...current,
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.notification_email === undefined ? {} : { notification_email: changes.notification_email }),
    ...(changes.external_id === undefined ? {} : { external_id: changes.external_id }),
    ...(changes.origins === undefined ? {} : { origins: changes.origins }),
  };
  const unchanged =
    next.name === current.name &&
    next.notification_email === current.notification_email &&
    next.external_id === current.external_id &&
    next.origins.length === current.origins.length &&
    next.origins.every((origin, i) => origin === current.origins[i]);
  return unchanged ? current : { ...next, version: current.version + 1 };
}

/**
 * The record for a customer just added: version 1, joined now, no usage, no trial, no apps, no
 * origins (so it inherits the partner's), limits from its plan. Both backends create with this.
 */
export function newCustomerRecord(id: number, fields: NewCustomer, plans: readonly Plan[], now: Date): Customer {
  return withLimits(
    {
      id,
      name: fields.name,
      external_id: fields.external_id ?? null,
      notification_email: fields.notification_email,
      plan_id: fields.plan_id,
      in_trial: false,
      trial_ends_at: null,
      created_at: now.toISOString(),
      tasks_used: 0,
      task_limit: 0,
      connections: 0,
      connection_limit: 0,
      top_apps: [],
      origins: [],
      version: 1,
    },
    plans,
    now,
  );
}

/**
 * "Switch to this account" is for customer managers and collaborators of the customer's workspace
 * only: the signed-in partner admin may switch when their e-mail is on the team (compared without
 * case, as e-mail domains are). The UI and the server decide with this same rule.
 */
export function maySwitchToAccount(adminEmail: string, team: readonly Pick<Collaborator, 'email'>[]): boolean {
  const email = adminEmail.trim().toLowerCase();
  return team.some((member) => member.email.trim().toLowerCase() === email);
}
