/**
 * The backend contract as one suite, run against every Backend: HttpBackend talking to the reference
 * server over real HTTP (contract-http.test.ts) and MemoryBackend (contract-memory.test.ts). Both get
 * the same seed, size and clock (fixed, unless a test moves it), and every assertion compares with an
 * oracle computed here, independently, from the deterministic generator and the domain rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError } from '../../src/backend/errors.js';
import {
  DEMO_PARTNER,
  DEMO_PLANS,
  generateActivity,
  generateApps,
  generateCollaborators,
  generateCustomers,
  startOfUtcDay,
} from '../../src/backend/generate.js';
import {
  Customer,
  CustomerPage,
  DASHBOARD_PERIODS,
  DashboardStats,
  FREE_PLAN_ID,
  HistoryPage,
  type Collaborator,
  type DashboardPeriod,
  type Status,
} from '../../src/model/schemas.js';
import { customerStatus, effectivePlanId, FREE_PLAN, plansWithFree, settledCustomer } from '../../src/model/rules.js';
import { dashboardStats, type CustomerActivity } from '../../src/model/dashboard.js';
import { foldText, nameSortKey } from '../../src/query/index.js';
import type { CustomerListParams } from '../../src/query/types.js';

/**
 * One backend under test, fresh for every test, seeded with `CONTRACT_FIXTURE` and reading the time
 * from the `clock` it is opened with (the fixture's `now` unless a test moves it).
 */
export type OpenContractSubject = (clock: () => Date) => Promise<ContractSubject>;

export interface ContractSubject {
  backend: Backend;
  close(): Promise<void>;
}

export const CONTRACT_FIXTURE = {
  seed: 7,
  size: 300,
  /** Noon, so trials "ending later today" (from the generator's midnight anchor) have partly ended. */
  now: new Date('2026-06-15T12:00:00.000Z'),
} as const;

const DAY_MS = 86_400_000;
const { seed, size, now } = CONTRACT_FIXTURE;
const anchor = startOfUtcDay(now);
const seeded = generateCustomers({ seed, count: size, anchor });

// ---------------------------------------------------------------------------------------------
// Oracle: what a page must hold, computed straight from the rules

function statusOf(c: Customer, at: Date = now): Status {
  return customerStatus(c, at);
}

/** What a backend must answer for a seeded customer at `at`: settled (an ended trial reads as Free). */
function asRead(c: Customer, at: Date = now): Customer {
  return settledCustomer(c, DEMO_PLANS, at);
}

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

function matches(c: Customer, p: CustomerListParams, withStatus: boolean, at: Date): boolean {
  const q = foldText((p.q ?? '').trim());
  if (q !== '' && !foldText(c.name).includes(q) && !(c.external_id !== null && foldText(c.external_id).includes(q))) return false;
  // The plan a customer is on at the clock: Free once its trial has ended.
  if (p.plan && p.plan.length > 0 && !p.plan.includes(effectivePlanId(c, at))) return false;
  if (p.app && !c.top_apps.includes(p.app)) return false;
  if (p.joined_from && dayOf(c.created_at) < p.joined_from) return false;
  if (p.joined_to && dayOf(c.created_at) > p.joined_to) return false;
  if (withStatus && p.status && statusOf(c, at) !== p.status) return false;
  return true;
}

function sortValue(c: Customer, key: string): string | number {
  if (key === 'name') return nameSortKey(c.name);
  if (key === 'created_at') return Date.parse(c.created_at);
  return key === 'tasks_used' ? c.tasks_used : c.connections;
}

/** Ids of every match in order, with the status counts and total a page must report at `at`. */
function expected(p: CustomerListParams, at: Date = now) {
  const sort = p.sort ?? '-created_at';
  const key = sort.replace(/^-/, '');
  const sign = sort.startsWith('-') ? -1 : 1;
  const base = seeded.filter((c) => matches(c, p, false, at));
  const counts = { all: base.length, active: 0, trial: 0, expired: 0 };
  for (const c of base) counts[statusOf(c, at)]++;
  const rows = base
    .filter((c) => matches(c, p, true, at))
    .map((c) => ({ id: c.id, k: sortValue(c, key) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.id - b.id));
  return { ids: rows.map((r) => r.id), counts, total: rows.length };
}

/** Every page of a list request, concatenated, checking each page's own fields on the way. */
async function allIds(backend: Backend, p: CustomerListParams): Promise<{ ids: number[]; first: CustomerPage }> {
  const perPage = p.per_page ?? 50;
  const first = await backend.listCustomers({ ...p, page: 1, per_page: perPage });
  const ids = first.items.map((c) => c.id);
  for (let page = 2; (page - 1) * perPage < first.total; page++) {
    const next = await backend.listCustomers({ ...p, page, per_page: perPage });
    assert.equal(next.page, page);
    assert.equal(next.total, first.total);
    ids.push(...next.items.map((c) => c.id));
  }
  return { ids, first };
}

async function rejects(promise: Promise<unknown>, status: number, field?: string): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HttpError, `expected HttpError ${status}, got ${String(error)}`);
    assert.equal(error.status, status, `status: ${error.message}`);
    assert.equal(error.problem.status, status);
    if (field !== undefined) assert.ok(error.fieldErrors[field]?.length, `field error on ${field}: ${JSON.stringify(error.fieldErrors)}`);
    return error;
  }
  assert.fail(`expected HttpError ${status}, but the call succeeded`);
}

