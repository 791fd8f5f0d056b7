import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasActiveFilters, withoutFilters } from '../../src/query/filters.js';
import { countsListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const FILTERED: CustomerQuery = {
  ...DEFAULT_QUERY,
  q: ' acme ',
  plans: ['growth', 'free'],
  status: 'trial',
  app: 'ledgerly',
  joined: { preset: '7d' },
  sort: { key: 'tasks_used', dir: 'desc' },
  page: 4,
};

describe('hasActiveFilters / withoutFilters', () => {
  it('counts search, plans, status, app and date joined as filters, not blank search, sort or page', () => {
    assert.equal(hasActiveFilters(DEFAULT_QUERY), false);
    assert.equal(hasActiveFilters({ ...DEFAULT_QUERY, q: '   ', sort: { key: 'name', dir: 'asc' }, page: 3 }), false);
    for (const change of [{ q: 'a' }, { plans: ['growth'] }, { status: 'trial' }, { app: 'slack' }, { joined: { preset: '7d' } }] as const) {
      assert.equal(hasActiveFilters({ ...DEFAULT_QUERY, ...change } as CustomerQuery), true, JSON.stringify(change));
    }
  });

  it('turns every filter off and goes back to page 1, keeping the sort', () => {
    const cleared = withoutFilters(FILTERED);
    assert.equal(hasActiveFilters(cleared), false);
    assert.deepEqual(cleared, { ...DEFAULT_QUERY, sort: FILTERED.sort, page: 1 });
  });
});

describe('countsListParams', () => {
  it('asks for one row of the query without its status, sort or page', () => {
    assert.deepEqual(countsListParams(FILTERED, NOW), {
      q: 'acme',
      plan: ['growth', 'free'],
      app: 'ledgerly',
      joined_from: '2026-11-20',
      joined_to: '2026-11-27',
      page: 1,
      per_page: 1,
    });
  });
});
