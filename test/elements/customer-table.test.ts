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
  liveRegion,
  message,
  nodeCount,
  readAloud,
  recordAnnouncements,
  rowAt,
  rowIndexOf,
  scrollTableTo,
  settle,
  shownNames,
} from '../support/table-queries.js';
import { byRole, referenced } from '../support/by-role.js';
import { DEFAULT_TABLE_STRINGS } from '../../components/customer-table/define.js';
import { indexPacing } from '../../components/customer-table/client-rows.js';
import { matchCustomer } from '../../src/query/search.js';
import { sortCustomers } from '../../src/query/sort.js';
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

/** How wide `text` is in the font of `el`. */
function textWidth(el: Element, text: string): number {
  const context = document.createElement('canvas').getContext('2d')!;
  const style = getComputedStyle(el);
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return context.measureText(text).width;
}

/**
 * Fails unless `within` holds `<mark>`s with exactly these texts, each drawn where it can be seen:
 * inside every box on the way up to its grid cell that clips (a cut name, the ID, the cell), and,
 * in a box cut short with an ellipsis, clear of the ellipsis at its end.
 */
function expectMarksInView(within: HTMLElement, texts: string[]): void {
  const marks = [...within.querySelectorAll('mark')];
  expect(marks.map((m) => m.textContent)).to.deep.equal(texts);
  const cell = within.closest('[role="gridcell"]')!;
  for (const mark of marks) {
    const box = mark.getBoundingClientRect();
    expect(box.width, `"${mark.textContent}" has a box`).to.be.above(0);
    for (let clip: Element | null = mark.parentElement; clip; clip = clip === cell ? null : clip.parentElement) {
      const style = getComputedStyle(clip);
      if (style.overflowX === 'visible') continue;
      const edge = clip.getBoundingClientRect();
      const what = `"${mark.textContent}" inside ${clip.getAttribute('part') ?? clip.className}`;
      expect(box.left, `${what}: its start`).to.be.at.least(edge.left - 0.5);
      const cut = clip.scrollWidth > clip.clientWidth && style.textOverflow === 'ellipsis';
      const end = edge.right - (cut ? textWidth(clip, '…') : 0);
      expect(box.right, `${what}: its end${cut ? ', clear of the ellipsis' : ''}`).to.be.at.most(end + 0.5);
    }
  }
}

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
    expect(header(el, 'Date joined').getAttribute('aria-sort')).to.equal('none');
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
      expect(readAloud(overCell)).to.equal('42 of 5 connections over the limit');
      expect(part(overCell, 'connections-level')!.textContent).to.equal('over the limit');
      for (const row of [at!, under!]) {
        const connections = part(cellOf(row, 'Connections'), 'connections')!;
        expect(connections.getAttribute('data-level')).to.equal('ok');
        expect(part(connections, 'connections-level')).to.equal(null);
      }
      expect(readAloud(part(cellOf(at!, 'Connections'), 'connections')!)).to.equal('5 of 5 connections');
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
      // Said by the table's live region, which was there before the error (the panel is no region).
      await until(() => liveRegion(el).textContent === 'Customers could not be loaded. The backend is down', 'the error said');
      expect(message(el)!.hasAttribute('role')).to.equal(false);
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

  describe('for assistive tech and the keyboard (issue 13)', () => {
    const TASKS = 'Tasks used in billing period';

    it('marks every sortable header, sorted or not, with aria-sort, and leaves the unsortable one without', async () => {
      const el = await render({ customers: FIVE });
      const sorts = COLUMN_NAMES.map((name) => header(el, name).getAttribute('aria-sort'));
      expect(sorts).to.deep.equal(['none', 'descending', 'none', 'none', null]);
      await expectNoAxeViolations(el);
    });

    it('says the result in one polite live region after a search, a status, a filter or a sort change, but not on first load', async () => {
      const el = await render({ customers: FIVE });
      const region = liveRegion(el);
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.textContent, 'nothing said for the first result').to.equal('');
      const heard = recordAnnouncements(el);

      el.query = { ...DEFAULT_QUERY, q: 'blue' };
      await until(() => heard.length === 1, 'the search result said');
      expect(heard).to.deep.equal(['1 customer']);
      // The same words again after another change are said again (the region is emptied first).
      el.query = { ...DEFAULT_QUERY, status: 'trial' };
      await until(() => heard.length === 2, 'the status result said');
      expect(heard[1]).to.equal('1 customer');
      el.query = { ...DEFAULT_QUERY, plans: ['growth', 'starter'] };
      await until(() => heard.length === 3, 'the plan filter result said');
      expect(heard[2]).to.equal('5 customers');
      el.query = { ...DEFAULT_QUERY, q: 'zzz-nothing' };
      await until(() => heard.length === 4, 'no match said');
      expect(heard[3]).to.equal('No customers match these filters');
      expect(message(el)!.dataset['state']).to.equal('no-match');
      expect(message(el)!.hasAttribute('role'), 'the panel is not a second region').to.equal(false);
      await expectNoAxeViolations(el);

      el.query = DEFAULT_QUERY;
      await until(() => heard.length === 5, 'rows again');
      expect(heard[4]).to.equal('5 customers');
      // A header click: the new sort is said.
      await click(header(el, 'Customer'));
      await until(() => heard.length === 6, 'the sort said');
      expect(heard[5]).to.equal('Sorted by Customer, ascending');
      await expectNoAxeViolations(el);
    });

    it('says "Loading customers…" during the first load, nothing for the first result, and a later result once its page answers', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server' });
      await until(() => backend.calls.length === 1, 'page 1');
      expect(liveRegion(el).textContent).to.equal('Loading customers…');
      const heard = recordAnnouncements(el);
      backend.calls[0]!.resolve(page(FIVE, 5));
      await settle(el);
      expect(shownNames(el)).to.have.length(5);
      expect(liveRegion(el).textContent).to.equal('');
      el.query = { ...DEFAULT_QUERY, q: 'acme' };
      await until(() => backend.calls.length === 2, 'page 1 of the search');
      backend.calls[1]!.resolve(page([FIVE[0]!], 1));
      await until(() => heard.length === 1, 'the search said');
      expect(heard).to.deep.equal(['1 customer']);
    });

    it('says a burst of changes once, when they pause, with the count formatted for the locale', async () => {
      const el = await render({ customers: many(1_204) });
      const heard = recordAnnouncements(el);
      for (const q of ['c', 'cu', 'cus', 'customer']) {
        el.query = { ...DEFAULT_QUERY, q };
        await settle(el);
      }
      await until(() => heard.length > 0, 'the result said');
      expect(liveRegion(el).textContent).to.equal('1,204 customers');
      el.lang = 'de';
      el.query = { ...DEFAULT_QUERY, q: 'customer 000' };
      await until(() => heard.length > 1, 'the German count');
      expect(heard).to.deep.equal(['1,204 customers', '999 customers']);
      el.query = { ...DEFAULT_QUERY };
      await until(() => heard.length > 2, 'the German count');
      expect(heard[2]).to.equal('1.204 customers');
    });

    it('speaks translated strings for the result and the sort', async () => {
      const el = await render({
        customers: FIVE,
        strings: { resultCount: (n, f) => `${f} Kunden`, sortedDescending: (column) => `Absteigend nach ${column}`, columnCustomer: 'Kunde' },
      });
      const heard = recordAnnouncements(el);
      el.query = { ...DEFAULT_QUERY, q: 'e', sort: { key: 'name', dir: 'desc' } };
      await until(() => heard.length === 1, 'the result said');
      expect(heard).to.deep.equal(['5 Kunden. Absteigend nach Kunde']);
    });

    it('makes the customer name a button, outside the tab order, and describes what activating a row does', async () => {
      const el = await render({ customers: FIVE });
      const description = referenced(grid(el), 'aria-describedby');
      expect(description!.textContent).to.equal(DEFAULT_TABLE_STRINGS.tableDescription);
      const name = byRole(rowAt(el, 2)!, 'button', 'Evergreen Labs');
      expect(name.matches('[part~="name"]')).to.equal(true);
      expect(name.tabIndex).to.equal(-1);
      // Tab reaches the grid once, on its focusable cell, never on a name.
      const after = await fixture<HTMLButtonElement>(html`<button>after</button>`);
      after.focus();
      await press('Shift+Tab');
      expect(focusedIn(el)).to.equal(header(el, 'Customer'));
      // Clicking the name, or Enter on its cell, opens the customer, once.
      const selected: number[] = [];
      el.addEventListener('customer-select', (e) => selected.push(e.detail.id));
      await click(name);
      await press('ArrowDown');
      await settle(el);
      await press('Enter');
      await until(() => selected.length === 2, 'two selections');
      expect(selected).to.deep.equal([5, 4]);
      await expectNoAxeViolations(el);
    });

    it('reads tasks and connections as "44 of 1,000 tasks" and "3 of 10 connections", showing the slash, translatably', async () => {
      const el = await render({ customers: FIVE });
      const acme = rowAt(el, 6)!;
      const tasks = cellOf(acme, TASKS);
      expect(readAloud(tasks)).to.equal('950 of 1,000 tasks near the limit');
      expect(tasks.querySelector('[aria-hidden="true"]')!.textContent).to.equal('950 / 1,000');
      expect(readAloud(cellOf(acme, 'Connections'))).to.equal('1 of 10 connections');
      expect(cellOf(acme, 'Connections').querySelector('[aria-hidden="true"]')!.textContent).to.equal('1 / 10');
      el.strings = { tasksOfLimit: (u, l) => `${u} von ${l} Aufgaben`, connectionsOfLimit: (u, l) => `${u} von ${l} Verbindungen` };
      await settle(el);
      expect(readAloud(cellOf(rowAt(el, 6)!, TASKS))).to.equal('950 von 1,000 Aufgaben near the limit');
      expect(readAloud(cellOf(rowAt(el, 6)!, 'Connections'))).to.equal('1 von 10 Verbindungen');
      await expectNoAxeViolations(el);
    });

    it('shows the sort arrow of an unsorted sortable column on keyboard focus, as on hover', async () => {
      const el = await render({ customers: FIVE });
      const arrow = part(header(el, TASKS), 'sort-indicator')!;
      expect(getComputedStyle(arrow).opacity).to.equal('0');
      header(el, 'Customer').focus();
      await press('ArrowRight');
      await press('ArrowRight');
      await settle(el);
      expect(focusedIn(el)).to.equal(header(el, TASKS));
      await until(() => getComputedStyle(arrow).opacity === '0.4', 'the arrow on focus');
      await press('ArrowRight');
      await until(() => getComputedStyle(arrow).opacity === '0', 'the arrow gone with the focus');
    });

    it('keeps number pairs in reading order under right-to-left', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><customer-table style="block-size: 300px" .customers=${[customer(1, 'Wide', { tasks_used: 4_046, task_limit: 10_000 })]} .now=${NOW} .plans=${PLANS} .apps=${APPS}></customer-table></div>`,
      );
      const el = wrapper.querySelector('customer-table')!;
      await settle(el);
      const shown = cellOf(rowAt(el, 2)!, TASKS).querySelector('[aria-hidden="true"]')!;
      const text = [...shown.childNodes].find((n): n is Text => n instanceof Text && n.data.trim() !== '')!;
      expect(text.data).to.equal('4,046 / 10,000');
      const xOf = (word: string) => {
        const range = document.createRange();
        range.setStart(text, text.data.indexOf(word));
        range.setEnd(text, text.data.indexOf(word) + word.length);
        return range.getBoundingClientRect().x;
      };
      expect(xOf('4,046'), 'the used figure left of the limit').to.be.below(xOf('10,000'));
      await expectNoAxeViolations(el);
    });

    it('keeps a search match in view beside the external ID: a match inside a long ID, and a name match the ID would crowd out', async () => {
      const id = 'NW-2024-EMEA-CONSOLIDATED-RECEIVABLES-ACCOUNT-00017';
      const customers = [
        customer(1, 'Northwind Consolidated International Trading', { external_id: id }),
        customer(2, 'Northwind Consolidated International Holdings Zebrafish', { external_id: 'NW-2024-EMEA-CONSOLIDATED-HOLDINGS-77' }),
        customer(3, 'Zebrafish Aquatics', { external_id: 'ZEBRAFISH-AQUATICS-WORLDWIDE-PARTNER-ACCOUNT-91' }),
      ];
      const el = await render({ customers, query: { ...DEFAULT_QUERY, q: '00017', sort: { key: 'name', dir: 'asc' } } });
      const ext = part(rowAt(el, 2)!, 'external-id')!;
      expect(ext.textContent).to.equal(`(${id})`);
      expect(ext.title).to.equal(`(${id})`);
      expectMarksInView(ext, ['00017']);
      // The ID is cut short (its start gives way), not shown whole.
      expect(ext.getBoundingClientRect().width).to.be.below(textWidth(ext, ext.textContent!));

      // A long match at the end of a long name: the ID beside it gives way rather than the match.
      el.query = { ...el.query, q: 'international holdings zebrafish' };
      await settle(el);
      const name = part(rowAt(el, 2)!, 'name')!;
      expect(name.textContent).to.equal('Northwind Consolidated International Holdings Zebrafish');
      expectMarksInView(name, ['International Holdings Zebrafish']);
      expect(part(rowAt(el, 2)!, 'external-id')!.title).to.equal('(NW-2024-EMEA-CONSOLIDATED-HOLDINGS-77)');

      // A match in the name and in its ID: both in view.
      el.query = { ...el.query, q: 'zebrafish' };
      await settle(el);
      expect(part(rowAt(el, 3)!, 'name')!.textContent).to.equal('Zebrafish Aquatics');
      expectMarksInView(part(rowAt(el, 3)!, 'name')!, ['Zebrafish']);
      expectMarksInView(part(rowAt(el, 3)!, 'external-id')!, ['ZEBRAFISH']);
      await expectNoAxeViolations(el);
    });

    it('shows a long name whole on keyboard focus, and keeps a search match inside the cut part in view', async () => {
      const long = 'Northwind Consolidated International Holdings and Trading Company of the Greater Metropolitan Area Acme';
      const el = await render({
        customers: [customer(1, long), customer(2, 'Zeta Acme')],
        query: { ...DEFAULT_QUERY, q: 'acme', sort: { key: 'name', dir: 'asc' } },
      });
      const name = part(rowAt(el, 2)!, 'name')!;
      expect(name.textContent).to.equal(long);
      expect(name.title).to.equal(long);
      const box = name.getBoundingClientRect();
      const mark = name.querySelector('mark')!.getBoundingClientRect();
      expect(mark.width).to.be.above(0);
      expect(mark.left, 'the match starts inside the name').to.be.at.least(box.left - 0.5);
      expect(mark.right, 'the match ends inside the name').to.be.at.most(box.right + 0.5);
      const lead = name.firstElementChild as HTMLElement;
      expect(lead.scrollWidth, 'the text before the match is what is cut').to.be.above(lead.clientWidth);

      // The space before a match stays ("Zeta Acme", not "ZetaAcme").
      const zeta = part(rowAt(el, 3)!, 'name')!;
      const zetaText = [...zeta.firstElementChild!.childNodes].find((n): n is Text => n instanceof Text && n.data.startsWith('Zeta'))!;
      const word = document.createRange();
      word.setStart(zetaText, 0);
      word.setEnd(zetaText, 'Zeta'.length);
      const gap = zeta.querySelector('mark')!.getBoundingClientRect().left - word.getBoundingClientRect().right;
      expect(gap, 'a space between "Zeta" and the match').to.be.above(2);

      const oneLine = box.height;
      header(el, 'Customer').focus();
      await press('ArrowDown');
      await settle(el);
      expect(rowIndexOf(focusedIn(el)!)).to.equal(2);
      await until(() => name.getBoundingClientRect().height > oneLine * 1.5, 'the name wrapping on focus');
      expect(name.scrollWidth).to.be.at.most(name.clientWidth);
      // Its last line lies over the next row, on top of it.
      const shown = name.getBoundingClientRect();
      const hit = el.shadowRoot!.elementFromPoint(shown.left + 4, shown.bottom - 4);
      expect(name.contains(hit), 'the end of the name is on top').to.equal(true);
      await expectNoAxeViolations(el);
      await press('ArrowRight');
      await until(() => name.getBoundingClientRect().height === oneLine, 'cut short again when focus moves on');
    });
  });
  describe('client mode before its index is built', () => {
    // The index is built a slice at a time after the first rows are painted; `indexPacing.between`
    // is what the build awaits between slices, held here so every query below is asked while the
    // build has not gone past its first slice.
    const between = indexPacing.between;
    let slicesHeld = 0;
    let release = () => {};
    beforeEach(() => {
      slicesHeld = 0;
      const gate = new Promise<void>((resolve) => (release = resolve));
      indexPacing.between = () => {
        slicesHeld++;
        return gate;
      };
    });
    afterEach(() => {
      release();
      indexPacing.between = between;
    });

    /** 3,000 customers whose names, dates and figures repeat and interleave, so every order differs. */
    const varied = (count = 3_000): Customer[] =>
      Array.from({ length: count }, (_, i) =>
        customer(i + 1, `${['Acme', 'Blue', 'Café', 'Delta'][i % 4]} ${String((i * 7_919) % count).padStart(4, '0')}`, {
          created_at: new Date(Date.UTC(2025, 0, 1 + ((i * 31) % 400))).toISOString(),
          tasks_used: (i * 13) % 900,
        }),
      );
    const namesOf = (list: readonly Customer[]) => list.map((c) => c.name);

    it('shows the right rows, total and order for sorts, a search and a scroll asked for meanwhile', async () => {
      const list = varied();
      const el = await render({ customers: list });
      // The build starts after the first paint, then waits after its first slice.
      await until(() => slicesHeld > 0, 'the index build waiting after its first slice');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(list.length + 1));
      const byDate = sortCustomers(list, DEFAULT_QUERY.sort);
      const shown = shownNames(el);
      expect(shown).to.deep.equal(namesOf(byDate.slice(0, shown.length)));

      await click(header(el, 'Customer'));
      await settle(el);
      const byName = sortCustomers(list, { key: 'name', dir: 'asc' });
      expect(header(el, 'Customer').getAttribute('aria-sort')).to.equal('ascending');
      expect(shownNames(el)).to.deep.equal(namesOf(byName.slice(0, shownNames(el).length)));

      await click(header(el, 'Tasks used in billing period'));
      await settle(el);
      const byTasks = sortCustomers(list, { key: 'tasks_used', dir: 'desc' });
      expect(shownNames(el)).to.deep.equal(namesOf(byTasks.slice(0, shownNames(el).length)));

      el.query = { ...el.query, q: 'acme 1' };
      await settle(el);
      const found = byTasks.filter((c) => matchCustomer(c, 'acme 1') !== null);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(found.length + 1));
      expect(shownNames(el)).to.deep.equal(namesOf(found.slice(0, shownNames(el).length)));
      expect(allInTable(el, '[part~="name"] mark').length).to.be.above(0);

      // Past the first rows, near the top and far down: every row rendered is there, never a placeholder.
      el.query = { ...el.query, q: '' };
      await settle(el);
      for (const row of [300, 2_600]) {
        await scrollTableTo(el, 56 * row);
        const rows = dataRows(el);
        expect(rows.every((r) => !r.hasAttribute('aria-busy')), `rows around ${row} loaded`).to.equal(true);
        for (const r of rows) expect(part(r, 'name')!.textContent).to.equal(byTasks[rowIndexOf(r) - 2]!.name);
      }
    });

    it('counts every status at once, and keeps the rows when the index is ready', async () => {
      const list = [...varied(1_000), ...FIVE.map((c) => ({ ...c, id: c.id + 1_000 }))];
      const results: unknown[] = [];
      const el = await fixture<CustomerTable>(html`<customer-table style="block-size: 400px"></customer-table>`);
      el.addEventListener('results-change', (e) => results.push(e.detail));
      Object.assign(el, { now: NOW, apps: APPS, plans: PLANS, customers: list, query: { ...DEFAULT_QUERY, status: 'trial' } });
      await settle(el);
      await until(() => slicesHeld > 0, 'the index build waiting after its first slice');
      // Delta Foods (1004) is the one customer in trial.
      expect(shownNames(el)).to.deep.equal(['Delta Foods']);
      expect(results).to.deep.equal([{ total: 1, counts: { all: 1_005, active: 1_004, trial: 1, expired: 0 }, mode: 'client' }]);

      release();
      await until(() => slicesHeld > 3, 'the build going on');
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['Delta Foods']);
      el.query = { ...el.query, status: 'all', sort: { key: 'name', dir: 'desc' } };
      await settle(el);
      expect(shownNames(el)).to.deep.equal(namesOf(sortCustomers(list, { key: 'name', dir: 'desc' }).slice(0, shownNames(el).length)));
      // The same result is not reported twice because the index took over.
      expect(results).to.have.length(2);
    });

    it('shows only the new list when the list changes while the old one is being indexed', async () => {
      const first = varied(2_000);
      const el = await render({ customers: first });
      const second = FIVE.map((c) => ({ ...c, id: c.id + 5_000 }));
      el.customers = second;
      await settle(el);
      release();
      await until(() => slicesHeld > 2, 'the build going on');
      await settle(el);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('6');
      expect(shownNames(el)).to.deep.equal(['Evergreen Labs', 'Delta Foods', 'Café Olé', 'Blue Harbor', 'Acme Logistics']);
    });
  });
});
