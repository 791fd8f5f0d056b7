/**
 * The write rules of the backend contract as pure domain commands. Each takes the current record
 * (and what it needs to decide: plans, apps, the clock, a way to ask whether an external ID is
 * taken, the expected version) and returns the next record, or the problem that stops it.
 * MemoryBackend and the reference server both call these and only store what comes back (a map or
 * SQL, transactions, idempotency records) and deliver problems their own way.
 *
 * Checks run in the contract's order: 404 (unknown customer) → 422 (body) → 412 (stale version) →
 * 409 (external ID taken). The 404 is the caller's, since a command needs the record to start from.
 * Within 422 the body's shape comes first, then what the body names: origins, plans, apps.
 *
 * A command that writes the record starts from it as it reads at `now` (settledCustomer: an ended
 * trial is on the free plan), so what a backend stores is what it next reads.
 *
 * Bodies are `unknown` and parsed here with the zod/mini schemas: the commands are for backends, and
 * the browser bundle of the elements never imports this module.
 */
import type { z } from 'zod/mini';
import { validateOriginEntries } from '../embed/origins.js';
import { fieldErrorsFrom, problem, type FieldErrors } from './problems.js';
import { applyCustomerChanges, disableTrial, enableTrial, findPlan, newCustomerRecord, settledCustomer, settleTrial, withLimits } from './rules.js';
import { AppAccess, CustomerPatch, NewCustomer, PlanChange, TrialChange } from './schemas.js';
import type { App, Customer, Plan, Problem } from './schemas.js';

/** What a command decided: the next value, or the problem+json body to answer with instead. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** The clock and the partner's plans (the free plan is implied), which limits follow. */
export interface PlanContext {
  plans: readonly Plan[];
  now: Date;
}

/** A plan or trial change, optionally decided on a version the caller read. */
export interface PlanChangeContext extends PlanContext {
  /** The version in If-Match, when the caller sent one: a stale one is a 412. */
  expectedVersion?: number | undefined;
}

/** Whether another customer already holds this external ID (asked only for a new or changed one). */
export type ExternalIdTaken = (externalId: string) => boolean;

export interface AddCustomerContext extends PlanContext {
  /** The id the record gets; 0 when the store assigns it on insert. */
  id: number;
  isExternalIdTaken: ExternalIdTaken;
}

export interface PatchCustomerContext extends PlanContext {
  /**
   * The version the caller last read (If-Match). Asked only once the body is valid, so a server can
   * read the header lazily and still answer a bad body with 422 before a missing header with 428.
   */
  expectedVersion: () => number;
  isExternalIdTaken: ExternalIdTaken;
}

// -----------------------------------------------------------------------------------------------
// Problems the commands answer with (their wording is part of the contract: tests read it)

export function unprocessableProblem(detail: string, errors: FieldErrors): Problem {
  return problem(422, 'Unprocessable Content', detail, errors);
}

/** 412: someone else wrote the customer since the caller read it. */
export function staleVersionProblem(currentVersion: number): Problem {
  return problem(
    412,
    'Precondition Failed',
    `The customer was changed by someone else (now version ${currentVersion}); reload it and try again.`,
  );
}

/** 409: external IDs are unique per partner. */
export function externalIdTakenProblem(externalId: string): Problem {
  return problem(409, 'Conflict', `External ID ${JSON.stringify(externalId)} is already used by another customer.`, {
    external_id: ['is already used by another customer'],
  });
}

function unknownPlanProblem(planId: string): Problem {
  return unprocessableProblem('The plan does not exist.', { plan_id: [`unknown plan ${JSON.stringify(planId)}`] });
}

/** The command's value, or `toError(problem)` thrown: how each backend delivers a refusal. */
export function valueOrThrow<T>(result: CommandResult<T>, toError: (problem: Problem) => Error): T {
  if (!result.ok) throw toError(result.problem);
  return result.value;
}

const accepted = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const refused = (reason: Problem): { ok: false; problem: Problem } => ({ ok: false, problem: reason });

function parse<S extends z.ZodMiniType>(schema: S, body: unknown, detail: string): CommandResult<z.infer<S>> {
  const result = schema.safeParse(body);
  return result.success ? accepted(result.data as z.infer<S>) : refused(unprocessableProblem(detail, fieldErrorsFrom(result.error.issues)));
}

// -----------------------------------------------------------------------------------------------
// Commands

/** POST /customers: the record to insert (version 1, joined now, limits of its plan). */
export function addCustomer(body: unknown, context: AddCustomerContext): CommandResult<Customer> {
  const parsed = parse(NewCustomer, body, 'The customer is not valid.');
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  if (!findPlan(fields.plan_id, context.plans)) return refused(unknownPlanProblem(fields.plan_id));
  const externalId = fields.external_id ?? null;
  if (externalId !== null && context.isExternalIdTaken(externalId)) return refused(externalIdTakenProblem(externalId));
  return accepted(newCustomerRecord(context.id, { ...fields, external_id: externalId }, context.plans, context.now));
}

