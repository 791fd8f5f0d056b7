/**
 * Status counts are reused between requests (see CustomerStore.cachedCounts); these tests show they
 * stay exact when the clock passes a trial end and when rows change behind the store's back, and
 * that plan filters (on the plan a customer is on at the clock) agree with the generated data.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { customerStatus, effectivePlanId } from '../../src/model/rules.js';
import { DEMO_PLANS, generateCustomers, startOfUtcDay } from '../../src/backend/generate.js';
import { foldText } from '../../src/query/index.js';
import { foldQuery } from '../../src/query/search.js';
import { CustomerStore } from '../../demo/server/customer-store.js';
import { FREE_PLAN_ID, type StatusCounts } from '../../src/model/schemas.js';
import type { ValidListParams } from '../../src/query/list-params.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const seeded = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
let clock = CONTRACT_FIXTURE.now;
let server: TestServer;
before(async () => {
  server = await startTestServer({ now: () => clock });
});
after(() => server.close());

async function counts(query = ''): Promise<StatusCounts> {
  const res = await server.call(`/customers?per_page=1${query}`);
  assert.equal(res.status, 200);
  return (await res.json()).counts;
}

function expectedCounts(at: Date): StatusCounts {
  const out = { all: seeded.length, active: 0, trial: 0, expired: 0 };
  for (const c of seeded) out[customerStatus(c, at)]++;
  return out;
}

describe('status counts stay exact', () => {
  it('when the clock reaches the next trial end', async () => {
    assert.deepEqual(await counts(), expectedCounts(clock));
    assert.deepEqual(await counts('&page=2'), expectedCounts(clock), 'a second page reuses the same counts');
    const nextEnd = Math.min(
      ...seeded.filter((c) => c.in_trial && Date.parse(c.trial_ends_at!) > clock.getTime()).map((c) => Date.parse(c.trial_ends_at!)),
    );
    clock = new Date(nextEnd - 1);
    assert.deepEqual(await counts(), expectedCounts(clock));
    clock = new Date(nextEnd);
    const after = await counts();
    assert.deepEqual(after, expectedCounts(clock));
    assert.equal(after.trial, expectedCounts(new Date(nextEnd - 1)).trial - 1, 'one trial ended');
  });

  it('when another connection changes a row, and when this connection writes outside the store', async () => {
    const before = await counts();
    const active = seeded.find((c) => customerStatus(c, clock) === 'active')!;
    const other = new Database(server.db.name);
    other.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(active.id);
    other.close();
    const afterOther = await counts();
    assert.deepEqual(afterOther, { ...before, active: before.active - 1, expired: before.expired + 1 });

    const another = seeded.find((c) => c.id !== active.id && customerStatus(c, clock) === 'active')!;
    server.db.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(another.id);
    assert.deepEqual(await counts(), { ...afterOther, active: afterOther.active - 1, expired: afterOther.expired + 1 });
  });

  it('under an app filter, when another connection changes a customer of that app', async () => {
    // Chosen by its stored state: the tests above changed some seeded customers already.
    const active = server.db
      .prepare(
        `SELECT c.id, t.app_id FROM customers c JOIN customer_top_apps t ON t.customer_id = c.id
         WHERE c.in_trial = 0 AND c.plan_id <> 'free' ORDER BY c.id DESC LIMIT 1`,
      )
      .get() as { id: number; app_id: string };
    const query = `&app=${encodeURIComponent(active.app_id)}`;
    const before = await counts(query);
    const other = new Database(server.db.name);
    other.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(active.id);
    const afterPlan = await counts(query);
    assert.deepEqual(afterPlan, { ...before, active: before.active - 1, expired: before.expired + 1 });
    const ends = clock.getTime() + 86_400_000;
    other.prepare('UPDATE customers SET in_trial = 1, trial_ends_ms = ?, trial_ends_at = ? WHERE id = ?').run(ends, new Date(ends).toISOString(), active.id);
    assert.deepEqual(await counts(query), { ...before, active: before.active - 1, trial: before.trial + 1 });
    other.prepare('DELETE FROM customer_top_apps WHERE customer_id = ?').run(active.id);
    other.close();
    assert.deepEqual(await counts(query), { ...before, all: before.all - 1, active: before.active - 1 });
  });
});

/**
 * Searches with many matches are counted on the pair index (customer_grams) instead of per match;
 * here every search takes that path (pairCountsFrom 0) and is checked against the generated data.
 */
