/**
 * historyPageParams (src/model/history.ts): the paging of `GET /customers/:id/history` as both
 * backends validate it, from MemoryBackend's numbers and from the server's query string.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { historyPageParams, MAX_PER_PAGE } from '../../src/model/index.js';

const query = (text: string) => historyPageParams(new URLSearchParams(text));
const fieldsOf = (result: ReturnType<typeof historyPageParams>) => (result.ok ? [] : Object.keys(result.problem.errors ?? {}).sort());

describe('historyPageParams', () => {
  it('defaults to page 1 of 20, from numbers or from a query string; an empty value is absent', () => {
    for (const result of [historyPageParams({}), query(''), query('page=&per_page='), query('other=3')]) {
      assert.deepEqual(result, { ok: true, value: { page: 1, per_page: 20 } });
    }
    assert.deepEqual(historyPageParams({ page: 3, per_page: MAX_PER_PAGE }), { ok: true, value: { page: 3, per_page: 200 } });
    assert.deepEqual(query('page=3&per_page=200'), { ok: true, value: { page: 3, per_page: 200 } });
  });

  it('refuses anything but a positive whole number in plain decimal, per_page at most 200, with a 422 naming each', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53, '2', null]) assert.deepEqual(fieldsOf(historyPageParams({ page: bad })), ['page'], String(bad));
    for (const bad of ['0', '-1', '01', '1e1', '1.0', ' 1', '0x1', 'two', '99999999999999999999']) assert.deepEqual(fieldsOf(query(`page=${encodeURIComponent(bad)}`)), ['page'], bad);
    assert.deepEqual(fieldsOf(query('page=1&page=2')), ['page']);
    assert.deepEqual(fieldsOf(query('per_page=201')), ['per_page']);
    const both = historyPageParams({ page: 0, per_page: 0 });
    assert.ok(!both.ok);
    assert.equal(both.problem.status, 422);
    assert.equal(both.problem.detail, 'The history parameters are not valid.');
    assert.deepEqual(both.problem.errors, { page: ['must be a whole number from 1'], per_page: ['must be a whole number from 1 to 200'] });
  });
});
