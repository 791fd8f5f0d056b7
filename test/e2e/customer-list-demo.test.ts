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
import type { Page } from 'playwright-core';
import { startDemo, type DemoFixture } from './demo-fixture.js';
import { waitUntil } from '../support/wait-node.js';
import { queryToListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';

const TOKEN = 'list-demo-e2e-token';
const TEST = { timeout: 60_000 };
/** Rows compared per check: fewer than the table shows in the 900px-high page. */
const COMPARED_ROWS = 8;

let demo: DemoFixture;
let server: DemoFixture['server'];
let browser: DemoFixture['browser'];
let api: DemoFixture['api'];

before(async () => {
  demo = await startDemo({ name: 'list-demo-e2e', token: TOKEN });
  ({ server, browser, api } = demo);
});

after(async () => {
  await demo?.close();
});

/** The filter bar, where the admin finds its controls by role and name. */
const filters = (page: Page) => page.locator('customer-filters');

/** Each status's name (its count follows): radios of a radio group, drawn as tabs. */
const STATUS_TAB = { all: /^All/, active: /^Active/, trial: /^In trial/, expired: /^Expired subscription/ } as const;

async function openDemo(search = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await page.goto(`${server.url}/${search}`);
  await page.locator('customer-table [role="row"] [part~="name"]').first().waitFor({ timeout: 20_000 });
  return page;
}

/** The names the table shows, top to bottom: data rows of its grid (rows are recycled, so ordered by aria-rowindex). */
function shownNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Right after a reload or Back the console may not have rendered its table yet: no names so far.
    const table = document.querySelector('customer-console')?.shadowRoot?.querySelector('customer-table')?.shadowRoot;
    if (!table) return [];
    // No named functions in here: the test's compiler would wrap them in a helper the page lacks.
    return [...table.querySelectorAll('[role="grid"] [role="row"][aria-rowindex]')]
      .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), name: row.querySelector('[part~="name"]')?.textContent?.trim() }))
      .filter((row) => row.index > 1)
      .sort((a, b) => a.index - b.index)
      .map((row) => row.name ?? '(loading)');
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
  await waitUntil(async () => JSON.stringify(await first()) === JSON.stringify(want.names), 'the API’s rows', 10_000).catch(() => undefined);
  assert.deepEqual(await first(), want.names);
  const rowCount = await page.locator('customer-table [role="grid"]').getAttribute('aria-rowcount');
  assert.equal(Number(rowCount), want.total + 1, 'aria-rowcount is the true total plus the header row');
}

