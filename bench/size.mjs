// Prints what a partner pays once its app is built (fully minified), gzip, Lit and every dependency included: the whole kit (root entry),
// each element alone, the host SDK and the core — and, bundled with code splitting as apps are by default, what loads
// before the entry runs (the console's customer-page elements come later, on first use). Design budget: whole kit under 50 KB gzip.
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

/** The same entry bundled with code splitting, as a partner's app bundler does by default: its chunks. */
async function splitBuild(entry) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { conditions: ['production', 'browser', 'import', 'default'] },
    build: {
      write: false,
      minify: true,
      rolldownOptions: { input: join(root, entry), preserveEntrySignatures: 'strict' },
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((chunk) => chunk.type === 'chunk');
}

/**
 * What the page downloads before the entry runs: its chunk and every chunk it imports statically,
 * gzip, each chunk counted once. Chunks behind `import()` (the console's customer-page elements)
 * load later, when first needed.
 */
function firstLoad(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].reduce((sum, name) => sum + gzipSync(byName.get(name).code, { level: 9 }).length, 0);
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
  rows.push({
    bundle: label,
    'min KB': +(code.length / 1024).toFixed(1),
    'gzip KB': +(gzipSync(code, { level: 9 }).length / 1024).toFixed(1),
    'first load gzip KB': +(firstLoad(await splitBuild(entry)) / 1024).toFixed(1),
  });
  rmSync(outDir, { recursive: true, force: true });
}
console.table(rows);
const whole = rows.find((r) => r.bundle.startsWith('whole kit'));
if (whole) console.log(`whole kit: ${whole['gzip KB']} KB gzip (budget 50 KB)`);
