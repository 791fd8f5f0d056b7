import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_QUERY, parseListParams, queryToListParams, type CustomerListParams } from '../../src/query/index.js';
import { createRng, randomQuery } from './query-fixtures.js';

const now = new Date('2024-03-01T10:00:00Z');

function errorsOf(input: URLSearchParams | CustomerListParams) {
  const result = parseListParams(input);
  assert.equal(result.success, false, `expected ${String(input)} to be rejected`);
  return result.success ? {} : result.errors;
}

test('queryToListParams: the default query sends only sort, page and per_page', () => {
  assert.deepEqual(queryToListParams(DEFAULT_QUERY, now, 50), { sort: '-created_at', page: 1, per_page: 50 });
});

test('queryToListParams: every field, presets resolved, status all and blank search left out', () => {
  assert.deepEqual(
    queryToListParams(
      { q: '  café ', plans: ['starter', 'growth'], status: 'trial', app: 'slack', joined: { preset: '30d' }, sort: { key: 'name', dir: 'asc' }, page: 3 },
      now,
      100,
    ),
    { q: 'café', plan: ['starter', 'growth'], status: 'trial', app: 'slack', joined_from: '2024-01-31', joined_to: '2024-03-01', sort: 'name', page: 3, per_page: 100 },
  );
  assert.deepEqual(
    queryToListParams({ ...DEFAULT_QUERY, q: '   ', status: 'all', joined: { from: null, to: '2024-02-01' }, sort: { key: 'tasks_used', dir: 'desc' } }, now, 50),
    { joined_to: '2024-02-01', sort: '-tasks_used', page: 1, per_page: 50 },
  );
});

test('parseListParams fills defaults and reads repeated plans from a URL', () => {
  assert.deepEqual(parseListParams(new URLSearchParams()), { success: true, data: { sort: '-created_at', page: 1, per_page: 50 } });
  assert.deepEqual(
    parseListParams(new URLSearchParams('q=acme&plan=starter&plan=growth&status=active&app=slack&joined_from=2024-01-01&joined_to=2024-01-31&sort=name&page=2&per_page=200&utm_source=x')),
    {
      success: true,
      data: { q: 'acme', plan: ['starter', 'growth'], status: 'active', app: 'slack', joined_from: '2024-01-01', joined_to: '2024-01-31', sort: 'name', page: 2, per_page: 200 },
    },
  );
});

test('parseListParams: empty values are absent, status=all is no filter, same-day range is fine', () => {
  assert.deepEqual(parseListParams(new URLSearchParams('q=&status=&app=&sort=&page=&per_page=&plan=')), {
    success: true,
    data: { sort: '-created_at', page: 1, per_page: 50 },
  });
  assert.deepEqual(parseListParams({ status: 'all' as never }), { success: true, data: { sort: '-created_at', page: 1, per_page: 50 } });
  const sameDay = parseListParams({ joined_from: '2024-02-29', joined_to: '2024-02-29' });
  assert.ok(sameDay.success);
});

test('parseListParams rejects each bad field with a message on that field', () => {
  const cases: Array<[string, string]> = [
    ['sort=apps', 'sort'],
    ['sort=--name', 'sort'],
    ['page=0', 'page'],
    ['page=-3', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=99999999999999999999', 'page'],
    ['per_page=0', 'per_page'],
    ['per_page=201', 'per_page'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['status=nope', 'status'],
    ['status=Active', 'status'],
    ['joined_from=2024-13-45', 'joined_from'],
    ['joined_to=2023-02-29', 'joined_to'],
    ['joined_from=yesterday', 'joined_from'],
    ['joined_from=2024-03-02&joined_to=2024-03-01', 'joined_to'],
    ['plan=%20starter', 'plan'],
    [`plan=${'p'.repeat(65)}`, 'plan'],
    ['app=%20', 'app'],
    [`app=${'a'.repeat(65)}`, 'app'],
    ['status=trial&status=active', 'status'],
  ];
  for (const [query, field] of cases) {
    const errors = errorsOf(new URLSearchParams(query));
    assert.deepEqual(Object.keys(errors), [field], query);
    assert.ok(errors[field]!.length > 0 && errors[field]!.every((m) => m.length > 0), query);
  }
  const many = new URLSearchParams();
  for (let i = 0; i < 51; i++) many.append('plan', `p${i}`);
  assert.deepEqual(Object.keys(errorsOf(many)), ['plan']);
  many.delete('plan');
  for (let i = 0; i < 50; i++) many.append('plan', `p${i}`);
  assert.ok(parseListParams(many).success);
  assert.ok(parseListParams(new URLSearchParams(`q=${'x'.repeat(200)}&per_page=1`)).success);
});

test('parseListParams reports every bad field at once', () => {
  const errors = errorsOf(new URLSearchParams('sort=x&page=0&per_page=500&status=nope'));
  assert.deepEqual(Object.keys(errors).sort(), ['page', 'per_page', 'sort', 'status']);
});

test('parseListParams never throws on objects of the wrong shape', () => {
  const weird = [
    { page: 0 },
    { page: 2.5 },
    { page: Number.NaN },
    { per_page: 1e9 },
    { q: 42 },
    { q: ['a', 'b'] },
    { q: { toString: 1 } },
    { plan: 'starter' },
    { plan: [1, 2] },
    { plan: {} },
    { status: null },
    { sort: 5 },
  ] as unknown as CustomerListParams[];
  for (const input of weird) assert.doesNotThrow(() => parseListParams(input), JSON.stringify(input));
  assert.deepEqual(Object.keys(errorsOf({ page: 0 })), ['page']);
  assert.deepEqual(Object.keys(errorsOf({ page: 2.5 })), ['page']);
  assert.deepEqual(Object.keys(errorsOf({ plan: [1, 2] } as never)), ['plan']);
  assert.deepEqual(Object.keys(errorsOf({ q: ['a', 'b'] } as never)), ['q']);
  const single = parseListParams({ plan: 'starter' } as never);
  assert.ok(single.success && single.data.plan?.[0] === 'starter');
});

test('whatever the client sends for a valid query, the server accepts unchanged', () => {
  const rng = createRng(21);
  for (let i = 0; i < 300; i++) {
    const query = randomQuery(rng);
    const params = queryToListParams(query, now, 1 + (i % 200));
    const fromObject = parseListParams(params);
    assert.ok(fromObject.success, JSON.stringify(params));
    assert.deepEqual(fromObject.data, params);
    // And through a real URL, as HttpBackend sends it.
    const url = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) url.append(key, String(v));
    }
    const fromUrl = parseListParams(new URLSearchParams(url.toString()));
    assert.ok(fromUrl.success, url.toString());
    assert.deepEqual(fromUrl.data, params);
  }
});
