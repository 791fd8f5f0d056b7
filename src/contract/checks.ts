/**
 * The backend contract as checks a partner can run against their own backend, whatever data it
 * holds: every check derives what it expects from what the backend itself answers (a customer it
 * lists, its plans, its apps) and the contract's rules, never from seeded data. Framework-neutral:
 * a check throws `CheckFailure` (or any error) to fail; `runChecks` runs them in order. The CLI
 * (cli.ts, `npx customers-console-contract`) and test/server/contract-checks.test.ts (node:test,
 * against the reference server and MemoryBackend) run the same list.
 *
 * Read-only checks only read. Writing checks (`writes: true`) run only when asked, and only on the
 * scratch customer the caller names; they put back what they can (name, plan, app access) and
 * create one customer of their own, which they delete again. The trial check leaves the scratch
 * customer's trial disabled and its `trial_ends_at` moved.
 *
 * The deeper, oracle-based suite (test/server/contract.ts) needs the seeded fixture and stays a test.
 */
import type { Backend, CustomerRef } from '../backend/backend.js';
import { HttpBackend } from '../backend/http-backend.js';
import { HttpError } from '../backend/errors.js';
import { canonicalJson } from '../backend/canonical-json.js';
import {
  Customer as CustomerSchema,
  DASHBOARD_PERIODS,
  FREE_PLAN_ID,
  MAX_PER_PAGE,
  Problem as ProblemSchema,
  SORT_KEYS,
  STATUSES,
  TRIAL_DAYS,
  TRIAL_TASK_LIMIT,
  type App,
  type Customer,
  type CustomerPage,
  type Plan,
  type Status,
} from '../model/schemas.js';
import { FREE_PLAN } from '../model/rules.js';
import { foldText } from '../query/fold.js';
import { sortValue } from '../query/sort.js';
import type { CustomerListParams } from '../query/types.js';
import { CONTRACT_OPERATIONS } from './openapi.js';

/** What the checks run against. */
export interface CheckTarget {
  backend: Backend;
  /**
   * A request to the API with the token (`auth: false` sends none), for what a Backend does not
   * show: status codes, headers, content types. Absent for a backend without HTTP (MemoryBackend):
   * checks that need it are skipped.
   */
  http?: (path: string, init?: RequestInit & { auth?: boolean }) => Promise<Response>;
  /** The customer writing checks may change. */
  scratchCustomer?: CustomerRef;
}

export interface ContractCheck {
  title: string;
  /** Changes data: runs only with `write` and a scratch customer. */
  writes: boolean;
  /** Needs `target.http`. */
  http: boolean;
  run(target: CheckTarget): Promise<void>;
}

/** A check's own verdict (as opposed to an error the backend or the client raised). */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

export type CheckOutcome = { check: ContractCheck; status: 'passed' } | { check: ContractCheck; status: 'failed'; error: unknown } | { check: ContractCheck; status: 'skipped'; reason: string };

export interface CheckReport {
  outcomes: CheckOutcome[];
  passed: number;
  failed: number;
  skipped: number;
}

// -------------------------------------------------------------------------------------------------
// Assertions

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

function same(actual: unknown, expected: unknown, message: string): void {
  const [a, b] = [canonicalJson(actual), canonicalJson(expected)];
  if (a !== b) throw new CheckFailure(`${message}: expected ${clip(b)}, got ${clip(a)}`);
}

const clip = (text: string | undefined, max = 240) => (text === undefined ? 'nothing' : text.length > max ? `${text.slice(0, max)}…` : text);

/** The call must fail with HttpError `status` (and a field error on `field`). */
async function rejects(promise: Promise<unknown>, status: number, what: string, field?: string): Promise<HttpError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    ok(error instanceof HttpError, `${what}: expected a ${status} problem, got ${String(error)}`);
    ok(error.status === status, `${what}: expected status ${status}, got ${error.status} (${error.message})`);
    if (field !== undefined) {
      ok(error.fieldErrors[field]?.length, `${what}: expected a field error on "${field}", got ${JSON.stringify(error.fieldErrors)}`);
    }
    return error;
  }
  throw new CheckFailure(`${what}: expected a ${status} problem, but it succeeded with ${clip(JSON.stringify(result))}`);
}

