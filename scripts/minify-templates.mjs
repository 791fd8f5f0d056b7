/**
 * Vite plugin: minifies the text of Lit `css`, `html` and `svg` tagged templates of our own sources.
 * Bundlers minify the JavaScript around a template but never its text, so every indent, newline
 * and comment of every stylesheet and every template used to ship (about a tenth of the kit), and
 * every line break between two tags of an `html` template became a text node in the DOM — at 100k
 * rows, a readable row template cost about ten nodes a row.
 *
 * `svg` (the dashboard's chart): the `html` rules. Whitespace between the elements of an SVG is never
 * drawn; inside `<text>` the rules keep any run that touches text, as in `html`.
 *
 * Templates are found with the TypeScript parser (not a regex, so a `css` or `html` in a comment or
 * a string is never touched), and only the text between `${…}` is rewritten: every interpolation
 * keeps its place. Both rewrites are deliberately conservative.
 *
 * `css`: drops comments, collapses whitespace runs to one space, and removes a space only where CSS
 * can never need it (next to `{ } ; ,` and `>`, after `(` and `:`, before `)`), plus the `;` before
 * `}`. Quoted strings are copied untouched. It never removes a space before `(` (`and (min-width…)`
 * is not `and(…)`), nor around `+ - *` (calc).
 *
 * `html` (see `minifyHtml`): touches only a run of whitespace that holds a line break and has no
 * text on either side — the line breaks and indents a readable template is written with. Beside a
 * block element (div, p, li, td…) such a run starts or ends a line, where CSS never shows it, so
 * it goes, and with it a text node per line of the template; beside inline elements only it
 * becomes one space, which renders the same. Inside a tag, whitespace between attributes becomes
 * one space. Everything else is copied as written: text with any visible character (and the
 * spaces around it), runs on one line (`<b>a</b> <b>b</b>`), runs between two interpolations,
 * attribute values, comments, and the content of `<pre>`, `<textarea>`, `<script>` and `<style>`.
 * The one assumption: an element that CSS makes inline (or `white-space: pre`) keeps the line
 * breaks of the markup around it out of the template, as the kit's templates do.
 *
 * Used by vite.config.ts for the library build, by bench/size.mjs and bench/table.bench.mjs, and
 * by web-test-runner.config.mjs (`minifyTemplatesDevServer`), so the size we measure and the DOM
 * the tests and the benchmark see are what partners get. A source map is returned, so stack traces
 * and debuggers stay right.
 */
import ts from 'typescript';

/** A space next to one of these is never needed. */
const NO_SPACE_AROUND = new Set(['{', '}', ';', ',', '>']);
const NO_SPACE_AFTER = new Set([...NO_SPACE_AROUND, '(', ':']);
const NO_SPACE_BEFORE = new Set([...NO_SPACE_AROUND, ')']);
/** Stands for an interpolation while the pieces are minified together; never occurs in source. */
const HOLE = '\u0000';

/**
 * Minifies CSS text in which `HOLE` marks each interpolation (treated like a word, so the spaces
 * around it are kept, collapsed to one).
 */
