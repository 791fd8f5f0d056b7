import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyEdits,
  cssTemplateEdits,
  htmlTemplateEdits,
  minifyCss,
  minifyHtml,
  minifyModuleTemplates,
  templateEdits,
} from '../../scripts/minify-templates.mjs';

test('drops comments and whitespace CSS never needs', () => {
  assert.equal(
    minifyCss(`
      /* a comment */
      :host ,
      .a > .b {
        color: red ;
        margin: 0 auto;
      }
    `),
    ':host,.a>.b{color:red;margin:0 auto}',
  );
});

test('keeps the spaces that carry meaning', () => {
  // descendant pseudo-class, media "and (", calc operators, !important
  assert.equal(minifyCss('.a :hover { x: 1 }'), '.a :hover{x:1}');
  assert.equal(minifyCss('@media screen and (min-width: 1px) { a { b: c } }'), '@media screen and (min-width:1px){a{b:c}}');
  assert.equal(minifyCss('a { width: calc(100% - 2px + 1em * 2) !important; }'), 'a{width:calc(100% - 2px + 1em * 2) !important}');
});

test('copies quoted strings untouched', () => {
  assert.equal(minifyCss(`a::before { content: ' { ;  } /* no */ '; }`), `a::before{content:' { ;  } /* no */ '}`);
  assert.equal(minifyCss(`a { content: "\\"  x" }`), `a{content:"\\"  x"}`);
});

test('interpolations keep their place and the spaces around them', () => {
  assert.equal(minifyCss('a {\n  padding: \u0000 \u0000;\n  gap: calc(\u0000 + 2px);\n}'), 'a{padding:\u0000 \u0000;gap:calc(\u0000 + 2px)}');
});

test('rewrites css templates only, never a css in a comment or another tag', () => {
  const code = [
    '// a `css` template below; css`not this`',
    "const note = 'css`nor this`';",
    'const keep = html`<p>  two  spaces  </p>`;',
    'const styles = css`',
    '  :host {',
    '    color: ${tokens.text};',
    '  }',
    '`;',
    'throw new Error();',
  ].join('\n');
  const { code: out, map } = applyEdits(code, cssTemplateEdits(code, 'x.ts'), 'x.ts');
  assert.equal(
    out,
    [
      '// a `css` template below; css`not this`',
      "const note = 'css`nor this`';",
      'const keep = html`<p>  two  spaces  </p>`;',
      'const styles = css`:host{color:${tokens.text}}`;',
      'throw new Error();',
    ].join('\n'),
  );
  // The line after the template maps back to where it was written (line 9, zero-based 8).
  const lines = map.mappings.split(';');
  assert.equal(lines.length, 5);
  assert.ok(lines[4] !== '', 'the last line has a mapping');
});

// html templates: HOLE (U+0000) stands for an interpolation, as in the module's own joining.
const H = '\u0000';

test('html: drops the line breaks and indents beside block elements, keeps spaces on one line', () => {
  assert.equal(
    minifyHtml(`
      <ul part="list">
        <li>One</li>
        <li>Two words</li> <li>same line</li>
      </ul>
      <div>
        ${H}
      </div>
    `),
    `<ul part="list"><li>One</li><li>Two words</li> <li>same line</li></ul><div>${H}</div>`,
  );
});

test('html: between inline elements a line break becomes the one space it renders as', () => {
  assert.equal(minifyHtml('<span>a</span>\n  <span>b</span>'), '<span>a</span> <span>b</span>');
  assert.equal(minifyHtml(`<button>\n  <svg></svg>\n  ${H}\n</button>`), `<button> <svg></svg> ${H} </button>`);
  // The note's text and its button stay apart; the paragraph's own edges go.
  assert.equal(minifyHtml(`<p class="note">\n  ${H}\n  <button>Undo</button>\n</p>`), `<p class="note">${H} <button>Undo</button></p>`);
});

test('html: text beside a tag keeps every space, line breaks included', () => {
  const text = `<p>\n  Hello, ${H}!\n</p><p>\n  Two  spaces stay\n</p>`;
  assert.equal(minifyHtml(text), text);
  assert.equal(minifyHtml('<b>a</b> b <i>c</i>'), '<b>a</b> b <i>c</i>');
  assert.equal(minifyHtml('a < b\n  <div>c</div>'), 'a < b\n  <div>c</div>');
});

