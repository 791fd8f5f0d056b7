import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatches, foldedIncludes, foldQuery, foldText, matchCustomer } from '../../src/query/index.js';
import { generateCustomers } from '../../src/backend/generate.js';
import { createRng } from './query-fixtures.js';

const highlighted = (text: string, q: string) => findMatches(text, q).map(([s, e]) => text.slice(s, e));

test('ranges point into the original string, accents included', () => {
  assert.deepEqual(findMatches('Émile', 'emi'), [[0, 3]]);
  assert.deepEqual(highlighted('Société Générale', 'generale'), ['Générale']);
});

test('an accented query matches unaccented text and the other way round', () => {
  assert.deepEqual(highlighted('Cafe Noir', 'café'), ['Cafe']);
  assert.deepEqual(highlighted('Café Noir', 'cafe'), ['Café']);
  assert.deepEqual(highlighted('Crème Brûlée', 'È'), ['è', 'e', 'é', 'e']);
});

test('decomposed text and decomposed queries match composed ones; marks stay with their letter', () => {
  // 'Cafe\u0301' is five code units; the highlight must cover the combining acute too.
  assert.deepEqual(findMatches('Cafe\u0301 Noir', 'café'), [[0, 5]]);
  assert.deepEqual(findMatches('Cafe\u0301 Noir', 'e'), [[3, 5]]);
  assert.deepEqual(findMatches('Caf\u00e9 Noir', 'cafe\u0301'), [[0, 4]]);
});

test('case does not matter, and the query is trimmed', () => {
  assert.deepEqual(findMatches('ACME Logistics', 'acme'), [[0, 4]]);
  assert.deepEqual(findMatches('acme logistics', '  ACME  '), [[0, 4]]);
  assert.deepEqual(findMatches('İstanbul Kargo', 'ist'), [[0, 1 + 2]]);
});

test('every non-overlapping occurrence is found', () => {
  assert.deepEqual(findMatches('Acme acme ACME', 'acme'), [[0, 4], [5, 9], [10, 14]]);
  assert.deepEqual(findMatches('aaaa', 'aa'), [[0, 2], [2, 4]]);
  assert.deepEqual(findMatches('banana', 'ana'), [[1, 4]]);
});

test('no match and empty or blank queries give no ranges', () => {
  assert.deepEqual(findMatches('Acme', 'zeta'), []);
  assert.deepEqual(findMatches('Acme', ''), []);
  assert.deepEqual(findMatches('Acme', '   '), []);
});

test('CJK, Hangul and right-to-left text', () => {
  assert.deepEqual(highlighted('株式会社さくら商事', 'さくら'), ['さくら']);
  assert.deepEqual(findMatches('주식회사 한빛', '한빛'), [[5, 7]]);
  // A query that is part of a syllable's jamo highlights the whole syllable.
  assert.deepEqual(findMatches('주식회사 한빛', '하'), [[5, 6]]);
  assert.deepEqual(highlighted('شركة Acme للبرمجيات', 'ACME'), ['Acme']);
  assert.deepEqual(highlighted('شركة Acme للبرمجيات', 'للبرمجيات'), ['للبرمجيات']);
  assert.deepEqual(highlighted('חברת אלפא בע"מ', 'בע"מ'), ['בע"מ']);
  assert.deepEqual(highlighted('שָׁלוֹם עולם', 'שלום'), ['שָׁלוֹם']);
});

test('indices are UTF-16 indices past astral characters', () => {
  assert.deepEqual(findMatches('Rocket 🚀 Labs', 'labs'), [[10, 14]]);
  assert.deepEqual(findMatches('Rocket 🚀 Labs', '🚀'), [[7, 9]]);
});

test('matchCustomer: a term in both name and external ID gives both ranges', () => {
  const c = { name: 'Acme Corp', external_id: 'ACME-42' };
  assert.deepEqual(matchCustomer(c, 'acme'), { name: [[0, 4]], external_id: [[0, 4]] });
  assert.deepEqual(matchCustomer(c, '42'), { name: [], external_id: [[5, 7]] });
  assert.deepEqual(matchCustomer(c, 'corp'), { name: [[5, 9]], external_id: [] });
  assert.equal(matchCustomer(c, 'zeta'), null);
  assert.equal(matchCustomer({ name: 'Acme', external_id: null }, '42'), null);
  assert.deepEqual(matchCustomer(c, ' '), { name: [], external_id: [] });
});

test('on generated names, ranges agree with folded-substring search', () => {
  const rng = createRng(11);
  const customers = generateCustomers({ seed: 3, count: 400, anchor: new Date('2025-06-01T00:00:00Z') });
  for (const c of customers) {
    for (const text of [c.name, c.external_id ?? '']) {
      const folded = foldText(text);
      // A query cut from the folded text must match; a random one may not.
      const start = rng.int(0, Math.max(0, folded.length - 1));
      const cut = folded.slice(start, start + rng.int(1, 4)).trim();
      for (const q of [cut, rng.pick(['e', 'é', 'a', 'co', 'ス', 'ا', ' '])]) {
        const needle = foldText(q.trim());
        const ranges = findMatches(text, q);
        assert.equal(ranges.length > 0, needle !== '' && folded.includes(needle), `${text} / ${q}`);
        let previousEnd = 0;
        for (const [s, e] of ranges) {
          assert.ok(previousEnd <= s && s < e && e <= text.length, `${text} / ${q}: ${s}-${e}`);
          assert.ok(foldText(text.slice(s, e)).includes(needle), `${text} / ${q}: ${s}-${e}`);
          previousEnd = e;
        }
      }
    }
  }
});

test('foldQuery trims and folds; foldedIncludes treats an empty query as matching everything', () => {
  assert.equal(foldQuery('  Café  '), 'cafe');
  assert.equal(foldQuery(' \t '), '');
  assert.ok(foldedIncludes('acme', ''));
  assert.ok(foldedIncludes(foldText('Société'), foldQuery('CIÉ')));
  assert.ok(!foldedIncludes('acme', 'acne'));
});
