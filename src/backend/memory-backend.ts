/**
 * MemoryBackend: the whole Backend contract in memory, seeded and deterministic, for stories, element
 * tests and the demo without a server. It answers like the reference SQLite server (one contract
 * suite runs against both) and throws the same typed errors the HTTP client maps answers to.
 *
 * Rules it follows, which the server mirrors:
 * - Checks run in this order: 404 (unknown customer) → 422 (body) → 412 (stale version) → 409
 *   (external ID taken). 409 carries `errors.external_id`, and unknown plans/apps are 422 on
 *   `plan_id` / `app_ids`.
 * - Ids are never reused: a new customer gets one more than the highest id ever held.
 * - Limits are derived again from the plan and the clock on every read, so a trial that ended an
 *   hour ago already shows the free plan's limits.
 * - Collaborators are generated (`generateCollaborators(seed, id)`) for the customers the backend
 *   starts with; a customer created later has none yet.
 * - Writes to the customer record (PATCH, plan, trial) bump `version`; app access does not.
 * - Changing the plan first settles an ended trial, so choosing a plan for an expired customer
 *   makes it active on that plan; enabling a trial keeps the plan; limits follow every change.
 * - Origins in a PATCH are checked one by one with the embed rules (src/embed/origins.ts) and
 *   stored normalised without duplicates; a bad one is a 422 on `origins[i]` naming the entry.
 * - An Idempotency-Key (1–255 printable ASCII, else 400) returns the first result for the same
 *   body (compared as canonical JSON) and answers 422 when reused with another body; deleting the
 *   customer forgets its keys.
 */
import { DASHBOARD_PERIODS, AppAccess, CustomerPatch, NewCustomer, PlanChange, TrialChange } from '../model/schemas.js';
import type {
  App,
  Collaborator,
  Customer,
  CustomerPage,
  DashboardPeriod,
  DashboardStats,
  EmbedSession,
  EmbedSessionRequest,
  Partner,
  Plan,
} from '../model/schemas.js';
import { applyCustomerChanges, newCustomerRecord, disableTrial, enableTrial, findPlan, plansWithFree, settleTrial, withLimits } from '../model/rules.js';
import {
  DEFAULT_SORT,
  createCustomerIndex,
  listParamsFilter,
  parseListParams,
  queryIndex,
  sortFromParam,
  type CustomerIndex,
} from '../query/index.js';
import type { CustomerListParams } from '../query/types.js';
import { validateOriginEntries } from '../embed/origins.js';
import type { Backend, CallOptions, CreateOptions, CustomerRef } from './backend.js';
import { HttpError, fieldErrorsFrom, problem, type FieldErrors } from './errors.js';
import { abortableDelay, abortError } from './abort.js';
import { canonicalJson } from './canonical-json.js';
import {
  DEMO_PARTNER,
  DEMO_PLANS,
  createRng,
  generateApps,
  generateCollaborators,
  generateCustomers,
  generateDashboard,
  hashSeed,
  startOfUtcDay,
  type Rng,
} from './generate.js';

export interface MemoryBackendOptions {
  /** Seeds the data, collaborators, dashboards, latency and failures. Default 1. */
  seed?: number;
  /** How many customers to generate (ignored when `customers` is given). Default 200. */
  size?: number;
  /** The clock; generated data is anchored to the start of its UTC day. */
  now?: () => Date;
  /** Simulated latency of every call: a fixed number of ms or a [min, max] range. Default 0. */
  latencyMs?: number | readonly [number, number];
  /** Share of calls (0–1) that fail with HttpError 503, drawn from a PRNG seeded by `seed`. Default 0. */
  failureRate?: number;
  /** Start from these customers instead of generating. */
  customers?: readonly Customer[];
  /** The partner's own plans (the free plan is added). Default DEMO_PLANS. */
  plans?: readonly Plan[];
  apps?: readonly App[];
  partner?: Partner;
  /** The signed-in admin; switching is allowed where this address is a collaborator. */
  adminEmail?: string;
}

interface IdempotentCreate {
  body: string;
  customerId: number;
  result: Customer;
}