test('html: a line break between two interpolations, or one and the edge, stays', () => {
  assert.equal(minifyHtml(`\n  ${H}\n  ${H}\n`), `\n  ${H}\n  ${H}\n`);
  assert.equal(minifyHtml(`<td>${H}\n  ${H}</td>`), `<td>${H}\n  ${H}</td>`);
  // At its edges a template meets its parent's interpolation, which may sit between two words.
  assert.equal(minifyHtml(`\n  <div>${H}</div>\n`), `<div>${H}</div>`);
  assert.equal(minifyHtml(`\n  <b>${H}</b>\n`), ` <b>${H}</b> `);
});

test('html: whitespace between attributes becomes one space; values, bindings and comments stay as written', () => {
  assert.equal(
    minifyHtml(`<div\n  class="a  b"\n  title="line\n   two"\n  .value=${H}\n  ?hidden=${H}\n  @click=${H}\n></div>`),
    `<div class="a  b" title="line\n   two" .value=${H} ?hidden=${H} @click=${H}></div>`,
  );
  assert.equal(minifyHtml(`<input\n  type="text"\n  />`), '<input type="text"/>');
  assert.equal(minifyHtml(`<i style="a: ${H};  b"\n>x</i>`), `<i style="a: ${H};  b">x</i>`);
  assert.equal(minifyHtml(`<div>x</div>\n<!--  keep\n  me  -->\n<div>y</div>`), '<div>x</div><!--  keep\n  me  --><div>y</div>');
});

test('html: the content of pre, textarea, script and style is copied as written', () => {
  for (const name of ['pre', 'textarea', 'script', 'style', 'PRE']) {
    const inner = `\n  a ${H}\n  <div>b</div>\n`;
    assert.equal(minifyHtml(`<div>\n  <${name} class="x">${inner}</${name}>\n</div>`), `<div><${name} class="x">${inner}</${name}></div>`);
  }
});

test('rewrites html templates with their interpolations in place, never an html in a string or comment', () => {
  const code = [
    '// html`<p>\n  </p>` in a comment',
    "const note = 'html`<b>\\n  </b>`';",
    'const row = (c) => html`',
    '  <div role="row">',
    '    <div part="name">${c.name}</div>',
    '    ${c.id}',
    '  </div>',
    '`;',
    'const styles = css`',
    '  :host { color: red; }',
    '`;',
  ].join('\n');
  const { code: out } = applyEdits(code, templateEdits(code, 'x.ts'), 'x.ts');
  assert.equal(
    out,
    [
      '// html`<p>\n  </p>` in a comment',
      "const note = 'html`<b>\\n  </b>`';",
      'const row = (c) => html`<div role="row"><div part="name">${c.name}</div>${c.id}</div>`;',
      'const styles = css`:host{color:red}`;',
    ].join('\n'),
  );
  assert.deepEqual(htmlTemplateEdits(code, 'x.ts').length, 3);
});

test('rewrites svg templates with the html rules: no line breaks between elements, text kept', () => {
  const code = [
    'const bar = (x) => svg`<g',
    '  class="bar">',
    '  <rect x=${x}></rect>',
    '  <text x=${x}> ${x} ms</text>',
    '</g>`;',
  ].join('\n');
  const { code: out } = applyEdits(code, templateEdits(code, 'x.ts'), 'x.ts');
  assert.equal(out, 'const bar = (x) => svg`<g class="bar"> <rect x=${x}></rect> <text x=${x}> ${x} ms</text> </g>`;');
});

test('the plugin skips dependencies and modules without templates', () => {
  const code = 'const t = html`<p>\n  </p>`;';
  assert.equal(minifyModuleTemplates(code, '/repo/node_modules/lit/x.js'), null);
  assert.equal(minifyModuleTemplates('const x = 1;', '/repo/components/x.ts'), null);
  assert.equal(minifyModuleTemplates(code, '/repo/components/x.ts?v=1')!.code, 'const t = html`<p></p>`;');
});
