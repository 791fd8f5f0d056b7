// Prints what a partner pays once its app is built (fully minified), gzip, Lit and every dependency included: the whole kit (root entry),
// each element alone, the host SDK and the core — and, bundled with code splitting as apps are by default, what loads
// before the entry runs (the console's customer-page elements come later, on first use). Design budget: whole kit under 50 KB gzip.
//
// `npm run bench:size -- --modules` prints instead what the whole kit is made of, by group (Lit, zod, Floating UI, each
// element's own folder, components/shared, src/query, src/model, src/backend…); `--modules <entry>` does it for one
// entry (`--modules components/customer-table/define.ts`). Gzip compresses the bundle as a whole, so a group has no
// size of its own: its modules' code as the bundle renders it, minified and gzipped together, gives its weight, and the
// weights are scaled so the groups add up to the bundle's real minified and gzip sizes. Read the figures as shares;
// `gzip alone` is the group's weight itself, what it would cost shipped on its own.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
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

/** Vite as a partner's production app build runs it, for both ways an entry is bundled below. */
const APP_BUILD = {
  root,
  configFile: false,
  logLevel: 'silent',
  // The library build's own plugin (vite.config.ts), so what we measure is what partners get.
  plugins: [minifyTemplates()],
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: { conditions: ['production', 'browser', 'import', 'default'] },
};

/**
 * The same entry bundled with code splitting, as a partner's app bundler does by default: its chunks.
 * Every export of the entry is kept, but its chunk may hold more than the entry module, as an app's
 * main chunk does (`allow-extension`): with `strict`, each module shared with a lazy chunk had to
 * go into a chunk of its own (a dozen small files for the console), which no app build makes.
 */
async function splitBuild(entry) {
  const result = await build({
    ...APP_BUILD,
    build: {
      write: false,
      minify: true,
      rolldownOptions: { input: join(root, entry), preserveEntrySignatures: 'allow-extension' },
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((chunk) => chunk.type === 'chunk');
}

/**
 * What the page downloads before the entry runs: its chunk and every chunk it imports statically,
 * gzip, each chunk counted once. Chunks behind `import()` (the console's customer-page elements)
 * load later, when first needed.
 */
function firstLoadChunks(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].map((name) => byName.get(name));
}

function firstLoad(chunks) {
  return firstLoadChunks(chunks).reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
}

/** The entry as one fully minified bundle (no code splitting): its code, and its modules' rendered code. */
async function oneBundle(entry) {
  const outDir = mkdtempSync(join(tmpdir(), 'size-'));
  try {
    const result = await build({
      ...APP_BUILD,
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
    const chunk = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).find((c) => c.type === 'chunk');
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
    return { code: readFileSync(join(outDir, file)), modules: chunk.modules };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const LIT = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
const FLOATING_UI = new Set(['@floating-ui/dom', '@floating-ui/core', '@floating-ui/utils']);

/** The group a module's id belongs to: a dependency (Lit's four packages as one), or a folder of ours. */
function groupOf(id) {
  const path = id.replace(/\0/g, '');
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.split('node_modules/').length > 1 ? path.slice(path.lastIndexOf('node_modules/')) : '');
  if (dependency) {
    const name = dependency[1];
    if (LIT.has(name)) return 'lit (lit-html, lit-element, reactive-element)';
    if (FLOATING_UI.has(name)) return 'floating-ui (dom, core, utils)';
    if (name.startsWith('@oxc-project') || name === 'rolldown' || name === 'vite') return 'bundler runtime (decorators, preload helper)';
    return name;
  }
  if (!path.startsWith(root)) return 'bundler runtime (decorators, preload helper)';
  const relative = path.slice(root.length);
  const parts = relative.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : relative;
}

/** Each group's weight in some modules: their rendered code minified and gzipped together (see the top). */
async function groupWeights(modules) {
  const byGroup = new Map();
  for (const [id, module] of modules) {
    if (!module.code) continue;
    const { code: minified } = await transform(module.code, { minify: true, format: 'esm', loader: 'js' });
    const group = groupOf(id);
    byGroup.set(group, [...(byGroup.get(group) ?? []), minified]);
  }
  const groups = new Map();
  for (const [group, pieces] of byGroup) {
    const joined = pieces.join('\n');
    groups.set(group, { min: joined.length, gzip: gzipSync(joined, { level: 9 }).length, modules: pieces.length });
  }
  return groups;
}

/** Scales weights so that they add up to `total` bytes. */
function scaled(groups, key, total) {
  const sum = [...groups.values()].reduce((n, sums) => n + sums[key], 0);
  return (group) => ((groups.get(group)?.[key] ?? 0) / sum) * total;
}

async function printModules(entry) {
  const { code, modules } = await oneBundle(entry);
  const groups = await groupWeights(Object.entries(modules));
  const min = scaled(groups, 'min', code.length);
  const gzip = scaled(groups, 'gzip', gzipSync(code, { level: 9 }).length);
  // The same for the first load of the split build: the modules in the chunks loaded before the entry runs.
  const chunks = await splitBuild(entry);
  const first = firstLoadChunks(chunks);
  const firstGroups = await groupWeights(first.flatMap((chunk) => Object.entries(chunk.modules)));
  const firstTotal = first.reduce((n, chunk) => n + gzipSync(chunk.code, { level: 9 }).length, 0);
  const firstGzip = scaled(firstGroups, 'gzip', firstTotal);
  const kb = (bytes) => +(bytes / 1024).toFixed(1);
  const rows = [...groups]
    .map(([group, sums]) => ({
      group,
      modules: sums.modules,
      'min KB': kb(min(group)),
      'gzip KB': kb(gzip(group)),
      share: `${((gzip(group) / gzipSync(code, { level: 9 }).length) * 100).toFixed(1)} %`,
      'gzip alone KB': kb(sums.gzip),
      'first load gzip KB': kb(firstGzip(group)),
    }))
    .sort((a, b) => b['gzip KB'] - a['gzip KB']);
  console.log(
    `${entry}: ${kb(code.length)} KB min, ${kb(gzipSync(code, { level: 9 }).length)} KB gzip (first load ${kb(firstTotal)}), by group:`,
  );
  console.table(rows);
}

const modulesFlag = process.argv.indexOf('--modules');
if (modulesFlag >= 0) {
  const entry = process.argv[modulesFlag + 1] ?? 'index.ts';
  if (!existsSync(join(root, entry))) throw new Error(`no entry ${entry}`);
  await printModules(entry);
  process.exit(0);
}

const rows = [];
for (const [label, entry] of Object.entries(entries)) {
  if (!existsSync(join(root, entry))) continue;
  const { code } = await oneBundle(entry);
  rows.push({
    bundle: label,
    'min KB': +(code.length / 1024).toFixed(1),
    'gzip KB': +(gzipSync(code, { level: 9 }).length / 1024).toFixed(1),
    'first load gzip KB': +(firstLoad(await splitBuild(entry)) / 1024).toFixed(1),
  });
}
console.table(rows);
const whole = rows.find((r) => r.bundle.startsWith('whole kit'));
if (whole) console.log(`whole kit: ${whole['gzip KB']} KB gzip (budget 50 KB)`);
