/**
 * The package as a partner gets it: `npm pack` (its prepack builds the library and the manifest),
 * the tarball installed into a fresh app, each element entry and the root bundled for production
 * with Vite, esbuild and webpack 5 (all honour `sideEffects`, which once dropped every registration),
 * then each bundle loaded in Chromium: the elements it imports must be registered and render.
 *
 * The app, the bundles and the static server live in a temp dir; everything stops by itself.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import webpack from 'webpack';
import { chromium, type Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';
import { themeCss } from '../../components/shared/tokens.js';
import { buildOpenApiDocument } from '../../src/contract/openapi.js';

const REPO = join(import.meta.dirname, '..', '..');
const CHROME = findChromium() ?? '/usr/bin/chromium';
const TAGS = [
  'customer-table',
  'customer-filters',
  'customer-console',
  'customer-dashboard',
  'customer-collaborators',
  'customer-switch-button',
  'customer-form',
  'plan-settings',
  'customer-settings',
  'app-access-editor',
] as const;
type Tag = (typeof TAGS)[number];

/** Each entry a partner may import, and the elements it must register. */
const ENTRIES: { name: string; specifier: string; registers: Tag[] }[] = [
  { name: 'root', specifier: 'customers-console', registers: [...TAGS] },
  { name: 'table', specifier: 'customers-console/customer-table.js', registers: ['customer-table'] },
  { name: 'filters', specifier: 'customers-console/customer-filters.js', registers: ['customer-filters'] },
  // The console registers its list's elements at once; the add-customer form and a customer page's load when first needed (checked below).
  { name: 'console', specifier: 'customers-console/customer-console.js', registers: ['customer-table', 'customer-filters', 'customer-console'] },
  { name: 'dashboard', specifier: 'customers-console/customer-dashboard.js', registers: ['customer-dashboard'] },
  { name: 'collaborators', specifier: 'customers-console/customer-collaborators.js', registers: ['customer-collaborators'] },
  { name: 'switch-button', specifier: 'customers-console/customer-switch-button.js', registers: ['customer-switch-button'] },
  // The settings render the switch button in their name section.
  { name: 'settings', specifier: 'customers-console/customer-settings.js', registers: ['customer-settings', 'customer-switch-button'] },
  { name: 'form', specifier: 'customers-console/customer-form.js', registers: ['customer-form'] },
  { name: 'plan-settings', specifier: 'customers-console/plan-settings.js', registers: ['plan-settings'] },
  { name: 'app-access', specifier: 'customers-console/app-access-editor.js', registers: ['app-access-editor'] },
];

