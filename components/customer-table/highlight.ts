/**
 * Splits a string into plain and matched segments from match ranges (src/query `findMatches`), so
 * the element can wrap matches in `<mark>` as text nodes — never by building HTML.
 */
import type { Range } from '../../src/query/search.js';

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Segments in order, covering the whole text. Ranges are half-open UTF-16 indices; they are sorted,
 * clamped to the text and merged where they overlap, so a sloppy range cannot drop or repeat text.
 */
export function splitByRanges(text: string, ranges: readonly Range[]): TextSegment[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    const last = segments[segments.length - 1];
    if (last?.match && from === at) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), match: false });
  return segments;
}
