/**
 * Search: the trimmed, folded query is a substring of the folded name or folded external ID.
 * Match ranges point into the original strings so elements can highlight what the admin typed
 * against, accents and all.
 */
import type { Customer } from '../model/schemas.js';
import { foldCodePoint, foldText, isAscii } from './fold.js';

/** A half-open range `[start, end)` of UTF-16 indices into the original string. */
export type Range = [start: number, end: number];
/** The same as `Range`, under a name that does not shadow the DOM's `Range` where both are in scope. */
export type MatchRange = Range;

export interface CustomerMatch {
  name: Range[];
  external_id: Range[];
}

/** The folded search term, or '' when the query matches everything. */
export function foldQuery(q: string): string {
  return foldText(q.trim());
}

/** Whether a folded query occurs in a folded text; '' matches everything. */
export function foldedIncludes(foldedText: string, foldedQuery: string): boolean {
  return foldedQuery === '' || foldedText.includes(foldedQuery);
}

/**
 * Every non-overlapping occurrence of the folded query in the folded text, as ranges of the original
 * text. A match that starts or ends inside a character whose fold is longer than one unit (a Hangul
 * syllable decomposes to jamo) covers that whole character, and combining marks that follow a match
 * are included so 'e' + U+0301 highlights as one letter. Empty query: no ranges.
 */
export function findMatches(text: string, q: string): Range[] {
  const needle = foldQuery(q);
  if (needle === '') return [];
  if (isAscii(text)) return plainMatches(text.toLowerCase(), needle);

  // Fold code point by code point, remembering for each folded unit the original code point's range.
  let folded = '';
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(text.slice(i, i + width));
    folded += f;
    for (let k = 0; k < f.length; k++) {
      unitStart.push(i);
      unitEnd.push(i + width);
    }
    i += width;
  }

  const ranges: Range[] = [];
  for (const [fs, fe] of plainMatches(folded, needle)) {
    const start = unitStart[fs]!;
    let end = unitEnd[fe - 1]!;
    // Trailing code points that fold to nothing (combining marks) belong to the matched letter.
    while (end < text.length) {
      const cp = text.codePointAt(end)!;
      const width = cp > 0xffff ? 2 : 1;
      if (foldCodePoint(text.slice(end, end + width)) !== '') break;
      end += width;
    }
    const last = ranges[ranges.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

function plainMatches(haystack: string, needle: string): Range[] {
  const ranges: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/**
 * Where the query matches a customer, for highlighting; null when it matches neither the name nor
 * the external ID. An empty query matches every customer with nothing to highlight.
 */
export function matchCustomer(customer: Pick<Customer, 'name' | 'external_id'>, q: string): CustomerMatch | null {
  if (foldQuery(q) === '') return { name: [], external_id: [] };
  const name = findMatches(customer.name, q);
  const external_id = customer.external_id === null ? [] : findMatches(customer.external_id, q);
  return name.length === 0 && external_id.length === 0 ? null : { name, external_id };
}
