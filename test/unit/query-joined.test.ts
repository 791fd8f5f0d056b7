import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantMs, isIsoDate, isJoinedPreset, isoDateToDay, resolveJoinedRange, utcDate } from '../../src/query/index.js';

const at = (iso: string) => new Date(iso);

test('no range resolves to no dates; a custom range passes through with open ends left out', () => {
  const now = at('2024-06-15T12:00:00Z');
  assert.deepEqual(resolveJoinedRange(null, now), {});
  assert.deepEqual(resolveJoinedRange({ from: '2024-01-01', to: '2024-02-01' }, now), { from: '2024-01-01', to: '2024-02-01' });
  assert.deepEqual(resolveJoinedRange({ from: '2024-01-01', to: null }, now), { from: '2024-01-01' });
  assert.deepEqual(resolveJoinedRange({ from: null, to: '2024-02-01' }, now), { to: '2024-02-01' });
  assert.deepEqual(resolveJoinedRange({ from: null, to: null }, now), {});
});

test('presets on the first day of a leap-year March', () => {
  const now = at('2024-03-01T00:00:00Z');
  assert.deepEqual(resolveJoinedRange({ preset: '7d' }, now), { from: '2024-02-23', to: '2024-03-01' });
  assert.deepEqual(resolveJoinedRange({ preset: '30d' }, now), { from: '2024-01-31', to: '2024-03-01' });
  assert.deepEqual(resolveJoinedRange({ preset: '90d' }, now), { from: '2023-12-02', to: '2024-03-01' });
  assert.deepEqual(resolveJoinedRange({ preset: 'year' }, now), { from: '2024-01-01', to: '2024-03-01' });
});

test('presets on the first and last instants of a year', () => {
  const newYear = at('2025-01-01T00:00:00.000Z');
  assert.deepEqual(resolveJoinedRange({ preset: '7d' }, newYear), { from: '2024-12-25', to: '2025-01-01' });
  assert.deepEqual(resolveJoinedRange({ preset: '30d' }, newYear), { from: '2024-12-02', to: '2025-01-01' });
  assert.deepEqual(resolveJoinedRange({ preset: 'year' }, newYear), { from: '2025-01-01', to: '2025-01-01' });
  const newYearsEve = at('2024-12-31T23:59:59.999Z');
  assert.deepEqual(resolveJoinedRange({ preset: 'year' }, newYearsEve), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(resolveJoinedRange({ preset: '90d' }, newYearsEve), { from: '2024-10-02', to: '2024-12-31' });
});

test('presets across a month end and in a non-leap February', () => {
  const now = at('2023-03-31T18:00:00Z');
  assert.deepEqual(resolveJoinedRange({ preset: '30d' }, now), { from: '2023-03-01', to: '2023-03-31' });
  assert.deepEqual(resolveJoinedRange({ preset: '7d' }, at('2023-03-03T01:00:00Z')), { from: '2023-02-24', to: '2023-03-03' });
});

test('today is the UTC date, whatever offset the clock was written in', () => {
  // 23:30 on June 30 at UTC-2 is already July 1 in UTC.
  const now = at('2024-06-30T23:30:00-02:00');
  assert.deepEqual(resolveJoinedRange({ preset: '7d' }, now), { from: '2024-06-24', to: '2024-07-01' });
  assert.deepEqual(resolveJoinedRange({ preset: 'year' }, at('2025-01-01T00:30:00+01:00')), { from: '2024-01-01', to: '2024-12-31' });
});

test('isIsoDate accepts only real YYYY-MM-DD dates', () => {
  for (const good of ['2024-02-29', '2023-12-31', '1970-01-01', '0001-01-01', '9999-12-31']) assert.ok(isIsoDate(good), good);
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024/01/01', '', 'today']) {
    assert.ok(!isIsoDate(bad), bad);
  }
  assert.equal(isoDateToDay('1970-01-02'), 1);
  assert.equal(isoDateToDay('1969-12-31'), -1);
});

test('instantMs reads ISO instants exactly like Date.parse', () => {
  const samples = [
    '2024-03-01T12:00:00.000Z', '2024-03-01T12:00:00Z', '1970-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z',
    '2023-02-29T00:00:00.000Z', '2024-02-30T00:00:00Z', '2024-13-01T00:00:00.000Z', '2024-01-01T24:00:00.000Z',
    '2024-01-01T23:60:00.000Z', '2024-01-01T12:00:00+02:00', '2024-01-01T12:00:00.5Z', '0050-06-01T00:00:00.000Z',
    '2024-01-01 12:00:00Z', 'x024-01-01T12:00:00.000Z', '2024-01-01T12:00:00.00xZ', '', 'garbage',
  ];
  for (let i = 0; i < 500; i++) samples.push(new Date(Date.UTC(1990, 0, 1) + i * 987_654_321_7).toISOString());
  for (const s of samples) assert.ok(Object.is(instantMs(s), Date.parse(s)), s);
});

test('utcDate and isJoinedPreset', () => {
  assert.equal(utcDate(new Date('2024-06-30T23:30:00-02:00')), '2024-07-01');
  assert.equal(utcDate(Date.UTC(2024, 1, 29, 23, 59, 59, 999)), '2024-02-29');
  for (const preset of ['7d', '30d', '90d', 'year']) assert.ok(isJoinedPreset(preset), preset);
  for (const bad of ['', '1d', '365d', 'YEAR', 'custom']) assert.ok(!isJoinedPreset(bad), bad);
});
