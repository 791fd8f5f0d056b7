import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { figureRanges } from '../../components/shared/figures.js';

const pieces = (text: string, figures: string[]) => figureRanges(text, figures).map(([s, e]) => text.slice(s, e));

describe('figureRanges', () => {
  it('finds each figure of a sentence, in the order the translation put them', () => {
    assert.deepEqual(pieces('4,046 tasks, 12 connections', ['4,046', '12']), ['4,046', '12']);
    assert.deepEqual(pieces('12 اتصالًا، 4,046 مهمة', ['4,046', '12']), ['12', '4,046']);
  });

  it('joins figures that only spaces and punctuation separate into one pair', () => {
    assert.deepEqual(pieces('المهام 4,046 / 1,000', ['4,046', '1,000']), ['4,046 / 1,000']);
    assert.deepEqual(pieces('1,000–5,000 tasks', ['1,000', '5,000']), ['1,000–5,000']);
    assert.deepEqual(pieces('4,046 tasks, 12 connections', ['4,046', '12']), ['4,046', '12'], 'words between: two figures');
  });

  it('never takes a figure from inside a longer number, and leaves out one the sentence does not hold', () => {
    assert.deepEqual(pieces('limit 10, used 1', ['1', '10']), ['10', '1']);
    assert.deepEqual(pieces('Extending adds 30 days: the trial would end on December 30, 2030.', ['30']), ['30']);
    assert.deepEqual(figureRanges('Extending adds 30 days', ['30']), [[15, 17]]);
    assert.deepEqual(pieces('Enabling gives a month', ['30']), []);
    assert.deepEqual(pieces('same 100 and 100', ['100', '100']), ['100']);
  });
});