/** What each shown row says in the named part, top to bottom (text as a person reads it). */
function shownParts(page: Page, part: string): Promise<string[]> {
  return page.evaluate((part) => {
    const table = document.querySelector('customer-console')?.shadowRoot?.querySelector('customer-table')?.shadowRoot;
    if (!table) return [];
    return [...table.querySelectorAll('[role="grid"] [role="row"][aria-rowindex]')]
      .filter((row) => Number(row.getAttribute('aria-rowindex')) > 1)
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => (row.querySelector(`[part~="${part}"]`) as HTMLElement | null)?.innerText.trim() ?? '');
  }, part);
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
    await filters(page).getByRole('searchbox').fill('labs');
    await expectRowsFor(page, { ...DEFAULT_QUERY, q: 'labs' });
    assert.equal(urlParams(page).get('q'), 'labs');
    await page.close();
  });

  it('filters by each status tab', TEST, async () => {
    const page = await openDemo();
    for (const status of ['active', 'trial', 'expired', 'all'] as const) {
      await filters(page).getByRole('radio', { name: STATUS_TAB[status] }).click();
      await expectRowsFor(page, { ...DEFAULT_QUERY, status });
    }
    await page.close();
  });

  it('filters by plans, an app and date joined (preset and custom range)', TEST, async () => {
    const page = await openDemo();
    await filters(page).getByRole('button', { name: /^Plan/ }).click();
    await filters(page).getByRole('checkbox', { name: 'Growth' }).click();
    await filters(page).getByRole('checkbox', { name: 'Free' }).click();
    await page.keyboard.press('Escape');
    const plans = urlParams(page).getAll('plan');
    assert.deepEqual(plans, ['growth', 'free']);
    await expectRowsFor(page, { ...DEFAULT_QUERY, plans });

    await filters(page).getByRole('button', { name: 'Clear all' }).click();
    const apps = await api.listApps();
    const app = apps.find((a) => a.name === 'Huddle Chat')!;
    await filters(page).getByRole('button', { name: /^App/ }).click();
    await page.keyboard.type('huddle');
    await page.keyboard.press('Enter');
    assert.equal(urlParams(page).get('app'), app.id);
    await expectRowsFor(page, { ...DEFAULT_QUERY, app: app.id });

    await filters(page).getByRole('button', { name: 'Clear all' }).click();
    await filters(page).getByRole('button', { name: /^Date joined/ }).click();
    await filters(page).getByRole('button', { name: 'Last 90 days' }).click();
    await expectRowsFor(page, { ...DEFAULT_QUERY, joined: { preset: '90d' } });

    const year = new Date().getUTCFullYear();
    await filters(page).getByRole('button', { name: /^Date joined/ }).click();
    await filters(page).getByLabel('From', { exact: true }).fill(`${year - 1}-01-01`);
    await filters(page).getByLabel('To', { exact: true }).fill(`${year - 1}-12-31`);
    await filters(page).getByRole('button', { name: 'Apply' }).click();
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
    await page.locator('customer-table [role="row"][aria-rowindex="3"] [part~="name"]').click();
    // The console opens the customer's page itself (test/e2e/customer-page-demo.test.ts goes further).
    const heading = page.locator('customer-console [part~="customer-name"]');
    await heading.waitFor();
    assert.equal((await heading.textContent())?.trim(), name);
    assert.match(new URL(page.url()).pathname, /^\/customers\/\d+\/dashboard$/);
    await page.close();
  });

  it('shows every customer of the Expired subscription tab on the Free plan (its ended trial fell to it)', TEST, async () => {
    const page = await openDemo('?status=expired');
    const expired: CustomerQuery = { ...DEFAULT_QUERY, status: 'expired' };
    await expectRowsFor(page, expired);
    const answered = await api.listCustomers(queryToListParams(expired, new Date(), 50));
    assert.ok(answered.items.length > 0);
    assert.deepEqual([...new Set(answered.items.map((c) => c.plan_id))], ['free'], 'the API answers them on the free plan');
    const plans = await shownParts(page, 'plan');
    assert.ok(plans.length >= COMPARED_ROWS, `rows shown: ${plans.length}`);
    assert.deepEqual([...new Set(plans)], ['Free'], 'the table shows the Free plan on every row');
    await page.close();
  });

  it('flags a customer over its connection limit in words', TEST, async () => {
    const busiest = await api.listCustomers(queryToListParams({ ...DEFAULT_QUERY, sort: { key: 'connections', dir: 'desc' } }, new Date(), 200));
    const over = busiest.items.find((c) => c.connections > c.connection_limit);
    assert.ok(over, 'the seeded data has a customer over its connection limit');
    const page = await openDemo(`?q=${encodeURIComponent(over.name)}`);
    await waitUntil(async () => (await shownNames(page)).includes(over.name), `the row of ${over.name}`);
    // What the row shows in its connections cell (the figure, then the flag in words).
    const shown = await page.evaluate((name) => {
      const table = document.querySelector('customer-console')!.shadowRoot!.querySelector('customer-table')!.shadowRoot!;
      const row = [...table.querySelectorAll('[role="row"]')].find((r) => r.querySelector('[part~="name"]')?.textContent?.trim() === name);
      const cell = row?.querySelector('[part~="connections"]') as HTMLElement | null | undefined;
      return { figure: cell?.querySelector('.figure')?.textContent ?? '', flag: cell?.querySelector('[part~="connections-level"]')?.textContent ?? '' };
    }, over.name);
    assert.equal(shown.figure.replace(/\s+/g, ' '), `${over.connections.toLocaleString('en-US')} / ${over.connection_limit.toLocaleString('en-US')}`);
    assert.equal(shown.flag, 'over the limit');
    await page.close();
  });

  it('restores the list on reload and on Back', TEST, async () => {
    const page = await openDemo('?status=trial&sort=name');
    const trialByName: CustomerQuery = { ...DEFAULT_QUERY, status: 'trial', sort: { key: 'name', dir: 'asc' } };
    await expectRowsFor(page, trialByName);
    await filters(page).getByRole('radio', { name: STATUS_TAB.expired }).click();
    await expectRowsFor(page, { ...trialByName, status: 'expired' });
    await page.reload();
    await expectRowsFor(page, { ...trialByName, status: 'expired' });
    await page.goBack();
    await expectRowsFor(page, trialByName);
    assert.equal(await filters(page).getByRole('radio', { name: STATUS_TAB.trial }).getAttribute('aria-checked'), 'true');
    await page.close();
  });
});
