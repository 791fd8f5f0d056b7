import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../src/query/index.js';
import { foldCodePoint } from '../../src/query/fold.js';
import { createRng } from './query-fixtures.js';

test('ASCII is lowercased and otherwise unchanged', () => {
  assert.equal(foldText('Acme Corp. #42 <b>'), 'acme corp. #42 <b>');
  assert.equal(foldText(''), '');
});

test('accents and case are removed from Latin, Greek and Cyrillic letters', () => {
  assert.equal(foldText('Société Générale'), 'societe generale');
  assert.equal(foldText('ÉCOLE Ørsted Łódź'), 'ecole ørsted łodz');
  assert.equal(foldText('Ελληνική'), 'ελληνικη');
  assert.equal(foldText('Привет Йошкар'), 'привет иошкар');
});

test('composed and decomposed spellings fold to the same text', () => {
  assert.equal(foldText('Caf\u00e9'), foldText('Cafe\u0301'));
  assert.equal(foldText('Cafe\u0301'), 'cafe');
  assert.equal(foldText('A\u030a'), foldText('\u00c5'));
});

test('dotted capital I folds to a plain i, and final sigma to sigma', () => {
  assert.equal(foldText('İstanbul'), 'istanbul');
  assert.equal(foldText('ΟΔΟΣ'), 'οδοσ');
  assert.equal(foldText('οδος'), 'οδοσ');
});

test('CJK is unchanged, Hangul syllables decompose to jamo, RTL vowel marks are removed', () => {
  assert.equal(foldText('株式会社さくら商事'), '株式会社さくら商事');
  assert.equal(foldText('한'), '\u1112\u1161\u11ab');
  assert.equal(foldText('שָׁלוֹם'), 'שלום');
  assert.equal(foldText('مُحَمَّد'), 'محمد');
  assert.equal(foldText('شركة Acme'), 'شركة acme');
});

test('folding the whole string equals folding each code point (what match ranges rely on)', () => {
  const pool = [
    'a', 'Z', ' ', 'É', 'e', '\u0301', '\u0308', 'İ', 'ı', 'Σ', 'ς', 'σ', 'ß', 'ẞ', 'Å', 'Ǆ', 'ǅ',
    '한', '빛', '株', 'ア', 'ｱ', 'ש', 'ָ', 'م', 'ُ', '🚀', '𝐀', 'Ω', 'K', 'ﬁ', '\u0345', 'Ⅻ',
  ];
  const rng = createRng(7);
  for (let round = 0; round < 2000; round++) {
    let s = '';
    for (let i = rng.int(0, 12); i > 0; i--) s += rng.pick(pool);
    let perCodePoint = '';
    for (const cp of s) perCodePoint += foldCodePoint(cp);
    assert.equal(foldText(s), perCodePoint, JSON.stringify(s));
  }
});
