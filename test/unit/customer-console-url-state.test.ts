import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { historyModeFor, queryFromUrl, urlHasQuery, urlWithQuery } from '../../components/customer-console/url-state.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';

const query = (fields: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...fields });

describe('console URL state', () => {
  it('replaces only the query parameters, keeping the page’s own and the hash', () => {
    const href = 'https://partner.example/admin?tab=customers&q=old&plan=a&plan=b#top';
    const next = urlWithQuery(href, query({ q: 'new', status: 'trial' }));
    assert.equal(next, 'https://partner.example/admin?tab=customers&q=new&status=trial#top');
  });

  it('drops every query parameter for the default query', () => {
    assert.equal(
      urlWithQuery('https://x.example/?joined=7d&sort=name&page=3&keep=1', DEFAULT_QUERY),
      'https://x.example/?keep=1',
    );
  });

  it('round-trips a query through the URL', () => {
    const original = query({
      q: 'Société <b>',
      plans: ['growth', 'starter'],
      status: 'expired',
      app: 'huddle-chat',
      joined: { from: '2026-01-01', to: null },
      sort: { key: 'tasks_used', dir: 'asc' },
    });
    const url = new URL(urlWithQuery('https://x.example/list', original));
    assert.equal(urlHasQuery(url.search), true);
    assert.deepEqual(queryFromUrl(url.search), { query: original, problems: [] });
  });

  it('knows a URL without query parameters', () => {
    assert.equal(urlHasQuery('?tab=customers'), false);
    assert.equal(urlHasQuery('?joined_to=2026-01-01'), true);
  });

  it('replaces the history entry while only the search text changes, pushes otherwise', () => {
    assert.equal(historyModeFor(query({ q: 'ac' }), query({ q: 'acm' })), 'replace');
    assert.equal(historyModeFor(query({ q: 'ac', page: 4 }), query({ q: 'acm', page: 1 })), 'replace');
    assert.equal(historyModeFor(query({ q: 'ac' }), query({ q: 'ac', status: 'trial' })), 'push');
    assert.equal(historyModeFor(query({ q: 'ac' }), query({ q: 'acm', status: 'trial' })), 'push');
    assert.equal(historyModeFor(query({}), query({ sort: { key: 'name', dir: 'asc' } })), 'push');
  });
});