describe('search counts on the pair index', () => {
  let pairs: TestServer;
  before(async () => {
    pairs = await startTestServer();
  });
  after(() => pairs.close());

  const data = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
  function oracle(q: string, at: Date): StatusCounts {
    const needle = foldQuery(q);
    const out = { all: 0, active: 0, trial: 0, expired: 0 };
    for (const c of data) {
      if (!foldText(c.name).includes(needle) && !(c.external_id !== null && foldText(c.external_id).includes(needle))) continue;
      out.all++;
      out[customerStatus(c, at)]++;
    }
    return out;
  }
  function storeCounts(q: string, at: Date): StatusCounts {
    const store = new CustomerStore(pairs.db);
    store.countCache = false;
    store.pairCountsFrom = 0;
    return store.list({ q, sort: '-created_at', page: 1, per_page: 1 }, DEMO_PLANS, at).counts;
  }
  // Two-character and longer needles: common words, a space inside, slices of accented, CJK,
  // right-to-left and hostile names and of external IDs.
  const needles = new Set(['co', 'ltd', 'an', 'e ', 'inc', 'zq', 'zzz']);
  for (const c of data.filter((_, i) => i % 23 === 0)) {
    const name = [...foldText(c.name)];
    needles.add(name.slice(1, 3).join(''));
    needles.add(name.slice(0, 5).join(''));
    if (c.external_id !== null) needles.add([...foldText(c.external_id)].slice(2, 4).join(''));
  }
  const trialEnds = data.filter((c) => c.in_trial).map((c) => Date.parse(c.trial_ends_at!));
  const nextEnd = Math.min(...trialEnds.filter((t) => t > CONTRACT_FIXTURE.now.getTime()));
  const clocks = [CONTRACT_FIXTURE.now, new Date(nextEnd - 1), new Date(nextEnd), new Date(Math.max(...trialEnds) + 1)];

  it('hold the same tokens at the same places whether the seeder or the triggers wrote them', () => {
    pairs.db.exec("CREATE VIRTUAL TABLE temp.grams_instances USING fts5vocab (main, customer_grams, 'instance')");
    const snapshot = () => pairs.db.prepare('SELECT term, doc, col, offset FROM temp.grams_instances ORDER BY term, doc, col, offset').all();
    const seededRows = snapshot();
    assert.ok(seededRows.length > 10_000, `${seededRows.length} token instances`);
    // Touching the folded name makes the update trigger write every row again, in SQL.
    pairs.db.exec('UPDATE customers SET name_folded = name_folded');
    assert.deepEqual(snapshot(), seededRows);
    pairs.db.exec('DROP TABLE temp.grams_instances');
  });

  it('match the generated data for every needle and clock (trial ends crossing today and later days)', () => {
    const checked = [...needles].filter((n) => [...foldQuery(n)].length >= 2);
    assert.ok(checked.length > 20, `${checked.length} needles`);
    let nonEmpty = 0;
    for (const at of clocks) {
      for (const q of checked) {
        const want = oracle(q, at);
        if (want.all > 0) nonEmpty++;
        assert.deepEqual(storeCounts(q, at), want, `q=${JSON.stringify(q)} at ${at.toISOString()}`);
      }
    }
    assert.ok(nonEmpty > checked.length * 2, 'most needles match something');
  });

  it('follow writes made by another connection (plan, trial end, name, delete)', () => {
    const other = new Database(pairs.db.name);
    const row = (id: number) => data.find((c) => c.id === id)!;
    const at = CONTRACT_FIXTURE.now;
    const target = data.find((c) => customerStatus(c, at) === 'active' && foldText(c.name).length >= 4)!;
    const q = [...foldText(target.name)].slice(0, 4).join('');
    const before = storeCounts(q, at);
    assert.deepEqual(before, oracle(q, at));

    other.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(target.id);
    row(target.id).plan_id = 'free';
    assert.deepEqual(storeCounts(q, at), oracle(q, at));

    const ends = at.getTime() + 3_600_000; // later today: the end day is the current one
    other.prepare('UPDATE customers SET in_trial = 1, trial_ends_ms = ?, trial_ends_at = ? WHERE id = ?').run(ends, new Date(ends).toISOString(), target.id);
    Object.assign(row(target.id), { in_trial: true, trial_ends_at: new Date(ends).toISOString() });
    assert.deepEqual(storeCounts(q, at), oracle(q, at));
    assert.deepEqual(storeCounts(q, new Date(ends)), oracle(q, new Date(ends)));

    // A trial ending years ahead: too many end days to name, so in-trial matches are read one by one.
    const farEnds = at.getTime() + 800 * 86_400_000;
    other.prepare('UPDATE customers SET trial_ends_ms = ?, trial_ends_at = ? WHERE id = ?').run(farEnds, new Date(farEnds).toISOString(), target.id);
    row(target.id).trial_ends_at = new Date(farEnds).toISOString();
    assert.deepEqual(storeCounts(q, at), oracle(q, at));
    assert.deepEqual(storeCounts(q.slice(0, 2), at), oracle(q.slice(0, 2), at));

    other.prepare("UPDATE customers SET name = 'Renamed', name_folded = 'renamed' WHERE id = ?").run(target.id);
    row(target.id).name = 'Renamed';
    assert.deepEqual(storeCounts(q, at), oracle(q, at));
    assert.deepEqual(storeCounts('renamed', at), oracle('renamed', at));

    const gone = data.find((c) => c.id !== target.id && foldText(c.name).includes(q.slice(0, 2)))!;
    for (const table of ['customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators']) {
      other.prepare(`DELETE FROM ${table} WHERE customer_id = ?`).run(gone.id);
    }
    other.prepare('DELETE FROM customers WHERE id = ?').run(gone.id);
    data.splice(data.indexOf(gone), 1);
    assert.deepEqual(storeCounts(q.slice(0, 2), at), oracle(q.slice(0, 2), at));
    other.close();
  });
});

