/**
 * MemoryBackend: the whole Backend contract in memory, seeded and deterministic, for stories, element
 * tests and the demo without a server. It answers like the reference SQLite server (one contract
 * suite runs against both) and throws the same typed errors the HTTP client maps answers to.
 *
 * Rules it follows, which the server mirrors:
 * - The write rules are the domain commands of src/model/commands.ts, the same ones the server
 *   calls: checks in the order 404 (unknown customer, found here) → 422 (body) → 412 (stale
 *   version) → 409 (external ID taken); 409 carries `errors.external_id`, and unknown plans/apps
 *   are 422 on `plan_id` / `app_ids`. This class only stores what they return.
 * - Ids are never reused: a new customer gets one more than the highest id ever held.
 * - Every customer is read settled at the clock (settledCustomer): a trial that ended an hour ago
 *   already reads as the free plan, with its limits, and plan filters and counts agree.
 * - Collaborators (`generateCollaborators(seed, id)`, managers first then by name) and recipes with
 *   their job rollups (`generateActivity(seed, customer, anchor)`, from the customer as the backend
 *   started with it) are generated for the customers the backend starts with, exactly as the seeder
 *   stores them; a customer created later has neither yet. Dashboards are `dashboardStats` of that
 *   activity at the clock, the figures the server computes in SQL.
 * - Switching is decided by `switchIntoAccount` (maySwitchToAccount of the signed-in admin's e-mail
 *   and the team), as on the server.
 * - Every write to a customer (PATCH, plan, trial, a changed app access) moves `version` one on;
 *   plan, trial and app access check the version the caller read when it sends one (If-Match).
 * - Every change is written to the customer's history (`customerChanges`, `appAccessChanges`) as
 *   the signed-in admin, with the change itself; the customers it starts with have none yet.
 * - An Idempotency-Key (1–255 printable ASCII, else 400) returns the first result for the same
 *   body (compared as canonical JSON) and answers 422 when reused with another body; deleting the
 *   customer forgets its keys.
 */
