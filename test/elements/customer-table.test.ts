// customer-table in real Chromium: real clicks and keys, axe in every state. Things are found by
// role, accessible name, aria-rowindex and documented part (test/support/table-queries.ts).
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-table/define.js';
import type { CustomerTable } from '../../components/customer-table/define.js';
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { App, Customer, CustomerPage, Plan } from '../../src/model/schemas.js';
import type { CustomerListParams, CustomerQuery } from '../../src/query/types.js';
import { DEFAULT_QUERY } from '../../src/query/types.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { makeCustomer } from '../support/customers.js';
import {
  allInTable,
  cellOf,
  columnOf,
  dataRows,
  focusedIn,
  grid,
  header,
  inTable,
  message,
  nodeCount,
  rowAt,
  rowIndexOf,
  scrollTableTo,
  settle,
  shownNames,
} from '../support/table-queries.js';
import { click, press } from '../support/user.js';
import { nextEvent, until } from '../support/wait.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const PLANS: Plan[] = [
  { id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 },
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
];
const APPS: App[] = [
  { id: 'huddle', name: 'Huddle Chat', icon: null },
  { id: 'ledgerly', name: 'Ledgerly', icon: null },
];
const COLUMN_NAMES = ['Customer', 'Date joined', 'Tasks used in billing period', 'Connections', 'Connected apps'];

/** This file's customers: joined on day `id` of 2025, `id * 10` tasks and `id` connections, two apps. */
function customer(id: number, name: string, fields: Partial<Customer> = {}): Customer {
  return makeCustomer({
    id,
    name,
    created_at: new Date(Date.UTC(2025, 0, id)).toISOString(),
    tasks_used: id * 10,
    connections: id,
    top_apps: ['huddle', 'ledgerly'],
    ...fields,
  });
}

const FIVE: Customer[] = [
  customer(1, 'Acme Logistics', { external_id: 'ACME-1', tasks_used: 950 }),
  customer(2, 'Blue Harbor', { tasks_used: 1_200 }),
  customer(3, 'Café Olé', { plan_id: 'growth', task_limit: 10_000 }),
  customer(4, 'Delta Foods', { in_trial: true, trial_ends_at: '2026-12-20T00:00:00.000Z' }),
  customer(5, 'Evergreen Labs', { external_id: 'ev-5' }),
];

const HOSTILE = '<img src=x onerror="window.__pwned = true">';

function many(count: number): Customer[] {
  const base = customer(1, 'x');
  return Array.from({ length: count }, (_, i) => ({ ...base, id: i + 1, name: `Customer ${String(i + 1).padStart(6, '0')}` }));
}

async function render(props: Partial<CustomerTable>, height = 400): Promise<CustomerTable> {
  const el = await fixture<CustomerTable>(html`<customer-table style="block-size: ${height}px"></customer-table>`);
  Object.assign(el, { now: NOW, apps: APPS, plans: PLANS, ...props });
  await settle(el);
  return el;
}

/** A Backend whose list calls wait until the test answers them, in any order. */
class ControlledBackend {
  calls: {
    params: CustomerListParams;
    signal: AbortSignal | undefined;
    settled: boolean;
    resolve: (p: CustomerPage) => void;
    reject: (e: unknown) => void;
  }[] = [];
  listCustomers(params: CustomerListParams, options?: CallOptions): Promise<CustomerPage> {
    return new Promise((resolve, reject) => {
      const call = {
        params,
        signal: options?.signal,
        settled: false,
        resolve: (p: CustomerPage) => ((call.settled = true), resolve(p)),
        reject: (e: unknown) => ((call.settled = true), reject(e)),
      };
      this.calls.push(call);
    });
  }
  listApps(): Promise<App[]> {
    return Promise.resolve(APPS);
  }
  listPlans(): Promise<Plan[]> {
    return Promise.resolve(PLANS);
  }
  /** Requests the table still waits for: neither answered nor aborted. */
  get open() {
    return this.calls.filter((c) => !c.settled && !c.signal?.aborted);
  }
  asBackend(): Backend {
    return this as unknown as Backend;
  }
}

function page(items: Customer[], total: number, pageNumber = 1, perPage = 100): CustomerPage {
  return { items, total, page: pageNumber, per_page: perPage, counts: { all: total, active: total, trial: 0, expired: 0 } };
}

