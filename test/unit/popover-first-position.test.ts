import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstPosition } from '../../components/shared/popover-first-position.js';

const viewport = { width: 1000, height: 800 };
const anchor = { left: 100, top: 100, width: 80, height: 30 };

describe('firstPosition (a popover placed before Floating UI has loaded)', () => {
  it('puts the panel 6px under its anchor, at its start edge, capped to the room below', () => {
    assert.deepEqual(firstPosition(anchor, { width: 240, height: 300 }, 'bottom-start', false, viewport), {
      x: 100,
      y: 136,
      maxWidth: 984,
      maxHeight: 800 - 8 - 136,
    });
  });

  it('aligns the end edges right-to-left, and with -end left-to-right', () => {
    assert.equal(firstPosition(anchor, { width: 40, height: 100 }, 'bottom-start', true, viewport).x, 140);
    assert.equal(firstPosition(anchor, { width: 40, height: 100 }, 'bottom-end', false, viewport).x, 140);
    assert.equal(firstPosition(anchor, { width: 40, height: 100 }, 'bottom', false, viewport).x, 120);
  });

  it('goes above when it does not fit below and fits better above', () => {
    const low = { ...anchor, top: 700 };
    assert.deepEqual(firstPosition(low, { width: 240, height: 300 }, 'bottom-start', false, viewport), {
      x: 100,
      y: 700 - 6 - 300,
      maxWidth: 984,
      maxHeight: 700 - 6 - 8,
    });
    // Too tall for either side: the side with more room, capped to it.
    const tall = firstPosition(anchor, { width: 240, height: 900 }, 'bottom-start', false, viewport);
    assert.equal(tall.y, 136);
    assert.equal(tall.maxHeight, 656);
  });

  it('slides along the anchor to stay 8px inside the viewport, and never caps below 160 x 200', () => {
    assert.equal(firstPosition({ ...anchor, left: 900 }, { width: 240, height: 100 }, 'bottom-start', false, viewport).x, 1000 - 8 - 240);
    assert.equal(firstPosition({ ...anchor, left: -50 }, { width: 40, height: 100 }, 'bottom-end', false, viewport).x, 8);
    const cramped = firstPosition({ ...anchor, top: 40 }, { width: 240, height: 300 }, 'bottom-start', false, { width: 150, height: 200 });
    assert.equal(cramped.maxHeight, 160);
    assert.equal(cramped.maxWidth, 200);
  });
});