/**
 * A plan filter reads the plan each customer is on at the clock: Free once its trial has ended. The
 * rows keep their stored plan, so totals and status counts under a plan filter move with the clock;
 * here at clocks just before and at trial ends, and far on, against the generated data.
 */
describe('plan filters and their counts across clocks', () => {
  let plans: TestServer;
  let planClock = CONTRACT_FIXTURE.now;
  before(async () => {
    plans = await startTestServer({ now: () => planClock });
  });
  after(() => plans.close());

  const data = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
  type Filter = Pick<ValidListParams, 'plan' | 'q' | 'app' | 'joined_from' | 'status'>;
  function oracle(filter: Filter, at: Date): { total: number; counts: StatusCounts } {
    const needle = foldQuery(filter.q ?? '');
    const counts = { all: 0, active: 0, trial: 0, expired: 0 };
    for (const c of data) {
      if (!filter.plan!.includes(effectivePlanId(c, at))) continue;
      if (needle !== '' && !foldText(c.name).includes(needle) && !(c.external_id !== null && foldText(c.external_id).includes(needle))) continue;
      if (filter.app !== undefined && !c.top_apps.includes(filter.app)) continue;
      if (filter.joined_from !== undefined && c.created_at.slice(0, 10) < filter.joined_from) continue;
      counts.all++;
      counts[customerStatus(c, at)]++;
    }
    return { total: filter.status === undefined ? counts.all : counts[filter.status], counts };
  }
  function query(filter: Filter): string {
    const search = new URLSearchParams({ per_page: '1' });
    for (const id of filter.plan!) search.append('plan', id);
    for (const key of ['q', 'app', 'joined_from', 'status'] as const) if (filter[key] !== undefined) search.set(key, filter[key]!);
    return `/customers?${search}`;
  }

  const trialEnds = data.filter((c) => c.in_trial).map((c) => Date.parse(c.trial_ends_at!));
  const upcoming = trialEnds.filter((t) => t > CONTRACT_FIXTURE.now.getTime()).sort((a, b) => a - b);
  const clocks = [
    CONTRACT_FIXTURE.now,
    new Date(upcoming[0]! - 1),
    new Date(upcoming[0]!),
    new Date(upcoming[5]!),
    new Date(Math.max(...trialEnds) + 1),
  ];
  const app = data.find((c) => c.top_apps.length > 0)!.top_apps[0]!;
  const filters: Filter[] = [
    { plan: [FREE_PLAN_ID] },
    { plan: ['starter'] },
    { plan: ['growth', 'business'] },
    { plan: ['starter', FREE_PLAN_ID] },
    { plan: [FREE_PLAN_ID], joined_from: '2025-06-01' },
    { plan: ['growth'], joined_from: '2025-06-01' },
    { plan: [FREE_PLAN_ID], q: 'co' },
    { plan: ['starter', 'enterprise'], q: 'ltd' },
    { plan: [FREE_PLAN_ID], app },
    { plan: [FREE_PLAN_ID], status: 'expired' },
    { plan: [FREE_PLAN_ID], status: 'trial' },
    { plan: ['starter'], status: 'trial' },
    { plan: ['business'], status: 'active' },
  ];

  it('match the generated data at every clock, counted afresh and through the count cache', async () => {
    const store = new CustomerStore(plans.db);
    store.countCache = false;
    let moved = 0;
    for (const filter of filters) {
      let previous: string | undefined;
      for (const at of clocks) {
        const want = oracle(filter, at);
        const what = `${JSON.stringify(filter)} at ${at.toISOString()}`;
        const fresh = store.list({ sort: '-created_at', page: 1, per_page: 1, ...filter }, DEMO_PLANS, at);
        assert.deepEqual({ total: fresh.total, counts: fresh.counts }, want, what);
        assert.equal(fresh.items.length, Math.min(1, want.total), what);
        for (const item of fresh.items) assert.ok(filter.plan!.includes(item.plan_id), `${what}: the item reads as on ${item.plan_id}`);
        planClock = at;
        const res = await plans.call(query(filter));
        assert.equal(res.status, 200);
        const page = (await res.json()) as { total: number; counts: StatusCounts };
        assert.deepEqual({ total: page.total, counts: page.counts }, want, `${what} (cached)`);
        if (previous !== undefined && previous !== JSON.stringify(want)) moved++;
        previous = JSON.stringify(want);
      }
    }
    assert.ok(moved >= 5, `${moved} filters' counts moved with the clock`);
  });
});
