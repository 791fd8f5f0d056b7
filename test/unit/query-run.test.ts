import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Customer } from '../../src/model/schemas.js';
import { customerStatus, effectivePlanId } from '../../src/model/rules.js';
import {
  applyListParams,
  createCustomerIndex,
  createCustomerIndexAsync,
  DEFAULT_QUERY,
  foldText,
  nameSortKey,
  parseListParams,
  queryToListParams,
  resolveJoinedRange,
  runQuery,
  type CustomerQuery,
  type CustomerSort,
  type ValidListParams,
} from '../../src/query/index.js';
import { generateCustomers } from '../../src/backend/generate.js';
import { CustomerIndexBuild } from '../../src/query/customer-index.js';
import { queryFilter, sameQueryFilter } from '../../src/query/customer-filter.js';
import { queryIndex, reorderResult } from '../../src/query/run-query.js';
import { SORT_KEYS } from '../../src/model/constants.js';
import { createRng, customer, randomQuery } from './query-fixtures.js';

const now = new Date('2024-03-01T12:00:00.000Z');
const ids = (list: readonly Customer[]) => list.map((c) => c.id);

const people = [
  customer({ id: 1, name: 'Acme Logistics', external_id: 'ACME-1', plan_id: 'starter', created_at: '2024-02-29T23:59:59.999Z', top_apps: ['slack', 'jira'] }),
  customer({ id: 2, name: 'Société Générale', plan_id: 'growth', created_at: '2024-03-01T00:00:00.000Z', in_trial: true, trial_ends_at: '2024-03-10T00:00:00.000Z' }),
  customer({ id: 3, name: 'Zeta Foods', external_id: 'acme-legacy', plan_id: 'free', created_at: '2023-12-31T12:00:00.000Z', top_apps: ['slack'] }),
  customer({ id: 4, name: 'Ørsted Energi', plan_id: 'growth', in_trial: true, trial_ends_at: '2024-03-01T12:00:00.000Z', created_at: '2024-01-31T00:00:00.000Z' }),
  customer({ id: 5, name: 'ACME Corp', plan_id: 'business', created_at: '2022-06-01T00:00:00.000Z', top_apps: ['jira'] }),
];
const query = (fields: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...fields });

test('the default query returns everyone, newest first, with status counts', () => {
  const result = runQuery(createCustomerIndex(people), DEFAULT_QUERY, now);
  assert.deepEqual(ids(result.items), [2, 1, 4, 3, 5]);
  assert.equal(result.total, 5);
  // 4's trial ends exactly now: ended (same rule as customerStatus). 3 is on the free plan.
  assert.deepEqual(result.counts, { all: 5, active: 2, trial: 1, expired: 2 });
});

test('search matches name or external ID, accent- and case-insensitively', () => {
  const index = createCustomerIndex(people);
  assert.deepEqual(ids(runQuery(index, query({ q: 'acme', sort: { key: 'name', dir: 'asc' } }), now).items), [5, 1, 3]);
  assert.deepEqual(ids(runQuery(index, query({ q: 'GENERALE' }), now).items), [2]);
  assert.deepEqual(ids(runQuery(index, query({ q: 'ørsted' }), now).items), [4]);
  assert.deepEqual(ids(runQuery(index, query({ q: '   ' }), now).items), [2, 1, 4, 3, 5]);
  assert.deepEqual(runQuery(index, query({ q: 'nobody' }), now), { items: [], total: 0, counts: { all: 0, active: 0, trial: 0, expired: 0 } });
});

test('search never matches across the name/external ID boundary or across customers', () => {
  const list = [
    customer({ id: 1, name: 'Alpha ab', external_id: 'cd Beta' }),
    customer({ id: 2, name: 'ef', external_id: null }),
    customer({ id: 3, name: 'gh', external_id: 'x\u0000y' }),
    customer({ id: 4, name: 'ab\u0000cd', external_id: null }),
  ];
  const index = createCustomerIndex(list);
  for (const q of ['abcd', 'ab cd', 'betaef', 'efgh', 'ab\u0000cd\u0000']) {
    assert.deepEqual(ids(runQuery(index, query({ q }), now).items), [], JSON.stringify(q));
  }
  assert.deepEqual(ids(runQuery(index, query({ q: 'ab\u0000cd', sort: { key: 'name', dir: 'asc' } }), now).items), [4]);
  assert.deepEqual(ids(runQuery(index, query({ q: 'x\u0000y' }), now).items), [3]);
  assert.deepEqual(ids(runQuery(index, query({ q: 'ab', sort: { key: 'name', dir: 'asc' } }), now).items), [4, 1]);
  assert.deepEqual(ids(runQuery(index, query({ q: 'beta' }), now).items), [1]);
});

