import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barSlots, labelledIndices, niceTicks, stackedBar } from '../../components/customer-dashboard/chart-geometry.js';
import { isInProgress, jobRates } from '../../components/customer-dashboard/dashboard-figures.js';

describe('niceTicks', () => {
  it('steps in 1, 2 or 5 × 10ⁿ from 0 to at least the largest value', () => {
    assert.deepEqual(niceTicks(100), [0, 50, 100]);
    assert.deepEqual(niceTicks(130), [0, 50, 100, 150]);
    assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(1_234_567), [0, 500_000, 1_000_000, 1_500_000]);
    assert.deepEqual(niceTicks(36, 4), [0, 10, 20, 30, 40]);
  });

  it('counts in whole jobs: a small maximum still steps by 1', () => {
    assert.deepEqual(niceTicks(3), [0, 1, 2, 3]);
    assert.deepEqual(niceTicks(1), [0, 1]);
  });

  it('gives an all-zero series the axis 0–1 rather than dividing by zero', () => {
    assert.deepEqual(niceTicks(0), [0, 1]);
  });

  it('always reaches the maximum, for any value', () => {
    for (let max = 1; max < 5000; max += 37) {
      const ticks = niceTicks(max);
      assert.ok(ticks[ticks.length - 1]! >= max, `top tick for ${max}`);
      assert.ok(ticks.length <= 6, `${ticks.length} ticks for ${max}`);
    }
  });
});

describe('barSlots', () => {
  it('lays bars oldest first from the start of the plot, centred in equal slots', () => {
    const slots = barSlots(4, 40, 400, false, 0.25);
    assert.deepEqual(
      slots.map((s) => s.center),
      [90, 190, 290, 390],
    );
    assert.deepEqual(slots[0], { x: 52.5, width: 75, center: 90 });
  });

  it('runs time from right to left when right-to-left: the same slots, mirrored', () => {
    const ltr = barSlots(4, 8, 400, false);
    const rtl = barSlots(4, 8, 400, true);
    assert.deepEqual(
      rtl.map((s) => s.center),
      [...ltr.map((s) => s.center)].reverse(),
    );
    assert.ok(rtl[0]!.x > rtl[3]!.x, 'the oldest bar is at the right');
  });

  it('keeps every bar inside the plot', () => {
    for (const slot of barSlots(90, 48, 584, false)) {
      assert.ok(slot.x >= 48 && slot.x + slot.width <= 48 + 584);
    }
  });
});

describe('stackedBar', () => {
  it('stacks failures on successes, both scaled to the axis top', () => {
    assert.deepEqual(stackedBar(60, 20, 100, 200), { successY: 80, successHeight: 120, failedY: 40, failedHeight: 40 });
  });

  it('keeps a failure visible among many successes, and draws nothing for 0', () => {
    const bar = stackedBar(100_000, 1, 100_000, 200);
    assert.equal(bar.failedHeight, 1);
    assert.equal(stackedBar(0, 0, 1, 200).successHeight, 0);
    assert.equal(stackedBar(0, 0, 1, 200).failedHeight, 0);
  });
});

describe('labelledIndices', () => {
  it('labels every bar when they fit', () => {
    assert.deepEqual(labelledIndices(7, 8), [0, 1, 2, 3, 4, 5, 6]);
  });

  it('thins labels counting back from the newest, which is always labelled', () => {
    assert.deepEqual(labelledIndices(30, 8), [1, 5, 9, 13, 17, 21, 25, 29]);
    assert.deepEqual(labelledIndices(24, 8), [2, 5, 8, 11, 14, 17, 20, 23]);
    const ninety = labelledIndices(90, 8);
    assert.ok(ninety.length <= 8);
    assert.equal(ninety[ninety.length - 1], 89);
  });
});

describe('jobRates', () => {
  it('gives the success and error shares of all jobs', () => {
    assert.deepEqual(jobRates(75, 25), { success: 0.75, error: 0.25 });
  });

  it('has no rate when no job ran', () => {
    assert.equal(jobRates(0, 0), null);
  });
});

describe('isInProgress', () => {
  const now = new Date('2026-11-27T09:30:00.000Z');
  it('is the hour or UTC day that contains now', () => {
    assert.equal(isInProgress('2026-11-27T09:00:00.000Z', true, now), true);
    assert.equal(isInProgress('2026-11-27T08:00:00.000Z', true, now), false);
    assert.equal(isInProgress('2026-11-27T00:00:00.000Z', false, now), true);
    assert.equal(isInProgress('2026-11-26T00:00:00.000Z', false, now), false);
  });
});
