import assert from 'node:assert/strict';
import { test } from 'node:test';
import { popoverPosition, popoverSide, roomBeside } from '../../components/shared/popover-position.js';

const viewport = { width: 800, height: 600 };
const anchor = { left: 100, top: 100, width: 120, height: 30 };
const panel = { width: 300, height: 200 };

test('goes under the anchor, 6px below, its start edge on the anchor start edge', () => {
  assert.equal(popoverSide(anchor, panel, 'bottom-start', viewport), 'bottom');
  assert.deepEqual(popoverPosition(anchor, panel, 'bottom-start', 'bottom', false, viewport), { x: 100, y: 136 });
});

test('right-to-left, -start is the right edge; -end the left one', () => {
  assert.deepEqual(popoverPosition(anchor, panel, 'bottom-start', 'bottom', true, viewport), { x: 8, y: 136 });
  assert.deepEqual(popoverPosition({ ...anchor, left: 400 }, panel, 'bottom-start', 'bottom', true, viewport), { x: 220, y: 136 });
  assert.deepEqual(popoverPosition({ ...anchor, left: 400 }, panel, 'bottom-end', 'bottom', false, viewport), { x: 220, y: 136 });
  assert.deepEqual(popoverPosition({ ...anchor, left: 400 }, panel, 'bottom', 'bottom', false, viewport), { x: 310, y: 136 });
});

test('flips above when there is no room below and room above', () => {
  const low = { ...anchor, top: 500 };
  assert.equal(popoverSide(low, panel, 'bottom-start', viewport), 'top');
  assert.deepEqual(popoverPosition(low, panel, 'bottom-start', 'top', false, viewport), { x: 100, y: 294 });
});

test('stays on the preferred side when the other side is no better', () => {
  const tall = { width: 300, height: 700 };
  const nearTop = { ...anchor, top: 50 };
  assert.equal(popoverSide(nearTop, tall, 'bottom-start', viewport), 'bottom');
  // Room below 600 - 8 - (50 + 30 + 6) = 506; above 50 - 6 - 8 = 36.
  assert.deepEqual(roomBeside(nearTop, 'bottom', viewport), { width: 784, height: 506 });
  assert.deepEqual(roomBeside(nearTop, 'top', viewport), { width: 784, height: 36 });
});

test('shifts along the anchor to stay 8px inside the viewport', () => {
  const nearRight = { ...anchor, left: 700 };
  assert.deepEqual(popoverPosition(nearRight, panel, 'bottom-start', 'bottom', false, viewport), { x: 492, y: 136 });
  const wide = { width: 900, height: 100 };
  assert.equal(popoverPosition(anchor, wide, 'bottom-start', 'bottom', false, viewport).x, 8);
});