test('counts ignore the status filter; total honours it', () => {
  const index = createCustomerIndex(people);
  const expired = runQuery(index, query({ status: 'expired' }), now);
  assert.deepEqual(ids(expired.items), [4, 3]);
  assert.equal(expired.total, 2);
  assert.deepEqual(expired.counts, { all: 5, active: 2, trial: 1, expired: 2 });
  const trialAcme = runQuery(index, query({ status: 'trial', q: 'acme' }), now);
  assert.deepEqual(trialAcme.items, []);
  assert.deepEqual(trialAcme.counts, { all: 3, active: 2, trial: 0, expired: 1 });
});

test('statuses follow the clock given to each query, on the same index', () => {
  const index = createCustomerIndex(people);
  const earlier = runQuery(index, query({ status: 'trial' }), new Date('2024-03-01T11:59:59.999Z'));
  assert.deepEqual(ids(earlier.items), [2, 4]);
  const later = runQuery(index, query({ status: 'trial' }), new Date('2024-03-10T00:00:00.000Z'));
  assert.deepEqual(ids(later.items), []);
});

test('plan filters follow the clock given to each query, on the same index: an ended trial is on Free', () => {
  const index = createCustomerIndex(people);
  const before = new Date('2024-03-01T11:59:59.999Z');
  // Customer 4 (Growth) is in trial until noon, customer 2 (Growth) until March 10.
  assert.deepEqual(ids(runQuery(index, query({ plans: ['growth'] }), before).items), [2, 4]);
  assert.deepEqual(ids(runQuery(index, query({ plans: ['free'] }), before).items), [3]);
  assert.deepEqual(runQuery(index, query({ plans: ['growth'] }), before).counts, { all: 2, active: 0, trial: 2, expired: 0 });

  assert.deepEqual(ids(runQuery(index, query({ plans: ['growth'] }), now).items), [2]);
  assert.deepEqual(ids(runQuery(index, query({ plans: ['free'] }), now).items), [4, 3]);
  assert.deepEqual(runQuery(index, query({ plans: ['growth'] }), now).counts, { all: 1, active: 0, trial: 1, expired: 0 });
  assert.deepEqual(runQuery(index, query({ plans: ['free'] }), now).counts, { all: 2, active: 0, trial: 0, expired: 2 });
  assert.deepEqual(ids(runQuery(index, query({ plans: ['free'], status: 'expired', q: 'ørsted' }), now).items), [4]);

  const march10 = new Date('2024-03-10T00:00:00.000Z');
  assert.deepEqual(ids(runQuery(index, query({ plans: ['growth'] }), march10).items), []);
  assert.deepEqual(ids(runQuery(index, query({ plans: ['free', 'business'] }), march10).items), [2, 4, 3, 5]);
  assert.deepEqual(runQuery(index, query({ plans: ['free', 'business'] }), march10).counts, { all: 4, active: 1, trial: 0, expired: 3 });
  // A running trial on the free plan is on Free too, and in trial.
  const onFree = createCustomerIndex([customer({ id: 9, plan_id: 'free', in_trial: true, trial_ends_at: '2024-03-05T00:00:00.000Z' })]);
  assert.deepEqual(runQuery(onFree, query({ plans: ['free'] }), now).counts, { all: 1, active: 0, trial: 1, expired: 0 });
  assert.equal(runQuery(onFree, query({ plans: ['starter'] }), now).total, 0);
});

test('plan, app and joined filters', () => {
  const index = createCustomerIndex(people);
  assert.deepEqual(ids(runQuery(index, query({ plans: ['growth', 'free'] }), now).items), [2, 4, 3]);
  assert.deepEqual(ids(runQuery(index, query({ plans: ['unknown'] }), now).items), []);
  assert.deepEqual(ids(runQuery(index, query({ app: 'slack' }), now).items), [1, 3]);
  assert.deepEqual(ids(runQuery(index, query({ app: 'jira' }), now).items), [1, 5]);
  assert.deepEqual(ids(runQuery(index, query({ app: 'nobody-has-it' }), now).items), []);
  // Inclusive UTC dates: 23:59:59.999 on Feb 29 is Feb 29; midnight on Mar 1 is Mar 1.
  assert.deepEqual(ids(runQuery(index, query({ joined: { from: '2024-02-29', to: '2024-02-29' } }), now).items), [1]);
  assert.deepEqual(ids(runQuery(index, query({ joined: { from: '2024-03-01', to: null } }), now).items), [2]);
  assert.deepEqual(ids(runQuery(index, query({ joined: { from: null, to: '2023-12-31' } }), now).items), [3, 5]);
  // Last 30 days at 2024-03-01: from 2024-01-31, so customer 4 (joined that midnight) is in.
  assert.deepEqual(ids(runQuery(index, query({ joined: { preset: '30d' } }), now).items), [2, 1, 4]);
  assert.deepEqual(ids(runQuery(index, query({ joined: { preset: 'year' } }), now).items), [2, 1, 4]);
});

