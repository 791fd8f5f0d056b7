import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, cssTemplateEdits, minifyCss } from '../../scripts/minify-templates.mjs';

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