export function minifyCss(text) {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment in a css template');
      i = end + 1;
      pendingSpace = true;
      continue;
    }
    if (/\s/.test(c)) {
      pendingSpace = true;
      continue;
    }
    if (c === '}' && out.endsWith(';')) out = out.slice(0, -1);
    if (pendingSpace && out !== '' && !NO_SPACE_AFTER.has(out[out.length - 1]) && !NO_SPACE_BEFORE.has(c)) out += ' ';
    pendingSpace = false;
    if (c === '"' || c === "'") {
      // Copy the quoted string as it is, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

/** Elements whose content is copied as written: whitespace in them is content. */
const VERBATIM_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style']);
/**
 * Elements laid out as blocks (or table parts, or not at all) by default: whitespace beside one of
 * them starts or ends a line, where CSS never shows it. Beside anything else (span, b, button,
 * svg…) the same whitespace can show as a space between two inline boxes.
 */
const BLOCK_ELEMENTS = new Set(
  ('address article aside blockquote br caption col colgroup dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol optgroup option p section summary table tbody td ' +
    'template tfoot th thead tr ul').split(' '),
);
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
/** A `<` that opens a tag, an end tag or a comment (not a `<` in text, as in `a < b`). */
const opensTag = (text, i) => text[i] === '<' && /[a-zA-Z/!]/.test(text[i + 1] ?? '');
/** The lowercased name of the tag starting at `i` (`div` for `<div …>` and `</div>`), '' for a comment. */
const tagName = (text, i) => /^<\/?([a-zA-Z][^\s/>\u0000]*)/.exec(text.slice(i, i + 40))?.[1]?.toLowerCase() ?? '';

/**
 * Minifies the markup of an `html` template in which `HOLE` marks each interpolation. Only a run of
 * whitespace that holds a line break and has no text on either side changes: beside a block
 * element it goes, beside only inline elements (or an interpolation) it becomes one space. A run
 * between two interpolations, or between one and the template's edge, stays as written (both sides
 * may be words). Inside a tag, whitespace between attributes becomes one space and whitespace
 * before `>` goes. Attribute values, comments and the content of verbatim elements are copied.
 */
export function minifyHtml(text) {
  let out = '';
  let i = 0;
  /** What the output ends with: `edge` (the template's start), `hole`, `text`, or a tag's name ('' for a comment). */
  let before = { kind: 'edge', name: '' };
  while (i < text.length) {
    const c = text[i];
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const stop = end < 0 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
      before = { kind: 'tag', name: '' };
      continue;
    }
    if (opensTag(text, i)) {
      const name = tagName(text, i);
      const [tag, next] = copyTag(text, i);
      out += tag;
      i = next;
      before = { kind: 'tag', name };
      if (VERBATIM_ELEMENTS.has(name) && !tag.startsWith('</') && !tag.endsWith('/>')) {
        // Up to its end tag, which the next turn copies as a tag.
        const close = text.toLowerCase().indexOf(`</${name}`, i);
        const stop = close < 0 ? text.length : close;
        out += text.slice(i, stop);
        i = stop;
      }
      continue;
    }
    if (c === HOLE) {
      out += c;
      i++;
      before = { kind: 'hole', name: '' };
      continue;
    }
    if (isSpace(c)) {
      let j = i;
      while (j < text.length && isSpace(text[j])) j++;
      const run = text.slice(i, j);
      const after =
        j === text.length
          ? { kind: 'edge', name: '' }
          : text.startsWith('<!--', j)
            ? { kind: 'tag', name: '' }
            : opensTag(text, j)
              ? { kind: 'tag', name: tagName(text, j) }
              : { kind: text[j] === HOLE ? 'hole' : 'text', name: '' };
      out += layoutWhitespace(run, before, after);
      i = j;
      continue;
    }
    out += c;
    i++;
    before = { kind: 'text', name: '' };
  }
  return out;
}

/** What a whitespace run between `before` and `after` becomes (see `minifyHtml`). */
function layoutWhitespace(run, before, after) {
  if (!/[\n\r]/.test(run) || before.kind === 'text' || after.kind === 'text') return run;
  if (before.kind !== 'tag' && after.kind !== 'tag') return run;
  const block = (side) => side.kind === 'tag' && BLOCK_ELEMENTS.has(side.name);
  return block(before) || block(after) ? '' : ' ';
}

/**
 * One tag from its `<` to its `>` and the index after it: attribute values as written, whitespace
 * between attributes as one space, none before `>` or `/>`.
 */
function copyTag(text, start) {
  let i = start;
  let tag = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end + 1;
      tag += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (isSpace(c)) {
      let j = i;
      while (j < text.length && isSpace(text[j])) j++;
      if (text[j] !== '>' && !(text[j] === '/' && text[j + 1] === '>')) tag += ' ';
      i = j;
      continue;
    }
    tag += c;
    i++;
    if (c === '>') break;
  }
  return [tag, i];
}

/** The raw text ranges [start, end) of a template literal's pieces, in source order. */
function pieceRanges(template, sourceFile) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(sourceFile) + 1, template.end - 1]];
  const ranges = [[template.head.getStart(sourceFile) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    const tail = ts.isTemplateTail(literal);
    ranges.push([literal.getStart(sourceFile) + 1, literal.end - (tail ? 1 : 2)]);
  }
  return ranges;
}