const SWITCH_URL_BASE = 'https://app.partner.example/switch/';
/** What the server accepts in an Idempotency-Key header. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;
const SALT_LATENCY = 11;
const SALT_FAILURE = 12;

function notFound(ref: CustomerRef): HttpError {
  const detail =
    typeof ref === 'number' ? `No customer with User ID ${ref}.` : `No customer with external ID ${JSON.stringify(ref.externalId)}.`;
  return new HttpError(problem(404, 'Not Found', detail));
}

function unprocessable(detail: string, errors: FieldErrors): HttpError {
  return new HttpError(problem(422, 'Unprocessable Content', detail, errors));
}

function externalIdTaken(externalId: string): HttpError {
  return new HttpError(
    problem(409, 'Conflict', `External ID ${JSON.stringify(externalId)} is already used by another customer.`, {
      external_id: ['is already used by another customer'],
    }),
  );
}

/**
 * Each origin must be one valid origin by the embed rules (src/embed/origins.ts), surrounding spaces
 * ignored; stored normalised, duplicates dropped. Field errors are keyed `origins[i]`.
 */
function validOrigins(origins: readonly string[]): string[] {
  const result = validateOriginEntries(origins);
  if (!result.ok) throw unprocessable('Some origins are not valid.', result.errors);
  return result.origins;
}

export class MemoryBackend implements Backend {
  private readonly seed: number;
  private readonly now: () => Date;
  private readonly latency: readonly [number, number];
  private readonly failureRate: number;
  private readonly latencyRng: Rng;
  private readonly failureRng: Rng;
  private readonly plans: Plan[];
  private readonly apps: App[];
  private readonly partner: Partner;
  private readonly adminEmail: string;

  /** Customers by id, in id order (ids only grow, so insertion order is id order). */
  private readonly customers = new Map<number, Customer>();
  private readonly idByExternalId = new Map<string, number>();
  private readonly appAccess = new Map<number, AppAccess>();
  /** Customers created through this backend: they have no collaborators yet. */
  private readonly createdIds = new Set<number>();
  private readonly idempotency = new Map<string, IdempotentCreate>();
  private nextId: number;
  /** The query index of the current customers with its cached sort orders; dropped on every write. */
  private index: CustomerIndex | null = null;

  constructor(options: MemoryBackendOptions = {}) {
    this.seed = options.seed ?? 1;
    this.now = options.now ?? (() => new Date());
    const latency = options.latencyMs ?? 0;
    this.latency = typeof latency === 'number' ? [latency, latency] : [latency[0], latency[1]];
    this.failureRate = options.failureRate ?? 0;
    this.latencyRng = createRng(hashSeed(this.seed, SALT_LATENCY));
    this.failureRng = createRng(hashSeed(this.seed, SALT_FAILURE));
    this.plans = structuredClone([...(options.plans ?? DEMO_PLANS)]);
    this.apps = structuredClone([...(options.apps ?? generateApps())]);
    this.partner = structuredClone(options.partner ?? DEMO_PARTNER);
    this.adminEmail = (options.adminEmail ?? this.partner.admin.email).toLowerCase();

    // Given customers are copied (the caller keeps its own); generated ones are ours already.
    const initial = options.customers
      ? structuredClone([...options.customers]).sort((a, b) => a.id - b.id)
      : generateCustomers({ seed: this.seed, count: options.size ?? 200, anchor: startOfUtcDay(this.now()) });
    let maxId = 0;
    for (const customer of initial) {
      this.customers.set(customer.id, customer);
      if (customer.external_id !== null) this.idByExternalId.set(customer.external_id, customer.id);
      maxId = Math.max(maxId, customer.id);
    }
    this.nextId = maxId + 1;
  }

  async listCustomers(params: CustomerListParams, options?: CallOptions): Promise<CustomerPage> {
    await this.enter(options);
    const parsed = parseListParams(params);
    if (!parsed.success) throw unprocessable('The list parameters are not valid.', parsed.errors);
    const valid = parsed.data;
    const now = this.now();
    // Same rules as applyListParams, on an index kept between calls so large stores stay fast.
    const index = (this.index ??= createCustomerIndex([...this.customers.values()]));
    const result = queryIndex(index, listParamsFilter(valid), sortFromParam(valid.sort) ?? DEFAULT_SORT, now);
    const start = (valid.page - 1) * valid.per_page;
    const end = Math.min(result.total, start + valid.per_page);
    const items: Customer[] = [];
    for (let k = start; k < end; k++) items.push(this.view(index.customers[result.rows[k]!]!, now));
    return { items, total: result.total, page: valid.page, per_page: valid.per_page, counts: result.counts };
  }

