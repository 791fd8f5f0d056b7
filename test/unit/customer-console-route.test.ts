import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultBasePath,
  normalizeBasePath,
  parseRoute,
  routeHref,
  routePath,
  type ConsoleRoute,
} from '../../components/customer-console/route.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';

const page = (id: number | null, tab: 'dashboard' | 'collaborators' | 'settings' = 'dashboard', period: '1d' | '7d' | '30d' | '90d' = '7d'): ConsoleRoute => ({
  view: 'customer',
  id,
  tab,
  period,
});
const query = (fields: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...fields });

describe('console routes', () => {
  it('normalises a base path: leading slash, no trailing slash, the root as empty', () => {
    assert.equal(normalizeBasePath('/'), '');
    assert.equal(normalizeBasePath(''), '');
    assert.equal(normalizeBasePath('admin/customers/'), '/admin/customers');
    assert.equal(normalizeBasePath('/admin'), '/admin');
  });

  it('takes the page path as the default base, without a customer path or a file name', () => {
    assert.equal(defaultBasePath('/'), '');
    assert.equal(defaultBasePath('/admin/customers-tab'), '/admin/customers-tab');
    assert.equal(defaultBasePath('/admin/customers/4676/dashboard'), '/admin');
    assert.equal(defaultBasePath('/customers/12/collaborators'), '');
    assert.equal(defaultBasePath('/customers/12'), '');
    assert.equal(defaultBasePath('/demo/index.html'), '/demo');
    // A partner page that is itself called "customers" keeps that segment as its base.
    assert.equal(defaultBasePath('/admin/customers'), '/admin/customers');
    assert.equal(defaultBasePath('/admin/customers/customers/5/dashboard'), '/admin/customers');
  });

  it('parses the list, a customer page with its tab, and the period', () => {
    assert.deepEqual(parseRoute('/', '', ''), { view: 'list' });
    assert.deepEqual(parseRoute('/admin', '?status=trial', '/admin'), { view: 'list' });
    assert.deepEqual(parseRoute('/admin/', '', '/admin'), { view: 'list' });
    assert.deepEqual(parseRoute('/admin/customers/4676/dashboard', '', '/admin'), page(4676));
    assert.deepEqual(parseRoute('/admin/customers/4676/collaborators', '', '/admin/'), page(4676, 'collaborators'));
    assert.deepEqual(parseRoute('/customers/9/settings', '', ''), page(9, 'settings'));
    assert.deepEqual(parseRoute('/customers/9/dashboard', '?period=30d&keep=1', ''), page(9, 'dashboard', '30d'));
  });

  it('opens the dashboard for a missing or unknown tab, 7 days for an unknown period', () => {
    assert.deepEqual(parseRoute('/customers/9', '', ''), page(9));
    assert.deepEqual(parseRoute('/customers/9/', '', ''), page(9));
    assert.deepEqual(parseRoute('/customers/9/history', '', ''), page(9));
    assert.deepEqual(parseRoute('/customers/9/dashboard', '?period=2y', ''), page(9));
  });

  it('reads a segment that is no User ID as a page that does not exist', () => {
    assert.deepEqual(parseRoute('/customers/abc/dashboard', '', ''), page(null));
    assert.deepEqual(parseRoute('/customers/0/dashboard', '', ''), page(null));
    assert.deepEqual(parseRoute('/customers/12x', '', ''), page(null));
    assert.deepEqual(parseRoute('/customers/%E0%A4%A/dashboard', '', ''), page(null));
  });

  it('is the list outside the base or on a path it does not know', () => {
    assert.deepEqual(parseRoute('/elsewhere/customers/1/dashboard', '', '/admin'), { view: 'list' });
    assert.deepEqual(parseRoute('/administrator/customers/1/dashboard', '', '/admin'), { view: 'list' });
    assert.deepEqual(parseRoute('/admin/reports', '', '/admin'), { view: 'list' });
  });

  it('builds paths under the base', () => {
    assert.equal(routePath({ view: 'list' }, ''), '/');
    assert.equal(routePath({ view: 'list' }, '/admin/'), '/admin');
    assert.equal(routePath(page(4676), ''), '/customers/4676/dashboard');
    assert.equal(routePath(page(4676, 'settings'), '/admin'), '/admin/customers/4676/settings');
    // A page with a file name keeps it for the list; its customers are below its folder.
    assert.equal(routePath({ view: 'list' }, '/demo', '/demo/index.html'), '/demo/index.html');
    assert.equal(routePath(page(2), '/demo', '/demo/index.html'), '/demo/customers/2/dashboard');
  });

  it('puts the list query on the list and only the period on a customer page, keeping the page’s own parameters', () => {
    const href = 'https://partner.example/admin?tab=x&status=trial&period=30d#top';
    assert.equal(routeHref(href, { view: 'list' }, query({ q: 'acme' }), '/admin'), 'https://partner.example/admin?tab=x&q=acme#top');
    assert.equal(
      routeHref(href, page(5, 'dashboard', '90d'), query({ q: 'acme' }), '/admin'),
      'https://partner.example/admin/customers/5/dashboard?tab=x&period=90d#top',
    );
    assert.equal(routeHref(href, page(5), DEFAULT_QUERY, '/admin'), 'https://partner.example/admin/customers/5/dashboard?tab=x#top');
    // The period is the dashboard's: other tabs leave it out.
    assert.equal(routeHref(href, page(5, 'collaborators', '90d'), DEFAULT_QUERY, '/admin'), 'https://partner.example/admin/customers/5/collaborators?tab=x#top');
  });

  it('round-trips every customer route through its href', () => {
    for (const route of [page(1), page(77, 'collaborators'), page(3, 'settings'), page(12, 'dashboard', '1d'), page(12, 'dashboard', '90d')]) {
      const url = new URL(routeHref('https://x.example/base/?keep=1', route, DEFAULT_QUERY, '/base'));
      const expected = route.view === 'customer' && route.tab !== 'dashboard' ? { ...route, period: '7d' } : route;
      assert.deepEqual(parseRoute(url.pathname, url.search, '/base'), expected);
    }
  });
});
