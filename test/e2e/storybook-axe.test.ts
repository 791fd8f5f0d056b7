/**
 * axe over every story of the static Storybook, as a designer opens it: each story's own
 * `iframe.html?id=<id>&viewMode=story` in Chromium, after its loaders, render and play function
 * have finished and the elements have settled — not only the stories that element tests render.
 *
 * The build: `storybook-static/` when it is newer than every source it is built from (.ci/run
 * builds it before `npm test`, so CI builds Storybook once), else a fresh build into a temp dir
 * (`storybook build`, about 20 s here). The pages are served from 127.0.0.1; one browser, one page,
 * the stories one after another, each with its own time limit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

const REPO = join(import.meta.dirname, '..', '..');
const CHROME = findChromium() ?? '/usr/bin/chromium';
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** One story: load, render, play, settle and axe. The slowest (100,000 generated rows) takes ~5 s here. */
const STORY_TIMEOUT_MS = 30_000;

/**
 * WCAG 2.0/2.1/2.2 A and AA rules, plus axe's best practices as the element tests run them. Turned
 * off, and only these, because a story is a fragment of a page, not a page:
 * - `landmark-one-main`: a page needs one `<main>`; the story's element is placed in the partner's
 *   main (or in a dialog, a tab panel…), which the story frame does not have.
 * - `page-has-heading-one`: a page needs an `<h1>`; the partner's page has it, an element never
 *   renders one of its own (its headings start below the page's).
 * - `region`: all content in landmarks; the story root is a bare `<div>`, where a partner's page
 *   puts the element inside its own landmarks.
 */
const AXE_OPTIONS = {
  // Only violations are read: axe then skips building the (large) passes and incomplete lists.
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'] },
  rules: {
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
    region: { enabled: false },
  },
};

/** The sources a Storybook build is made from (custom-elements.json is derived from components/). */
const SOURCES = ['stories', '.storybook', 'components', 'src', 'package.json'];

function newestSource(): number {
  let newest = 0;
  for (const entry of SOURCES) {
    const path = join(REPO, entry);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, String(f))) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** `storybook-static/` if it is newer than its sources, else a fresh build in a temp dir (removed after). */