async function problemAnswer(res: Response, status: number, what: string): Promise<void> {
  ok(res.status === status, `${what}: expected status ${status}, got ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  ok(/^application\/problem\+json\s*(;|$)/i.test(type), `${what}: expected Content-Type application/problem+json, got "${type}"`);
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = ProblemSchema.safeParse(body);
  ok(parsed.success, `${what}: the body is not a problem (type, title, status): ${clip(JSON.stringify(body))}`);
  ok(parsed.data.status === status, `${what}: the problem's status is ${parsed.data.status}, the answer's ${status}`);
}

// -------------------------------------------------------------------------------------------------
// What the backend holds

/** A customer to read: the scratch customer, else the first one listed. */
async function someCustomer(target: CheckTarget): Promise<Customer> {
  if (target.scratchCustomer !== undefined) return target.backend.getCustomer(target.scratchCustomer);
  const page = await target.backend.listCustomers({ per_page: 1 });
  const first = page.items[0];
  ok(first, 'the backend lists no customers: add one (or name one with --scratch-customer) to check the customer calls');
  return first;
}

function scratch(target: CheckTarget): CustomerRef {
  ok(target.scratchCustomer !== undefined, 'writing checks need a scratch customer');
  return target.scratchCustomer;
}

/** Status from a settled customer alone (backends answer ended trials on Free), so no clock is needed. */
function settledStatus(c: Customer): Status {
  if (c.in_trial) return 'trial';
  return c.plan_id === FREE_PLAN_ID ? 'expired' : 'active';
}

function assertOrdered(items: readonly Customer[], sort: string, what: string): void {
  const key = sort.replace(/^-/, '') as (typeof SORT_KEYS)[number];
  const sign = sort.startsWith('-') ? -1 : 1;
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    const order = x < y ? -sign : x > y ? sign : a.id < b.id ? -1 : 1;
    ok(order < 0, `${what}: customer ${a.id} (${String(x)}) comes before ${b.id} (${String(y)})`);
  }
}

const IMPOSSIBLE_ID = 999_999_999_999;
const DAY_MS = 86_400_000;
const unique = (ids: readonly (string | number)[]) => new Set(ids).size === ids.length;
const runTag = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// -------------------------------------------------------------------------------------------------
// The checks

const read = (title: string, run: ContractCheck['run'], http = false): ContractCheck => ({ title, writes: false, http, run });
const write = (title: string, run: ContractCheck['run'], http = false): ContractCheck => ({ title, writes: true, http, run });

export const CONTRACT_CHECKS: readonly ContractCheck[] = [
  read('GET /partner fits the Partner schema', async ({ backend }) => {
    const partner = await backend.getPartner();
    ok(typeof partner.admin.permissions.manage_customers === 'boolean', 'the admin has permissions');
  }),

  read('GET /plans fits, ids are unique and the free plan is among them', async ({ backend }) => {
    const plans = await backend.listPlans();
    ok(unique(plans.map((p) => p.id)), `plan ids repeat: ${plans.map((p) => p.id).join(', ')}`);
    const free = plans.find((p) => p.id === FREE_PLAN_ID);
    ok(free, `no plan "${FREE_PLAN_ID}" among ${plans.map((p) => p.id).join(', ')}`);
    same(free.task_limit, FREE_PLAN.task_limit, 'the free plan\'s task limit');
  }),

  read('GET /apps fits and ids are unique', async ({ backend }) => {
    const apps = await backend.listApps();
    ok(unique(apps.map((a) => a.id)), 'app ids repeat');
  }),

  read('GET /customers: page 1 of 50 by default, total and status counts agree', async ({ backend }) => {
    const page = await backend.listCustomers({});
    same([page.page, page.per_page], [1, 50], 'page and per_page');
    same(page.items.length, Math.min(50, page.total), 'items on the first page');
    same(page.total, page.counts.all, 'without a status filter, total is counts.all');
    same(page.counts.active + page.counts.trial + page.counts.expired, page.counts.all, 'counts of the statuses add up to all');
  }),

  read('GET /customers: every sort, both directions, ties by User ID', async ({ backend }) => {
    for (const key of SORT_KEYS) {
      for (const sort of [key, `-${key}`]) {
        const page = await backend.listCustomers({ sort, per_page: MAX_PER_PAGE });
        assertOrdered(page.items, sort, `sort=${sort}`);
      }
    }
  }),

  read('GET /customers: a status filter lists only that status, its total is its count, counts ignore it', async ({ backend }) => {
    const all = await backend.listCustomers({ per_page: 1 });
    for (const status of STATUSES) {
      const page = await backend.listCustomers({ status, per_page: MAX_PER_PAGE });
      for (const c of page.items) same(settledStatus(c), status, `status=${status}: customer ${c.id}`);
      same(page.total, page.counts[status], `status=${status}: total`);
      same(page.counts, all.counts, `status=${status}: counts`);
    }
  }),

  read('GET /customers: pages do not overlap; a page past the end is empty with the true total', async ({ backend }) => {
    const pages: CustomerPage[] = [];
    for (let page = 1; page <= 3; page++) pages.push(await backend.listCustomers({ page, per_page: 2, sort: 'created_at' }));
    pages.forEach((p, i) => same([p.page, p.per_page, p.total], [i + 1, 2, pages[0]!.total], `page ${i + 1}`));
    const ids = pages.flatMap((p) => p.items.map((c) => c.id));
    ok(unique(ids), `customers repeat across pages: ${ids.join(', ')}`);
    same(ids.length, Math.min(6, pages[0]!.total), 'customers on three pages of two');
    const past = await backend.listCustomers({ page: Math.floor(pages[0]!.total / MAX_PER_PAGE) + 2, per_page: MAX_PER_PAGE });
    same([past.items.length, past.total], [0, pages[0]!.total], 'a page past the end');
  }),

  read('GET /customers?q: finds a customer by part of its name, and lists only matches', async (target) => {
    const c = await someCustomer(target);
    const word = c.name.trim().split(/\s+/).sort((a, b) => b.length - a.length)[0]!.slice(0, 20);
    const page = await target.backend.listCustomers({ q: word.toUpperCase(), per_page: MAX_PER_PAGE });
    const needle = foldText(word);
    for (const item of page.items) {
      ok(foldText(item.name).includes(needle) || (item.external_id !== null && foldText(item.external_id).includes(needle)), `q=${word}: customer ${item.id} "${item.name}" does not match`);
    }
    if (page.total <= MAX_PER_PAGE) ok(page.items.some((i) => i.id === c.id), `q=${word.toUpperCase()} (case-insensitive) does not find customer ${c.id} "${c.name}"`);
  }),

  read('GET /customers: invalid parameters are 422 with field errors', async ({ backend }) => {
    const cases: [CustomerListParams, string][] = [
      [{ sort: 'email' }, 'sort'],
      [{ per_page: MAX_PER_PAGE + 1 }, 'per_page'],
      [{ page: 0 }, 'page'],
      [{ status: 'gone' as Status }, 'status'],
      [{ joined_from: '2026-02-30' }, 'joined_from'],
      [{ joined_from: '2026-03-02', joined_to: '2026-03-01' }, 'joined_to'],
    ];
    for (const [params, field] of cases) await rejects(backend.listCustomers(params), 422, JSON.stringify(params), field);
  }),

  read('GET /customers/:id by User ID and by E + external ID answers the listed customer', async ({ backend }) => {
    const page = await backend.listCustomers({ per_page: MAX_PER_PAGE });
    const first = page.items[0];
    ok(first, 'the backend lists no customers');
    same(await backend.getCustomer(first.id), first, `GET /customers/${first.id}`);
    const withExternal = page.items.find((c) => c.external_id !== null);
    if (withExternal) same(await backend.getCustomer({ externalId: withExternal.external_id! }), withExternal, `GET /customers/E${encodeURIComponent(withExternal.external_id!)}`);
  }),

  read('GET /customers/:id answers ETag "<version>"', async (target) => {
    const c = await someCustomer(target);
    const res = await target.http!(`/customers/${c.id}`);
    same(res.status, 200, `GET /customers/${c.id}`);
    const body = CustomerSchema.parse(await res.json());
    same(res.headers.get('etag'), `"${body.version}"`, 'ETag');
  }, true),

  read('an unknown customer is 404, by User ID and by external ID, on every customer call', async ({ backend }) => {
    const ghost = { externalId: `no such customer ${runTag()}/?#%` };
    await rejects(backend.getCustomer(IMPOSSIBLE_ID), 404, `GET /customers/${IMPOSSIBLE_ID}`);
    await rejects(backend.getCustomer(ghost), 404, 'GET /customers/E<unknown>');
    await rejects(backend.getAppAccess(IMPOSSIBLE_ID), 404, 'GET app-access');
    await rejects(backend.listCollaborators(IMPOSSIBLE_ID), 404, 'GET collaborators');
    await rejects(backend.getDashboard(IMPOSSIBLE_ID, '7d'), 404, 'GET dashboard');
  }),

  read('errors are application/problem+json with the status in the body', async ({ http }) => {
    await problemAnswer(await http!(`/customers/${IMPOSSIBLE_ID}`), 404, `GET /customers/${IMPOSSIBLE_ID}`);
    await problemAnswer(await http!('/customers?per_page=0'), 422, 'GET /customers?per_page=0');
  }, true),

  read('without a token, or with a wrong one, the API is 401 with WWW-Authenticate: Bearer', async ({ http }) => {
    for (const [what, init] of [
      ['no token', { auth: false }],
      ['a wrong token', { auth: false, headers: { Authorization: 'Bearer not-a-token-this-backend-knows' } }],
    ] as const) {
      for (const path of ['/customers', '/plans']) {
        const res = await http!(path, init);
        ok(/^Bearer\b/i.test(res.headers.get('www-authenticate') ?? ''), `GET ${path} with ${what}: WWW-Authenticate is "${res.headers.get('www-authenticate') ?? ''}"`);
        await problemAnswer(res, 401, `GET ${path} with ${what}`);
      }
    }
  }, true),

  read('app access and collaborators fit; customer managers come first', async (target) => {
    const c = await someCustomer(target);
    const access = await target.backend.getAppAccess(c.id);
    if (access.mode === 'selected') ok(unique(access.app_ids), 'selected app ids repeat');
    const team = await target.backend.listCollaborators(c.id);
    for (let i = 1; i < team.length; i++) ok(team[i - 1]!.customer_manager || !team[i]!.customer_manager, `collaborator ${team[i]!.id}, a customer manager, comes after one who is not`);
  }),

  read('history pages newest first within its total; a bad page size is 422', async (target) => {
    const c = await someCustomer(target);
    const first = await target.backend.listHistory(c.id, { per_page: 5 });
    same(first.page, 1, `customer ${c.id}: history page`);
    same(first.per_page, 5, `customer ${c.id}: history per_page`);
    ok(first.items.length <= Math.min(5, first.total), `customer ${c.id}: ${first.items.length} entries on a page of 5 with total ${first.total}`);
    for (let i = 1; i < first.items.length; i++) {
      ok(Date.parse(first.items[i - 1]!.at) >= Date.parse(first.items[i]!.at), `history entry ${first.items[i]!.id} is newer than the one before it`);
    }
    await rejects(target.backend.listHistory(c.id, { per_page: 0 }), 422, 'GET history?per_page=0', 'per_page');
    await rejects(target.backend.listHistory(IMPOSSIBLE_ID), 404, 'GET history of no customer');
  }),

  read('dashboard for every period: points per period, series add up to the totals; an unknown period is 422', async (target) => {
    const c = await someCustomer(target);
    const points = { '1d': 24, '7d': 7, '30d': 30, '90d': 90 } as const;
    for (const period of DASHBOARD_PERIODS) {
      const stats = await target.backend.getDashboard(c.id, period);
      const what = `customer ${c.id}, period ${period}`;
      same(stats.period, period, `${what}: period`);
      same(stats.series.length, points[period], `${what}: points`);
      same(stats.series.reduce((s, p) => s + p.successful_jobs, 0), stats.successful_jobs, `${what}: successful jobs of the series`);
      same(stats.series.reduce((s, p) => s + p.failed_jobs, 0), stats.failed_jobs, `${what}: failed jobs of the series`);
      ok(stats.active_recipes <= stats.recipes, `${what}: more active recipes than recipes`);
      const at = stats.series.map((p) => Date.parse(p.at));
      ok(at.every((t, i) => i === 0 || t > at[i - 1]!), `${what}: points are not oldest first`);
    }
    await rejects(target.backend.getDashboard(c.id, '2d' as '1d'), 422, 'period=2d', 'period');
  }),

  read('GET /openapi.json answers an OpenAPI 3.1 document with every path of the contract', async ({ http }) => {
    const res = await http!('/openapi.json', { auth: false });
    same(res.status, 200, 'GET /openapi.json without a token');
    const doc = (await res.json().catch(() => null)) as { openapi?: unknown; paths?: Record<string, unknown> } | null;
    ok(doc && typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1.'), `openapi is ${JSON.stringify(doc?.openapi)}, not 3.1.x`);
    const missing = [...new Set(CONTRACT_OPERATIONS.map((op) => op.path))].filter((path) => !doc.paths?.[path]);
    same(missing, [], 'paths missing from the document');
  }, true),

  // --- writing checks: only with --write and a scratch customer ---

  write('PATCH: applies and bumps the version; a stale version is 412 and changes nothing; unknown fields 422', async (target) => {
    const { backend } = target;
    const before = await backend.getCustomer(scratch(target));
    const name = `${before.name.slice(0, 150)} (contract ${runTag()})`;
    const changed = await backend.updateCustomer(before.id, { name }, before.version);
    try {
      same([changed.name, changed.version], [name, before.version + 1], 'the changed customer');
      same(await backend.getCustomer(before.id), changed, 'read after the change');
      await rejects(backend.updateCustomer(before.id, { name: 'Lost update' }, before.version), 412, 'PATCH with the old version');
      same((await backend.getCustomer(before.id)).name, name, 'the name after the refused PATCH');
      await rejects(backend.updateCustomer(before.id, { nickname: 'x' } as never, changed.version), 422, 'PATCH with an unknown field');
      const noop = await backend.updateCustomer(before.id, {}, changed.version);
      same(noop.version, changed.version, 'PATCH {} keeps the version');
    } finally {
      const now = await backend.getCustomer(before.id);
      await backend.updateCustomer(before.id, { name: before.name }, now.version);
    }
  }),

  write('PATCH and DELETE without If-Match are 428; PATCH answers the new ETag', async (target) => {
    const { backend, http } = target;
    const c = await backend.getCustomer(scratch(target));
    const json = { 'Content-Type': 'application/json' };
    await problemAnswer(await http!(`/customers/${c.id}`, { method: 'PATCH', headers: json, body: '{"name":"No If-Match"}' }), 428, 'PATCH without If-Match');
    await problemAnswer(await http!(`/customers/${c.id}`, { method: 'DELETE' }), 428, 'DELETE without If-Match');
    same((await backend.getCustomer(c.id)).version, c.version, 'the version after both');
    const res = await http!(`/customers/${c.id}`, { method: 'PATCH', headers: { ...json, 'If-Match': `"${c.version}"` }, body: JSON.stringify({ name: c.name }) });
    same(res.status, 200, 'PATCH with If-Match');
    const body = CustomerSchema.parse(await res.json());
    same(res.headers.get('etag'), `"${body.version}"`, 'ETag of the PATCH answer');
  }, true),

  write('PUT plan: the limits follow the plan; an unknown plan is 422', async (target) => {
    const { backend } = target;
    const c = await backend.getCustomer(scratch(target));
    const plans = await backend.listPlans();
    const other = plans.find((p) => p.id !== c.plan_id && p.id !== FREE_PLAN_ID) ?? plans.find((p) => p.id !== c.plan_id);
    ok(other, 'the backend has one plan only');
    try {
      const moved = await backend.setPlan(c.id, other.id);
      same([moved.plan_id, moved.version > c.version], [other.id, true], 'the customer on its new plan');
      if (!moved.in_trial) same([moved.task_limit, moved.connection_limit], [other.task_limit, other.connection_limit], `limits of plan ${other.id}`);
      await rejects(backend.setPlan(c.id, `no-such-plan-${runTag()}`), 422, 'PUT plan with an unknown plan', 'plan_id');
    } finally {
      await backend.setPlan(c.id, c.plan_id);
    }
  }),

  write('PUT trial: enabling starts 30 days at 100 tasks, enabling again extends, disabling ends it', async (target) => {
    const { backend } = target;
    const c = await backend.getCustomer(scratch(target));
    const plan = c.plan_id === FREE_PLAN_ID ? (await backend.listPlans()).find((p: Plan) => p.id !== FREE_PLAN_ID) : undefined;
    try {
      if (plan) await backend.setPlan(c.id, plan.id);
      const on = await backend.setTrial(c.id, true);
      same([on.in_trial, on.task_limit], [true, TRIAL_TASK_LIMIT], 'trial enabled');
      // By this machine's clock: a backend whose clock is a day off has a problem worth hearing about.
      const days = (Date.parse(on.trial_ends_at!) - Date.now()) / DAY_MS;
      ok(Math.abs(days - TRIAL_DAYS) < 1, `the trial ends in ${days.toFixed(1)} days by this machine's clock, not ${TRIAL_DAYS}`);
      const again = await backend.setTrial(c.id, true);
      same(Date.parse(again.trial_ends_at!) - Date.parse(on.trial_ends_at!), TRIAL_DAYS * DAY_MS, 'enabling again extends the trial by 30 days (ms)');
      const off = await backend.setTrial(c.id, false);
      same(off.in_trial, false, 'trial disabled');
    } finally {
      await backend.setTrial(c.id, false);
      await backend.setPlan(c.id, c.plan_id);
    }
  }),

  write('PUT app-access: selected keeps order without duplicates; unknown apps 422; all again', async (target) => {
    const { backend } = target;
    const ref = scratch(target);
    const before = await backend.getAppAccess(ref);
    const apps: App[] = await backend.listApps();
    ok(apps.length >= 2, 'the catalogue has fewer than two apps');
    try {
      const [a, b] = [apps[1]!.id, apps[0]!.id];
      same(await backend.setAppAccess(ref, { mode: 'selected', app_ids: [a, b, a] }), { mode: 'selected', app_ids: [a, b] }, 'selected apps as stored');
      same(await backend.getAppAccess(ref), { mode: 'selected', app_ids: [a, b] }, 'read back');
      await rejects(backend.setAppAccess(ref, { mode: 'selected', app_ids: [`no-such-app-${runTag()}`] }), 422, 'an unknown app', 'app_ids');
      same(await backend.setAppAccess(ref, { mode: 'all' }), { mode: 'all' }, 'all apps');
    } finally {
      await backend.setAppAccess(ref, before);
    }
  }),

  write('POST /customers: created at version 1; Idempotency-Key replays; taken external ID 409; bad fields 422; DELETE with If-Match', async ({ backend }) => {
    const plans = await backend.listPlans();
    const tag = runTag();
    const input = { name: `Contract check ${tag}`, notification_email: `contract-${tag}@example.com`, plan_id: plans[0]!.id, external_id: `contract-check-${tag}` };
    await rejects(backend.createCustomer({ ...input, notification_email: 'not an email' }), 422, 'an invalid e-mail', 'notification_email');
    await rejects(backend.createCustomer({ ...input, name: '   ' }), 422, 'a blank name', 'name');
    await rejects(backend.createCustomer({ ...input, plan_id: `no-such-plan-${tag}` }), 422, 'an unknown plan', 'plan_id');
    const created = await backend.createCustomer(input, { idempotencyKey: `contract-${tag}` });
    let deleted = false;
    try {
      same([created.name, created.external_id, created.version, created.in_trial], [input.name, input.external_id, 1, false], 'the created customer');
      same(await backend.createCustomer({ ...input }, { idempotencyKey: `contract-${tag}` }), created, 'the replay of the same key and body');
      await rejects(backend.createCustomer({ ...input, name: 'Another body' }, { idempotencyKey: `contract-${tag}` }), 422, 'the same key with another body', 'Idempotency-Key');
      await rejects(backend.createCustomer({ ...input, name: `Second ${tag}`, notification_email: `second-${tag}@example.com` }), 409, 'a taken external ID', 'external_id');
      same(await backend.getCustomer({ externalId: input.external_id }), created, 'found by its external ID');
      const renamed = await backend.updateCustomer(created.id, { name: `${input.name} renamed` }, created.version);
      await rejects(backend.deleteCustomer(created.id, created.version), 412, 'DELETE with the old version');
      await backend.deleteCustomer(created.id, renamed.version);
      deleted = true;
      await rejects(backend.getCustomer(created.id), 404, 'GET after DELETE');
    } finally {
      if (!deleted) await backend.getCustomer(created.id).then((c) => backend.deleteCustomer(c.id, c.version)).catch(() => {});
    }
  }),

  write('POST /customers/:id/switch: a URL where allowed, else 403 with a detail', async (target) => {
    try {
      const { url } = await target.backend.switchToAccount(scratch(target));
      ok(/^https?:\/\//.test(url), `not a URL: ${url}`);
    } catch (error) {
      ok(error instanceof HttpError && error.status === 403, `expected a URL or a 403 problem, got ${String(error)}`);
      ok(error.problem.detail, 'the 403 has no detail saying who may switch');
    }
  }),
];

export interface RunOptions {
  /** Run the writing checks too (they need `target.scratchCustomer`). */
  write?: boolean;
  /** Called as each check ends (the CLI prints it). */
  onOutcome?: (outcome: CheckOutcome) => void;
  checks?: readonly ContractCheck[];
}

/** Runs every check in order against one target. */
export async function runChecks(target: CheckTarget, options: RunOptions = {}): Promise<CheckReport> {
  const outcomes: CheckOutcome[] = [];
  for (const check of options.checks ?? CONTRACT_CHECKS) {
    let outcome: CheckOutcome;
    if (check.writes && !options.write) outcome = { check, status: 'skipped', reason: 'writes (run with --write --scratch-customer <id>)' };
    else if (check.writes && target.scratchCustomer === undefined) outcome = { check, status: 'skipped', reason: 'writes: needs --scratch-customer <id>' };
    else if (check.http && !target.http) outcome = { check, status: 'skipped', reason: 'needs HTTP' };
    else {
      try {
        await check.run(target);
        outcome = { check, status: 'passed' };
      } catch (error) {
        outcome = { check, status: 'failed', error };
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  const count = (status: CheckOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { outcomes, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

export interface HttpTargetOptions {
  /** The API base, e.g. `https://api.partner.example/v1`. */
  baseUrl: string;
  token: string;
  scratchCustomer?: CustomerRef;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** A target over HTTP: HttpBackend (which parses every answer with the schemas) and raw requests. */
export function httpTarget(options: HttpTargetOptions): CheckTarget {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    backend: new HttpBackend({ baseUrl: base, getToken: () => options.token, fetch: fetchImpl, retries: 0, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }),
    http: (path, init = {}) => {
      const { auth = true, headers, ...rest } = init;
      const all = new Headers(headers);
      if (auth && !all.has('authorization')) all.set('Authorization', `Bearer ${options.token}`);
      return fetchImpl(base + path, { ...rest, headers: all, signal: rest.signal ?? AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    },
    ...(options.scratchCustomer !== undefined ? { scratchCustomer: options.scratchCustomer } : {}),
  };
}

/** One line (or a few) for an outcome, as the CLI prints it. */
export function formatOutcome(outcome: CheckOutcome): string {
  if (outcome.status === 'passed') return `  ✓ ${outcome.check.title}`;
  if (outcome.status === 'skipped') return `  - ${outcome.check.title} (skipped: ${outcome.reason})`;
  const error = outcome.error;
  const reason = error instanceof Error ? `${error.name === 'CheckFailure' ? '' : `${error.name}: `}${error.message}` : String(error);
  return `  ✗ ${outcome.check.title}\n      ${reason.replace(/\n/g, '\n      ')}`;
}
