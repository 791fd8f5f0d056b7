/**
 * What a plan or trial change would do before it is sent, and what another writer changed of a
 * customer's plan and trial since it was read. Pure and zod-free, for the elements: the previews
 * follow the same rules as the commands the backends run (changePlan, changeTrial in commands.ts),
 * and the unit tests hold the two together.
 */
import type { HistoryField, Status } from './constants.js';
import { customerChanges } from './history.js';
import { customerStatus, disableTrial, effectivePlanId, enableTrial, settledCustomer, settleTrial, withLimits } from './rules.js';
import type { Customer, HistoryEntry, Plan } from './schemas.js';

/** A write of plan-settings: put the customer on a plan, or switch its trial on or off. */
export type PlanAction = { kind: 'plan'; plan_id: string } | { kind: 'trial'; enabled: boolean };

type PreviewFields = Pick<
  Customer,
  'plan_id' | 'in_trial' | 'trial_ends_at' | 'tasks_used' | 'task_limit' | 'connections' | 'connection_limit'
>;

/** A limit the change lowers below what the customer already uses this period. */
export interface LimitOverrun {
  limit: 'tasks' | 'connections';
  used: number;
  /** The limit as it reads now. */
  from: number;
  /** The limit after the change. */
  to: number;
}

export interface ChangePreview<T> {
  /** The customer as the write leaves it (its version aside), settled and with derived limits. */
  after: T;
  /** Its status right after the write. */
  status: Status;
  /** Limits the change lowers below current usage: the change asks for confirmation first. */
  overruns: LimitOverrun[];
}

/**
 * The customer after `action` at `now`, as changePlan and changeTrial compute it: an ended trial is
 * settled onto the free plan first; a plan change during a running trial keeps the trial (tasks
 * stay at the trial's limit); enabling starts or extends the trial; disabling makes the
 * subscription active on the customer's plan.
 *
 * An overrun is a limit that goes down to below what is used already; a change that leaves usage
 * over a limit it raises (Free → Starter with 4,046 tasks used) makes things better, not worse, and
 * is not one.
 */
export function previewChange<T extends PreviewFields>(customer: T, action: PlanAction, plans: readonly Plan[], now: Date): ChangePreview<T> {
  const before = settledCustomer(customer, plans, now);
  const settled = settleTrial(customer, now);
  const changed =
    action.kind === 'plan' ? { ...settled, plan_id: action.plan_id } : action.enabled ? enableTrial(settled, now) : disableTrial(settled);
  const after = withLimits(changed, plans, now);
  const overruns: LimitOverrun[] = [];
  if (after.task_limit < before.task_limit && customer.tasks_used > after.task_limit) {
    overruns.push({ limit: 'tasks', used: customer.tasks_used, from: before.task_limit, to: after.task_limit });
  }
  if (after.connection_limit < before.connection_limit && customer.connections > after.connection_limit) {
    overruns.push({ limit: 'connections', used: customer.connections, from: before.connection_limit, to: after.connection_limit });
  }
  return { after, status: customerStatus(after, now), overruns };
}

export interface TrialPreview {
  /** When the trial would end if it were enabled at `now` (ISO 8601). */
  ends_at: string;
  /** A trial is running, so enabling it again extends it (by TRIAL_DAYS from its current end). */
  extends: boolean;
}

/**
 * The end date enabling the trial would give: TRIAL_DAYS from `now`, or TRIAL_DAYS more from the
 * current end while a trial runs (an ended trial starts afresh from `now`), as changeTrial does.
 */
export function trialPreview(customer: Pick<Customer, 'plan_id' | 'in_trial' | 'trial_ends_at'>, now: Date): TrialPreview {
  const running = customerStatus(customer, now) === 'trial';
  const enabled = enableTrial(settleTrial(customer, now), now);
  return { ends_at: enabled.trial_ends_at!, extends: running };
}

/** Who made a change and when, from the customer's history (when the backend had an entry for it). */
export interface ChangeSource {
  actor: HistoryEntry['actor'];
  at: string;
}

/** One thing another writer changed of the plan or trial, newest history entry for it attached. */
export type PlanTrialChange = (
  | { kind: 'plan'; plan_id: string }
  | { kind: 'trial-started'; ends_at: string }
  | { kind: 'trial-extended'; ends_at: string }
  | { kind: 'trial-ended' }
  /** Nothing of the plan or trial, but something else (name, app access…) moved the version. */
  | { kind: 'other' }
) & { source: ChangeSource | null };

/** The newest entry (of those after `version`) that changed one of `fields`. */
function sourceOf(entries: readonly HistoryEntry[], version: number, fields: readonly HistoryField[]): ChangeSource | null {
  const entry = [...entries]
    .filter((e) => e.version > version && e.changes.some((c) => fields.includes(c.field)))
    .sort((a, b) => b.version - a.version)[0];
  return entry ? { actor: entry.actor, at: entry.at } : null;
}

/**
 * What changed of the plan and trial between the customer this admin read (`seen`) and the one the
 * backend has now (`current`), both as they read at `now`; `history` (newest first, any page of it)
 * says who and when where it can. A version that moved for anything else is one `other` change.
 */
export function planTrialChanges(
  seen: Customer,
  current: Customer,
  plans: readonly Plan[],
  now: Date,
  history: readonly HistoryEntry[] = [],
): PlanTrialChange[] {
  const before = settledCustomer(seen, plans, now);
  const after = settledCustomer(current, plans, now);
  const fields = new Set(customerChanges(before, after).map((c) => c.field));
  const changes: PlanTrialChange[] = [];
  if (fields.has('plan_id')) changes.push({ kind: 'plan', plan_id: after.plan_id, source: sourceOf(history, seen.version, ['plan_id']) });
  const trialSource = () => sourceOf(history, seen.version, ['in_trial', 'trial_ends_at']);
  if (!before.in_trial && after.in_trial) changes.push({ kind: 'trial-started', ends_at: after.trial_ends_at!, source: trialSource() });
  else if (before.in_trial && !after.in_trial) changes.push({ kind: 'trial-ended', source: trialSource() });
  else if (after.in_trial && fields.has('trial_ends_at')) {
    changes.push({ kind: 'trial-extended', ends_at: after.trial_ends_at!, source: trialSource() });
  }
  if (changes.length === 0 && current.version !== seen.version) {
    const newest = [...history].filter((e) => e.version > seen.version).sort((a, b) => b.version - a.version)[0];
    changes.push({ kind: 'other', source: newest ? { actor: newest.actor, at: newest.at } : null });
  }
  return changes;
}

/** Whether `action` would change nothing on `customer` at `now` (the plan it is already on; ending a trial that is not running). */
export function isNoOp(customer: Pick<Customer, 'plan_id' | 'in_trial' | 'trial_ends_at'>, action: PlanAction, now: Date): boolean {
  if (action.kind === 'plan') return action.plan_id === effectivePlanId(customer, now);
  return !action.enabled && customerStatus(customer, now) !== 'trial';
}
