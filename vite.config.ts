/**
 * Two builds:
 * - `vite build` (library): every package entry as an ES module in dist/ — the root (registers every
 *   element), `core` (src, no DOM), `embed` (host SDK) and one file per element under dist/elements/.
 *   Dependencies stay external so a partner's bundler shares one Lit. Declarations come from
 *   `tsc -p tsconfig.build.json`. Modules are preserved, one output file per source module, so each
 *   element's `customElements.define` stays in its own dist/elements/<name>.js — the files
 *   package.json's `sideEffects` names. Split into shared chunks, the define calls landed in a hashed
 *   chunk that list did not name, and production builds by Vite or esbuild dropped every
 *   registration (test/e2e/package-consumer.test.ts builds a partner app from the tarball to check).
 * - `vite build --mode demo`: every demo/**.html page (outside demo/server) into dist-demo/, paths kept
 *   (apart from dist/, which the library build empties, so it never deletes the demo npm start serves).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const root = import.meta.dirname;

function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'components'))) {
    const define = join(root, 'components', name, 'define.ts');
    if (existsSync(define)) entries[`elements/${name}`] = define;
  }
  return entries;
}

function demoPages(dir = join(root, 'demo')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'server' ? [] : demoPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    const pages = demoPages();
    return {
      root: join(root, 'demo'),
      base: '/',
      build: {
        outDir: join(root, 'dist-demo'),
        emptyOutDir: true,
        rollupOptions: {
          input: Object.fromEntries(pages.map((p) => [relative(join(root, 'demo'), p).replace(/\.html$/, ''), p])),
        },
      },
    };
  }
  return {
    // Minifies the CSS of our Lit `css` templates, which the JS minifier leaves as written.
    plugins: [minifyTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      lib: {
        formats: ['es'],
        entry: {
          index: resolve(root, 'index.ts'),
          core: resolve(root, 'src/index.ts'),
          frame: resolve(root, 'frame.ts'),
          server: resolve(root, 'src/server/embed.ts'),
          ...(existsSync(join(root, 'src/embed/host.ts')) ? { embed: resolve(root, 'src/embed/host.ts') } : {}),
          ...elementEntries(),
        },
      },
      rollupOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^@floating-ui\//, /^jose$/, /^node:/],
        output: {
          // See the note at the top: the registrations must stay in the files sideEffects lists.
          preserveModules: true,
          preserveModulesRoot: root,
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
