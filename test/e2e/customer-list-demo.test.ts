/**
 * The list demo page end to end, in Chromium: `<customer-console>` on demo/index.html against the
 * reference server and its SQLite database, as `npm start` serves it. Every filter, every sortable
 * column both ways, opening a row (its page), reload and Back. What the table shows is compared with what the
 * API answers for the same query (HttpBackend from Node), so client-side querying and the server
 * must agree row for row.
 *
 * The page is built with Vite into a temp dir; the server and browser stop by themselves.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { startServer, type RunningServer } from '../../demo/server/server.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { queryToListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

const REPO = join(import.meta.dirname, '..', '..');
const CHROME = findChromium() ?? '/usr/bin/chromium';
const TOKEN = 'list-demo-e2e-token';
const TEST = { timeout: 60_000 };
/** Rows compared per check: fewer than the table shows in the 900px-high page. */
const COMPARED_ROWS = 8;

let dir: string;
let db: ReturnType<typeof openDatabase>;
let server: RunningServer;
let browser: Browser;
let api: HttpBackend;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'list-demo-e2e-'));
  const staticDir = join(dir, 'dist');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(REPO, 'demo'),
    base: '/',
    build: { outDir: staticDir, emptyOutDir: true, rollupOptions: { input: { index: join(REPO, 'demo/index.html') } } },
  });
  db = openDatabase(join(dir, 'console.sqlite'));
  seedDatabase(db, { seed: 5, count: 600 });
  server = await startServer({ db, staticDir, adminToken: TOKEN, hostname: '127.0.0.1', port: 0 });
  api = new HttpBackend({ baseUrl: `${server.url}/api`, getToken: () => TOKEN });
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openDemo(search = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await page.goto(`${server.url}/${search}`);
  await page.locator('customer-table .body-row [part~="name"]').first().waitFor({ timeout: 20_000 });
  return page;
}

/** The names the table shows, top to bottom (rows are recycled, so ordered by their row index). */
function shownNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = document.querySelector('customer-console')!.shadowRoot!.querySelector('customer-table')!.shadowRoot!;
    return [...table.querySelectorAll<HTMLElement>('.body-row[data-row]')]
      .sort((a, b) => Number(a.dataset['row']) - Number(b.dataset['row']))
      .map((row) => row.querySelector('[part~="name"]')?.textContent?.trim() ?? '(loading)');
  });
}

/** What the API answers for `query`: the first rows' names and the total. */
async function expected(query: CustomerQuery): Promise<{ names: string[]; total: number }> {
  const page = await api.listCustomers(queryToListParams(query, new Date(), COMPARED_ROWS));
  return { names: page.items.map((c) => c.name), total: page.total };
}

/** Waits until the table's first rows are the API's for `query`, then asserts it. */
async function expectRowsFor(page: Page, query: CustomerQuery): Promise<void> {
  const want = await expected(query);
  assert.ok(want.total > 0, `the seeded data has customers for ${JSON.stringify(query)}`);
  const first = async () => (await shownNames(page)).slice(0, Math.min(COMPARED_ROWS, want.total));
  const deadline = Date.now() + 10_000;
  while (JSON.stringify(await first()) !== JSON.stringify(want.names) && Date.now() < deadline) await page.waitForTimeout(50);
  assert.deepEqual(await first(), want.names);
  const rowCount = await page.locator('customer-table [role="grid"]').getAttribute('aria-rowcount');
  assert.equal(Number(rowCount), want.total + 1, 'aria-rowcount is the true total plus the header row');
}