const MINIFIERS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Every edit `{start, end, text}` that minifies the templates of one module tagged with one of `tags`. */
export function templateEdits(code, fileName, tags = ['css', 'html', 'svg']) {
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.includes(node.tag.text)) {
      const ranges = pieceRanges(node.template, sourceFile);
      const pieces = ranges.map(([start, end]) => code.slice(start, end));
      if (!pieces.some((piece) => piece.includes(HOLE))) {
        const minified = MINIFIERS[node.tag.text](pieces.join(HOLE)).split(HOLE);
        if (minified.length !== pieces.length) throw new Error(`${fileName}: a ${node.tag.text} template lost an interpolation`);
        ranges.forEach(([start, end], i) => {
          if (minified[i] !== pieces[i]) edits.push({ start, end, text: minified[i] });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edits;
}

/** Every edit that minifies the `css` templates of one module. */
export function cssTemplateEdits(code, fileName) {
  return templateEdits(code, fileName, ['css']);
}

/** Every edit that minifies the `html` templates of one module. */
export function htmlTemplateEdits(code, fileName) {
  return templateEdits(code, fileName, ['html']);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += BASE64[digit];
  } while (v > 0);
  return s;
}

/**
 * Applies non-overlapping edits and builds a source map: untouched code maps line by line to where
 * it was, each rewritten piece maps to its start.
 */
export function applyEdits(code, edits, fileName) {
  edits.sort((a, b) => a.start - b.start);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };

  const lines = [[]];
  let out = '';
  let column = 0;
  const mark = (offset) => lines[lines.length - 1].push([column, ...position(offset)]);
  const emit = (text, from, verbatim) => {
    mark(from);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') {
        lines.push([]);
        column = 0;
        if (verbatim && i + 1 < text.length) mark(from + i + 1);
      } else column++;
    }
    out += text;
  };
  let at = 0;
  for (const edit of edits) {
    if (edit.start > at) emit(code.slice(at, edit.start), at, true);
    if (edit.text !== '') emit(edit.text, edit.start, false);
    at = edit.end;
  }
  if (at < code.length) emit(code.slice(at), at, true);

  let previous = [0, 0];
  const mappings = lines
    .map((segments) => {
      let previousColumn = 0;
      return segments
        .map(([col, line, origColumn]) => {
          const s = vlq(col - previousColumn) + 'A' + vlq(line - previous[0]) + vlq(origColumn - previous[1]);
          previousColumn = col;
          previous = [line, origColumn];
          return s;
        })
        .join(',');
    })
    .join(';');
  return { code: out, map: { version: 3, sources: [fileName], sourcesContent: [code], names: [], mappings } };
}

/** Our own modules that may hold templates (dependencies ship their own, already minified). */
function isOwnModule(id) {
  const fileName = id.split('?')[0];
  return !fileName.includes('/node_modules/') && /\.[cm]?[jt]s$/.test(fileName);
}

/** The module with its templates minified and a source map, or null when nothing changes. */
export function minifyModuleTemplates(code, id) {
  if (!isOwnModule(id) || !(code.includes('css`') || code.includes('html`') || code.includes('svg`'))) return null;
  const fileName = id.split('?')[0];
  const edits = templateEdits(code, fileName);
  return edits.length === 0 ? null : applyEdits(code, edits, fileName);
}

/** The Vite (and Rollup) plugin: our own modules only. */
export function minifyTemplates() {
  return {
    name: 'customers-console:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      return minifyModuleTemplates(code, id);
    },
  };
}

/**
 * The same for @web/dev-server and web-test-runner: put it before the esbuild plugin, so it sees
 * the TypeScript as written.
 */
export function minifyTemplatesDevServer() {
  return {
    name: 'customers-console:minify-templates',
    transform(context) {
      if (typeof context.body !== 'string') return undefined;
      const result = minifyModuleTemplates(context.body, context.path);
      return result ? { body: result.code } : undefined;
    },
  };
}
