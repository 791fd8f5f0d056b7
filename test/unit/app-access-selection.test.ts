// The app-access editor's pure helpers: search over the catalogue, the draft as an AppAccess, the change it makes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessChange,
  draftAccess,
  foldedNames,
  isChange,
  matchingIndexes,
  sameAccess,
  selectedIds,
} from '../../components/app-access-editor/app-selection.js';
import type { App } from '../../src/model/schemas.js';

const APPS: App[] = [
  { id: 'huddle', name: 'Huddle Chat', icon: null },
  { id: 'crm', name: 'Pipeline CRM', icon: null },
  { id: 'ledger', name: 'Ledgerly', icon: null },
  { id: 'cafe', name: 'Café Réservations', icon: null },
];
const names = (apps: App[]) => apps.map((a) => a.name);

describe('matchingIndexes', () => {
  const folded = foldedNames(APPS);
  it('shows every app for blank text, in catalogue order', () => {
    assert.deepEqual(matchingIndexes(folded, '  '), [0, 1, 2, 3]);
  });
  it('matches anywhere in the name, ignoring case and accents', () => {
    assert.deepEqual(matchingIndexes(folded, 'CAFE'), [3]);
    assert.deepEqual(matchingIndexes(folded, 'réserv'), [3]);
    assert.deepEqual(matchingIndexes(folded, 'l'), [0, 1, 2]);
    assert.deepEqual(matchingIndexes(folded, 'led'), [2]);
    assert.deepEqual(matchingIndexes(folded, 'zzz'), []);
  });
});

describe('the draft', () => {
  it('selectedIds keeps only apps still in the catalogue; none for all apps', () => {
    assert.deepEqual([...selectedIds({ mode: 'selected', app_ids: ['ledger', 'gone', 'huddle'] }, APPS)], ['ledger', 'huddle']);
    assert.equal(selectedIds({ mode: 'all' }, APPS).size, 0);
  });
  it('draftAccess sends the selection in catalogue order', () => {
    assert.deepEqual(draftAccess('selected', new Set(['cafe', 'huddle']), APPS), { mode: 'selected', app_ids: ['huddle', 'cafe'] });
    assert.deepEqual(draftAccess('all', new Set(['cafe']), APPS), { mode: 'all' });
  });
  it('sameAccess ignores the order of ids, and all is never a selection', () => {
    assert.equal(sameAccess({ mode: 'selected', app_ids: ['a', 'b'] }, { mode: 'selected', app_ids: ['b', 'a'] }), true);
    assert.equal(sameAccess({ mode: 'selected', app_ids: ['a', 'b'] }, { mode: 'selected', app_ids: ['a'] }), false);
    assert.equal(sameAccess({ mode: 'selected', app_ids: ['a', 'a'] }, { mode: 'selected', app_ids: ['a', 'b'] }), false);
    assert.equal(sameAccess({ mode: 'all' }, { mode: 'all' }), true);
    assert.equal(sameAccess({ mode: 'all' }, { mode: 'selected', app_ids: ['huddle', 'crm', 'ledger', 'cafe'] }), false);
  });
});

describe('accessChange', () => {
  it('names the apps added and removed between two selections', () => {
    const change = accessChange({ mode: 'selected', app_ids: ['huddle', 'crm'] }, { mode: 'selected', app_ids: ['crm', 'ledger', 'cafe'] }, APPS);
    assert.deepEqual(names(change.added), ['Ledgerly', 'Café Réservations']);
    assert.deepEqual(names(change.removed), ['Huddle Chat']);
    assert.equal(isChange(change), true);
  });
  it('counts all apps as the whole catalogue, both ways', () => {
    const restrict = accessChange({ mode: 'all' }, { mode: 'selected', app_ids: ['ledger'] }, APPS);
    assert.deepEqual([restrict.from, restrict.to], ['all', 'selected']);
    assert.deepEqual(names(restrict.added), []);
    assert.deepEqual(names(restrict.removed), ['Huddle Chat', 'Pipeline CRM', 'Café Réservations']);
    const restore = accessChange({ mode: 'selected', app_ids: ['ledger'] }, { mode: 'all' }, APPS);
    assert.deepEqual(names(restore.added), ['Huddle Chat', 'Pipeline CRM', 'Café Réservations']);
  });
  it('a mode switch is a change even when the same apps stay (later additions differ); the same access is none', () => {
    assert.equal(isChange(accessChange({ mode: 'all' }, { mode: 'selected', app_ids: APPS.map((a) => a.id) }, APPS)), true);
    assert.equal(isChange(accessChange({ mode: 'selected', app_ids: ['crm'] }, { mode: 'selected', app_ids: ['crm'] }, APPS)), false);
    assert.equal(isChange(accessChange({ mode: 'all' }, { mode: 'all' }, APPS)), false);
  });
});