function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('list demo page (npm start) against the SQLite server', () => {
  it('lists customers newest first', TEST, async () => {
    const page = await openDemo();
    await expectRowsFor(page, DEFAULT_QUERY);
    await page.close();
  });

  it('searches', TEST, async () => {
    const page = await openDemo();
    await page.locator('customer-filters #search').fill('labs');
    await expectRowsFor(page, { ...DEFAULT_QUERY, q: 'labs' });
    assert.equal(urlParams(page).get('q'), 'labs');
    await page.close();
  });

  it('filters by each status tab', TEST, async () => {
    const page = await openDemo();
    for (const status of ['active', 'trial', 'expired', 'all'] as const) {
      await page.locator(`customer-filters [data-status="${status}"]`).click();
      await expectRowsFor(page, { ...DEFAULT_QUERY, status });
    }
    await page.close();
  });

  it('filters by plans, an app and date joined (preset and custom range)', TEST, async () => {
    const page = await openDemo();
    await page.locator('customer-filters #plan-button').click();
    await page.locator('customer-filters #plan-panel label', { hasText: 'Growth' }).click();
    await page.locator('customer-filters #plan-panel label', { hasText: 'Free' }).click();
    await page.keyboard.press('Escape');
    const plans = urlParams(page).getAll('plan');
    assert.deepEqual(plans, ['growth', 'free']);
    await expectRowsFor(page, { ...DEFAULT_QUERY, plans });

    await page.locator('customer-filters .clear-all').click();
    const apps = await api.listApps();
    const app = apps.find((a) => a.name === 'Huddle Chat')!;
    await page.locator('customer-filters #app-button').click();
    await page.keyboard.type('huddle');
    await page.keyboard.press('Enter');
    assert.equal(urlParams(page).get('app'), app.id);
    await expectRowsFor(page, { ...DEFAULT_QUERY, app: app.id });

    await page.locator('customer-filters .clear-all').click();
    await page.locator('customer-filters #joined-button').click();
    await page.locator('customer-filters .preset', { hasText: 'Last 90 days' }).click();
    await expectRowsFor(page, { ...DEFAULT_QUERY, joined: { preset: '90d' } });

    const year = new Date().getUTCFullYear();
    await page.locator('customer-filters #joined-button').click();
    await page.locator('customer-filters #joined-from').fill(`${year - 1}-01-01`);
    await page.locator('customer-filters #joined-to').fill(`${year - 1}-12-31`);
    await page.locator('customer-filters .apply').click();
    await expectRowsFor(page, { ...DEFAULT_QUERY, joined: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } });
    await page.close();
  });

  it('sorts every sortable column both ways', TEST, async () => {
    const page = await openDemo();
    const columns = [
      ['customer', 'name'],
      ['joined', 'created_at'],
      ['tasks', 'tasks_used'],
      ['connections', 'connections'],
    ] as const;
    /** The sort the header shows, once a click has landed; and the URL says the same (the default sort is left out). */
    const sortShown = async (header: ReturnType<Page['locator']>, previous: string | null) => {
      await page.waitForFunction(
        ([column, before]) => {
          const table = document.querySelector('customer-console')!.shadowRoot!.querySelector('customer-table')!.shadowRoot!;
          const value = table.querySelector(`[role="columnheader"][data-column="${column}"]`)!.getAttribute('aria-sort');
          return value !== null && value !== before;
        },
        [await header.getAttribute('data-column'), previous] as const,
      );
      const dir = (await header.getAttribute('aria-sort')) === 'ascending' ? ('asc' as const) : ('desc' as const);
      return dir;
    };
    for (const [column, key] of columns) {
      const header = page.locator(`customer-table [role="columnheader"][data-column="${column}"]`);
      const before = await header.getAttribute('aria-sort');
      await header.click();
      const dir = await sortShown(header, before);
      await expectRowsFor(page, { ...DEFAULT_QUERY, sort: { key, dir } });
      assert.equal(urlParams(page).get('sort') ?? '-created_at', dir === 'asc' ? key : `-${key}`);
      await header.click();
      const reversed = await sortShown(header, dir === 'asc' ? 'ascending' : 'descending');
      assert.notEqual(reversed, dir);
      await expectRowsFor(page, { ...DEFAULT_QUERY, sort: { key, dir: reversed } });
      assert.equal(urlParams(page).get('sort') ?? '-created_at', reversed === 'asc' ? key : `-${key}`);
    }
    await page.close();
  });

  it('opens a row', TEST, async () => {
    const page = await openDemo();
    const name = (await shownNames(page))[1]!;
    await page.locator('customer-table .body-row[data-row="1"] [part~="name"]').click();
    // The console opens the customer's page itself (test/e2e/customer-page-demo.test.ts goes further).
    const heading = page.locator('customer-console [part~="customer-name"]');
    await heading.waitFor();
    assert.equal((await heading.textContent())?.trim(), name);
    assert.match(new URL(page.url()).pathname, /^\/customers\/\d+\/dashboard$/);
    await page.close();
  });

  it('restores the list on reload and on Back', TEST, async () => {
    const page = await openDemo('?status=trial&sort=name');
    const trialByName: CustomerQuery = { ...DEFAULT_QUERY, status: 'trial', sort: { key: 'name', dir: 'asc' } };
    await expectRowsFor(page, trialByName);
    await page.locator('customer-filters [data-status="expired"]').click();
    await expectRowsFor(page, { ...trialByName, status: 'expired' });
    await page.reload();
    await expectRowsFor(page, { ...trialByName, status: 'expired' });
    await page.goBack();
    await expectRowsFor(page, trialByName);
    assert.equal(await page.locator('customer-filters [data-status="trial"]').getAttribute('aria-selected'), 'true');
    await page.close();
  });
});
