import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_QUERY, queryFromSearchParams, queryToSearchParams, type CustomerQuery } from '../../src/query/index.js';
import { createRng, randomQuery } from './query-fixtures.js';

const query = (fields: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...fields });
const read = (search: string) => queryFromSearchParams(new URLSearchParams(search));

test('the default query writes no parameters and reads back from none', () => {
  assert.equal(queryToSearchParams(DEFAULT_QUERY).toString(), '');
  assert.deepEqual(read(''), { query: DEFAULT_QUERY, problems: [] });
});

test('only fields that differ from the default are written', () => {
  assert.equal(
    queryToSearchParams(query({ q: 'café & co', plans: ['starter', 'growth'], status: 'trial', app: 'slack', sort: { key: 'name', dir: 'asc' }, page: 3 })).toString(),
    'q=caf%C3%A9+%26+co&plan=starter&plan=growth&status=trial&app=slack&sort=name&page=3',
  );
  assert.equal(queryToSearchParams(query({ joined: { preset: '30d' } })).toString(), 'joined=30d');
  assert.equal(queryToSearchParams(query({ joined: { from: '2024-01-01', to: '2024-02-01' } })).toString(), 'joined_from=2024-01-01&joined_to=2024-02-01');
  assert.equal(queryToSearchParams(query({ joined: { from: null, to: '2024-02-01' } })).toString(), 'joined_to=2024-02-01');
  assert.equal(queryToSearchParams(query({ joined: { from: null, to: null } })).toString(), 'joined=custom');
  assert.equal(queryToSearchParams(query({ sort: { key: 'created_at', dir: 'asc' } })).toString(), 'sort=created_at');
});

test('a few hundred random valid queries survive the round trip through URL text', () => {
  const rng = createRng(2024);
  for (let i = 0; i < 400; i++) {
    const original = randomQuery(rng);
    const text = queryToSearchParams(original).toString();
    const back = queryFromSearchParams(new URLSearchParams(text));
    assert.deepEqual(back, { query: original, problems: [] }, text);
  }
});

test('garbage falls back to the default for that field and is reported, never thrown', () => {
  const cases: Array<[string, Partial<CustomerQuery>, RegExp]> = [
    ['sort=apps', {}, /sort "apps"/i],
    ['page=-3', {}, /page "-3"/i],
    ['page=0', {}, /page "0"/i],
    ['page=two', {}, /page "two"/i],
    ['page=1e3', {}, /page "1e3"/i],
    ['status=nope', {}, /status "nope"/i],
    ['joined_from=2024-13-45', {}, /2024-13-45/],
    ['joined=decade', {}, /decade/],
    ['plan=%20spaced', {}, /plan " spaced"/i],
    [`plan=${'p'.repeat(65)}`, {}, /not a plan id/],
    ['app=%20', {}, /app " "/i],
    [`q=${'x'.repeat(201)}`, {}, /longer than 200/],
  ];
  for (const [search, expected, message] of cases) {
    const { query: got, problems } = read(search);
    assert.deepEqual(got, query(expected), search);
    assert.equal(problems.length, 1, search);
    assert.match(problems[0]!, message, search);
  }
});

test('good fields survive next to bad ones', () => {
  const { query: got, problems } = read('q=acme&sort=bogus&plan=starter&plan=%20bad&page=-1&status=trial&joined_from=2024-02-30&joined_to=2024-03-10');
  assert.deepEqual(got, query({ q: 'acme', plans: ['starter'], status: 'trial', joined: { from: null, to: '2024-03-10' } }));
  assert.equal(problems.length, 4);
});

test('a reversed custom range is dropped; a preset wins over dates given with it', () => {
  const reversed = read('joined_from=2024-03-10&joined_to=2024-03-01');
  assert.equal(reversed.query.joined, null);
  assert.match(reversed.problems.join(' '), /after/);
  const both = read('joined=7d&joined_from=2024-03-01');
  assert.deepEqual(both.query.joined, { preset: '7d' });
  assert.equal(both.problems.length, 1);
  assert.deepEqual(read('joined=custom&joined_from=2024-03-01').query.joined, { from: '2024-03-01', to: null });
  assert.deepEqual(read('status=all'), { query: DEFAULT_QUERY, problems: [] });
  assert.deepEqual(read('q=&plan=&status=&app=&joined=&sort=&page='), { query: DEFAULT_QUERY, problems: [] });
});

test('more than 50 plans keeps the first 50 and says so', () => {
  const params = new URLSearchParams();
  for (let i = 0; i < 53; i++) params.append('plan', `p${i}`);
  const { query: got, problems } = queryFromSearchParams(params);
  assert.equal(got.plans.length, 50);
  assert.equal(got.plans[49], 'p49');
  assert.equal(problems.length, 3);
});

test('random junk never throws and always yields a usable query', () => {
  const rng = createRng(4);
  const names = ['q', 'plan', 'status', 'app', 'joined', 'joined_from', 'joined_to', 'sort', 'page', 'x'];
  const values = ['', ' ', '-', '0', '-1', '1', '2024-02-29', '2024-02-30', 'name', '-name', 'all', 'trial', '7d', 'custom', '%', '\u0000', 'é', 'x'.repeat(300)];
  for (let i = 0; i < 500; i++) {
    const params = new URLSearchParams();
    for (let k = rng.int(0, 6); k > 0; k--) params.append(rng.pick(names), rng.pick(values));
    const { query: got } = queryFromSearchParams(params);
    assert.ok(Number.isSafeInteger(got.page) && got.page >= 1);
    assert.ok(got.q.length <= 200);
    assert.ok(['all', 'active', 'trial', 'expired'].includes(got.status));
    // Whatever was read writes back and reads again without problems.
    assert.deepEqual(queryFromSearchParams(queryToSearchParams(got)), { query: got, problems: [] }, params.toString());
  }
});