function staticStorybook(): { dir: string; built: boolean } {
  const existing = join(REPO, 'storybook-static');
  const index = join(existing, 'index.json');
  if (existsSync(index) && statSync(index).mtimeMs > newestSource()) return { dir: existing, built: false };
  const dir = mkdtempSync(join(tmpdir(), 'storybook-axe-'));
  const run = (args: string[]) => {
    const result = spawnSync('npx', args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  };
  run(['custom-elements-manifest', 'analyze']);
  run(['storybook', 'build', '--quiet', '-o', dir]);
  return { dir, built: true };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    // The browser asks for /favicon.ico on its own; the build has only favicon.svg.
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // The same bundle serves every story: let the browser keep it between navigations.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; html: string; failureSummary?: string }[];
}

/**
 * Installed before Storybook's preview starts: keeps what its channel says about the story —
 * `storyFinished` (with `status: 'error'` when the play function or the render threw) and the
 * exceptions themselves — where the test can read them. A play function that throws still ends in
 * the `finished` phase, so the phase alone would let a story that never reached its state pass.
 */
const WATCH_CHANNEL = `(() => {
  window.__storyErrors = [];
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      const keep = (kind) => (error) => window.__storyErrors.push(kind + ': ' + (error && (error.message || error.description || JSON.stringify(error))));
      value.on('storyFinished', (event) => (window.__storyFinished = event));
      value.on('playFunctionThrewException', keep('play function threw'));
      value.on('storyThrewException', keep('story threw'));
      value.on('storyErrored', keep('story errored'));
      value.on('storyMissing', keep('story missing'));
    },
  });
})();`;

/**
 * Waits until the story has run (Storybook's render phases: loaders, render, play, afterEach, then
 * `storyFinished` on its channel) and fails if it threw anywhere on the way.
 */
async function storySettled(page: Page, id: string): Promise<void> {
  await page.waitForFunction((storyId) => (window as unknown as { __storyFinished?: { storyId: string } }).__storyFinished?.storyId === storyId, id, {
    timeout: STORY_TIMEOUT_MS,
    polling: 50,
  });
  const { status, errors } = await page.evaluate(() => {
    const w = window as unknown as { __storyFinished: { status: string }; __storyErrors: string[] };
    return { status: w.__storyFinished.status, errors: w.__storyErrors };
  });
  if (status !== 'success' || errors.length > 0) throw new Error(`the story did not render cleanly (${status}): ${errors.join(' | ')}`);
}

/**
 * Runs in the page: resolves once the story's defined elements are updated and its composed DOM
 * (shadow roots included) has not changed for `quietMs`, or after `limitMs`. Kept as source text:
 * tsx compiles a function with helpers (`__name`) that the page does not have.
 */
const SETTLE_IN_PAGE = `async ({ quietMs, limitMs }) => {
  const customElementsIn = (root, found = []) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.includes('-')) found.push(el);
      if (el.shadowRoot) customElementsIn(el.shadowRoot, found);
    }
    return found;
  };
  const signature = () => {
    let nodes = 0;
    let children = 0;
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        nodes++;
        children += el.childNodes.length;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return nodes + ':' + children + ':' + document.body.innerText.length;
  };
  const started = performance.now();
  let last = '';
  let stableSince = started;
  while (performance.now() - started < limitMs) {
    // Elements loaded on first use (the console's add-customer form, a customer page's elements)
    // may stand undefined until the admin asks for them: only defined ones are waited for.
    const custom = customElementsIn(document).filter((el) => customElements.get(el.localName));
    await Promise.all(custom.map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 25)));
    const now = signature();
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    } else if (performance.now() - stableSince >= quietMs) return;
  }
}`;

function describeViolations(id: string, violations: Violation[]): string {
  const lines = violations.flatMap((v) => [
    `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  return `${id}:\n${lines.join('\n')}`;
}

let storybook: { dir: string; built: boolean };
let server: Server;
let browser: Browser;
let page: Page;
let base: string;
let storyIds: string[];
const pageErrors: string[] = [];

before(async () => {
  const started = Date.now();
  storybook = staticStorybook();
  const index = JSON.parse(readFileSync(join(storybook.dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  storyIds = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id)
    // STORYBOOK_AXE_ONLY=<regex> narrows the run while working on some stories.
    .filter((id) => !process.env['STORYBOOK_AXE_ONLY'] || new RegExp(process.env['STORYBOOK_AXE_ONLY']).test(id));
  server = await serve(storybook.dir);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  // "StorybookTestRunner" in the user agent is how Storybook knows a test runner drives it: it then
  // pauses CSS animations once the story has rendered instead of waiting up to 5 s for them to end,
  // so axe reads colours at rest.
  const probe = await browser.newPage();
  const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
  await probe.close();
  page = await browser.newPage({ viewport: DESKTOP, userAgent });
  await page.addInitScript(WATCH_CHANNEL);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text().split('\n')[0]!);
  });
  console.info(`storybook-axe: ${storyIds.length} stories, ${storybook.built ? 'built' : 'reused storybook-static/'} in ${Date.now() - started} ms`);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (storybook?.built) rmSync(storybook.dir, { recursive: true, force: true });
});

/** The frame size for a story's `viewport` global (as .storybook/preview.ts and Storybook's minimal set define them). */
const VIEWPORTS: Record<string, { width: number; height: number }> = {
  phone: { width: 375, height: 667 },
  tablet: { width: 768, height: 1024 },
  mobile1: { width: 320, height: 568 },
  mobile2: { width: 414, height: 896 },
};
const DESKTOP = { width: 1280, height: 900 };

/** Opens one story, waits for it, runs axe; throws with the story's violations or page errors. */
async function checkStory(id: string): Promise<void> {
  pageErrors.length = 0;
  const times = [Date.now()];
  // `a11y.manual`: the addon's own axe run (afterEach) stays off; this test runs axe itself, once.
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=a11y.manual:!true`, { timeout: STORY_TIMEOUT_MS });
  times.push(Date.now());
  await storySettled(page, id);
  // A story made for a phone or a tablet (`globals: { viewport }`) is checked at that width, as the
  // manager's viewport tool would show it.
  const viewport = await page.evaluate(
    () => (window as unknown as { __STORYBOOK_PREVIEW__: { currentRender: { story?: { storyGlobals?: { viewport?: { value?: string } } } } } }).__STORYBOOK_PREVIEW__.currentRender.story?.storyGlobals?.viewport?.value,
  );
  const size = (viewport && VIEWPORTS[viewport]) || DESKTOP;
  if (size.width !== page.viewportSize()?.width) await page.setViewportSize(size);
  times.push(Date.now());
  await page.evaluate(`(${SETTLE_IN_PAGE})(${JSON.stringify({ quietMs: 150, limitMs: 5_000 })})`);
  times.push(Date.now());
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: Violation[] }> } }).axe.run(document, options).then((r) => r.violations),
    AXE_OPTIONS,
  );
  times.push(Date.now());
  // STORYBOOK_AXE_TIMING=1: ms to load, to finish the story, to settle, and for axe.
  if (process.env['STORYBOOK_AXE_TIMING']) console.info(id, times.slice(1).map((t, i) => t - times[i]!).join(' '));
  if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join(' | ')}`);
  if (violations.length > 0) throw new Error(describeViolations(id, violations));
}

describe('the static Storybook', () => {
  it('lists stories of every element, the getting-started page among its docs', () => {
    const index = JSON.parse(readFileSync(join(storybook.dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; title: string; type: string }> };
    const titles = new Set(Object.values(index.entries).map((e) => e.title));
    for (const tag of ['customer-table', 'customer-filters', 'customer-console', 'customer-dashboard', 'customer-collaborators', 'customer-switch-button', 'customer-form', 'plan-settings', 'app-access-editor', 'customer-settings']) {
      assert.ok(titles.has(`Elements/${tag}`), `no stories of ${tag}`);
    }
    assert.ok(titles.has('Getting started'));
  });

  it('every story has no axe violation (WCAG A/AA and best practices, less the three page-level rules)', { timeout: 420_000 }, async (t) => {
    const failures: string[] = [];
    const started = Date.now();
    for (const id of storyIds) {
      await t.test(id, { timeout: STORY_TIMEOUT_MS + 10_000 }, async () => {
        try {
          await checkStory(id);
        } catch (error) {
          failures.push(`${id}: ${(error as Error).message}`);
          throw error;
        }
      });
    }
    console.info(`storybook-axe: ${storyIds.length} stories checked in ${Math.round((Date.now() - started) / 1000)} s`);
    assert.deepEqual(failures, [], `\n${failures.join('\n')}`);
  });
});
