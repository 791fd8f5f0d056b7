import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Customer, SortKey } from '../../src/model/schemas.js';
import { SORT_KEYS } from '../../src/model/schemas.js';
import type { CustomerSort } from '../../src/query/types.js';
import {
  createCustomerIndex,
  foldText,
  nameSortKey,
  nextSort,
  prepareSortOrders,
  sortCustomers,
  sortFromParam,
  sortOrder,
  sortToParam,
  sortValue,
} from '../../src/query/index.js';
import { generateCustomers } from '../../src/backend/generate.js';
import { createRng, customer } from './query-fixtures.js';

const ids = (list: readonly Customer[]) => list.map((c) => c.id);
const SORTS: CustomerSort[] = SORT_KEYS.flatMap((key) => [
  { key, dir: 'asc' as const },
  { key, dir: 'desc' as const },
]);

test('nameSortKey folds case and accents; keys compare by code units', () => {
  assert.equal(nameSortKey('École Ü'), 'ecole u');
  const names = ['zeta', 'École', 'Alpha', 'ecole', 'beta'];
  const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
  assert.deepEqual(sorted, ['Alpha', 'beta', 'École', 'ecole', 'zeta']);
});

test('nextSort: a second click reverses, a new key starts ascending for name and descending otherwise', () => {
  assert.deepEqual(nextSort({ key: 'name', dir: 'asc' }, 'name'), { key: 'name', dir: 'desc' });
  assert.deepEqual(nextSort({ key: 'name', dir: 'desc' }, 'name'), { key: 'name', dir: 'asc' });
  assert.deepEqual(nextSort({ key: 'tasks_used', dir: 'desc' }, 'tasks_used'), { key: 'tasks_used', dir: 'asc' });
  assert.deepEqual(nextSort({ key: 'created_at', dir: 'desc' }, 'name'), { key: 'name', dir: 'asc' });
  for (const key of ['created_at', 'tasks_used', 'connections'] as const) {
    assert.deepEqual(nextSort({ key: 'name', dir: 'asc' }, key), { key, dir: 'desc' });
  }
});

test('sort params: key for ascending, -key for descending, unknown keys rejected', () => {
  assert.equal(sortToParam({ key: 'name', dir: 'asc' }), 'name');
  assert.equal(sortToParam({ key: 'tasks_used', dir: 'desc' }), '-tasks_used');
  for (const sort of SORTS) assert.deepEqual(sortFromParam(sortToParam(sort)), sort);
  for (const bad of ['', '-', 'apps', '--name', 'Name', '+name', 'name ']) assert.equal(sortFromParam(bad), null, bad);
});

test('equal keys are ordered by id ascending in both directions', () => {
  const list = [
    customer({ id: 5, name: 'Same', tasks_used: 3, connections: 1, created_at: '2024-01-01T00:00:00Z' }),
    customer({ id: 2, name: 'same', tasks_used: 3, connections: 1, created_at: '2024-01-01T00:00:00Z' }),
    customer({ id: 9, name: 'Sâme', tasks_used: 3, connections: 1, created_at: '2024-01-01T00:00:00Z' }),
    customer({ id: 1, name: 'Other', tasks_used: 7, connections: 0, created_at: '2023-01-01T00:00:00Z' }),
  ];
  assert.deepEqual(ids(sortCustomers(list, { key: 'name', dir: 'asc' })), [1, 2, 5, 9]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'name', dir: 'desc' })), [2, 5, 9, 1]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'tasks_used', dir: 'desc' })), [1, 2, 5, 9]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'tasks_used', dir: 'asc' })), [2, 5, 9, 1]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'connections', dir: 'desc' })), [2, 5, 9, 1]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'created_at', dir: 'asc' })), [1, 2, 5, 9]);
  assert.deepEqual(ids(sortCustomers(list, { key: 'created_at', dir: 'desc' })), [2, 5, 9, 1]);
  const index = createCustomerIndex(list);
  for (const sort of SORTS) {
    assert.deepEqual([...sortOrder(index, sort)].map((i) => list[i]!.id), ids(sortCustomers(list, sort)), sortToParam(sort));
  }
});

/** The contract spelled out plainly: ORDER BY key dir, id ASC. */
function referenceSort(list: readonly Customer[], sort: CustomerSort): number[] {
  const value = (c: Customer, key: SortKey): string | number =>
    key === 'name' ? nameSortKey(c.name) : key === 'created_at' ? new Date(c.created_at).getTime() : c[key];
  return [...list]
    .sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      if (x !== y) return (x < y ? -1 : 1) * (sort.dir === 'asc' ? 1 : -1);
      return a.id - b.id;
    })
    .map((c) => c.id);
}

test('index sort orders match the contract on generated data with many ties, ids out of order', () => {
  const rng = createRng(5);
  const generated = generateCustomers({ seed: 9, count: 1500, anchor: new Date('2025-06-01T00:00:00Z') });
  // Shuffle, and coarsen values so that ties are common.
  const list = generated
    .map((c) => ({
      ...c,
      name: rng.chance(0.3) ? rng.pick(['Acme', 'acme', 'Ácme', 'Zeta']) : c.name,
      tasks_used: c.tasks_used % 7,
      connections: c.connections % 3,
      created_at: rng.chance(0.5) ? '2024-05-05T05:05:05.000Z' : c.created_at,
    }))
    .sort(() => rng.next() - 0.5);
  const index = createCustomerIndex(list);
  for (const sort of SORTS) {
    const expected = referenceSort(list, sort);
    assert.deepEqual(ids(sortCustomers(list, sort)), expected, `sortCustomers ${sortToParam(sort)}`);
    assert.deepEqual([...sortOrder(index, sort)].map((i) => list[i]!.id), expected, `index ${sortToParam(sort)}`);
  }
});

