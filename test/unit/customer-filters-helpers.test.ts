import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchingApps } from '../../components/customer-filters/app-options.js';
import { validateCustomRange } from '../../components/customer-filters/custom-range.js';
import { CHIP_DATE_FORMAT, filterChips, joinedLabel } from '../../components/customer-filters/filter-chips.js';
import { DEFAULT_FILTER_STRINGS as S } from '../../components/customer-filters/filter-strings.js';
import { hasActiveFilters, withoutFilters } from '../../src/query/filters.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';

const ENGLISH = new Intl.DateTimeFormat('en-US', CHIP_DATE_FORMAT);
const GERMAN = new Intl.DateTimeFormat('de', CHIP_DATE_FORMAT);

const date = (value: string, incomplete = false) => ({ value, incomplete });

describe('validateCustomRange', () => {
  it('accepts one open end or both ends in order', () => {
    assert.deepEqual(validateCustomRange(date('2026-01-01'), date(''), S), { ok: true, range: { from: '2026-01-01', to: null } });
    assert.deepEqual(validateCustomRange(date(''), date('2026-01-01'), S), { ok: true, range: { from: null, to: '2026-01-01' } });
    assert.deepEqual(validateCustomRange(date('2026-01-01'), date('2026-01-01'), S), {
      ok: true,
      range: { from: '2026-01-01', to: '2026-01-01' },
    });
  });

  it('puts each message next to the field it is about', () => {
    assert.deepEqual(validateCustomRange(date(''), date(''), S), { ok: false, errors: { from: S.rangeEmpty } });
    assert.deepEqual(validateCustomRange(date('2026-02-02'), date('2026-02-01'), S), { ok: false, errors: { to: S.rangeReversed } });
    assert.deepEqual(validateCustomRange(date('', true), date('2026-02-01'), S), { ok: false, errors: { from: S.dateIncomplete } });
    assert.deepEqual(validateCustomRange(date('2026-02-30'), date(''), S), { ok: false, errors: { from: S.dateIncomplete } });
  });
});

describe('filterChips', () => {
  const query: CustomerQuery = {
    ...DEFAULT_QUERY,
    q: '  acme ',
    plans: ['pro', 'gone'],
    app: 'slack',
    joined: { from: null, to: '2026-03-01' },
    sort: { key: 'name', dir: 'asc' },
  };
  const chips = filterChips(query, [{ id: 'pro', name: 'Pro', task_limit: 1, connection_limit: 1 }], [{ id: 'slack', name: 'Slack', icon: null }], S, ENGLISH);

  it('labels each active filter, with names where known and ids otherwise', () => {
    assert.deepEqual(
      chips.map((c) => c.key),
      ['q', 'plan:pro', 'plan:gone', 'app', 'joined'],
    );
    assert.equal(chips[0]!.label, 'Search: “acme”');
    assert.equal(chips[1]!.label, 'Plan: Pro');
    assert.equal(chips[2]!.label, 'Plan: gone');
    assert.equal(chips[3]!.label, 'App: Slack');
    assert.match(chips[4]!.label, /^Joined: until /);
    assert.equal(chips[4]!.label, 'Joined: until Mar 1, 2026');
  });

  it('writes dates with the formatter it is given', () => {
    const german = filterChips(query, [], [], S, GERMAN);
    assert.equal(german.at(-1)!.label, 'Joined: until 01.03.2026');
    assert.equal(joinedLabel({ from: '2026-01-01', to: '2026-01-31' }, S, ENGLISH), 'Jan 1, 2026 – Jan 31, 2026');
    assert.equal(joinedLabel({ from: '2026-01-01', to: null }, S, GERMAN), 'from 01.01.2026');
    assert.equal(joinedLabel({ preset: '30d' }, S, GERMAN), 'Last 30 days');
  });

  it('removes only its own filter', () => {
    assert.deepEqual(chips[1]!.without(query).plans, ['gone']);
    assert.equal(chips[3]!.without(query).app, null);
    assert.equal(chips[4]!.without(query).joined, null);
  });

  it('clears every filter but keeps the sort', () => {
    const cleared = withoutFilters({ ...query, page: 7 });
    assert.equal(hasActiveFilters(cleared), false);
    assert.deepEqual(cleared, { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } });
  });
});

describe('matchingApps', () => {
  const apps = [
    { id: 'cafe', name: 'Café Réservations', icon: null },
    { id: 'crm', name: 'Pipeline CRM', icon: null },
  ];
  it('matches ignoring case and accents', () => {
    assert.deepEqual(matchingApps(apps, 'CAFE').map((a) => a.id), ['cafe']);
    assert.deepEqual(matchingApps(apps, 'réserv').map((a) => a.id), ['cafe']);
    assert.deepEqual(matchingApps(apps, '  ').map((a) => a.id), ['cafe', 'crm']);
  });
});