const part = (row: Element, name: string) => row.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('customer-table', () => {
  it('shows the documented columns and one row per customer, with no axe violations', async () => {
    const el = await render({ customers: FIVE });
    const headers = allInTable(el, '[role="columnheader"]').map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(COLUMN_NAMES);
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('6');
    // Default sort: newest first.
    expect(shownNames(el)).to.deep.equal(['Evergreen Labs', 'Delta Foods', 'Café Olé', 'Blue Harbor', 'Acme Logistics']);
    const acme = rowAt(el, 6)!;
    expect(part(acme, 'external-id')!.textContent).to.equal('(ACME-1)');
    expect(part(acme, 'plan')!.textContent).to.equal('Starter');
    expect(part(acme, 'usage')!.getAttribute('data-level')).to.equal('near');
    expect(part(rowAt(el, 5)!, 'usage')!.getAttribute('data-level')).to.equal('over');
    expect(part(rowAt(el, 3)!, 'status')!.textContent).to.equal('In trial');
    const icons = [...rowAt(el, 2)!.querySelectorAll('[part~="app-icon"]')];
    expect(icons.map((i) => i.getAttribute('aria-label'))).to.deep.equal(['Huddle Chat', 'Ledgerly']);
    await expectNoAxeViolations(el);
  });

  it('sorts by mouse: a click sorts, a second click reverses, aria-sort follows', async () => {
    const el = await render({ customers: FIVE });
    const changes: unknown[] = [];
    el.addEventListener('sort-change', (e) => changes.push(e.detail.sort));
    await click(header(el, 'Customer'));
    await settle(el);
    expect(header(el, 'Customer').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'Date joined').hasAttribute('aria-sort')).to.equal(false);
    expect(shownNames(el)).to.deep.equal(['Acme Logistics', 'Blue Harbor', 'Café Olé', 'Delta Foods', 'Evergreen Labs']);
    await click(header(el, 'Customer'));
    await settle(el);
    expect(header(el, 'Customer').getAttribute('aria-sort')).to.equal('descending');
    expect(shownNames(el)).to.deep.equal(['Evergreen Labs', 'Delta Foods', 'Café Olé', 'Blue Harbor', 'Acme Logistics']);
    expect(changes).to.deep.equal([
      { key: 'name', dir: 'asc' },
      { key: 'name', dir: 'desc' },
    ]);
    // Connected apps is not sortable.
    await click(header(el, 'Connected apps'));
    await settle(el);
    expect(header(el, 'Connected apps').hasAttribute('aria-sort')).to.equal(false);
    expect(changes).to.have.length(2);
    await expectNoAxeViolations(el);
  });

  it('sorts by keyboard the same way and keeps focus on the header', async () => {
    const el = await render({ customers: FIVE });
    header(el, 'Customer').focus();
    await press('ArrowRight');
    await press('ArrowRight');
    await settle(el);
    const tasks = 'Tasks used in billing period';
    expect(focusedIn(el)).to.equal(header(el, tasks));
    await press('Enter');
    await settle(el);
    expect(header(el, tasks).getAttribute('aria-sort')).to.equal('descending');
    expect(shownNames(el)[0]).to.equal('Blue Harbor');
    expect(focusedIn(el)).to.equal(header(el, tasks));
    await press(' ');
    await settle(el);
    expect(header(el, tasks).getAttribute('aria-sort')).to.equal('ascending');
    expect(shownNames(el)[0]).to.equal('Café Olé');
    expect(focusedIn(el)).to.equal(header(el, tasks));
    expect(header(el, tasks).tabIndex).to.equal(0);
  });

  it('lets a parent veto a sort by cancelling sort-change', async () => {
    const el = await render({ customers: FIVE });
    el.addEventListener('sort-change', (e) => e.preventDefault());
    await click(header(el, 'Customer'));
    await settle(el);
    expect(el.query.sort).to.deep.equal(DEFAULT_QUERY.sort);
    expect(header(el, 'Date joined').getAttribute('aria-sort')).to.equal('descending');
  });

  it('highlights matches as <mark> text and keeps hostile names inert', async () => {
    const list = [...FIVE, customer(6, HOSTILE, { external_id: 'acme-<b>bold</b>' })];
    const el = await render({ customers: list, query: { ...DEFAULT_QUERY, q: 'acme' } });
    expect(shownNames(el)).to.have.members(['Acme Logistics', HOSTILE]);
    const acmeName = allInTable(el, '[part~="name"]').find((n) => n.textContent === 'Acme Logistics')!;
    expect([...acmeName.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Acme']);
    const hostileRow = dataRows(el).find((r) => r.textContent!.includes('onerror'))!;
    const ext = part(hostileRow, 'external-id')!;
    expect(ext.textContent).to.equal('(acme-<b>bold</b>)');
    expect(ext.querySelector('b')).to.equal(null);
    expect([...ext.querySelectorAll('mark[part="match"]')].map((m) => m.textContent)).to.deep.equal(['acme']);

    el.query = { ...DEFAULT_QUERY, q: 'img src' };
    await settle(el);
    const hostileName = inTable(el, '[part~="name"]')!;
    expect(hostileName.textContent).to.equal(HOSTILE);
    expect(hostileName.querySelector('img')).to.equal(null);
    expect(hostileName.querySelector('mark')!.textContent).to.equal('img src');
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expectNoAxeViolations(el);
  });

  it('highlights accented matches in the original text', async () => {
    const el = await render({ customers: FIVE, query: { ...DEFAULT_QUERY, q: 'cafe ole' } });
    expect(shownNames(el)).to.deep.equal(['Café Olé']);
    expect(inTable(el, '[part~="name"] mark')!.textContent).to.equal('Café Olé');
  });

  it('keeps the DOM small at 100k rows with a true aria-rowcount and aria-rowindex', async () => {
    const el = await render({ customers: many(100_000), query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } } }, 600);
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('100001');
    const rows = dataRows(el);
    expect(rows.length).to.be.within(8, 30);
    expect(rows[0]!.getAttribute('aria-rowindex')).to.equal('2');
    expect(nodeCount(el)).to.be.below(1_400);

    await scrollTableTo(el, 56 * 50_000);
    const indexes = dataRows(el).map(rowIndexOf);
    expect(indexes.length).to.be.within(8, 30);
    expect(Math.min(...indexes)).to.be.within(49_990, 50_010);
    const first = rowAt(el, Math.min(...indexes))!;
    expect(part(first, 'name')!.textContent).to.equal(`Customer ${String(Math.min(...indexes) - 1).padStart(6, '0')}`);
  });

  it('recycles rows: jumping around a long list leaves the DOM the size it was', async () => {
    const el = await render({ customers: many(20_000) }, 600);
    await scrollTableTo(el, 56 * 100);
    const before = nodeCount(el);
    const rows = dataRows(el).length;
    for (let i = 1; i <= 40; i++) await scrollTableTo(el, 56 * ((i * 7_919) % 19_000));
    await scrollTableTo(el, 56 * 100);
    expect(dataRows(el).length).to.equal(rows);
    // Row contents differ a little (external IDs, badges), never by a leaked node per row per jump.
    expect(nodeCount(el)).to.be.within(before - 60, before + 60);
  });

  it('recycles rows: scrolling two rows moves two row elements and updates the rest in place', async () => {
    const el = await render({ customers: many(1_000), query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } } }, 600);
    await scrollTableTo(el, 56 * 100);
    const body = inTable(el, '[part~="body"]')!;
    const before = new Set(dataRows(el));
    const firstBefore = rowIndexOf(dataRows(el)[0]!);
    const moved = new Set<Node>();
    const record = (records: MutationRecord[]) => records.forEach((r) => r.addedNodes.forEach((n) => n instanceof Element && moved.add(n)));
    const observer = new MutationObserver(record);
    observer.observe(body, { childList: true });
    await scrollTableTo(el, 56 * 102);
    record(observer.takeRecords());
    observer.disconnect();
    const after = dataRows(el);
    expect(after.length).to.equal(before.size);
    expect(after.every((row) => before.has(row)), 'no row element was built anew').to.equal(true);
    expect(moved.size).to.equal(2);
    expect(rowIndexOf(after[0]!)).to.equal(firstBefore + 2);
  });

  it('moves the focusable cell with arrows, Home/End, PageUp/PageDown and keeps it while scrolling', async () => {
    const el = await render({ customers: many(1_000), query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } } });
    header(el, 'Customer').focus();
    await press('ArrowDown');
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.equal(2);
    await press('End');
    await settle(el);
    expect(columnOf(focusedIn(el)!)).to.equal('Connected apps');
    await press('Home');
    await press('PageDown');
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.be.above(4);
    await press('PageUp');
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.equal(2);
    await press('Control+End');
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.equal(1001);
    expect(columnOf(focusedIn(el)!)).to.equal('Connected apps');
    expect(allInTable(el, '[tabindex="0"]')).to.have.length(1);

    // Scroll the focused row far out of view: it stays rendered and focused.
    await press('Control+Home');
    await press('ArrowDown');
    await settle(el);
    const cell = focusedIn(el)!;
    await scrollTableTo(el, 56 * 600);
    expect(focusedIn(el)).to.equal(cell);
    expect(cell.isConnected).to.equal(true);
    expect(rowIndexOf(cell)).to.equal(2);
    await press('ArrowDown');
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.equal(3);
    expect(focusedIn(el)!.getBoundingClientRect().top).to.be.above(inTable(el, '[part~="header"]')!.getBoundingClientRect().bottom - 1);
  });

  it('keeps focus on the same row position when the sort changes', async () => {
    const el = await render({ customers: FIVE });
    header(el, 'Customer').focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await settle(el);
    const cell = focusedIn(el)!;
    expect(rowIndexOf(cell)).to.equal(3);
    expect(cell.textContent).to.contain('Delta Foods');
    el.query = { ...el.query, sort: { key: 'name', dir: 'asc' } };
    await settle(el);
    expect(focusedIn(el)).to.equal(cell);
    expect(rowIndexOf(cell)).to.equal(3);
    expect(cell.textContent).to.contain('Blue Harbor');
    // Fewer rows than the focused position: focus moves to the last row instead of being lost.
    el.query = { ...el.query, q: 'acme' };
    await settle(el);
    expect(rowIndexOf(focusedIn(el)!)).to.equal(2);
  });

  it('fires customer-select with the User ID on click and on Enter', async () => {
    const el = await render({ customers: FIVE });
    const clicked = nextEvent<CustomEvent<{ id: number }>>(el, 'customer-select');
    await click(part(rowAt(el, 4)!, 'name')!);
    const byClick = await clicked;
    expect(byClick.detail).to.deep.equal({ id: 3 });
    expect(byClick.bubbles && byClick.composed).to.equal(true);
    await settle(el);
    await press('ArrowDown');
    await settle(el);
    const entered = nextEvent<CustomEvent<{ id: number }>>(el, 'customer-select');
    await press('Enter');
    expect((await entered).detail).to.deep.equal({ id: 2 });
  });

  it('tells empty from no match, and "Clear filters" asks the parent to clear', async () => {
    const empty = await render({ customers: [] });
    expect(message(empty)!.dataset['state']).to.equal('empty');
    expect(message(empty)!.textContent).to.contain('No customers yet');
    expect(message(empty)!.querySelector('button')).to.equal(null);
    await expectNoAxeViolations(empty);

    const el = await render({ customers: FIVE, query: { ...DEFAULT_QUERY, q: 'zzz-nothing' } });
    expect(message(el)!.dataset['state']).to.equal('no-match');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('1');
    await expectNoAxeViolations(el);
    const request = nextEvent(el, 'clear-filters-request');
    const clear = inTable(el, '[part~="message-action"]')!;
    expect(clear.textContent).to.equal('Clear filters');
    await click(clear);
    const event = await request;
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('shows a loading skeleton that passes axe', async () => {
    const backend = new ControlledBackend();
    const el = await render({ backend: backend.asBackend(), mode: 'server' });
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    expect(inTable(el, '[part~="skeleton"]')).to.not.equal(null);
    await expectNoAxeViolations(el);
  });

  describe('the plan, the limits and the external ID', () => {
    it('shows the plan the customer is on: once its trial has ended, the free plan', async () => {
      const ended = customer(6, 'Hooli', { plan_id: 'starter', in_trial: true, trial_ends_at: '2026-11-01T00:00:00.000Z' });
      const el = await render({ customers: [...FIVE, ended] });
      const hooli = dataRows(el).find((row) => part(row, 'name')!.textContent === 'Hooli')!;
      expect(part(hooli, 'plan')!.textContent).to.equal('Free');
      expect(part(hooli, 'status')!.textContent).to.equal('Expired subscription');
      // A trial still running shows the plan it is a trial of.
      const delta = dataRows(el).find((row) => part(row, 'name')!.textContent === 'Delta Foods')!;
      expect(part(delta, 'plan')!.textContent).to.equal('Starter');
      expect(part(delta, 'status')!.textContent).to.equal('In trial');
    });

    it('flags connections over the plan’s connection limit in words, like tasks', async () => {
      const el = await render({
        customers: [
          customer(1, 'Over Co', { connections: 42, connection_limit: 5 }),
          customer(2, 'At The Limit', { connections: 5, connection_limit: 5 }),
          customer(3, 'Under Co', { connections: 1, connection_limit: 5 }),
        ],
        query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } },
      });
      const [at, over, under] = dataRows(el);
      const overCell = part(cellOf(over!, 'Connections'), 'connections')!;
      expect(overCell.getAttribute('data-level')).to.equal('over');
      expect(overCell.textContent).to.equal('42 / 5over the limit');
      expect(part(overCell, 'connections-level')!.textContent).to.equal('over the limit');
      for (const row of [at!, under!]) {
        const connections = part(cellOf(row, 'Connections'), 'connections')!;
        expect(connections.getAttribute('data-level')).to.equal('ok');
        expect(part(connections, 'connections-level')).to.equal(null);
      }
      expect(part(cellOf(at!, 'Connections'), 'connections')!.textContent).to.equal('5 / 5');
      await expectNoAxeViolations(el);
    });

    it('writes the external ID with strings.externalId, highlighting a match inside the ID only', async () => {
      const el = await render({
        customers: FIVE,
        query: { ...DEFAULT_QUERY, q: 'acme' },
        strings: { externalId: (id: string) => `ID ${id}`, status: { trial: 'Essai' } },
      });
      const ext = part(rowAt(el, 2)!, 'external-id')!;
      expect(ext.textContent).to.equal('ID ACME-1');
      expect([...ext.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['ACME']);
      // A partial override keeps every other text, nested groups included.
      el.query = DEFAULT_QUERY;
      await settle(el);
      expect(part(rowAt(el, 3)!, 'status')!.textContent).to.equal('Essai');
      expect(allInTable(el, '[role="columnheader"]').map((h) => h.textContent!.trim())).to.deep.equal(COLUMN_NAMES);
      expect(part(rowAt(el, 2)!, 'external-id')!.textContent).to.equal('ID ev-5');
    });
  });

  it('formats dates and figures for the lang of an ancestor, across a shadow root, and follows it when it changes', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const el = document.createElement('customer-table');
    el.style.blockSize = '300px';
    Object.assign(el, { customers: FIVE, now: NOW, apps: APPS, plans: PLANS });
    host.attachShadow({ mode: 'open' }).append(el);
    await settle(el);
    const blue = dataRows(el).find((row) => part(row, 'name')!.textContent === 'Blue Harbor')!;
    expect(part(blue, 'joined')!.textContent).to.equal('02.01.2025');
    expect(cellOf(blue, 'Tasks used in billing period').textContent).to.contain('1.200 / 1.000');
    host.lang = 'fr';
    await until(() => part(blue, 'joined')!.textContent === '2 janv. 2025', 'the French date');
    expect(part(blue, 'joined')!.textContent).to.equal('2 janv. 2025');
  });

  describe('server mode', () => {
    it('shows only the newest query when answers arrive out of order, and aborts the stale one', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server', query: { ...DEFAULT_QUERY, q: 'old' } });
      await until(() => backend.calls.length === 1, 'the first request');
      el.query = { ...DEFAULT_QUERY, q: 'new' };
      await settle(el);
      await until(() => backend.calls.length === 2, 'the second request');
      const [older, newer] = backend.calls;
      expect(older!.params.q).to.equal('old');
      expect(newer!.params.q).to.equal('new');
      expect(older!.signal!.aborted).to.equal(true);
      newer!.resolve(page([customer(2, 'New Answer')], 1));
      await settle(el);
      older!.resolve(page([customer(1, 'Old Answer'), customer(3, 'Old Two')], 2));
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['New Answer']);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('2');
    });

    it('fetches pages while scrolling, at most two at a time, with placeholder rows', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server', pageSize: 20 }, 600);
      await until(() => backend.calls.length === 1, 'page 1');
      const total = 10_000;
      const pageOf = (n: number) => page(many(20).map((c, i) => ({ ...c, id: (n - 1) * 20 + i + 1, name: `Row ${(n - 1) * 20 + i}` })), total, n, 20);
      backend.calls[0]!.resolve(pageOf(1));
      await settle(el);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(total + 1));
      expect(shownNames(el)[0]).to.equal('Row 0');

      for (const top of [56 * 300, 56 * 2000, 56 * 5000, 56 * 7000]) {
        await scrollTableTo(el, top);
        expect(backend.open.length).to.be.at.most(2);
      }
      // Pages for rows no longer in view were aborted; the visible rows are placeholders until answered.
      expect(backend.calls.filter((c) => c.signal!.aborted).length).to.be.above(0);
      const placeholders = dataRows(el).filter((row) => row.getAttribute('aria-busy') === 'true');
      expect(placeholders.length).to.be.above(0);
      await expectNoAxeViolations(el);
      for (const call of backend.open) call.resolve(pageOf(call.params.page!));
      await settle(el);
      const firstRendered = rowIndexOf(dataRows(el)[0]!) - 2;
      await until(() => backend.open.length === 0 || dataRows(el).every((row) => !row.hasAttribute('aria-busy')), 'pages');
      for (const call of backend.open) call.resolve(pageOf(call.params.page!));
      await settle(el);
      expect(dataRows(el).filter((row) => row.getAttribute('aria-busy') === 'true')).to.have.length(0);
      expect(shownNames(el)[0]).to.equal(`Row ${firstRendered}`);
    });

    it('shows an error with Retry, and Retry asks again with the same query', async () => {
      const backend = new ControlledBackend();
      const query: CustomerQuery = { ...DEFAULT_QUERY, q: 'keep me', status: 'trial' };
      const el = await render({ backend: backend.asBackend(), mode: 'server', query });
      await until(() => backend.calls.length === 1, 'the request');
      backend.calls[0]!.reject(new HttpError(problem(503, 'Service unavailable', 'The backend is down')));
      await settle(el);
      expect(message(el)!.dataset['state']).to.equal('error');
      expect(message(el)!.getAttribute('role')).to.equal('alert');
      await expectNoAxeViolations(el);
      const retry = inTable(el, '[part~="message-action"]')!;
      expect(retry.textContent).to.equal('Retry');
      await click(retry);
      await until(() => backend.calls.length === 2, 'the retry');
      expect(backend.calls[1]!.params).to.deep.include({ q: 'keep me', status: 'trial', page: 1 });
      backend.calls[1]!.resolve(page([customer(4, 'Delta Foods')], 1));
      await settle(el);
      expect(message(el)).to.equal(null);
      expect(shownNames(el)).to.deep.equal(['Delta Foods']);
      // Retry is gone with its message: focus went to the grid, not to <body>.
      expect(grid(el).contains(focusedIn(el)), 'focus in the grid').to.equal(true);
    });

    it('moves focus to the new message when Retry fails again', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server' });
      await until(() => backend.calls.length === 1, 'the request');
      backend.calls[0]!.reject(new HttpError(problem(503, 'Service unavailable', 'The backend is down')));
      await settle(el);
      await click(inTable(el, '[part~="message-action"]')!);
      await until(() => backend.calls.length === 2, 'the retry');
      backend.calls[1]!.reject(new HttpError(problem(503, 'Service unavailable', 'Still down')));
      await settle(el);
      expect(message(el)!.textContent).to.contain('Still down');
      expect(focusedIn(el), 'focus on the new Retry').to.equal(inTable(el, '[part~="message-action"]'));
    });

    it('fetches its pages again when it comes back to the page', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server' });
      await until(() => backend.calls.length === 1, 'page 1');
      backend.calls[0]!.resolve(page([customer(1, 'First Visit')], 1));
      await settle(el);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await until(() => backend.calls.length === 2, 'page 1 again');
      backend.calls[1]!.resolve(page([customer(1, 'Second Visit')], 1));
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['Second Visit']);
    });
  });

  it('auto mode loads a small list whole and then filters in memory', async () => {
    const backend = new ControlledBackend();
    const el = await render({ backend: backend.asBackend() });
    await until(() => backend.calls.length === 1, 'the first page');
    expect(backend.calls[0]!.params).to.deep.equal({ page: 1, per_page: 200 });
    backend.calls[0]!.resolve(page(FIVE, 5, 1, 200));
    await settle(el);
    expect(shownNames(el)).to.have.length(5);
    el.query = { ...DEFAULT_QUERY, q: 'blue' };
    await settle(el);
    expect(shownNames(el)).to.deep.equal(['Blue Harbor']);
    expect(backend.calls).to.have.length(1);
  });

  it('swaps the arrow keys in right-to-left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><customer-table style="block-size: 300px" .customers=${FIVE} .now=${NOW}></customer-table></div>`,
    );
    const el = wrapper.querySelector('customer-table')!;
    await settle(el);
    header(el, 'Customer').focus();
    await press('ArrowLeft');
    await settle(el);
    expect(focusedIn(el)).to.equal(header(el, 'Date joined'));
    await expectNoAxeViolations(el);
  });
});
