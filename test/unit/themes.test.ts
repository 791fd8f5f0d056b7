// The shipped theme CSS (customers-console/themes/light.css and dark.css): written by the build from
// the tokens, every token in each, and exported where package.json says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DARK_TOKENS, LIGHT_TOKENS, TOKEN_PREFIX, themeCss, type TokenName } from '../../components/shared/tokens.js';
import { writeThemes } from '../../scripts/build-themes.js';

const REPO = join(import.meta.dirname, '..', '..');

/** The `--customers-console-*` declarations of a stylesheet, name → value. */
function declared(cssText: string): Map<string, string> {
  return new Map([...cssText.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

describe('theme CSS', () => {
  it('the build writes light.css and dark.css with exactly themeCss’s text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'));
    try {
      const files = writeThemes(dir);
      assert.deepEqual(files, [join(dir, 'light.css'), join(dir, 'dark.css')]);
      assert.equal(readFileSync(join(dir, 'light.css'), 'utf8'), themeCss('light'));
      assert.equal(readFileSync(join(dir, 'dark.css'), 'utf8'), themeCss('dark'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each theme declares every token; dark takes its dark value where there is one', () => {
    const light = declared(themeCss('light'));
    const dark = declared(themeCss('dark'));
    for (const name of Object.keys(LIGHT_TOKENS) as TokenName[]) {
      assert.equal(light.get(`${TOKEN_PREFIX}${name}`), LIGHT_TOKENS[name], `light ${name}`);
      assert.equal(dark.get(`${TOKEN_PREFIX}${name}`), DARK_TOKENS[name] ?? LIGHT_TOKENS[name], `dark ${name}`);
    }
    assert.equal(light.size, Object.keys(LIGHT_TOKENS).length);
    assert.equal(dark.size, Object.keys(LIGHT_TOKENS).length);
  });

  it('selects light on :root and data-theme="light", dark on data-theme="dark" (outranking :root)', () => {
    assert.match(themeCss('light'), /^:root,\n\[data-theme='light'\] \{$/m);
    assert.match(themeCss('light'), /color-scheme: light;/);
    assert.match(themeCss('dark'), /^:root\[data-theme='dark'\],\n\[data-theme='dark'\] \{$/m);
    assert.match(themeCss('dark'), /color-scheme: dark;/);
  });

  it('package.json exports each theme from the file the build writes, and keeps it as a side effect', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.equal(manifest.exports['./themes/light.css'], './dist/themes/light.css');
    assert.equal(manifest.exports['./themes/dark.css'], './dist/themes/dark.css');
    assert.ok(manifest.sideEffects.includes('./dist/themes/*.css'), 'bundlers keep `import "customers-console/themes/dark.css"`');
    assert.match(manifest.scripts.build, /tsx scripts\/build-themes\.ts/);
  });
});