function valid(params: Parameters<typeof parseListParams>[0]): ValidListParams {
  const result = parseListParams(params);
  assert.ok(result.success);
  return result.data;
}

test('applyListParams pages the results; a page past the end is empty, not an error', () => {
  const first = applyListParams(people, valid({ sort: 'name', per_page: 2 }), now);
  assert.deepEqual(ids(first.items), [5, 1]);
  assert.equal(first.total, 5);
  assert.equal(first.page, 1);
  assert.equal(first.per_page, 2);
  assert.deepEqual(first.counts, { all: 5, active: 2, trial: 1, expired: 2 });
  // Names order by folded code units: 'ø' has no decomposition, so Ørsted comes after Zeta.
  assert.deepEqual(ids(applyListParams(people, valid({ sort: 'name', per_page: 2, page: 2 }), now).items), [2, 3]);
  assert.deepEqual(ids(applyListParams(people, valid({ sort: 'name', per_page: 2, page: 3 }), now).items), [4]);
  const past = applyListParams(people, valid({ sort: 'name', per_page: 2, page: 4 }), now);
  assert.deepEqual(past.items, []);
  assert.equal(past.total, 5);
  assert.equal(past.page, 4);
  assert.deepEqual(applyListParams([], valid({}), now), { items: [], total: 0, page: 1, per_page: 50, counts: { all: 0, active: 0, trial: 0, expired: 0 } });
});

/** The contract written out plainly, as an oracle for the indexed implementation. */
function reference(customers: readonly Customer[], q: CustomerQuery, at: Date) {
  const needle = foldText(q.q.trim());
  const { from, to } = resolveJoinedRange(q.joined, at);
  const base = customers.filter((c) => {
    const day = new Date(c.created_at).toISOString().slice(0, 10);
    return (
      (needle === '' || foldText(c.name).includes(needle) || (c.external_id !== null && foldText(c.external_id).includes(needle))) &&
      (q.plans.length === 0 || q.plans.includes(effectivePlanId(c, at))) &&
      (q.app === null || c.top_apps.includes(q.app)) &&
      (from === undefined || day >= from) &&
      (to === undefined || day <= to)
    );
  });
  const counts = { all: base.length, active: 0, trial: 0, expired: 0 };
  for (const c of base) counts[customerStatus(c, at)]++;
  const value = (c: Customer) =>
    q.sort.key === 'name' ? nameSortKey(c.name) : q.sort.key === 'created_at' ? Date.parse(c.created_at) : c[q.sort.key];
  const items = base
    .filter((c) => q.status === 'all' || customerStatus(c, at) === q.status)
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return x === y ? a.id - b.id : (x < y ? -1 : 1) * (q.sort.dir === 'asc' ? 1 : -1);
    });
  return { items, total: items.length, counts };
}

test('reorderResult gives what the query in the new sort gives, from the earlier result of the same filter', () => {
  const anchor = new Date('2025-06-01T00:00:00.000Z');
  const customers = generateCustomers({ seed: 21, count: 1500, anchor });
  const index = createCustomerIndex(customers);
  const rng = createRng(7);
  const sorts: CustomerSort[] = SORT_KEYS.flatMap((key) => [
    { key, dir: 'asc' as const },
    { key, dir: 'desc' as const },
  ]);
  let everyone = 0;
  for (let round = 0; round < 120; round++) {
    // A third of the rounds with no filter at all: every customer matches (the order itself).
    const q: CustomerQuery = round % 3 === 0 ? { ...DEFAULT_QUERY, sort: rng.pick(sorts) } : randomQuery(rng);
    const at = new Date(anchor.getTime() + rng.int(-5, 40) * 3_600_000 * 12);
    const filter = queryFilter(q, at);
    const earlier = queryIndex(index, filter, q.sort, at);
    if (earlier.total === customers.length) everyone++;
    const sort = rng.pick(sorts);
    const want = queryIndex(index, filter, sort, at);
    const got = reorderResult(index, earlier, sort);
    assert.deepEqual([...got.rows], [...want.rows], `${JSON.stringify(q)} re-sorted by ${JSON.stringify(sort)}`);
    assert.equal(got.total, want.total);
    assert.deepEqual(got.counts, want.counts);
    assert.equal(got.counts, earlier.counts, 'the same counts object');
  }
  assert.ok(everyone >= 40, `${everyone} rounds matched everyone`);
});