/**
 * PATCH /customers/:id: the edited record, one version on. Origins are checked one by one with the
 * embed rules (src/embed/origins.ts) and kept normalised without duplicates; a bad one is a 422 on
 * `origins[i]` naming the entry. `external_id: null` removes it.
 */
export function patchCustomer(current: Customer, body: unknown, context: PatchCustomerContext): CommandResult<Customer> {
  const parsed = parse(CustomerPatch, body, 'The changes are not valid.');
  if (!parsed.ok) return parsed;
  const changes = parsed.value;
  let origins: string[] | undefined;
  if (changes.origins !== undefined) {
    const checked = validateOriginEntries(changes.origins);
    if (!checked.ok) return refused(unprocessableProblem('Some origins are not valid.', checked.errors));
    origins = checked.origins;
  }
  if (context.expectedVersion() !== current.version) return refused(staleVersionProblem(current.version));
  const externalId = changes.external_id === undefined ? current.external_id : changes.external_id;
  if (externalId !== null && externalId !== current.external_id && context.isExternalIdTaken(externalId)) {
    return refused(externalIdTakenProblem(externalId));
  }
  const edits = { ...changes, external_id: externalId, ...(origins === undefined ? {} : { origins }) };
  return accepted(applyCustomerChanges(settledCustomer(current, context.plans, context.now), edits));
}

/**
 * PUT /customers/:id/plan: settle an ended trial, put the customer on the plan, derive the limits,
 * one version on. So choosing a paid plan for an expired customer makes it active on that plan,
 * and choosing one during a running trial keeps the trial.
 */
export function changePlan(current: Customer, body: unknown, context: PlanChangeContext): CommandResult<Customer> {
  const parsed = parse(PlanChange, body, 'The plan is not valid.');
  if (!parsed.ok) return parsed;
  const planId = parsed.value.plan_id;
  if (!findPlan(planId, context.plans)) return refused(unknownPlanProblem(planId));
  const fresh = versionCheck(current, context.expectedVersion);
  if (!fresh.ok) return fresh;
  const settled = settleTrial(current, context.now);
  return accepted(withLimits({ ...settled, plan_id: planId, version: current.version + 1 }, context.plans, context.now));
}

/**
 * PUT /customers/:id/trial: settle an ended trial, then enable (30 days from now, or 30 more while
 * one runs) or disable it (the customer subscribed: active on its plan), derive the limits, one
 * version on. A trial that has ended already put the customer on the free plan, so enabling one
 * again runs on Free and disabling it leaves the customer expired.
 */
export function changeTrial(current: Customer, body: unknown, context: PlanChangeContext): CommandResult<Customer> {
  const parsed = parse(TrialChange, body, 'The trial change is not valid.');
  if (!parsed.ok) return parsed;
  const fresh = versionCheck(current, context.expectedVersion);
  if (!fresh.ok) return fresh;
  const settled = settleTrial(current, context.now);
  const changed = parsed.value.enabled ? enableTrial(settled, context.now) : disableTrial(settled);
  return accepted(withLimits({ ...changed, version: current.version + 1 }, context.plans, context.now));
}

/**
 * PUT /customers/:id/app-access: the access to store. Selected apps must be in the catalogue (a
 * 422 on `app_ids` naming each unknown one) and keep their order without duplicates. App access is
 * not a field of the customer record, but changing it is a change to the customer: the stores move
 * the customer's version one on (checking an optional If-Match first, `versionCheck`) and write
 * its history, unless the access stays as it was.
 */
export function changeAppAccess(body: unknown, apps: readonly App[]): CommandResult<AppAccess> {
  const parsed = parse(AppAccess, body, 'The app access is not valid.');
  if (!parsed.ok) return parsed;
  const access = parsed.value;
  if (access.mode === 'all') return accepted({ mode: 'all' });
  const known = new Set(apps.map((a) => a.id));
  const unknown = access.app_ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return refused(
      unprocessableProblem('Some apps are not in the catalogue.', { app_ids: unknown.map((id) => `unknown app ${JSON.stringify(id)}`) }),
    );
  }
  return accepted({ mode: 'selected', app_ids: [...new Set(access.app_ids)] });
}

/**
 * An optional If-Match (PUT plan, trial, app access): none sent, the write applies to the customer
 * as it is; one sent must be the current version, else 412. Checked after the body (422 first).
 */
export function versionCheck(current: Pick<Customer, 'version'>, expectedVersion: number | undefined): CommandResult<void> {
  return expectedVersion === undefined ? accepted(undefined) : removeCustomer(current, expectedVersion);
}

/** DELETE /customers/:id: allowed when the caller read the current version. */
export function removeCustomer(current: Pick<Customer, 'version'>, expectedVersion: number): CommandResult<void> {
  return expectedVersion === current.version ? accepted(undefined) : refused(staleVersionProblem(current.version));
}
