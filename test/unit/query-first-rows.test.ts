// firstRows, what client mode paints before its index exists, against the index's own query: for
// generated customers and queries, its rows are the first rows of runQuery's result and its total
// and counts are runQuery's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SORT_KEYS, STATUSES } from '../../src/model/constants.js';
import type { Customer, Status } from '../../src/model/schemas.js';
import { createCustomerIndex } from '../../src/query/customer-index.js';
import { firstRows } from '../../src/query/first-rows.js';
import { runQuery } from '../../src/query/run-query.js';
import { DEFAULT_QUERY, JOINED_PRESETS, type CustomerQuery, type JoinedRange } from '../../src/query/types.js';
import { createRng, customer, randomQuery } from './query-fixtures.js';

const NOW = new Date('2024-03-01T12:00:00.000Z');
const DAY = 86_400_000;

// Few distinct values of every field, so ties, shared names and collisions are common: names that
// fold to the same key ('Café', 'CAFE', 'cafe\u0301'), equal dates, equal figures, repeated ids.
const NAMES = ['Acme', 'acme', 'ACME Corp', 'Café', 'CAFE', 'cafe\u0301', 'Zeta', 'Ørsted', '株式会社', '🚀 Rocket', 'ｶﾀｶﾅ', 'Ab\u0000cd', ''];
const EXTERNAL_IDS = [null, null, 'ACME-1', 'acme-legacy', 'zz', 'É-9'];
const PLANS = ['starter', 'growth', 'free', 'business'];
const APPS = ['slack', 'jira', 'ドライブ', 'app&id=1'];
// Whole days from the clock, and instants either side of a date's edge (a date filter's and a trial's).
const INSTANTS = [
  ...[-400, -90, -30, -7, -1, 0, 1, 3].map((days) => new Date(NOW.getTime() + days * DAY).toISOString()),
  '2024-02-29T23:59:59.999Z',
  '2024-03-01T00:00:00.000Z',
  '2024-02-22T23:30:00.000Z',
  '2024-03-01T12:00:00.001Z',
];

const customerArb: fc.Arbitrary<Customer> = fc
  .record({
    id: fc.integer({ min: 1, max: 40 }),
    name: fc.constantFrom(...NAMES),
    external_id: fc.constantFrom(...EXTERNAL_IDS),
    plan_id: fc.constantFrom(...PLANS),
    in_trial: fc.boolean(),
    trial_ends_at: fc.option(fc.constantFrom(...INSTANTS)),
    created_at: fc.constantFrom(...INSTANTS, '2024-03-01T12:00:00Z'),
    tasks_used: fc.integer({ min: 0, max: 5 }),
    connections: fc.constantFrom(0, 1, 2, 3_000_000_000),
    top_apps: fc.uniqueArray(fc.constantFrom(...APPS), { maxLength: 4 }),
  })
  .map((fields) => customer(fields));

const joinedArb: fc.Arbitrary<JoinedRange | null> = fc.oneof(
  fc.constant(null),
  fc.record({ preset: fc.constantFrom(...JOINED_PRESETS) }),
  fc.record({
    from: fc.option(fc.constantFrom('2023-01-01', '2024-02-01', '2024-02-29', '2024-03-01')),
    to: fc.option(fc.constantFrom('2024-02-22', '2024-03-01', '2024-03-04')),
  }),
);

const queryArb: fc.Arbitrary<CustomerQuery> = fc.record({
  q: fc.constantFrom('', '', 'acme', 'CAFE', 'é', 'a', '株式', '🚀', ' zeta ', 'b\u0000c', 'nobody'),
  plans: fc.uniqueArray(fc.constantFrom(...PLANS, 'unknown'), { maxLength: 3 }),
  status: fc.constantFrom<Status | 'all'>('all', ...STATUSES),
  app: fc.option(fc.constantFrom(...APPS, 'unknown')),
  joined: joinedArb,
  sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
  page: fc.constant(1),
});

function assertFirstRowsMatchIndex(customers: Customer[], query: CustomerQuery, count: number, now = NOW): void {
  const expected = runQuery(createCustomerIndex(customers), query, now);
  const got = firstRows(customers, query, now, count);
  // The same objects, so customers with the same id are told apart by their place in the list.
  assert.deepEqual(
    got.rows.map((c) => customers.indexOf(c)),
    expected.items.slice(0, count).map((c) => customers.indexOf(c)),
  );
  assert.equal(got.total, expected.total);
  assert.deepEqual(got.counts, expected.counts);
}

test('firstRows is the first rows, total and counts of the index query, for generated lists and queries', () => {
  fc.assert(
    fc.property(fc.array(customerArb, { maxLength: 60 }), queryArb, fc.integer({ min: 0, max: 70 }), (customers, query, count) => {
      assertFirstRowsMatchIndex(customers, query, count);
    }),
    { numRuns: 1_500 },
  );
});

test('firstRows agrees on a generated list of 3,000 with the query fixtures’ random queries', () => {
  const rng = createRng(14);
  const customers = fc.sample(customerArb, { numRuns: 3_000, seed: 14 });
  for (let i = 0; i < 150; i++) {
    const query = { ...randomQuery(rng), page: 1 };
    assertFirstRowsMatchIndex(customers, query, rng.int(1, 200), new Date(NOW.getTime() + rng.int(-5, 5) * DAY));
  }
});

test('firstRows keeps only `count` rows, and none for an empty list', () => {
  const customers = Array.from({ length: 10 }, (_, i) => customer({ id: 10 - i, name: `N${i}` }));
  const byName = { ...DEFAULT_QUERY, sort: { key: 'name' as const, dir: 'asc' as const } };
  assert.deepEqual(
    firstRows(customers, byName, NOW, 3).rows.map((c) => c.name),
    ['N0', 'N1', 'N2'],
  );
  assert.equal(firstRows(customers, byName, NOW, 3).total, 10);
  assert.deepEqual(firstRows([], DEFAULT_QUERY, NOW, 20), { rows: [], total: 0, counts: { all: 0, active: 0, trial: 0, expired: 0 } });
});