test('sorting an empty list or one customer works', () => {
  assert.deepEqual(sortCustomers([], { key: 'name', dir: 'asc' }), []);
  const empty = createCustomerIndex([]);
  for (const sort of SORTS) assert.equal(sortOrder(empty, sort).length, 0);
  const one = createCustomerIndex([customer({ id: 3 })]);
  for (const sort of SORTS) assert.deepEqual([...sortOrder(one, sort)], [0]);
});

test('index orders stay right for ids and values too large to pack directly', () => {
  const rng = createRng(8);
  const list: Customer[] = [];
  for (let i = 0; i < 600; i++) {
    list.push(
      customer({
        id: rng.chance(0.5) ? 2 ** 40 + rng.int(0, 1e6) * 7 + i : rng.int(1, 1e6) * 1000 + i,
        name: rng.pick(['b', 'B', 'a', 'ä', 'c\u0301', 'ç', 'Ω']),
        tasks_used: rng.chance(0.3) ? 2 ** 35 + rng.int(0, 3) : rng.int(0, 3),
        connections: rng.int(0, 2),
        created_at: new Date(Date.UTC(2024, 0, 1) + rng.int(0, 5) * 1000).toISOString(),
      }),
    );
  }
  const index = createCustomerIndex(list);
  for (const sort of SORTS) {
    assert.deepEqual([...sortOrder(index, sort)].map((i) => list[i]!.id), referenceSort(list, sort), sortToParam(sort));
  }
});

test('name order is the order SQLite gives the stored name keys (BINARY collation), emoji and halfwidth forms included', async () => {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(':memory:');
  try {
    const rng = createRng(12);
    const pool = ['a', 'Z', 'é', 'ｱ', 'ア', '\uff21', '\ue000', '🚀', '😀', '𝐀', '한', '株', 'ß', 'ω', 'ı', ' ', '-', '\ufffd'];
    const list: Customer[] = [];
    for (let i = 0; i < 400; i++) {
      let name = '';
      for (let k = rng.int(1, 4); k > 0; k--) name += rng.pick(pool);
      list.push(customer({ id: rng.int(1, 1e6) * 1000 + i, name: name.trim() || 'x' }));
    }
    db.exec('CREATE TABLE c (id INTEGER PRIMARY KEY, name_key TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO c (id, name_key) VALUES (?, ?)');
    for (const c of list) insert.run(c.id, nameSortKey(c.name));
    const index = createCustomerIndex(list);
    for (const dir of ['asc', 'desc'] as const) {
      const fromSqlite = db.prepare(`SELECT id FROM c ORDER BY name_key ${dir.toUpperCase()}, id ASC`).pluck().all();
      assert.deepEqual(ids(sortCustomers(list, { key: 'name', dir })), fromSqlite, `sortCustomers ${dir}`);
      assert.deepEqual([...sortOrder(index, { key: 'name', dir })].map((i) => list[i]!.id), fromSqlite, `index ${dir}`);
    }
  } finally {
    db.close();
  }
});

test('name keys order folded names by code point', () => {
  const byCodePoint = (a: string, b: string) => {
    const x = [...foldText(a)].map((c) => c.codePointAt(0)!);
    const y = [...foldText(b)].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const names = ['ｱ', '🚀', 'a🚀', 'aｱ', 'A', '\uffff', '𝐀', 'zz', '한', ''];
  for (const a of names) {
    for (const b of names) {
      const ka = nameSortKey(a);
      const kb = nameSortKey(b);
      assert.equal(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0), Math.sign(byCodePoint(a, b)), `${a} vs ${b}`);
    }
  }
  assert.equal(nameSortKey('École'), 'ecole');
});

test('prepareSortOrders builds all eight orders, the same ones sortOrder gives on demand', () => {
  const list = generateCustomers({ seed: 4, count: 300, anchor: new Date('2025-06-01T00:00:00Z') });
  const prepared = createCustomerIndex(list);
  prepareSortOrders(prepared);
  assert.equal(prepared.orders.size, 8);
  const lazy = createCustomerIndex(list);
  for (const sort of SORTS) assert.deepEqual(prepared.orders.get(sortToParam(sort)), sortOrder(lazy, sort), sortToParam(sort));
});

test('sortValue is what each key sorts by', () => {
  const c = customer({ name: 'Émile', created_at: '2024-03-01T00:00:00.000Z', tasks_used: 12, connections: 3 });
  assert.equal(sortValue(c, 'name'), 'emile');
  assert.equal(sortValue(c, 'created_at'), Date.UTC(2024, 2, 1));
  assert.equal(sortValue(c, 'tasks_used'), 12);
  assert.equal(sortValue(c, 'connections'), 3);
});
