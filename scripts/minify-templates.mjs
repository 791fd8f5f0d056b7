/**
 * Vite plugin: minifies the CSS inside Lit `css` tagged templates of our own sources. Bundlers
 * minify the JavaScript around a template but never its text, so every indent, newline and comment
 * of every stylesheet used to ship (about a tenth of the whole kit).
 *
 * Templates are found with the TypeScript parser (not a regex, so a `css` in a comment or a string
 * is never touched), and only the text between `${…}` is rewritten: every interpolation keeps its
 * place. The rewrite is deliberately conservative — it drops comments, collapses whitespace runs to
 * one space, and removes a space only where CSS can never need it (next to `{ } ; ,` and `>`, after
 * `(` and `:`, before `)`), plus the `;` before `}`. Quoted strings are copied untouched. It never
 * removes a space before `(` (`and (min-width…)` is not `and(…)`), nor around `+ - *` (calc).
 *
 * Used by vite.config.ts for the library build and by bench/size.mjs, so the size we measure is
 * the size partners get. A source map is returned, so stack traces and debuggers stay right.
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

/** Every edit `{start, end, text}` that minifies the `css` templates of one module. */
export function cssTemplateEdits(code, fileName) {
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const ranges = pieceRanges(node.template, sourceFile);
      const pieces = ranges.map(([start, end]) => code.slice(start, end));
      if (!pieces.some((piece) => piece.includes(HOLE))) {
        const minified = minifyCss(pieces.join(HOLE)).split(HOLE);
        if (minified.length !== pieces.length) throw new Error(`${fileName}: a css template lost an interpolation`);
        ranges.forEach(([start, end], i) => edits.push({ start, end, text: minified[i] }));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edits;
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

/** The plugin: our own modules only (dependencies ship their own, already minified, styles). */
export function minifyTemplates() {
  return {
    name: 'customers-console:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      const fileName = id.split('?')[0];
      if (fileName.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(fileName) || !code.includes('css`')) return null;
      const edits = cssTemplateEdits(code, fileName);
      return edits.length === 0 ? null : applyEdits(code, edits, fileName);
    },
  };
}
