/**
 * `<span ${text(value, ranges)}></span>`: an element's whole content as plain text, with search
 * matches as `<mark part="match">` around text nodes. A `${value}` child part costs every rendered
 * row a marker comment per piece of text, and a highlight built of nested templates two more
 * markers per segment and one per mark; this writes the element's children itself: one text node
 * when nothing matched, and only the marks and text nodes of a highlight. Text is always set as text
 * (text nodes, never HTML). The element must have no children in its template.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Range } from '../../src/query/search.js';
import { splitByRanges } from './highlight.js';

const NO_RANGES: readonly Range[] = [];

export interface TextOptions {
  /**
   * The layout of a name or external ID: the text before the first match in `<span class="lead">`
   * (what gives way when it is cut short, so the first match stays in view) and the rest in
   * `<span class="rest">`; only when something matched.
   */
  lead?: boolean;
}

class TextDirective extends Directive {
  #text: string | null = null;
  #key = '';

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('text() goes in an element tag');
  }

  render(_text: string, _ranges?: readonly Range[], _options?: TextOptions): unknown {
    return noChange;
  }

  override update(part: ElementPart, [value, ranges = NO_RANGES, options]: Parameters<this['render']>): unknown {
    const lead = options?.lead === true;
    const key = ranges.length === 0 ? '' : `${lead ? 'lead ' : ''}${ranges.join(' ')}`;
    if (value === this.#text && key === this.#key) return noChange;
    this.#text = value;
    this.#key = key;
    const element = part.element;
    if (ranges.length === 0) {
      const only = element.firstChild;
      // A recycled row keeps its text node: only its data changes.
      if (only !== null && only === element.lastChild && only.nodeType === Node.TEXT_NODE) (only as Text).data = value;
      else element.textContent = value;
      return noChange;
    }
    const doc = element.ownerDocument;
    if (!lead) {
      element.replaceChildren(...marked(doc, value, ranges));
      return noChange;
    }
    const [first] = splitByRanges(value, ranges);
    const leadText = first!.match ? '' : first!.text;
    const rest = doc.createElement('span');
    rest.className = 'rest';
    rest.append(...marked(doc, value.slice(leadText.length), ranges.map(([s, e]): Range => [s - leadText.length, e - leadText.length])));
    if (leadText === '') {
      element.replaceChildren(rest);
    } else {
      const leadSpan = doc.createElement('span');
      leadSpan.className = 'lead';
      leadSpan.textContent = leadText;
      element.replaceChildren(leadSpan, rest);
    }
    return noChange;
  }
}

/** Text nodes, with `<mark part="match">` around each matched segment. */
function marked(doc: Document, value: string, ranges: readonly Range[]): Node[] {
  return splitByRanges(value, ranges).map((segment) => {
    if (!segment.match) return doc.createTextNode(segment.text);
    const mark = doc.createElement('mark');
    mark.setAttribute('part', 'match');
    mark.textContent = segment.text;
    return mark;
  });
}

/** The element's content: `value` as text, the `ranges` of it highlighted. */
export const text = directive(TextDirective);
