// Prints what a partner pays once its app is built (fully minified), gzip, Lit and every dependency included: the whole kit (root entry),
// each element alone, the host SDK and the core. Design budget: whole kit under 50 KB gzip.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from '../scripts/minify-templates.mjs';

const root = new URL('..', import.meta.url).pathname;
const entries = {
  'whole kit (customers-console)': 'index.ts',
  'core (customers-console/core)': 'src/index.ts',
  'host SDK (customers-console/embed)': 'src/embed/host.ts',
};
for (const name of readdirSync(join(root, 'components'))) {
  const define = join('components', name, 'define.ts');
  if (existsSync(join(root, define))) entries[`${name} alone`] = define;
}

const rows = [];
for (const [label, entry] of Object.entries(entries)) {
  if (!existsSync(join(root, entry))) continue;
  const outDir = mkdtempSync(join(tmpdir(), 'size-'));
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    // The library build's own plugin (vite.config.ts), so what we measure is what partners get.
    plugins: [minifyTemplates()],
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { conditions: ['production', 'browser', 'import', 'default'] },
    build: {
      outDir,
      minify: true,
      write: true,
      // Bundled as a partner's app bundles it (fully minified, every export kept), not in library
      // mode, which leaves the JavaScript's whitespace for the partner's bundler to remove.
      rolldownOptions: {
        input: join(root, entry),
        preserveEntrySignatures: 'strict',
        output: { codeSplitting: false, entryFileNames: 'bundle.js' },
      },
    },
  });
  const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
  const code = readFileSync(join(outDir, file));
  rows.push({ bundle: label, 'min KB': +(code.length / 1024).toFixed(1), 'gzip KB': +(gzipSync(code, { level: 9 }).length / 1024).toFixed(1) });
  rmSync(outDir, { recursive: true, force: true });
}
console.table(rows);
const whole = rows.find((r) => r.bundle.startsWith('whole kit'));
if (whole) console.log(`whole kit: ${whole['gzip KB']} KB gzip (budget 50 KB)`);
