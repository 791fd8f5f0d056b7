/**
 * The customer page of the demo end to end, in Chromium: `<customer-console>` on demo/index.html
 * against the reference server and its SQLite database, as `npm start` serves it. Open a customer
 * from a filtered list, read its header and dashboard, change the period, see its collaborators,
 * reload, go Back to the list with its query intact, add a customer and find it in the list. What
 * the page shows is compared with what the API answers (HttpBackend from Node), whatever figures
 * the server computes.
 *
 * The page is built with Vite into a temp dir; the server and browser stop by themselves.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startDemo, type DemoFixture } from './demo-fixture.js';
import type { DashboardStats } from '../../src/model/schemas.js';
import { queryToListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import { waitUntil } from '../support/wait-node.js';

const TOKEN = 'page-demo-e2e-token';
const TEST = { timeout: 90_000 };
const COMPARED_ROWS = 8;
const LIST_QUERY: CustomerQuery = { ...DEFAULT_QUERY, status: 'active', sort: { key: 'name', dir: 'asc' } };

let demo: DemoFixture;
let server: DemoFixture['server'];
let browser: DemoFixture['browser'];
let api: DemoFixture['api'];

before(async () => {
  demo = await startDemo({ name: 'page-demo-e2e', token: TOKEN });
  ({ server, browser, api } = demo);
});

after(async () => {
  await demo?.close();
});

/** The names the table shows, top to bottom, through its grid contract (role=row, aria-rowindex, part name). */
function shownNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = document.querySelector('customer-console')!.shadowRoot!.querySelector('customer-table')!.shadowRoot!;
    return [...table.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][aria-rowindex]')]
      .filter((row) => row.querySelector('[role="gridcell"]'))
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => row.querySelector('[part~="name"]')?.textContent?.trim() ?? '(loading)');
  });
}


async function expectRowsFor(page: Page, query: CustomerQuery): Promise<string[]> {
  const want = (await api.listCustomers(queryToListParams(query, new Date(), COMPARED_ROWS))).items.map((c) => c.name);
  assert.ok(want.length > 0, 'the seeded data has customers for the query');
  const first = async () => (await shownNames(page)).slice(0, want.length);
  await waitUntil(async () => JSON.stringify(await first()) === JSON.stringify(want), `rows ${want.join(', ')}`).catch(() => undefined);
  assert.deepEqual(await first(), want);
  return want;
}

function consoleParams(page: Page): string {
  return new URL(page.url()).searchParams.toString();
}