import { DASHBOARD_PERIODS } from '../model/schemas.js';
import type {
  App,
  AppAccess,
  Collaborator,
  Customer,
  CustomerPage,
  CustomerPatch,
  DashboardPeriod,
  DashboardStats,
  EmbedSession,
  EmbedSessionRequest,
  HistoryAction,
  HistoryChange,
  HistoryEntry,
  HistoryPage,
  Partner,
  NewCustomer,
  Plan,
  Problem,
} from '../model/schemas.js';
import { plansWithFree, settledCustomer } from '../model/rules.js';
import { dashboardStats, type CustomerActivity } from '../model/dashboard.js';
import { switchIntoAccount } from '../model/account-switch.js';
import {
  addCustomer,
  changeAppAccess,
  changePlan,
  changeTrial,
  patchCustomer,
  removeCustomer,
  valueOrThrow,
  versionCheck,
  type CommandResult,
} from '../model/commands.js';
import {
  DEFAULT_SORT,
  createCustomerIndex,
  listParamsFilter,
  parseListParams,
  queryIndex,
  sortFromParam,
  type CustomerIndex,
} from '../query/index.js';
import { appAccessChanges, customerChanges, historyPageParams } from '../model/history.js';
import type { CustomerListParams } from '../query/types.js';
import type { Backend, CallOptions, CreateOptions, CustomerRef, HistoryParams, WriteOptions } from './backend.js';
import { HttpError, problem, type FieldErrors } from './errors.js';
import { abortableDelay, abortError } from './abort.js';
import { canonicalJson } from './canonical-json.js';
import {
  DEMO_PARTNER,
  DEMO_PLANS,
  createRng,
  generateActivity,
  generateApps,
  generateCollaborators,
  generateCustomers,
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
  /**
   * The signed-in admin's e-mail (default the partner's admin): `getPartner` answers with it, and
   * switching is allowed where this address is on the customer's team.
   */
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

/** A domain command's value, or its problem thrown as the HttpError the HTTP client would throw. */
function decided<T>(result: CommandResult<T>): T {
  return valueOrThrow(result, (refusal: Problem) => new HttpError(refusal));
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
  /** "Today" of the generated data: the start of the UTC day the backend was created on. */
  private readonly anchor: Date;

  /** Customers by id, in id order (ids only grow, so insertion order is id order). */
  private readonly customers = new Map<number, Customer>();
  private readonly idByExternalId = new Map<string, number>();
  private readonly appAccess = new Map<number, AppAccess>();
  /**
   * The customers as the backend started with them: their teams and recipes are generated from
   * these. A customer created through this backend is not here, and has neither yet.
   */
  private readonly initial = new Map<number, Customer>();
  /** Recipes and rollups per customer, generated when first asked for. */
  private readonly activity = new Map<number, CustomerActivity>();
  private readonly idempotency = new Map<string, IdempotentCreate>();
  /** Each customer's changes, oldest first. */
  private readonly history = new Map<number, HistoryEntry[]>();
  private nextHistoryId = 1;
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
    if (options.adminEmail !== undefined) this.partner.admin.email = options.adminEmail;
    this.adminEmail = this.partner.admin.email;
    this.anchor = startOfUtcDay(this.now());

    // Given customers are copied (the caller keeps its own); generated ones are ours already.
    const initial = options.customers
      ? structuredClone([...options.customers]).sort((a, b) => a.id - b.id)
      : generateCustomers({ seed: this.seed, count: options.size ?? 200, anchor: this.anchor });
    let maxId = 0;
    for (const customer of initial) {
      this.customers.set(customer.id, customer);
      // Records are replaced on every write, never changed in place, so this one stays as it started.
      this.initial.set(customer.id, customer);
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
    const customer = decided(
      addCustomer(input, {
        id: this.nextId,
        plans: this.plans,
        now: this.now(),
        isExternalIdTaken: (externalId) => this.idByExternalId.has(externalId),
      }),
    );
    this.nextId++;
    this.customers.set(customer.id, customer);
    this.index = null;
    if (customer.external_id !== null) this.idByExternalId.set(customer.external_id, customer.id);
    if (key !== undefined) this.idempotency.set(key, { body, customerId: customer.id, result: structuredClone(customer) });
    this.record(customer, 'create', customerChanges(null, customer));
    return structuredClone(customer);
  }

  async getCustomer(ref: CustomerRef, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    return this.view(this.find(ref), this.now());
  }

  async updateCustomer(ref: CustomerRef, patch: CustomerPatch, version: number, options?: CallOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const updated = decided(
      patchCustomer(current, patch, {
        plans: this.plans,
        now: this.now(),
        expectedVersion: () => version,
        isExternalIdTaken: (externalId) => this.idByExternalId.has(externalId),
      }),
    );
    if (current.external_id !== null) this.idByExternalId.delete(current.external_id);
    if (updated.external_id !== null) this.idByExternalId.set(updated.external_id, current.id);
    return this.save(current, updated, 'update');
  }

  async deleteCustomer(ref: CustomerRef, version: number, options?: CallOptions): Promise<void> {
    await this.enter(options);
    const current = this.find(ref);
    decided(removeCustomer(current, version));
    this.customers.delete(current.id);
    this.index = null;
    if (current.external_id !== null) this.idByExternalId.delete(current.external_id);
    this.appAccess.delete(current.id);
    this.history.delete(current.id);
    for (const [key, entry] of this.idempotency) if (entry.customerId === current.id) this.idempotency.delete(key);
  }

  async setPlan(ref: CustomerRef, planId: string, options?: WriteOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const context = { plans: this.plans, now: this.now(), expectedVersion: options?.version };
    return this.save(current, decided(changePlan(current, { plan_id: planId }, context)), 'plan');
  }

  async setTrial(ref: CustomerRef, enabled: boolean, options?: WriteOptions): Promise<Customer> {
    await this.enter(options);
    const current = this.find(ref);
    const context = { plans: this.plans, now: this.now(), expectedVersion: options?.version };
    return this.save(current, decided(changeTrial(current, { enabled }, context)), 'trial');
  }

  async getAppAccess(ref: CustomerRef, options?: CallOptions): Promise<AppAccess> {
    await this.enter(options);
    const customer = this.find(ref);
    return structuredClone(this.appAccess.get(customer.id) ?? { mode: 'all' });
  }

  async setAppAccess(ref: CustomerRef, access: AppAccess, options?: WriteOptions): Promise<AppAccess> {
    await this.enter(options);
    const customer = this.find(ref);
    const stored = decided(changeAppAccess(access, this.apps));
    decided(versionCheck(customer, options?.version));
    const changes = appAccessChanges(this.appAccess.get(customer.id) ?? { mode: 'all' }, stored);
    if (changes.length > 0) {
      this.appAccess.set(customer.id, stored);
      const next = { ...customer, version: customer.version + 1 };
      this.customers.set(customer.id, next);
      this.index = null;
      this.record(next, 'app_access', changes);
    }
    return structuredClone(stored);
  }

  async listHistory(ref: CustomerRef, params: HistoryParams = {}, options?: CallOptions): Promise<HistoryPage> {
    await this.enter(options);
    const customer = this.find(ref);
    const { page, per_page: perPage } = decided(historyPageParams(params));
    const newestFirst = [...(this.history.get(customer.id) ?? [])].reverse();
    const items = newestFirst.slice((page - 1) * perPage, page * perPage);
    return { items: structuredClone(items), total: newestFirst.length, page, per_page: perPage };
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
    return dashboardStats(this.activityOf(customer.id), period, this.now());
  }

  async switchToAccount(ref: CustomerRef, options?: CallOptions): Promise<{ url: string }> {
    await this.enter(options);
    const customer = this.find(ref);
    return decided(switchIntoAccount(customer, this.adminEmail, this.collaboratorsOf(customer.id), `${SWITCH_URL_BASE}${customer.id}`));
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
    return this.initial.has(customerId) ? generateCollaborators(this.seed, customerId) : [];
  }

  private activityOf(customerId: number): CustomerActivity {
    const initial = this.initial.get(customerId);
    if (!initial) return { recipes: [], daily: [], hourly: [] }; // created here: nothing built yet
    let activity = this.activity.get(customerId);
    if (!activity) this.activity.set(customerId, (activity = generateActivity(this.seed, initial, this.anchor)));
    return activity;
  }

  /** Stores a written customer and its history entry (what changed from the record as read, settled). */
  private save(current: Customer, customer: Customer, action: HistoryAction): Customer {
    const now = this.now();
    this.customers.set(customer.id, customer);
    this.index = null;
    const after = this.view(customer, now);
    this.record(after, action, customerChanges(this.view(current, now), after));
    return after;
  }

  /** A history entry for a change, by the signed-in admin; a write that changed nothing records none. */
  private record(customer: Customer, action: HistoryAction, changes: HistoryChange[]): void {
    if (changes.length === 0) return;
    const entries = this.history.get(customer.id) ?? [];
    entries.push({
      id: this.nextHistoryId++,
      at: this.now().toISOString(),
      action,
      actor: { kind: 'admin', name: this.partner.admin.name },
      version: customer.version,
      changes,
    });
    this.history.set(customer.id, entries);
  }

  /** What a caller gets: a copy, settled at `now` (an ended trial reads as Free, limits from the plan). */
  private view(customer: Customer, now: Date): Customer {
    return settledCustomer(structuredClone(customer), this.plans, now);
  }
}

