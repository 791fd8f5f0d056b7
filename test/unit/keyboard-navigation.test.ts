import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listboxIndex, rovingIndex } from '../../components/shared/keyboard-navigation.js';

describe('rovingIndex (tabs, radio groups)', () => {
  const horizontal = { orientation: 'horizontal', rtl: false } as const;

  it('moves with the arrows of its orientation, wraps at both ends, Home/End jump', () => {
    assert.equal(rovingIndex(0, 4, 'ArrowRight', horizontal), 1);
    assert.equal(rovingIndex(3, 4, 'ArrowRight', horizontal), 0);
    assert.equal(rovingIndex(0, 4, 'ArrowLeft', horizontal), 3);
    assert.equal(rovingIndex(2, 4, 'Home', horizontal), 0);
    assert.equal(rovingIndex(1, 4, 'End', horizontal), 3);
    assert.equal(rovingIndex(1, 4, 'ArrowDown', horizontal), null);
    assert.equal(rovingIndex(1, 4, 'Enter', horizontal), null);
  });

  it('mirrors Left and Right right-to-left: Left moves to the next item', () => {
    const rtl = { orientation: 'horizontal', rtl: true } as const;
    assert.equal(rovingIndex(0, 4, 'ArrowLeft', rtl), 1);
    assert.equal(rovingIndex(0, 4, 'ArrowRight', rtl), 3);
  });

  it('uses Up and Down when vertical, whatever the direction', () => {
    const vertical = { orientation: 'vertical', rtl: true } as const;
    assert.equal(rovingIndex(0, 3, 'ArrowDown', vertical), 1);
    assert.equal(rovingIndex(0, 3, 'ArrowUp', vertical), 2);
    assert.equal(rovingIndex(0, 3, 'ArrowLeft', vertical), null);
  });

  it('has nowhere to go in an empty widget', () => {
    assert.equal(rovingIndex(0, 0, 'ArrowRight', horizontal), null);
  });
});

describe('listboxIndex', () => {
  it('moves one with Up/Down and wraps, a page with PageUp/PageDown and stops at the ends', () => {
    assert.equal(listboxIndex(0, 20, 'ArrowDown'), 1);
    assert.equal(listboxIndex(19, 20, 'ArrowDown'), 0);
    assert.equal(listboxIndex(0, 20, 'ArrowUp'), 19);
    assert.equal(listboxIndex(5, 20, 'PageDown'), 13);
    assert.equal(listboxIndex(15, 20, 'PageDown'), 19);
    assert.equal(listboxIndex(5, 20, 'PageUp'), 0);
    assert.equal(listboxIndex(5, 20, 'PageDown', 3), 8);
  });

  it('leaves Home, End and typing to the text field', () => {
    assert.equal(listboxIndex(5, 20, 'Home'), null);
    assert.equal(listboxIndex(5, 20, 'End'), null);
    assert.equal(listboxIndex(5, 20, 'a'), null);
  });
});