  async createCustomer(input: NewCustomer, options?: CreateOptions): Promise<Customer> {
    await this.enter(options);
    const key = options?.idempotencyKey;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new HttpError(
        problem(400, 'Bad Request', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
          'Idempotency-Key': ['must be 1 to 255 printable ASCII characters'],
        }),
      );
    }
    const body = canonicalJson(input);
    if (key !== undefined) {
      const earlier = this.idempotency.get(key);
      if (earlier) {
        if (earlier.body !== body) {
          throw unprocessable('This Idempotency-Key was already used with a different body.', {
            'Idempotency-Key': ['was already used with a different body'],
          });
        }
        return structuredClone(earlier.result);
      }
    }
    const parsed = NewCustomer.safeParse(input);
    if (!parsed.success) throw unprocessable('The customer is not valid.', fieldErrorsFrom(parsed.error.issues));
    const fields = parsed.data;
    if (!findPlan(fields.plan_id, this.plans)) {
      throw unprocessable('The plan does not exist.', { plan_id: [`unknown plan ${JSON.stringify(fields.plan_id)}`] });
    }
    const externalId = fields.external_id ?? null;
    if (externalId !== null && this.idByExternalId.has(externalId)) throw externalIdTaken(externalId);

    const now = this.now();
    const customer = newCustomerRecord(this.nextId++, { ...fields, external_id: externalId }, this.plans, now);
    this.customers.set(customer.id, customer);
    this.index = null;
    this.createdIds.add(customer.id);
    if (externalId !== null) this.idByExternalId.set(externalId, customer.id);
    if (key !== undefined) this.idempotency.set(key, { body, customerId: customer.id, result: structuredClone(customer) });
    return structuredClone(customer);
  }

  async getCustomer(ref: CustomerRef, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    return this.view(this.find(ref), this.now());
  }

  async updateCustomer(ref: CustomerRef, patch: CustomerPatch, version: number, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const parsed = CustomerPatch.safeParse(patch);
    if (!parsed.success) throw unprocessable('The changes are not valid.', fieldErrorsFrom(parsed.error.issues));
    const changes = parsed.data;
    const origins = changes.origins === undefined ? undefined : validOrigins(changes.origins);
    this.checkVersion(current, version);
    const externalId = changes.external_id === undefined ? current.external_id : changes.external_id;
    if (externalId !== null && externalId !== current.external_id && this.idByExternalId.has(externalId)) {
      throw externalIdTaken(externalId);
    }
    const updated = applyCustomerChanges(current, { ...changes, external_id: externalId, ...(origins === undefined ? {} : { origins }) });
    if (current.external_id !== null) this.idByExternalId.delete(current.external_id);
    if (externalId !== null) this.idByExternalId.set(externalId, current.id);
    this.customers.set(current.id, updated);
    this.index = null;
    return this.view(updated, this.now());
  }

  async deleteCustomer(ref: CustomerRef, version: number, options?: CallOptions): Promise<void> {
    await this.enter(options);
    const current = this.find(ref);
    this.checkVersion(current, version);
    this.customers.delete(current.id);
    this.index = null;
    if (current.external_id !== null) this.idByExternalId.delete(current.external_id);
    this.appAccess.delete(current.id);
    for (const [key, entry] of this.idempotency) if (entry.customerId === current.id) this.idempotency.delete(key);
  }

  async setPlan(ref: CustomerRef, planId: string, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const parsed = PlanChange.safeParse({ plan_id: planId });
    if (!parsed.success) throw unprocessable('The plan is not valid.', fieldErrorsFrom(parsed.error.issues));
    if (!findPlan(parsed.data.plan_id, this.plans)) {
      throw unprocessable('The plan does not exist.', { plan_id: [`unknown plan ${JSON.stringify(planId)}`] });
    }
    const now = this.now();
    const settled = settleTrial(current, now);
    return this.save(withLimits({ ...settled, plan_id: parsed.data.plan_id, version: current.version + 1 }, this.plans, now));
  }

  async setTrial(ref: CustomerRef, enabled: boolean, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const parsed = TrialChange.safeParse({ enabled });
    if (!parsed.success) throw unprocessable('The trial change is not valid.', fieldErrorsFrom(parsed.error.issues));
    const now = this.now();
    const changed = parsed.data.enabled ? enableTrial(current, now) : disableTrial(current);
    return this.save(withLimits({ ...changed, version: current.version + 1 }, this.plans, now));
  }

  async getAppAccess(ref: CustomerRef, options?: CallOptions): Promise<AppAccess> {
    await this.enter(options);
    const customer = this.find(ref);
    return structuredClone(this.appAccess.get(customer.id) ?? { mode: 'all' });
  }

  async setAppAccess(ref: CustomerRef, access: AppAccess, options?: CallOptions): Promise<AppAccess> {
    await this.enter(options);
    const customer = this.find(ref);
    const parsed = AppAccess.safeParse(access);
    if (!parsed.success) throw unprocessable('The app access is not valid.', fieldErrorsFrom(parsed.error.issues));
    let stored: AppAccess = { mode: 'all' };
    if (parsed.data.mode === 'selected') {
      const known = new Set(this.apps.map((a) => a.id));
      const unknown = parsed.data.app_ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw unprocessable('Some apps are not in the catalogue.', {
          app_ids: unknown.map((id) => `unknown app ${JSON.stringify(id)}`),
        });
      }
      stored = { mode: 'selected', app_ids: [...new Set(parsed.data.app_ids)] };
    }
    this.appAccess.set(customer.id, stored);
    return structuredClone(stored);
  }

  async listCollaborators(ref: CustomerRef, options?: CallOptions): Promise<Collaborator[]> {
    await this.enter(options);
    return this.collaboratorsOf(this.find(ref).id);
  }

  async getDashboard(ref: CustomerRef, period: DashboardPeriod, options?: CallOptions): Promise<DashboardStats> {
    await this.enter(options);
    const customer = this.find(ref);
    if (!(DASHBOARD_PERIODS as readonly string[]).includes(period)) {
      throw unprocessable('The period is not valid.', { period: [`must be one of ${DASHBOARD_PERIODS.join(', ')}`] });
    }
    return generateDashboard(this.seed, customer.id, period, this.now());
  }

  async switchToAccount(ref: CustomerRef, options?: CallOptions): Promise<{ url: string }> {
    await this.enter(options);
    const customer = this.find(ref);
    if (!this.collaboratorsOf(customer.id).some((c) => c.email.toLowerCase() === this.adminEmail)) {
      throw new HttpError(
        problem(
          403,
          'Forbidden',
          "Only customer managers and collaborators of this customer's workspace may switch into the account.",
        ),
      );
    }
    return { url: `${SWITCH_URL_BASE}${customer.id}` };
  }

  async listPlans(options?: CallOptions): Promise<Plan[]> {
    await this.enter(options);
    return structuredClone(plansWithFree(this.plans));
  }

  async listApps(options?: CallOptions): Promise<App[]> {
    await this.enter(options);
    return structuredClone(this.apps);
  }

  async getPartner(options?: CallOptions): Promise<Partner> {
    await this.enter(options);
    return structuredClone(this.partner);
  }

  async createEmbedSession(_request: EmbedSessionRequest, options?: CallOptions): Promise<EmbedSession> {
    await this.enter(options);
    throw new HttpError(
      problem(
        501,
        'Not Implemented',
        'MemoryBackend cannot create embed sessions: it holds no JWT secret. Use the reference server (npm start).',
      ),
    );
  }

  /**
   * Every call starts here: it honours the caller's signal, waits the simulated latency (abortable),
   * and fails with 503 at the configured rate, before anything is read or changed.
   */
  private async enter(options: CallOptions | undefined): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortError(signal);
    const [min, max] = this.latency;
    const delay = max > 0 ? min + this.latencyRng.next() * (max - min) : 0;
    const failed = this.failureRate > 0 && this.failureRng.next() < this.failureRate;
    // Without latency the answer still comes asynchronously, like any backend's, but without a timer.
    if (delay === 0) await Promise.resolve();
    else await abortableDelay(delay, signal);
    if (signal?.aborted) throw abortError(signal);
    if (failed) {
      throw new HttpError(problem(503, 'Service Unavailable', 'Simulated failure (MemoryBackend failureRate).'));
    }
  }

  private find(ref: CustomerRef): Customer {
    const id = typeof ref === 'number' ? ref : this.idByExternalId.get(ref.externalId);
    const customer = id === undefined ? undefined : this.customers.get(id);
    if (!customer) throw notFound(ref);
    return customer;
  }

  /** Generated on demand (cheap, deterministic) rather than held for every customer. */
  private collaboratorsOf(customerId: number): Collaborator[] {
    return this.createdIds.has(customerId) ? [] : generateCollaborators(this.seed, customerId);
  }

  private checkVersion(current: Customer, version: number): void {
    if (version !== current.version) {
      throw new HttpError(
        problem(
          412,
          'Precondition Failed',
          `The customer was changed by someone else (now version ${current.version}); reload it and try again.`,
        ),
      );
    }
  }

  private save(customer: Customer): Customer {
    this.customers.set(customer.id, customer);
    this.index = null;
    return this.view(customer, this.now());
  }

  /** What a caller gets: a copy, with limits derived at `now` from the plan and the trial. */
  private view(customer: Customer, now: Date): Customer {
    return withLimits(structuredClone(customer), this.plans, now);
  }
}