let dir: string;
let app: string;
let packed: string[];
let server: Server;
let origin: string;
let browser: Browser;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function serve(root: string): Promise<Server> {
  const http = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'package-consumer-'));
  // The last line npm prints is the tarball's name (prepack's build output comes before it).
  const tarball = join(dir, npm(['pack', '--pack-destination', dir], REPO).trim().split('\n').at(-1)!);
  packed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('package/') && !line.endsWith('/'))
    .map((line) => line.slice('package/'.length));
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'partner-app', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball], app);
  for (const entry of ENTRIES) {
    // What a partner writes: import the entry for its registration, nothing else from it.
    writeFileSync(
      join(app, `${entry.name}.js`),
      `import '${entry.specifier}';\nimport { MemoryBackend } from 'customers-console/core';\nwindow.demoBackend = new MemoryBackend({ size: 40 });\n`,
    );
    writeFileSync(join(app, `${entry.name}.html`), `<!doctype html><html lang="en"><body><script type="module" src="./${entry.name}.js"></script></body></html>`);
  }
  const site = join(dir, 'site');
  await viteBuild({
    root: app,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    base: './',
    build: {
      outDir: join(site, 'vite'),
      emptyOutDir: true,
      rollupOptions: { input: Object.fromEntries(ENTRIES.map((e) => [e.name, join(app, `${e.name}.html`)])) },
    },
  });
  await esbuild({
    absWorkingDir: app,
    entryPoints: ENTRIES.map((e) => join(app, `${e.name}.js`)),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(site, 'esbuild'),
    logLevel: 'silent',
  });
  for (const entry of ENTRIES) {
    writeFileSync(join(site, 'esbuild', `${entry.name}.html`), `<!doctype html><html lang="en"><body><script type="module" src="./${entry.name}.js"></script></body></html>`);
  }
  // webpack 5 in production mode: its own tree shaking reads `sideEffects` too.
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: app,
        entry: Object.fromEntries(ENTRIES.map((e) => [e.name, join(app, `${e.name}.js`)])),
        output: { path: join(site, 'webpack'), filename: '[name].js', module: true, chunkFormat: 'module' },
        experiments: { outputModule: true },
        resolve: { modules: [join(app, 'node_modules')] },
        performance: { hints: false },
        infrastructureLogging: { level: 'error' },
      },
      (error, result) => (error || !result ? reject(error ?? new Error('webpack gave no stats')) : resolve(result)),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  for (const entry of ENTRIES) {
    writeFileSync(join(site, 'webpack', `${entry.name}.html`), `<!doctype html><html lang="en"><body><script type="module" src="./${entry.name}.js"></script></body></html>`);
  }
  server = await serve(site);
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the built library, its types, the manifest and the licence', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'dist/index.js', 'dist/core.js', 'dist/embed.js', 'dist/frame.js', 'dist/types/frame.d.ts', 'dist/server.js', 'dist/types/src/server/embed.d.ts', 'dist/types/index.d.ts', 'dist/react.d.ts', 'dist/web-types.json', 'dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json']) {
      assert.ok(packed.includes(file), `${file} is in the tarball (it has ${packed.length} files)`);
    }
    for (const tag of TAGS) assert.ok(packed.includes(`dist/elements/${tag}.js`), `dist/elements/${tag}.js is in the tarball`);
    assert.deepEqual(packed.filter((f) => /\.test\.|^test\/|^demo\/|^stories\//.test(f)), [], 'no tests, demo or stories');
  });

  it('its README links only to what it ships (or to its own sections)', () => {
    const readme = readFileSync(join(app, 'node_modules/customers-console/README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !href.startsWith('#') && !/^[a-z]+:/.test(href));
    assert.deepEqual(links.filter((href) => !packed.includes(href.replace(/^\.\//, ''))), [], 'relative links to files outside the package');
  });

  it('ships the light and dark themes, resolvable as customers-console/themes/<name>.css, from the tokens', () => {
    const resolve = createRequire(join(app, 'index.js')).resolve;
    for (const name of ['light', 'dark'] as const) {
      assert.ok(packed.includes(`dist/themes/${name}.css`), `dist/themes/${name}.css is in the tarball`);
      const file = resolve(`customers-console/themes/${name}.css`);
      assert.equal(readFileSync(file, 'utf8'), themeCss(name), `${name}.css is the tokens' ${name} theme`);
    }
  });

  it('ships the contract: customers-console/openapi.json is the generated document, and the checker bin runs', () => {
    assert.ok(packed.includes('dist/openapi.json') && packed.includes('dist/contract-cli.js'), 'the document and the CLI are in the tarball');
    const resolve = createRequire(join(app, 'index.js')).resolve;
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(JSON.parse(readFileSync(resolve('customers-console/openapi.json'), 'utf8')), buildOpenApiDocument({ version }));
    const help = execFileSync(join(app, 'node_modules/.bin/customers-console-contract'), ['--help'], { encoding: 'utf8' });
    assert.match(help, /^Usage: customers-console-contract --base-url/);
  });

  it('registers each element where sideEffects says: every file with a customElements.define is listed', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/customers-console/package.json'), 'utf8')) as { sideEffects: string[] };
    const defining = packed.filter((f) => f.endsWith('.js') && readFileSync(join(app, 'node_modules/customers-console', f), 'utf8').includes('customElements.define'));
    assert.deepEqual(defining.sort(), TAGS.map((t) => `dist/elements/${t}.js`).sort());
    for (const file of defining) {
      const listed = manifest.sideEffects.some((pattern) => new RegExp(`^${pattern.replace(/^\.\//, '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file));
      assert.ok(listed, `${file} is listed in sideEffects`);
    }
  });
});

describe('the framing server module in Node', () => {
  it('customers-console/server from the tarball: a minted token opens a grant, its second use and a stranger are refused', () => {
    // The README's copyable example, run as a partner's console server would: plain Node, the package's entry.
    writeFileSync(
      join(app, 'server-check.mjs'),
      `import { checkEmbedRequest, EmbedRefused, framedPageHtml, mintEmbedToken } from 'customers-console/server';
const secret = new TextEncoder().encode('a-secret-of-at-least-32-bytes-for-hs256!');
const used = new Set();
const store = {
  claimTokenId: (jti) => (used.has(jti) ? false : (used.add(jti), true)),
  customerOrigins: (id) => (id === 42 ? ['https://app.customer.example'] : null),
  partnerOrigins: ['https://partner.example'],
};
const token = await mintEmbedToken({ customerId: 42, secret });
const grant = await checkEmbedRequest({ token, origin: 'https://app.customer.example' }, { secret, store });
const refusal = (promise) => promise.then(() => 'opened', (error) => (error instanceof EmbedRefused ? error.reason : String(error)));
const again = await refusal(checkEmbedRequest({ token, origin: 'https://app.customer.example' }, { secret, store }));
const stranger = await refusal(checkEmbedRequest({ token: await mintEmbedToken({ customerId: 42, secret }), origin: 'https://evil.example' }, { secret, store }));
const page = framedPageHtml('<html><head></head><body></body></html>', { session: 's'.repeat(32), customer_id: 42, origin: grant.origin, expires_at: new Date().toISOString(), api_base: '/api', origin_source: grant.source });
console.log(JSON.stringify({ grant, again, stranger, csp: page.headers['Content-Security-Policy'].split(';')[0] }));
`,
    );
    const output = execFileSync(process.execPath, ['server-check.mjs'], { cwd: app, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), {
      grant: { customerId: 42, origin: 'https://app.customer.example', source: 'customer' },
      again: 'token-reused',
      stranger: 'origin-not-allowed',
      csp: 'frame-ancestors https://app.customer.example',
    });
  });
});

describe('editor and framework tooling in the tarball', () => {
  const installed = (file: string) => join(app, 'node_modules/customers-console', file);

  it('the manifest names the shipped modules, each element\'s definition and its events\' types', () => {
    const manifest = JSON.parse(readFileSync(installed('custom-elements.json'), 'utf8')) as {
      modules: { path: string; declarations?: { tagName?: string; customElement?: boolean; events?: { name: string; type?: { text: string } }[] }[]; exports?: { kind: string; name: string; declaration: { module: string } }[] }[];
    };
    for (const module of manifest.modules) assert.ok(packed.includes(module.path), `${module.path} (a manifest module) is in the tarball`);
    for (const tag of TAGS) {
      const definition = manifest.modules.find((m) => m.path === `dist/elements/${tag}.js`)?.exports?.find((e) => e.kind === 'custom-element-definition');
      assert.equal(definition?.name, tag, `dist/elements/${tag}.js defines <${tag}>`);
      assert.ok(packed.includes(definition.declaration.module), `its class lives in ${definition.declaration.module}, which is shipped`);
    }
    const events = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []);
    assert.ok(events.length >= TAGS.length, `events are documented (${events.length})`);
    for (const event of events) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${event.name} has its detail type`);
  });

  it('ships VS Code custom data and JetBrains web-types naming every element', () => {
    const pkg = JSON.parse(readFileSync(installed('package.json'), 'utf8')) as { 'web-types': string };
    const webTypes = JSON.parse(readFileSync(installed(pkg['web-types']), 'utf8')) as { contributions: { html: { elements: { name: string }[] } } };
    const vscode = JSON.parse(readFileSync(installed('dist/vscode.html-custom-data.json'), 'utf8')) as { tags: { name: string }[] };
    for (const tag of TAGS) {
      assert.ok(webTypes.contributions.html.elements.some((e) => e.name === tag), `web-types names <${tag}>`);
      assert.ok(vscode.tags.some((t) => t.name === tag), `VS Code data names <${tag}>`);
    }
  });

  it('customers-console/react types React 19 JSX: properties, and on<event-name> handlers with their detail', () => {
    // React's types as a partner's app has them (the repo's copy, linked in: offline and identical).
    for (const name of ['@types/react', 'csstype']) {
      mkdirSync(join(app, 'node_modules', name, '..'), { recursive: true });
      symlinkSync(join(REPO, 'node_modules', name), join(app, 'node_modules', name), 'dir');
    }
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, jsx: 'react-jsx', module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false, types: [] }, files: ['react-check.tsx'] }),
    );
    writeFileSync(
      join(app, 'react-check.tsx'),
      `import type {} from 'customers-console/react';
import { DEFAULT_QUERY, MemoryBackend } from 'customers-console/core';

const backend = new MemoryBackend();
export const ok = (
  <>
    <customer-console backend={backend} no-url-sync oncustomer-select={(event) => console.log(event.detail.id.toFixed())} />
    <customer-table query={DEFAULT_QUERY} mode="server" onsort-change={(event) => event.detail.sort.key} />
    <customer-dashboard customerId={1} period="30d" onperiod-change={(event) => event.detail.period} />
  </>
);
// @ts-expect-error a mode the table does not have
export const badMode = <customer-table mode="fast" />;
// @ts-expect-error customer-select's detail has no name
export const badDetail = <customer-console oncustomer-select={(event) => event.detail.name} />;
`,
    );
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = execFileSync(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    assert.equal(output.trim(), '', 'the React page type-checks, and both wrong uses are errors');
  });
});

for (const bundler of ['vite', 'esbuild', 'webpack'] as const) {
  describe(`bundled for production with ${bundler}`, () => {
    for (const entry of ENTRIES) {
      it(`import '${entry.specifier}' registers ${entry.registers.join(', ')}, and they render`, { timeout: 60_000 }, async () => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        try {
          await page.goto(`${origin}/${bundler}/${entry.name}.html`);
          await page.waitForFunction(() => (window as unknown as { demoBackend?: unknown }).demoBackend !== undefined, undefined, { timeout: 10_000 });
          const registered = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), [...TAGS]);
          assert.deepEqual(registered, TAGS.filter((tag) => entry.registers.includes(tag)));

          const shown = entry.registers.includes('customer-console') ? 'customer-console' : entry.registers[0]!;
          await page.evaluate(async (tag) => {
            const element = document.createElement(tag) as HTMLElement & { backend?: unknown; noUrlSync?: boolean; customerId?: number; customer?: unknown };
            const backend = (
              window as unknown as { demoBackend: { listCustomers(p: object): Promise<{ items: { id: number }[] }>; getCustomer(id: number): Promise<unknown> } }
            ).demoBackend;
            element.backend = backend;
            if (tag === 'customer-console') element.noUrlSync = true;
            if (tag === 'customer-dashboard') element.customerId = (await backend.listCustomers({ per_page: 1 })).items[0]!.id;
            if (tag === 'customer-collaborators' || tag === 'customer-switch-button') element.customerId = 1;
            if (tag === 'plan-settings' || tag === 'customer-settings' || tag === 'app-access-editor') element.customer = await backend.getCustomer(1);
            element.style.blockSize = '600px';
            document.body.append(element);
          }, shown);
          if (shown === 'customer-filters') {
            const search = page.locator('customer-filters').getByRole('searchbox');
            await search.waitFor({ timeout: 10_000 });
            assert.equal(await search.count(), 1);
          } else if (shown === 'customer-dashboard') {
            // The period choice, then the loaded figures (or the no-recipes message).
            await page.locator('customer-dashboard').getByRole('radio', { name: 'Last 7 days' }).waitFor({ timeout: 10_000 });
            await page.locator('customer-dashboard [part~="stats"], customer-dashboard [part~="message"]').first().waitFor({ timeout: 10_000 });
          } else if (shown === 'customer-collaborators') {
            // The team's rows (the header row is the table's first row), each with a member's name.
            const rows = page.getByRole('table').getByRole('row').filter({ has: page.locator('[part~="name"]') });
            await rows.first().waitFor({ timeout: 10_000 });
            assert.ok((await rows.count()) >= 1, `team rows rendered (${await rows.count()})`);
          } else if (shown === 'customer-switch-button') {
            const button = page.getByRole('button', { name: 'Switch to this account' });
            await button.waitFor({ timeout: 10_000 });
            assert.equal(await button.count(), 1);
          } else if (shown === 'plan-settings') {
            const plans = page.getByRole('group', { name: 'Plan' }).getByRole('radio');
            await plans.first().waitFor({ timeout: 10_000 });
            assert.ok((await plans.count()) >= 2, `plan choices rendered (${await plans.count()})`);
          } else if (shown === 'customer-settings') {
            const externalId = page.locator('customer-settings').getByRole('textbox', { name: 'External ID' });
            await externalId.waitFor({ timeout: 10_000 });
            assert.equal(await externalId.count(), 1);
          } else if (shown === 'app-access-editor') {
            const edit = page.getByRole('button', { name: 'Edit app access' });
            await edit.waitFor({ timeout: 10_000 });
            await page.locator('app-access-editor [part~="status"]').waitFor({ timeout: 10_000 });
            assert.equal(await edit.count(), 1);
          } else if (shown === 'customer-form') {
            const name = page.getByRole('textbox', { name: 'Customer name' });
            await name.waitFor({ timeout: 10_000 });
            assert.equal(await name.count(), 1);
          } else {
            // Data rows (the header row is the grid's first row) with a customer name in them.
            const rows = page.getByRole('grid').getByRole('row').filter({ has: page.locator('[part~="name"]') });
            await rows.first().waitFor({ timeout: 10_000 });
            assert.ok((await rows.count()) > 3, `rows rendered (${await rows.count()})`);
            if (entry.name === 'console') {
              // So does the add-customer form: "Add customer" loads it, and its dialog shows it.
              await page.getByRole('button', { name: 'Add customer' }).click();
              await page.getByRole('dialog', { name: 'Add customer' }).getByRole('textbox', { name: 'Customer name' }).waitFor({ timeout: 10_000 });
              await page.keyboard.press('Escape');
              // The customer page's elements come in their own chunks: they load from this bundle and render.
              await page.evaluate(() => Object.assign(document.querySelector('customer-console')!, { customerId: 1, tab: 'settings' }));
              await page.locator('customer-settings').getByRole('textbox', { name: 'External ID' }).waitFor({ timeout: 10_000 });
              await page.locator('plan-settings').getByRole('radio').first().waitFor({ timeout: 10_000 });
              const registered = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), [...TAGS]);
              assert.deepEqual(registered.sort(), TAGS.filter((tag) => tag !== 'customer-dashboard' && tag !== 'customer-collaborators').sort(), 'the form, the settings tab\'s elements and the header\'s switch button');
            }
          }
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