/** The text an element shows, its shadow tree's included (an element's own rendering is in its shadow root). */
function deepText(element: Locator): Promise<string> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return element.evaluate((root) => {
    const parts: string[] = [];
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      const children = [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

const number = (value: number) => value.toLocaleString('en-US');

/** The dashboard shows the API's figures for the period (its own layout is its business; the numbers are the contract). */
async function expectDashboard(dashboard: Locator, stats: DashboardStats): Promise<void> {
  const figures = [stats.active_recipes, stats.successful_jobs, stats.failed_jobs].map(number);
  const shows = async () => {
    const text = await deepText(dashboard);
    return figures.every((figure) => text.includes(figure));
  };
  await waitUntil(shows, `the dashboard showing ${figures.join(', ')}`);
}

describe('customer page demo (npm start) against the SQLite server', () => {
  it('opens a customer from the list, reads its dashboard, changes period, sees collaborators, reloads, and Back finds the list as it was', TEST, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(`${server.url}/?status=active&sort=name`);
    const names = await expectRowsFor(page, LIST_QUERY);

    await page.locator('customer-table [role="row"][aria-rowindex="3"] [part~="name"]').click();
    const heading = page.locator('customer-console [part~="customer-name"]');
    await heading.waitFor();
    assert.equal((await heading.textContent())?.trim(), names[1]);
    const path = /^\/customers\/(\d+)\/dashboard$/.exec(new URL(page.url()).pathname);
    assert.ok(path, `a customer page address, not ${page.url()}`);
    const id = Number(path[1]);
    assert.equal(consoleParams(page), '', 'the list query stays with the list');

    const customer = await api.getCustomer(id);
    assert.equal(customer.name, names[1]);
    const facts = (await page.locator('customer-console [part~="facts"]').textContent())!.replace(/\s+/g, ' ');
    assert.ok(facts.includes(`${number(customer.tasks_used)} / ${number(customer.task_limit)}`), facts);
    assert.ok(facts.includes(`${number(customer.connections)} / ${number(customer.connection_limit)}`), facts);
    assert.equal(await page.locator('customer-console customer-switch-button').count(), 1);

    const dashboard = page.locator('customer-console customer-dashboard');
    await expectDashboard(dashboard, await api.getDashboard(id, '7d'));

    await dashboard.getByText('Last 30 days').click();
    await waitUntil(async () => consoleParams(page) === 'period=30d', 'period=30d in the URL');
    await expectDashboard(dashboard, await api.getDashboard(id, '30d'));

    await page.getByRole('tab', { name: 'Collaborators' }).click();
    await waitUntil(async () => new URL(page.url()).pathname === `/customers/${id}/collaborators`, 'the collaborators address');
    const team = await api.listCollaborators(id);
    const collaborators = page.locator('customer-console customer-collaborators');
    await waitUntil(async () => {
      const text = await deepText(collaborators);
      return team.every((member) => text.includes(member.name));
    }, `the team: ${team.map((m) => m.name).join(', ')}`);

    await page.reload();
    await heading.waitFor();
    assert.equal((await heading.textContent())?.trim(), customer.name);
    assert.equal(await page.getByRole('tab', { name: 'Collaborators' }).getAttribute('aria-selected'), 'true');

    await page.goBack();
    await waitUntil(async () => consoleParams(page) === 'period=30d', 'the 30-day dashboard again');
    assert.equal(await page.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected'), 'true');
    await page.goBack();
    await waitUntil(async () => new URL(page.url()).pathname === `/customers/${id}/dashboard` && consoleParams(page) === '', 'the 7-day dashboard');
    await page.goBack();
    await waitUntil(async () => new URL(page.url()).pathname === '/', 'the list address');
    assert.equal(consoleParams(page), 'status=active&sort=name');
    await expectRowsFor(page, LIST_QUERY);
    assert.match((await page.locator('customer-filters').getByRole('radio', { checked: true }).textContent()) ?? '', /^\s*Active/);
    await page.close();
  });

  it('adds a customer: its page opens, and the list has it', TEST, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(`${server.url}/`);
    await expectRowsFor(page, DEFAULT_QUERY);
    const name = `E2E Added ${process.pid}`;

    await page.locator('customer-console [part~="add-button"]').click();
    const form = page.locator('customer-console customer-form');
    await form.getByLabel(/customer name/i).fill(name);
    await form.getByLabel(/notification email/i).fill('e2e-added@example.com');
    // The plan list opens on an empty "choose" entry: the admin picks the first of the partner's plans.
    await form.getByLabel(/^plan/i).selectOption({ index: 1 });
    await form.getByRole('button', { name: /add customer/i }).click();

    const heading = page.locator('customer-console [part~="customer-name"]');
    await waitUntil(async () => (await heading.count()) > 0 && (await heading.textContent())?.trim() === name, 'the new customer’s page');
    assert.equal(await page.locator('customer-console dialog[part~="dialog"]').evaluate((d) => (d as HTMLDialogElement).open), false);
    const created = (await api.listCustomers({ q: name, page: 1, per_page: 5 })).items;
    assert.equal(created.length, 1, 'the server has it, once');
    assert.equal(new URL(page.url()).pathname, `/customers/${created[0]!.id}/dashboard`);
    assert.equal((await page.locator('customer-console [aria-live="polite"]').textContent())?.trim(), `${name} was added.`);

    await page.getByRole('button', { name: 'Back to customers' }).click();
    await waitUntil(async () => (await shownNames(page))[0] === name, 'the new customer first in the list, newest first');
    await page.close();
  });
});
