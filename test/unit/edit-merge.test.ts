import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allConflictsChosen, mergeEdits, resolveEdits, sameEditValue } from '../../src/model/edit-merge.js';

const FIELDS = ['name', 'external_id', 'origins'] as const;
type Field = (typeof FIELDS)[number];
const base = { name: 'Acme', external_id: 'ACME-1', origins: ['https://a.example'] } as Record<Field, string | null | string[]>;

describe('mergeEdits (base, mine, theirs)', () => {
  it('re-applies an edit the other admin did not touch, and lists what they changed', () => {
    const merge = mergeEdits(FIELDS, base, { external_id: 'ACME-2' }, { ...base, name: 'Acme Ltd' });
    assert.deepEqual(merge.patch, { external_id: 'ACME-2' });
    assert.deepEqual(merge.conflicts, []);
    assert.deepEqual(merge.theirChanges, [{ field: 'name', from: 'Acme', to: 'Acme Ltd' }]);
  });

  it('makes a field both changed differently a conflict with all three values, never a patch entry', () => {
    const merge = mergeEdits(FIELDS, base, { external_id: 'MINE' }, { ...base, external_id: 'THEIRS' });
    assert.deepEqual(merge.patch, {});
    assert.deepEqual(merge.conflicts, [{ field: 'external_id', base: 'ACME-1', mine: 'MINE', theirs: 'THEIRS' }]);
  });

  it('needs nothing for a field both changed to the same value (lists compared entry by entry)', () => {
    const merge = mergeEdits(FIELDS, base, { origins: ['https://b.example'] }, { ...base, origins: ['https://b.example'] });
    assert.deepEqual(merge.same, ['origins']);
    assert.deepEqual(merge.patch, {});
    assert.deepEqual(merge.conflicts, []);
  });

  it('ignores a "mine" equal to base (no edit), and treats null (removal) as a value', () => {
    const merge = mergeEdits(FIELDS, base, { name: 'Acme', external_id: null }, { ...base, name: 'Other' });
    assert.deepEqual(merge.patch, { external_id: null });
    assert.deepEqual(merge.conflicts, []);
  });

  it('accounts for every edited field: in the patch, same, or a conflict', () => {
    const mine = { name: 'N', external_id: 'E', origins: [] as string[] };
    const theirs = { name: 'N', external_id: 'X', origins: base.origins as string[] };
    const merge = mergeEdits(FIELDS, base, mine, theirs);
    const accounted = [...Object.keys(merge.patch), ...merge.same, ...merge.conflicts.map((c) => c.field)].sort();
    assert.deepEqual(accounted, ['external_id', 'name', 'origins']);
  });
});

describe('resolveEdits', () => {
  const merge = mergeEdits(FIELDS, base, { name: 'Mine', external_id: 'MINE' }, { ...base, external_id: 'THEIRS' });

  it('keeps mine where chosen, drops the field where theirs is taken, and keeps the re-applied ones', () => {
    assert.deepEqual(resolveEdits(merge, { external_id: 'mine' }), { name: 'Mine', external_id: 'MINE' });
    assert.deepEqual(resolveEdits(merge, { external_id: 'theirs' }), { name: 'Mine' });
  });

  it('refuses an unanswered conflict rather than guessing', () => {
    assert.equal(allConflictsChosen(merge, {}), false);
    assert.throws(() => resolveEdits(merge, {}), /external_id/);
    assert.equal(allConflictsChosen(merge, { external_id: 'theirs' }), true);
  });
});

describe('sameEditValue', () => {
  it('compares text, null and lists in order', () => {
    assert.equal(sameEditValue(['a', 'b'], ['a', 'b']), true);
    assert.equal(sameEditValue(['a', 'b'], ['b', 'a']), false);
    assert.equal(sameEditValue(null, ''), false);
    assert.equal(sameEditValue('x', 'x'), true);
  });
});