/** The seeded customers, by what a test needs from them. */
const find = (what: string, test: (c: Customer) => boolean): Customer => {
  const c = seeded.find(test);
  if (!c) throw new Error(`the fixture has no customer that ${what}`);
  return c;
};
const appUse = new Map<string, number>();
for (const c of seeded) for (const app of c.top_apps) appUse.set(app, (appUse.get(app) ?? 0) + 1);
const mostUsedApp = [...appUse].sort((a, b) => b[1] - a[1])[0]![0];
const someTopApp = find('has top apps', (c) => c.top_apps.length >= 2).top_apps[1]!;
const accented = find('has an accented name', (c) => /[\u00c0-\u017f]/.test(c.name));
const accentedQuery = accented.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().slice(0, 6).trim();
const withExternal = find('has an external ID', (c) => c.external_id !== null);
const slashExternal = seeded.find((c) => c.external_id !== null && /[/#%?&+ ]|[^\x00-\x7f]/.test(c.external_id));
const endedToday = find('had a trial that ended earlier today', (c) => {
  const end = c.trial_ends_at ? Date.parse(c.trial_ends_at) : NaN;
  return c.in_trial && end > anchor.getTime() && end <= now.getTime();
});
const running = find('is in a running trial', (c) => statusOf(c) === 'trial');
/** The running trial on a partner plan that ends first after the fixture's clock. */
const endsNext = seeded
  .filter((c) => statusOf(c) === 'trial' && c.plan_id !== FREE_PLAN_ID)
  .sort((a, b) => Date.parse(a.trial_ends_at!) - Date.parse(b.trial_ends_at!))[0]!;
const endsNextAt = new Date(Date.parse(endsNext.trial_ends_at!));
/** Ten days on: a good share of today's running trials have ended by then. */
const tenDaysOn = new Date(now.getTime() + 10 * DAY_MS);
const active = find('is active', (c) => statusOf(c) === 'active');
const otherExternal = find('has an external ID and is not `active`', (c) => c.external_id !== null && c.id !== active.id);
const [rangeFrom, rangeTo] = [dayOf(seeded[3]!.created_at), dayOf(seeded[9]!.created_at)].sort();
const switchable = find('lists the admin as a collaborator', (c) =>
  generateCollaborators(seed, c.id).some((p) => p.email === DEMO_PARTNER.admin.email),
);
const notSwitchable = find('does not list the admin', (c) =>
  generateCollaborators(seed, c.id).every((p) => p.email !== DEMO_PARTNER.admin.email),
);
const teamOf = (c: Customer) => generateCollaborators(seed, c.id);
const noManagers = find('has a team without a customer manager', (c) => teamOf(c).length >= 2 && !teamOf(c).some((p) => p.customer_manager));
const severalManagers = find('has several customer managers and others', (c) => {
  const managers = teamOf(c).filter((p) => p.customer_manager).length;
  return managers >= 2 && managers < teamOf(c).length;
});
const adminNotManager = find('lists the admin as a plain collaborator on a team with a customer manager', (c) =>
  teamOf(c).some((p) => p.email === DEMO_PARTNER.admin.email && !p.customer_manager) && teamOf(c).some((p) => p.customer_manager),
);
const adminWithoutManagers = find('lists the admin on a team without customer managers', (c) =>
  teamOf(c).some((p) => p.email === DEMO_PARTNER.admin.email) && !teamOf(c).some((p) => p.customer_manager),
);

// Dashboards: the oracle is dashboardStats over the generated recipes and rollups (as seeded).
const activityOf = (c: Customer): CustomerActivity => generateActivity(seed, c, anchor);
const dashboardOracle = (c: Customer, period: DashboardPeriod, at: Date = now) => dashboardStats(activityOf(c), period, at);
const manyFailing = find('has more than five recipes failing in 90 days', (c) => dashboardOracle(c, '90d').top_failing_recipes.length === 5 &&
  new Set(activityOf(c).daily.filter((r) => r.failed > 0).map((r) => r.recipe_id)).size > 5);
const noRecipes = find('has no recipes', (c) => activityOf(c).recipes.length === 0);
const stoppedWithJobs = find('has a stopped recipe with jobs in the last 30 days and a running one', (c) => {
  const { recipes, daily } = activityOf(c);
  const stopped = new Set(recipes.filter((r) => !r.running).map((r) => r.id));
  const since = Math.floor(now.getTime() / DAY_MS) - 29;
  return recipes.some((r) => r.running) && daily.some((r) => stopped.has(r.recipe_id) && r.day >= since);
});
const busyToday = find('has jobs in the last 24 hours', (c) => dashboardOracle(c, '1d').successful_jobs > 0);

const LIST_CASES: [string, CustomerListParams][] = [
  ['no filter (default sort: newest first)', {}],
  ...(['name', 'created_at', 'tasks_used', 'connections'] as const).flatMap((key): [string, CustomerListParams][] => [
    [`sort ${key} ascending`, { sort: key }],
    [`sort ${key} descending`, { sort: `-${key}` }],
  ]),
  ['search, case and accent insensitive', { q: accentedQuery }],
  ['search of one character', { q: 'a' }],
  ['search by external ID', { q: ` ${withExternal.external_id!.slice(0, 8).toUpperCase()} ` }],
  ['one plan', { plan: ['growth'] }],
  ['several plans', { plan: ['starter', FREE_PLAN_ID] }],
  ['an unknown plan matches nothing', { plan: ['no-such-plan'] }],
  ...(['active', 'trial', 'expired'] as const).map((status): [string, CustomerListParams] => [`status ${status}`, { status }]),
  ['app among the top apps', { app: someTopApp }],
  ['joined range, both ends inclusive', { joined_from: rangeFrom, joined_to: rangeTo }],
  ['joined from only', { joined_from: dayOf(new Date(now.getTime() - 200 * DAY_MS).toISOString()) }],
  [
    'search + plans + status + app + dates together',
    { q: 'e', plan: ['starter', 'growth', 'business'], status: 'active', app: someTopApp, joined_from: '2024-01-01', sort: 'name' },
  ],
];

/**
 * Registers the suite. `knownDifferences` marks tests (by title) that this backend is known to
 * fail, as node:test todos: they still run and report, without failing the run.
 */
export function contractSuite(name: string, open: OpenContractSubject, knownDifferences: Record<string, string> = {}): void {
  /**
   * Runs a test body against a fresh, seeded backend and always closes it. The backend reads the
   * clock the body may move with `setClock`; it starts at the fixture's `now`.
   */
  const test = (title: string, body: (backend: Backend, setClock: (at: Date) => void) => Promise<void>) =>
    it(title, knownDifferences[title] ? { todo: knownDifferences[title] } : {}, async () => {
      let clock: Date = now;
      const subject = await open(() => clock);
      try {
        await body(subject.backend, (at) => (clock = at));
      } finally {
        await subject.close();
      }
    });

  describe(`backend contract: ${name}`, () => {
    describe('list', () => {
      for (const [title, params] of LIST_CASES) {
        test(title, async (backend) => {
          const want = expected(params);
          const { ids, first } = await allIds(backend, { ...params, per_page: 40 });
          assert.deepEqual(ids, want.ids);
          assert.equal(first.total, want.total);
          assert.deepEqual(first.counts, want.counts);
          assert.equal(first.per_page, 40);
          CustomerPage.parse(first);
        });
      }

      test('a page holds the customers as generated, settled at the clock: ended trials on Free, limits following', async (backend) => {
        const page = await backend.listCustomers({ sort: 'created_at', per_page: 200 });
        assert.equal(page.items.length, 200);
        for (const item of page.items) assert.deepEqual(item, asRead(seeded[item.id - 1]!));
        assert.ok(
          page.items.some((c) => seeded[c.id - 1]!.in_trial && statusOf(c) === 'expired'),
          'the page holds ended trials that were never written',
        );
      });

      test('a common search paged two at a time (a server may walk the sort index or sort the matches)', async (backend) => {
        const params: CustomerListParams = { q: 'ltd', sort: '-tasks_used' };
        const want = expected(params);
        assert.ok(want.total > 10, `the fixture has ${want.total} matches for "ltd"`);
        const { ids, first } = await allIds(backend, { ...params, per_page: 2 });
        assert.deepEqual(ids, want.ids);
        assert.deepEqual(first.counts, want.counts);
      });

      test('a common app filter paged two at a time', async (backend) => {
        const params: CustomerListParams = { app: mostUsedApp, sort: 'name' };
        const want = expected(params);
        assert.ok(want.total > 25, `the fixture has ${want.total} customers using ${mostUsedApp}`);
        const { ids, first } = await allIds(backend, { ...params, per_page: 2 });
        assert.deepEqual(ids, want.ids);
        assert.deepEqual(first.counts, want.counts);
      });

      test('default page size is 50; a page past the end is empty with the true total', async (backend) => {
        const first = await backend.listCustomers({});
        assert.equal(first.items.length, 50);
        assert.equal(first.per_page, 50);
        assert.equal(first.page, 1);
        const past = await backend.listCustomers({ page: 99, per_page: 200 });
        assert.deepEqual(past.items, []);
        assert.equal(past.total, size);
      });

      test('invalid parameters are 422 with field errors', async (backend) => {
        await rejects(backend.listCustomers({ sort: 'email' }), 422, 'sort');
        await rejects(backend.listCustomers({ per_page: 201 }), 422, 'per_page');
        await rejects(backend.listCustomers({ page: 0 }), 422, 'page');
        await rejects(backend.listCustomers({ page: -3 }), 422, 'page');
        await rejects(backend.listCustomers({ joined_from: '2026-02-30' }), 422, 'joined_from');
        await rejects(backend.listCustomers({ joined_from: '2026-03-02', joined_to: '2026-03-01' }), 422, 'joined_to');
        await rejects(backend.listCustomers({ status: 'gone' as Status }), 422, 'status');
        await rejects(backend.listCustomers({ q: 'x'.repeat(201) }), 422, 'q');
      });
    });

    describe('customers', () => {
      test('get by User ID and by external ID', async (backend) => {
        const wanted = asRead(withExternal);
        assert.deepEqual(await backend.getCustomer(withExternal.id), wanted);
        assert.deepEqual(await backend.getCustomer({ externalId: withExternal.external_id! }), wanted);
        if (slashExternal) {
          const got = await backend.getCustomer({ externalId: slashExternal.external_id! });
          assert.equal(got.id, slashExternal.id);
        }
        await rejects(backend.getCustomer(size + 1000), 404);
        await rejects(backend.getCustomer({ externalId: 'no such id/?#%' }), 404);
      });

      test('add: defaults, limits of the plan, then found by both ids', async (backend) => {
        const created = await backend.createCustomer({
          name: '  Zeta <b>Corp</b>  ',
          notification_email: 'ops@zeta.example',
          plan_id: 'growth',
          external_id: 'zeta/1 #ü',
        });
        Customer.parse(created);
        assert.equal(created.name, 'Zeta <b>Corp</b>');
        assert.ok(created.id > size, 'ids continue after the seeded ones');
        assert.equal(created.version, 1);
        assert.equal(created.in_trial, false);
        assert.equal(created.trial_ends_at, null);
        assert.equal(created.created_at, now.toISOString());
        assert.deepEqual([created.task_limit, created.connection_limit], [10_000, 25]);
        assert.deepEqual([created.tasks_used, created.connections, created.top_apps, created.origins], [0, 0, [], []]);
        assert.deepEqual(await backend.getCustomer(created.id), created);
        assert.deepEqual(await backend.getCustomer({ externalId: 'zeta/1 #ü' }), created);
        const page = await backend.listCustomers({ q: 'zeta <b>' });
        assert.deepEqual(page.items.map((c) => c.id), [created.id]);
        assert.equal((await backend.listCustomers({})).total, size + 1);
      });

      test('add: 422 with field errors, 409 on a taken external ID, nothing created', async (backend) => {
        const good = { name: 'New Co', notification_email: 'a@new.example', plan_id: 'starter' };
        await rejects(backend.createCustomer({ ...good, notification_email: 'not an email' }), 422, 'notification_email');
        await rejects(backend.createCustomer({ ...good, name: '   ' }), 422, 'name');
        await rejects(backend.createCustomer({ ...good, plan_id: 'platinum' }), 422, 'plan_id');
        await rejects(backend.createCustomer({ ...good, external_id: withExternal.external_id }), 409, 'external_id');
        assert.equal((await backend.listCustomers({})).total, size);
      });

      test('add with an Idempotency-Key: a retry returns the first result and creates nothing twice', async (backend) => {
        const input = { name: 'Once Ltd', notification_email: 'a@once.example', plan_id: 'starter' };
        const first = await backend.createCustomer(input, { idempotencyKey: 'key-1' });
        const again = await backend.createCustomer({ plan_id: 'starter', notification_email: 'a@once.example', name: 'Once Ltd' }, { idempotencyKey: 'key-1' });
        assert.deepEqual(again, first);
        assert.equal((await backend.listCustomers({})).total, size + 1);
        await rejects(backend.createCustomer({ ...input, name: 'Twice Ltd' }, { idempotencyKey: 'key-1' }), 422, 'Idempotency-Key');
        const other = await backend.createCustomer(input, { idempotencyKey: 'key-2' });
        assert.notEqual(other.id, first.id);
        assert.equal((await backend.listCustomers({})).total, size + 2);
      });

      test('update: applies, bumps the version; a stale version is 412 and changes nothing', async (backend) => {
        const before = await backend.getCustomer(active.id);
        const updated = await backend.updateCustomer(
          active.id,
          { name: 'Renamed Inc', notification_email: 'new@renamed.example', origins: [' HTTPS://App.Renamed.Example:443/ ', 'https://app.renamed.example'] },
          before.version,
        );
        assert.equal(updated.name, 'Renamed Inc');
        assert.equal(updated.notification_email, 'new@renamed.example');
        assert.deepEqual(updated.origins, ['https://app.renamed.example']);
        assert.equal(updated.version, before.version + 1);
        assert.deepEqual(await backend.getCustomer(active.id), updated);
        await rejects(backend.updateCustomer(active.id, { name: 'Lost update' }, before.version), 412);
        assert.deepEqual(await backend.getCustomer(active.id), updated);
        assert.equal((await backend.listCustomers({ q: 'renamed inc' })).total, 1);
      });

      test('update: external ID set, taken (409), removed; invalid fields 422', async (backend) => {
        const c = await backend.getCustomer(active.id);
        const set = await backend.updateCustomer(c.id, { external_id: 'fresh-id/1' }, c.version);
        assert.equal(set.external_id, 'fresh-id/1');
        assert.equal((await backend.getCustomer({ externalId: 'fresh-id/1' })).id, c.id);
        await rejects(backend.updateCustomer(c.id, { external_id: otherExternal.external_id }, set.version), 409, 'external_id');
        await rejects(backend.updateCustomer(c.id, { notification_email: 'nope' }, set.version), 422, 'notification_email');
        await rejects(backend.updateCustomer(c.id, { origins: ['https://ok.example', '*.example.com'] }, set.version), 422, 'origins[1]');
        await rejects(backend.updateCustomer(c.id, { origins: ['http://plain.example'] }, set.version), 422, 'origins[0]');
        const removed = await backend.updateCustomer(c.id, { external_id: null }, set.version);
        assert.equal(removed.external_id, null);
        assert.equal(removed.version, set.version + 1);
        await rejects(backend.getCustomer({ externalId: 'fresh-id/1' }), 404);
        await rejects(backend.updateCustomer(size + 1000, { name: 'x' }, 1), 404);
      });

      test('two concurrent updates with the same version: exactly one applies, the other is 412', async (backend) => {
        const c = await backend.getCustomer(running.id);
        const results = await Promise.allSettled([
          backend.updateCustomer(c.id, { name: 'Writer A' }, c.version),
          backend.updateCustomer(c.id, { name: 'Writer B' }, c.version),
        ]);
        const applied = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        assert.equal(applied.length, 1);
        assert.equal(refused.length, 1);
        const error = (refused[0] as PromiseRejectedResult).reason as unknown;
        assert.ok(error instanceof HttpError && error.status === 412, String(error));
        const winner = (applied[0] as PromiseFulfilledResult<Customer>).value;
        const stored = await backend.getCustomer(c.id);
        assert.deepEqual(stored, winner);
        assert.equal(stored.version, c.version + 1);
      });

      test('delete: stale version 412; then the customer and its data are gone, its history too', async (backend) => {
        const c = await backend.getCustomer(switchable.id);
        await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [someTopApp] });
        const restricted = await backend.getCustomer(c.id);
        const changed = await backend.updateCustomer(c.id, { origins: ['https://gone.example'] }, restricted.version);
        assert.equal((await backend.listHistory(c.id)).total, 2);
        await rejects(backend.deleteCustomer(c.id, c.version), 412);
        await rejects(backend.deleteCustomer(c.id, restricted.version), 412);
        assert.equal((await backend.getCustomer(c.id)).version, changed.version);
        await backend.deleteCustomer(c.id, changed.version);
        await rejects(backend.getCustomer(c.id), 404);
        await rejects(backend.getAppAccess(c.id), 404);
        await rejects(backend.listCollaborators(c.id), 404);
        await rejects(backend.switchToAccount(c.id), 404);
        await rejects(backend.listHistory(c.id), 404);
        await rejects(backend.deleteCustomer(c.id, changed.version), 404);
        assert.equal((await backend.listCustomers({})).total, size - 1);
        const created = await backend.createCustomer({ name: 'After', notification_email: 'a@after.example', plan_id: 'starter' });
        assert.ok(created.id > size, 'a deleted id is never reused');
      });
    });

    describe('the clock: a customer whose trial has ended is on the free plan', () => {
      /** Every page of `params` at the backend's current clock `at`, against the oracle at `at`. */
      const listsAsOracle = async (backend: Backend, params: CustomerListParams, at: Date) => {
        const want = expected(params, at);
        const { ids, first } = await allIds(backend, { ...params, per_page: 40 });
        const what = `${JSON.stringify(params)} at ${at.toISOString()}`;
        assert.deepEqual(ids, want.ids, what);
        assert.equal(first.total, want.total, what);
        assert.deepEqual(first.counts, want.counts, what);
        return ids;
      };

      test("at a trial's end instant the record, plan filters and their counts move to Free", async (backend, setClock) => {
        const plan = endsNext.plan_id;
        const before = new Date(endsNextAt.getTime() - 1);
        setClock(before);
        const during = await backend.getCustomer(endsNext.id);
        assert.deepEqual(during, asRead(endsNext, before));
        assert.deepEqual([during.plan_id, during.in_trial, customerStatus(during, before)], [plan, true, 'trial']);
        assert.ok((await listsAsOracle(backend, { plan: [plan] }, before)).includes(endsNext.id));
        assert.ok(!(await listsAsOracle(backend, { plan: [FREE_PLAN_ID] }, before)).includes(endsNext.id));
        await listsAsOracle(backend, { plan: [plan], status: 'trial' }, before);

        setClock(endsNextAt);
        const ended = await backend.getCustomer(endsNext.id);
        assert.deepEqual(ended, asRead(endsNext, endsNextAt));
        // Pinned: plan_id "free", in_trial false, trial_ends_at kept as the instant the trial ended.
        assert.deepEqual(
          [ended.plan_id, ended.in_trial, ended.trial_ends_at, ended.task_limit, ended.connection_limit, customerStatus(ended, endsNextAt)],
          [FREE_PLAN_ID, false, endsNext.trial_ends_at, FREE_PLAN.task_limit, FREE_PLAN.connection_limit, 'expired'],
        );
        assert.ok(!(await listsAsOracle(backend, { plan: [plan] }, endsNextAt)).includes(endsNext.id));
        assert.ok((await listsAsOracle(backend, { plan: [FREE_PLAN_ID] }, endsNextAt)).includes(endsNext.id));
        assert.ok((await listsAsOracle(backend, { plan: [FREE_PLAN_ID], status: 'expired' }, endsNextAt)).includes(endsNext.id));
        await listsAsOracle(backend, { plan: [plan], status: 'trial' }, endsNextAt);
        const onPlan = await backend.listCustomers({ plan: [plan], per_page: 1 });
        const onPlanBefore = expected({ plan: [plan] }, before).counts;
        assert.deepEqual(onPlan.counts, { ...onPlanBefore, all: onPlanBefore.all - 1, trial: onPlanBefore.trial - 1 }, 'it left its plan');
      });

      test('ten days on, plan filters and their status counts read every ended trial as Free', async (backend, setClock) => {
        const endedSince = seeded.filter((c) => statusOf(c) === 'trial' && statusOf(c, tenDaysOn) === 'expired');
        assert.ok(endedSince.length >= 5, `${endedSince.length} trials of the fixture end within ten days`);
        setClock(tenDaysOn);
        const cases: CustomerListParams[] = [
          { plan: ['starter'] },
          { plan: ['growth', 'business'], sort: 'name' },
          { plan: [FREE_PLAN_ID] },
          { plan: ['starter', FREE_PLAN_ID], sort: '-tasks_used' },
          { plan: [FREE_PLAN_ID], status: 'expired' },
          { plan: [FREE_PLAN_ID], status: 'trial' },
          { plan: ['growth'], status: 'active' },
          { plan: [FREE_PLAN_ID], joined_from: '2025-01-01' },
          { plan: [FREE_PLAN_ID], q: 'e' },
          { plan: ['starter', 'enterprise'], app: mostUsedApp },
          // Pages a server may find by walking the sort index or by sorting the plan's matches.
          { plan: ['enterprise'], sort: 'connections' },
          { plan: [FREE_PLAN_ID], sort: 'created_at' },
          { plan: [FREE_PLAN_ID, 'business'], joined_from: '2024-06-01', sort: '-created_at' },
        ];
        for (const params of cases) await listsAsOracle(backend, params, tenDaysOn);
        const free = await allIds(backend, { plan: [FREE_PLAN_ID], per_page: 200 });
        for (const c of endedSince) assert.ok(free.ids.includes(c.id), `customer ${c.id}, whose trial ended, is on Free`);
        const page = await backend.listCustomers({ plan: [FREE_PLAN_ID], per_page: 200 });
        for (const item of page.items) {
          assert.equal(item.plan_id, FREE_PLAN_ID);
          assert.deepEqual(item, asRead(seeded[item.id - 1]!, tenDaysOn));
        }
      });
    });

    describe('plan and trial', () => {
      test('plan: limits follow, version bumps; unknown plan 422', async (backend) => {
        const c = await backend.getCustomer(active.id);
        const next = await backend.setPlan(c.id, 'enterprise');
        assert.equal(next.plan_id, 'enterprise');
        assert.deepEqual([next.task_limit, next.connection_limit], [500_000, 1_000]);
        assert.equal(next.version, c.version + 1);
        await rejects(backend.setPlan(c.id, 'platinum'), 422, 'plan_id');
        const free = await backend.setPlan(c.id, FREE_PLAN_ID);
        assert.deepEqual([free.task_limit, free.connection_limit], [FREE_PLAN.task_limit, FREE_PLAN.connection_limit]);
        assert.equal((await backend.listCustomers({ status: 'expired', q: foldText(c.name) })).items.some((x) => x.id === c.id), true);
      });

      test('an ended trial reads as the free plan with its limits, and choosing a plan makes it active', async (backend) => {
        const ended = await backend.getCustomer(endedToday.id);
        assert.equal(customerStatus(ended, now), 'expired');
        assert.notEqual(endedToday.plan_id, FREE_PLAN_ID, 'the fixture customer had a trial on a partner plan');
        // Settled: on Free and out of trial; trial_ends_at stays the instant the trial ended.
        assert.deepEqual([ended.plan_id, ended.in_trial, ended.trial_ends_at], [FREE_PLAN_ID, false, endedToday.trial_ends_at]);
        assert.deepEqual([ended.task_limit, ended.connection_limit], [FREE_PLAN.task_limit, FREE_PLAN.connection_limit]);
        const chosen = await backend.setPlan(ended.id, 'business');
        assert.equal(chosen.in_trial, false);
        assert.equal(customerStatus(chosen, now), 'active');
        assert.deepEqual([chosen.task_limit, chosen.connection_limit], [50_000, 100]);
      });

      test('trial: enable starts 30 days at 100 tasks, again extends, disable makes it active', async (backend) => {
        const c = await backend.getCustomer(active.id);
        const on = await backend.setTrial(c.id, true);
        assert.equal(on.in_trial, true);
        assert.equal(on.trial_ends_at, new Date(now.getTime() + 30 * DAY_MS).toISOString());
        assert.equal(on.task_limit, 100);
        assert.equal(on.plan_id, c.plan_id);
        assert.equal(on.version, c.version + 1);
        const extended = await backend.setTrial(c.id, true);
        assert.equal(extended.trial_ends_at, new Date(now.getTime() + 60 * DAY_MS).toISOString());
        const off = await backend.setTrial(c.id, false);
        assert.equal(off.in_trial, false);
        assert.equal(customerStatus(off, now), 'active');
        const plan = plansWithFree(DEMO_PLANS).find((p) => p.id === c.plan_id)!;
        assert.equal(off.task_limit, plan.task_limit);
      });
    });

    describe('app access, collaborators, dashboard, switch', () => {
      test('app access: all by default; selected keeps order without duplicates; unknown apps 422', async (backend) => {
        const c = await backend.getCustomer(active.id);
        assert.deepEqual(await backend.getAppAccess(c.id), { mode: 'all' });
        const apps = generateApps().map((a) => a.id);
        const chosen = { mode: 'selected' as const, app_ids: [apps[5]!, apps[0]!, apps[5]!] };
        assert.deepEqual(await backend.setAppAccess(c.id, chosen), { mode: 'selected', app_ids: [apps[5], apps[0]] });
        assert.deepEqual(await backend.getAppAccess({ externalId: c.external_id ?? '' }).catch(() => backend.getAppAccess(c.id)), {
          mode: 'selected',
          app_ids: [apps[5], apps[0]],
        });
        await rejects(backend.setAppAccess(c.id, { mode: 'selected', app_ids: ['no-such-app'] }), 422, 'app_ids');
        assert.deepEqual(await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [] }), { mode: 'selected', app_ids: [] });
        assert.deepEqual(await backend.setAppAccess(c.id, { mode: 'all' }), { mode: 'all' });
        assert.equal((await backend.getCustomer(c.id)).version, c.version + 3, 'each of the three changes moved the version; the 422 did not');
        await rejects(backend.getAppAccess(size + 1000), 404);
      });

      test('app access: a change moves the version one on, the same access again does not; an edit from before it is stale', async (backend) => {
        const c = await backend.getCustomer(running.id);
        const [a, b] = generateApps().map((app) => app.id);
        const version = async () => (await backend.getCustomer(c.id)).version;
        await backend.setAppAccess(c.id, { mode: 'all' });
        assert.equal(await version(), c.version, 'all apps, as by default: nothing changed');
        await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [a!, b!] });
        assert.equal(await version(), c.version + 1);
        await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [a!, b!, a!] });
        assert.equal(await version(), c.version + 1, 'the same selection (a duplicate dropped) changes nothing');
        await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [b!] });
        assert.equal(await version(), c.version + 2);
        // Another admin's edit decided on the customer before the access changed.
        await rejects(backend.updateCustomer(c.id, { name: 'Stale Edit' }, c.version), 412);
        await backend.setAppAccess(c.id, { mode: 'all' });
        await backend.setAppAccess(c.id, { mode: 'all' });
        const after = await backend.getCustomer(c.id);
        assert.equal(after.version, c.version + 3);
        assert.deepEqual({ ...after, version: c.version }, c, 'the record itself is as it was');
      });

      test('collaborators: the team with roles and the customer-manager tag', async (backend) => {
        const team = await backend.listCollaborators(switchable.id);
        assert.deepEqual(team, generateCollaborators(seed, switchable.id));
        assert.ok(team.some((p) => p.customer_manager));
        await rejects(backend.listCollaborators(size + 1000), 404);
      });

      test('collaborators: customer managers first, then by name; some teams have none, some several', async (backend) => {
        /** Managers before everyone else; within each group, names in folded order. */
        const assertOrdered = (team: Collaborator[], what: string) => {
          for (let i = 1; i < team.length; i++) {
            const [a, b] = [team[i - 1]!, team[i]!];
            assert.ok(a.customer_manager || !b.customer_manager, `${what}: a manager after a non-manager at ${i}`);
            if (a.customer_manager === b.customer_manager) {
              assert.ok(nameSortKey(a.name) <= nameSortKey(b.name), `${what}: ${a.name} before ${b.name}`);
            }
          }
        };
        const several = await backend.listCollaborators(severalManagers.id);
        assertOrdered(several, 'several managers');
        assert.ok(several.filter((p) => p.customer_manager).length >= 2);
        assert.equal(several[0]!.customer_manager, true);
        assert.equal(several.at(-1)!.customer_manager, false);
        const none = await backend.listCollaborators(noManagers.id);
        assertOrdered(none, 'no managers');
        assert.ok(none.length >= 2 && none.every((p) => !p.customer_manager));
        for (let id = 1; id <= 40; id++) assertOrdered(await backend.listCollaborators(id), `customer ${id}`);
      });

      test('a customer just added has no collaborators yet, so nobody may switch into it', async (backend) => {
        const created = await backend.createCustomer({ name: 'Brand New', notification_email: 'a@brand-new.example', plan_id: 'starter' });
        assert.deepEqual(await backend.listCollaborators(created.id), []);
        await rejects(backend.switchToAccount(created.id), 403);
      });

      test('dashboard for every period, as stored; an unknown period is 422', async (backend) => {
        for (const c of [active, manyFailing, stoppedWithJobs, busyToday, noRecipes]) {
          for (const period of DASHBOARD_PERIODS) {
            const stats = await backend.getDashboard(c.id, period);
            DashboardStats.parse(stats);
            assert.deepEqual(stats, dashboardOracle(c, period), `customer ${c.id}, ${period}`);
          }
        }
        await rejects(backend.getDashboard(active.id, '2d' as '1d'), 422, 'period');
        await rejects(backend.getDashboard(size + 1000, '7d'), 404);
      });

      test('dashboard: series sum to the totals, 7 days are the tail of 30, top failing at most five, most first', async (backend) => {
        const points = { '1d': 24, '7d': 7, '30d': 30, '90d': 90 } as const;
        for (const c of [manyFailing, stoppedWithJobs, busyToday]) {
          const by = {} as Record<DashboardPeriod, DashboardStats>;
          for (const period of DASHBOARD_PERIODS) {
            const stats = (by[period] = await backend.getDashboard(c.id, period));
            const what = `customer ${c.id}, ${period}`;
            assert.equal(stats.period, period);
            assert.equal(stats.series.length, points[period], what);
            assert.equal(stats.successful_jobs, stats.series.reduce((sum, p) => sum + p.successful_jobs, 0), what);
            assert.equal(stats.failed_jobs, stats.series.reduce((sum, p) => sum + p.failed_jobs, 0), what);
            const top = stats.top_failing_recipes;
            assert.ok(top.length <= 5, what);
            for (let i = 1; i < top.length; i++) {
              assert.ok(top[i - 1]!.failed_jobs > top[i]!.failed_jobs || (top[i - 1]!.failed_jobs === top[i]!.failed_jobs && top[i - 1]!.id < top[i]!.id), what);
            }
            assert.ok(top.every((r) => r.failed_jobs > 0 && r.failed_jobs <= stats.failed_jobs), what);
            assert.ok(stats.active_recipes <= stats.recipes, what);
          }
          // The last hour point is the hour holding the clock; the last day point is today.
          assert.equal(by['1d'].series.at(-1)!.at, '2026-06-15T12:00:00.000Z');
          assert.equal(by['7d'].series.at(-1)!.at, '2026-06-15T00:00:00.000Z');
          assert.deepEqual(by['30d'].series.slice(-7), by['7d'].series);
          assert.deepEqual(by['90d'].series.slice(-30), by['30d'].series);
          assert.ok(by['7d'].failed_jobs <= by['30d'].failed_jobs && by['30d'].failed_jobs <= by['90d'].failed_jobs);
          for (const recipe of by['7d'].top_failing_recipes) {
            const month = by['90d'].top_failing_recipes.find((r) => r.id === recipe.id);
            if (month) assert.ok(month.failed_jobs >= recipe.failed_jobs, `recipe ${recipe.id} fails no less in 90 days`);
          }
        }
        const most = await backend.getDashboard(manyFailing.id, '90d');
        assert.equal(most.top_failing_recipes.length, 5, 'more than five recipes failed: five are listed');
      });

      test('dashboard: a stopped recipe is not active but keeps its past jobs', async (backend) => {
        const { recipes } = activityOf(stoppedWithJobs);
        const stats = await backend.getDashboard(stoppedWithJobs.id, '30d');
        assert.equal(stats.recipes, recipes.length);
        assert.equal(stats.active_recipes, recipes.filter((r) => r.running).length);
        assert.ok(stats.active_recipes < stats.recipes);
        const stopped = new Set(recipes.filter((r) => !r.running).map((r) => r.id));
        const since = Math.floor(now.getTime() / DAY_MS) - 29;
        const stoppedJobs = activityOf(stoppedWithJobs).daily
          .filter((r) => stopped.has(r.recipe_id) && r.day >= since && r.day < Math.floor(now.getTime() / DAY_MS))
          .reduce((sum, r) => sum + r.successful + r.failed, 0);
        assert.ok(stoppedJobs > 0);
        const runningJobs = activityOf(stoppedWithJobs).daily
          .filter((r) => !stopped.has(r.recipe_id) && r.day >= since && r.day < Math.floor(now.getTime() / DAY_MS))
          .reduce((sum, r) => sum + r.successful + r.failed, 0);
        // Before today, the period holds every stored job of its days, the stopped recipe's included.
        const today = stats.series.at(-1)!;
        assert.equal(stats.successful_jobs + stats.failed_jobs - today.successful_jobs - today.failed_jobs, stoppedJobs + runningJobs);
      });

      test('dashboard: a customer with no recipes, and one just added, read all zeros', async (backend) => {
        const created = await backend.createCustomer({ name: 'No Recipes Yet', notification_email: 'a@none.example', plan_id: 'starter' });
        for (const id of [noRecipes.id, created.id]) {
          for (const period of DASHBOARD_PERIODS) {
            const stats = await backend.getDashboard(id, period);
            assert.deepEqual(
              [stats.recipes, stats.active_recipes, stats.successful_jobs, stats.failed_jobs, stats.top_failing_recipes],
              [0, 0, 0, 0, []],
            );
            assert.equal(stats.series.length, { '1d': 24, '7d': 7, '30d': 30, '90d': 90 }[period]);
            assert.ok(stats.series.every((p) => p.successful_jobs === 0 && p.failed_jobs === 0));
          }
        }
      });

      test('dashboard: the clock moves the window; no job after the seeded day appears', async (backend, setClock) => {
        setClock(tenDaysOn);
        for (const period of DASHBOARD_PERIODS) {
          const stats = await backend.getDashboard(busyToday.id, period);
          assert.deepEqual(stats, dashboardOracle(busyToday, period, tenDaysOn), period);
          assert.equal(stats.series.at(-1)!.at.slice(0, 10), '2026-06-25');
        }
        const week = await backend.getDashboard(busyToday.id, '7d');
        assert.deepEqual([week.successful_jobs, week.failed_jobs], [0, 0], 'nothing ran after the data was seeded');
        const month = await backend.getDashboard(busyToday.id, '30d');
        assert.ok(month.successful_jobs > 0, 'the days before are still there');
      });

      test('switch: a URL where the admin is a collaborator, 403 elsewhere', async (backend) => {
        const { url } = await backend.switchToAccount(switchable.id);
        assert.match(url, /^https:\/\//);
        assert.ok(url.includes(String(switchable.id)));
        await rejects(backend.switchToAccount(notSwitchable.id), 403);
      });

      test('switch: allowed for a plain collaborator and on a team without managers; refused with a detail an admin can read', async (backend) => {
        assert.ok((await backend.switchToAccount(adminNotManager.id)).url.endsWith(`/${adminNotManager.id}`));
        assert.ok((await backend.switchToAccount(adminWithoutManagers.id)).url.endsWith(`/${adminWithoutManagers.id}`));
        const refusal = await rejects(backend.switchToAccount(notSwitchable.id), 403);
        const detail = refusal.problem.detail ?? '';
        assert.ok(detail.includes(notSwitchable.name), `the detail names the customer: ${detail}`);
        assert.ok(detail.includes(DEMO_PARTNER.admin.email), `the detail names the admin: ${detail}`);
        assert.match(detail, /customer manager/i);
        const team = await backend.listCollaborators(notSwitchable.id);
        assert.ok(!team.some((p) => p.email === DEMO_PARTNER.admin.email));
      });
    });

    describe('change history', () => {
      const admin = { kind: 'admin', name: DEMO_PARTNER.admin.name } as const;
      const minutesOn = (n: number) => new Date(now.getTime() + n * 60_000);
      const newCustomer = { name: 'History Ltd', notification_email: 'ops@history.example', plan_id: 'growth', external_id: 'hist/1' };

      test('a create is one entry listing every field it set, from null, by the admin, at version 1', async (backend) => {
        const created = await backend.createCustomer(newCustomer);
        const page = await backend.listHistory(created.id);
        HistoryPage.parse(page);
        assert.deepEqual([page.total, page.page, page.per_page, page.items.length], [1, 1, 20, 1]);
        const [entry] = page.items;
        assert.deepEqual({ ...entry, id: 0 }, {
          id: 0,
          at: now.toISOString(),
          action: 'create',
          actor: admin,
          version: 1,
          changes: [
            { field: 'name', from: null, to: 'History Ltd' },
            { field: 'notification_email', from: null, to: 'ops@history.example' },
            { field: 'external_id', from: null, to: 'hist/1' },
            { field: 'plan_id', from: null, to: 'growth' },
          ],
        });
        assert.deepEqual(await backend.listHistory({ externalId: 'hist/1' }), page, 'found by external ID too');
        const keyed = { ...newCustomer, external_id: null };
        const once = await backend.createCustomer(keyed, { idempotencyKey: 'hist-key' });
        assert.deepEqual(await backend.createCustomer(keyed, { idempotencyKey: 'hist-key' }), once);
        assert.equal((await backend.listHistory(once.id)).total, 1, 'a replayed create records nothing again');
      });

      test('patch, plan, trial and app access each add an entry: newest first, old → new, who, when, the version after', async (backend, setClock) => {
        const start = await backend.getCustomer(active.id);
        assert.equal((await backend.listHistory(start.id)).total, 0, 'a seeded customer starts with no history');
        const plan = DEMO_PLANS.map((p) => p.id).find((id) => id !== start.plan_id)!;
        const [app] = generateApps().map((a) => a.id);

        setClock(minutesOn(1));
        const patched = await backend.updateCustomer(start.id, { name: 'History Co', origins: ['https://history.example'] }, start.version);
        setClock(minutesOn(2));
        const planned = await backend.setPlan(start.id, plan);
        setClock(minutesOn(3));
        const trial = await backend.setTrial(start.id, true);
        setClock(minutesOn(4));
        await backend.setAppAccess(start.id, { mode: 'selected', app_ids: [app!] });

        const page = await backend.listHistory(start.id);
        HistoryPage.parse(page);
        assert.equal(page.total, 4);
        const ids = page.items.map((e) => e.id);
        assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'newest first, ids growing with each change');
        assert.equal(new Set(ids).size, 4);
        assert.deepEqual(
          page.items.map(({ id: _id, ...entry }) => entry),
          [
            {
              at: minutesOn(4).toISOString(),
              action: 'app_access',
              actor: admin,
              version: start.version + 4,
              changes: [{ field: 'app_access', from: 'all', to: [app!] }],
            },
            {
              at: minutesOn(3).toISOString(),
              action: 'trial',
              actor: admin,
              version: start.version + 3,
              changes: [
                { field: 'in_trial', from: false, to: true },
                { field: 'trial_ends_at', from: planned.trial_ends_at, to: trial.trial_ends_at },
              ],
            },
            {
              at: minutesOn(2).toISOString(),
              action: 'plan',
              actor: admin,
              version: start.version + 2,
              changes: [{ field: 'plan_id', from: start.plan_id, to: plan }],
            },
            {
              at: minutesOn(1).toISOString(),
              action: 'update',
              actor: admin,
              version: patched.version,
              changes: [
                { field: 'name', from: start.name, to: 'History Co' },
                { field: 'origins', from: start.origins, to: ['https://history.example'] },
              ],
            },
          ],
        );
        assert.equal(trial.trial_ends_at, new Date(minutesOn(3).getTime() + 30 * DAY_MS).toISOString());
        assert.equal((await backend.getCustomer(start.id)).version, start.version + 4, 'the newest entry carries the current version');
      });

      test('an ended trial is read settled: the next change records only what that change did', async (backend) => {
        const ended = await backend.getCustomer(endedToday.id);
        const chosen = await backend.setPlan(ended.id, 'business');
        const [entry] = (await backend.listHistory(ended.id)).items;
        // Read as Free and out of trial already, so only the plan moved (not in_trial, not the end).
        assert.deepEqual(entry!.changes, [{ field: 'plan_id', from: FREE_PLAN_ID, to: 'business' }]);
        assert.equal(entry!.version, chosen.version);
      });

      test('paging: newest first, 20 a page by default, up to 200; bad page or per_page is 422', async (backend) => {
        const created = await backend.createCustomer({ ...newCustomer, external_id: null });
        let version = created.version;
        for (let i = 1; i <= 24; i++) version = (await backend.updateCustomer(created.id, { name: `Paged ${i}` }, version)).version;
        const versions = (page: HistoryPage) => page.items.map((e) => e.version);
        const first = await backend.listHistory(created.id);
        assert.deepEqual([first.total, first.page, first.per_page], [25, 1, 20]);
        assert.deepEqual(versions(first), Array.from({ length: 20 }, (_, i) => 25 - i));
        assert.deepEqual(first.items[0]!.changes, [{ field: 'name', from: 'Paged 23', to: 'Paged 24' }]);
        const second = await backend.listHistory(created.id, { page: 2 });
        assert.deepEqual(versions(second), [5, 4, 3, 2, 1]);
        assert.equal(second.items.at(-1)!.action, 'create');
        const past = await backend.listHistory(created.id, { page: 3 });
        assert.deepEqual([past.items, past.total, past.page], [[], 25, 3]);
        const all = await backend.listHistory(created.id, { per_page: 200 });
        assert.deepEqual(all.items, [...first.items, ...second.items]);
        assert.deepEqual(versions(await backend.listHistory(created.id, { page: 2, per_page: 10 })), [15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
        await rejects(backend.listHistory(created.id, { per_page: 201 }), 422, 'per_page');
        await rejects(backend.listHistory(created.id, { per_page: 0 }), 422, 'per_page');
        await rejects(backend.listHistory(created.id, { page: 0 }), 422, 'page');
        await rejects(backend.listHistory(created.id, { page: -1 }), 422, 'page');
        await rejects(backend.listHistory(created.id, { page: 1.5 }), 422, 'page');
        const both = await rejects(backend.listHistory(created.id, { page: 0, per_page: 500 }), 422, 'page');
        assert.deepEqual(Object.keys(both.fieldErrors).sort(), ['page', 'per_page']);
        await rejects(backend.listHistory(size + 1000), 404);
        await rejects(backend.listHistory({ externalId: 'nobody' }), 404);
      });

      test('a write that changes nothing, or fails, adds no entry', async (backend) => {
        const created = await backend.createCustomer(newCustomer);
        const [app] = generateApps().map((a) => a.id);
        const same = await backend.updateCustomer(created.id, { name: created.name, origins: [] }, created.version);
        assert.equal(same.version, created.version);
        await backend.setAppAccess(created.id, { mode: 'all' });
        await backend.setAppAccess(created.id, { mode: 'selected', app_ids: [app!] });
        await backend.setAppAccess(created.id, { mode: 'selected', app_ids: [app!] });
        // A plan PUT of the plan it is on: nothing to record, though the write took place.
        await backend.setPlan(created.id, created.plan_id);
        const current = await backend.getCustomer(created.id);
        await rejects(backend.updateCustomer(created.id, { notification_email: 'nope' }, current.version), 422);
        await rejects(backend.updateCustomer(created.id, { external_id: withExternal.external_id }, current.version), 409);
        await rejects(backend.updateCustomer(created.id, { name: 'Stale' }, created.version), 412);
        await rejects(backend.setPlan(created.id, 'platinum'), 422);
        await rejects(backend.setAppAccess(created.id, { mode: 'selected', app_ids: ['no-such-app'] }), 422);
        const page = await backend.listHistory(created.id);
        assert.deepEqual(page.items.map((e) => e.action), ['app_access', 'create']);
        assert.deepEqual(await backend.getCustomer(created.id), current);
      });

      test('optional If-Match on plan, trial and app access: absent applies, current applies, stale is 412 and writes nothing', async (backend) => {
        const c = await backend.getCustomer(active.id);
        const [planA, planB] = DEMO_PLANS.map((p) => p.id).filter((id) => id !== c.plan_id);
        const [app] = generateApps().map((a) => a.id);
        const withVersion = await backend.setPlan(c.id, planA!, { version: c.version });
        assert.deepEqual([withVersion.plan_id, withVersion.version], [planA, c.version + 1]);
        const without = await backend.setPlan(c.id, planB!);
        assert.deepEqual([without.plan_id, without.version], [planB, c.version + 2]);
        const trial = await backend.setTrial(c.id, true, { version: without.version });
        assert.equal(trial.version, c.version + 3);
        await backend.setAppAccess(c.id, { mode: 'selected', app_ids: [app!] }, { version: trial.version });
        const current = await backend.getCustomer(c.id);
        assert.equal(current.version, c.version + 4);
        const entries = (await backend.listHistory(c.id)).total;
        assert.equal(entries, 4);

        const stale = current.version - 1;
        const refusal = await rejects(backend.setPlan(c.id, planA!, { version: stale }), 412);
        assert.match(refusal.problem.detail ?? '', new RegExp(`version ${current.version}`), 'the 412 names the current version');
        await rejects(backend.setTrial(c.id, false, { version: stale }), 412);
        await rejects(backend.setAppAccess(c.id, { mode: 'all' }, { version: stale }), 412);
        await rejects(backend.setAppAccess(c.id, { mode: 'selected', app_ids: [app!] }, { version: stale }), 412);
        await rejects(backend.setPlan(c.id, planA!, { version: current.version + 1 }), 412);
        assert.deepEqual(await backend.getCustomer(c.id), current, 'nothing written');
        assert.deepEqual(await backend.getAppAccess(c.id), { mode: 'selected', app_ids: [app] });
        assert.equal((await backend.listHistory(c.id)).total, entries, 'no entry for a refused write');
        // The body is judged before the version: an unknown plan with a stale version is a 422.
        await rejects(backend.setPlan(c.id, 'platinum', { version: stale }), 422, 'plan_id');
        await rejects(backend.setPlan(size + 1000, planA!, { version: 1 }), 404);
      });
    });

    describe('plans, apps, partner', () => {
      test('plans include the free plan; apps are the catalogue; partner with permissions', async (backend) => {
        assert.deepEqual(await backend.listPlans(), plansWithFree(DEMO_PLANS));
        assert.deepEqual(await backend.listApps(), generateApps());
        assert.deepEqual(await backend.getPartner(), DEMO_PARTNER);
      });
    });
  });
}