test('sameQueryFilter: the same customers whatever the sort and page, and a difference in any filter field', () => {
  const base: CustomerQuery = { ...DEFAULT_QUERY, q: 'acme', plans: ['growth', 'free'], status: 'trial', app: 'slack', joined: { preset: '30d' } };
  assert.ok(sameQueryFilter(base, { ...base, sort: { key: 'name', dir: 'asc' }, page: 7 }));
  assert.ok(sameQueryFilter(base, { ...base, plans: [...base.plans], joined: { preset: '30d' } }));
  for (const changed of [
    { q: 'acm' },
    { plans: ['growth'] },
    { plans: ['growth', 'starter'] },
    { status: 'all' as const },
    { app: null },
    { joined: { preset: '7d' as const } },
    { joined: null },
  ]) {
    assert.equal(sameQueryFilter(base, { ...base, ...changed }), false, JSON.stringify(changed));
  }
});

test('runQuery and applyListParams agree with the plain contract on random queries over generated data', () => {
  const anchor = new Date('2025-06-01T00:00:00.000Z');
  const customers = generateCustomers({ seed: 17, count: 2000, anchor });
  const index = createCustomerIndex(customers);
  const rng = createRng(99);
  const terms = ['a', 'e', 'é', 'co', 'acme', 'ス', 'شركة', 'ext', '1', 'inc.', '<', 'zz-nothing'];
  const plans = ['starter', 'growth', 'business', 'enterprise', 'free'];
  const apps = [...new Set(customers.flatMap((c) => c.top_apps))].slice(0, 6);
  for (let round = 0; round < 150; round++) {
    const random = randomQuery(rng);
    const q: CustomerQuery = {
      ...random,
      q: rng.chance(0.7) ? rng.pick(terms) : random.q,
      plans: rng.chance(0.5) ? [] : plans.filter(() => rng.chance(0.4)),
      app: rng.chance(0.6) ? null : rng.pick(apps),
      page: 1,
    };
    const at = new Date(anchor.getTime() + rng.int(-5, 40) * 3_600_000 * 12);
    const expected = reference(customers, q, at);
    const got = runQuery(index, q, at);
    assert.deepEqual(ids(got.items), ids(expected.items), JSON.stringify(q));
    assert.equal(got.total, expected.total);
    assert.deepEqual(got.counts, expected.counts);

    const perPage = rng.int(1, 200);
    const pages = Math.ceil(expected.total / perPage) + 1;
    const page = rng.int(1, pages);
    const paged = applyListParams(customers, valid(queryToListParams({ ...q, page }, at, perPage)), at);
    assert.deepEqual(ids(paged.items), ids(expected.items.slice((page - 1) * perPage, page * perPage)), JSON.stringify(q));
    assert.equal(paged.total, expected.total);
    assert.deepEqual(paged.counts, expected.counts);
  }
});

test('createCustomerIndexAsync builds the same index in slices, letting timers run in between', async () => {
  const customers = generateCustomers({ seed: 5, count: 1000, anchor: new Date('2025-06-01T00:00:00Z') });
  const events: string[] = [];
  const built = createCustomerIndexAsync(customers, { rowsPerSlice: 100 }).then((index) => {
    events.push('built');
    return index;
  });
  setTimeout(() => events.push('timer'), 0);
  const index = await built;
  assert.deepEqual(events, ['timer', 'built']);
  assert.deepEqual(index, createCustomerIndex(customers));
  const q = query({ q: 'co', sort: { key: 'name', dir: 'desc' } });
  assert.deepEqual(ids(runQuery(index, q, now).items), ids(runQuery(createCustomerIndex(customers), q, now).items));
});

test('CustomerIndexBuild: slices of any size, finished at any point, give the index built in one go', () => {
  const generated = generateCustomers({ seed: 6, count: 1500, anchor: new Date('2025-06-01T00:00:00Z') });
  // Every name different too: the sort of the distinct names then runs in slices and merges.
  const distinct = generated.map((c, i) => ({ ...c, name: `${c.name} ${(i * 7_919) % 1500}` }));
  for (const customers of [generated, distinct, []]) {
    const whole = createCustomerIndex(customers);
    for (const [rowsPerSlice, stepsFirst] of [[1, 40], [7, 3], [100, 1_000], [5_000, 2]] as const) {
      const build = new CustomerIndexBuild(customers, rowsPerSlice);
      for (let i = 0; i < stepsFirst && build.index === null; i++) build.step();
      const index = build.finish();
      assert.equal(build.index, index);
      assert.equal(build.step(), index);
      assert.deepEqual(index, whole, `${customers.length} customers, ${rowsPerSlice} rows a slice, ${stepsFirst} steps first`);
    }
  }
});

test('createCustomerIndexAsync stops when its signal aborts', async () => {
  const customers = generateCustomers({ seed: 5, count: 1000, anchor: new Date('2025-06-01T00:00:00Z') });
  const controller = new AbortController();
  const built = createCustomerIndexAsync(customers, { rowsPerSlice: 100, signal: controller.signal });
  controller.abort(new Error('list replaced'));
  await assert.rejects(built, /list replaced/);
  assert.deepEqual(await createCustomerIndexAsync([]), createCustomerIndex([]));
});
