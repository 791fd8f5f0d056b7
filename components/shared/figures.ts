/**
 * Figures that read left to right whatever the direction around them: "4,046 / 10,000" stays that
 * way under right-to-left (bidi would reorder the neutral slash between two numbers and show
 * "10,000 / 4,046"). One home for the rule (`.figure`, which the table, the console's page header
 * and plan-settings draw with) and for finding the figures inside a translated sentence.
 */
import { css, html, type TemplateResult } from 'lit';

export const figureStyles = css`
  .figure {
    direction: ltr;
    unicode-bidi: isolate;
  }
`;

/** A half-open UTF-16 range of a sentence. */
export type FigureRange = readonly [start: number, end: number];

const DIGIT = /\p{Nd}/u;
/** What may stand between two figures of one pair ("4,046 / 10,000", "1,000–5,000"): no letter, no digit. */
const PAIR_GAP = /^[^\p{L}\p{Nd}]*$/u;

/**
 * Where `figures` stand in `text`, a sentence a strings function built with them (in whatever
 * order its translation puts them): each figure's first place not taken by a longer one and not
 * inside a longer number; a figure the sentence spells another way is left out. Figures joined
 * only by spaces and punctuation are one range, a pair that reads left to right as a whole.
 */
export function figureRanges(text: string, figures: readonly string[]): FigureRange[] {
  const taken: [number, number][] = [];
  const byLength = [...new Set(figures.filter((f) => f !== ''))].sort((a, b) => b.length - a.length);
  for (const figure of byLength) {
    for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
      const end = at + figure.length;
      const insideNumber = DIGIT.test(text[at - 1] ?? '') || DIGIT.test(text[end] ?? '');
      if (insideNumber || taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      break;
    }
  }
  taken.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of taken) {
    const last = merged[merged.length - 1];
    if (last && PAIR_GAP.test(text.slice(last[1], range[0]))) last[1] = range[1];
    else merged.push([...range]);
  }
  return merged;
}

/**
 * `text` with each of its figures (or pair of figures) in a `.figure` span; the plain text when it
 * holds none of them. Pass the figures as formatted, exactly as they were given to the strings
 * function; the translator's function gets the real values, so its plural rules still work.
 */
export function withFigures(text: string, figures: readonly string[]): TemplateResult | string {
  const ranges = figureRanges(text, figures);
  if (ranges.length === 0) return text;
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<span class="figure">${text.slice(start, end)}</span>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return html`${parts}`;
}
