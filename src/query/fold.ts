/**
 * Case- and accent-insensitive text folding, shared by client-side search, MemoryBackend and the
 * SQLite server (which stores folded columns), so all three agree on what matches.
 */

const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;

/**
 * The folded form of `s`: canonical decomposition, combining marks removed, lowercased (and
 * decomposed again, because lowercasing 'İ' yields 'i' + U+0307). Greek final sigma folds to σ so
 * that word position does not matter.
 *
 * The result equals folding every code point on its own (see `foldCodePoint`), which is what lets
 * `findMatches` map a folded match back to the original string.
 */
export function foldText(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replaceAll('ς', 'σ');
}

const codePointCache = new Map<string, string>();

/** The folded form of one code point (given as a string); '' for combining marks. */
export function foldCodePoint(cp: string): string {
  if (cp.length === 1 && cp.charCodeAt(0) < 0x80) return cp.toLowerCase();
  let folded = codePointCache.get(cp);
  if (folded === undefined) {
    folded = IS_MARK.test(cp) ? '' : foldText(cp);
    codePointCache.set(cp, folded);
  }
  return folded;
}

export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}
