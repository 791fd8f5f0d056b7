// customer-table in real Chromium: real clicks and keys, axe in every state.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { AxeResults } from 'axe-core';
import '../../components/customer-table/define.js';
import type { CustomerTable } from '../../components/customer-table/customer-table.js';
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { App, Customer, CustomerPage, Plan } from '../../src/model/schemas.js';
import type { CustomerListParams, CustomerQuery } from '../../src/query/types.js';
import { DEFAULT_QUERY } from '../../src/query/types.js';

// Read through a cast rather than a global Window augmentation, which other test files declare too.
const axe = (window as unknown as { axe: { run(context: Element): Promise<AxeResults> } }).axe;

const NOW = new Date('2026-11-27T09:00:00.000Z');
const PLANS: Plan[] = [
  { id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 },
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
];
const APPS: App[] = [
  { id: 'huddle', name: 'Huddle Chat', icon: null },
  { id: 'ledgerly', name: 'Ledgerly', icon: null },
];

function customer(id: number, name: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name,
    external_id: null,
    notification_email: `c${id}@example.com`,
    plan_id: 'starter',
    in_trial: false,
    trial_ends_at: null,
    created_at: new Date(Date.UTC(2025, 0, id)).toISOString(),
    tasks_used: id * 10,
    task_limit: 1_000,
    connections: id,
    connection_limit: 10,
    top_apps: ['huddle', 'ledgerly'],
    origins: [],
    version: 1,
    ...overrides,
  };
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

async function settle(el: CustomerTable): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
}

async function render(props: Partial<CustomerTable>, height = 400): Promise<CustomerTable> {
  const el = await fixture<CustomerTable>(html`<customer-table style="block-size: ${height}px"></customer-table>`);
  Object.assign(el, { now: NOW, apps: APPS, plans: PLANS, ...props });
  await settle(el);
  return el;
}

const $ = (el: CustomerTable, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: CustomerTable, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: CustomerTable) => $$(el, '.body-row [part="name"]').map((n) => n.textContent);
const header = (el: CustomerTable, column: string) => $(el, `[role="columnheader"][data-column="${column}"]`)!;
const focused = (el: CustomerTable) => el.shadowRoot!.activeElement as HTMLElement | null;

async function click(node: Element): Promise<void> {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function press(key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
}

async function expectNoAxeViolations(el: Element): Promise<void> {
  const result = await axe.run(el);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).to.deep.equal([]);
}

function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as T), { once: true }));
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

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('customer-table', () => {
  it('shows the documented columns and one row per customer, with no axe violations', async () => {
    const el = await render({ customers: FIVE });
    const headers = $$(el, '[role="columnheader"]').map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Customer', 'Date joined', 'Tasks used in billing period', 'Connections', 'Connected apps']);
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('6');
    // Default sort: newest first.
    expect(names(el)).to.deep.equal(['Evergreen Labs', 'Delta Foods', 'Café Olé', 'Blue Harbor', 'Acme Logistics']);
    const acme = $(el, '.body-row[aria-rowindex="6"]')!;
    expect(acme.querySelector('[part="external-id"]')!.textContent).to.equal('(ACME-1)');
    expect(acme.querySelector('[part="plan"]')!.textContent).to.equal('Starter');
    expect(acme.querySelector('.usage')!.getAttribute('data-level')).to.equal('near');
    expect($(el, '.body-row[aria-rowindex="5"] .usage')!.getAttribute('data-level')).to.equal('over');
    expect($(el, '.body-row[aria-rowindex="3"] [part="status"]')!.textContent).to.equal('In trial');
    const icons = $$(el, '.body-row[aria-rowindex="2"] [part="app-icon"]');
    expect(icons.map((i) => i.getAttribute('aria-label'))).to.deep.equal(['Huddle Chat', 'Ledgerly']);
    await expectNoAxeViolations(el);
  });

  it('sorts by mouse: a click sorts, a second click reverses, aria-sort follows', async () => {
    const el = await render({ customers: FIVE });
    const changes: unknown[] = [];
    el.addEventListener('sort-change', (e) => changes.push(e.detail.sort));
    await click(header(el, 'customer'));
    await settle(el);
    expect(header(el, 'customer').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'joined').hasAttribute('aria-sort')).to.equal(false);
    expect(names(el)).to.deep.equal(['Acme Logistics', 'Blue Harbor', 'Café Olé', 'Delta Foods', 'Evergreen Labs']);
    await click(header(el, 'customer'));
    await settle(el);
    expect(header(el, 'customer').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)).to.deep.equal(['Evergreen Labs', 'Delta Foods', 'Café Olé', 'Blue Harbor', 'Acme Logistics']);
    expect(changes).to.deep.equal([
      { key: 'name', dir: 'asc' },
      { key: 'name', dir: 'desc' },
    ]);
    // Connected apps is not sortable.
    await click(header(el, 'apps'));
    await settle(el);
    expect(header(el, 'apps').hasAttribute('aria-sort')).to.equal(false);
    expect(changes).to.have.length(2);
    await expectNoAxeViolations(el);
  });

  it('sorts by keyboard the same way and keeps focus on the header', async () => {
    const el = await render({ customers: FIVE });
    header(el, 'customer').focus();
    await press('ArrowRight');
    await press('ArrowRight');
    await settle(el);
    expect(focused(el)).to.equal(header(el, 'tasks'));
    await press('Enter');
    await settle(el);
    expect(header(el, 'tasks').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Blue Harbor');
    expect(focused(el)).to.equal(header(el, 'tasks'));
    await press(' ');
    await settle(el);
    expect(header(el, 'tasks').getAttribute('aria-sort')).to.equal('ascending');
    expect(names(el)[0]).to.equal('Café Olé');
    expect(focused(el)).to.equal(header(el, 'tasks'));
    expect(header(el, 'tasks').tabIndex).to.equal(0);
  });

  it('lets a parent veto a sort by cancelling sort-change', async () => {
    const el = await render({ customers: FIVE });
    el.addEventListener('sort-change', (e) => e.preventDefault());
    await click(header(el, 'customer'));
    await settle(el);
    expect(el.query.sort).to.deep.equal(DEFAULT_QUERY.sort);
    expect(header(el, 'joined').getAttribute('aria-sort')).to.equal('descending');
  });

  it('highlights matches as <mark> text and keeps hostile names inert', async () => {
    const list = [...FIVE, customer(6, HOSTILE, { external_id: 'acme-<b>bold</b>' })];
    const el = await render({ customers: list, query: { ...DEFAULT_QUERY, q: 'acme' } });
    expect(names(el)).to.have.members(['Acme Logistics', HOSTILE]);
    const acmeName = $$(el, '[part="name"]').find((n) => n.textContent === 'Acme Logistics')!;
    expect([...acmeName.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Acme']);
    const hostileRow = $$(el, '.body-row').find((r) => r.textContent!.includes('onerror'))!;
    const ext = hostileRow.querySelector('[part="external-id"]')!;
    expect(ext.textContent).to.equal('(acme-<b>bold</b>)');
    expect(ext.querySelector('b')).to.equal(null);
    expect([...ext.querySelectorAll('mark[part="match"]')].map((m) => m.textContent)).to.deep.equal(['acme']);

    el.query = { ...DEFAULT_QUERY, q: 'img src' };
    await settle(el);
    const hostileName = $(el, '[part="name"]')!;
    expect(hostileName.textContent).to.equal(HOSTILE);
    expect(hostileName.querySelector('img')).to.equal(null);
    expect(hostileName.querySelector('mark')!.textContent).to.equal('img src');
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expectNoAxeViolations(el);
  });

  it('highlights accented matches in the original text', async () => {
    const el = await render({ customers: FIVE, query: { ...DEFAULT_QUERY, q: 'cafe ole' } });
    expect(names(el)).to.deep.equal(['Café Olé']);
    expect($(el, '[part="name"] mark')!.textContent).to.equal('Café Olé');
  });

  it('keeps the DOM small at 100k rows with a true aria-rowcount and aria-rowindex', async () => {
    const el = await render({ customers: many(100_000), query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } } }, 600);
    const grid = $(el, '[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('100001');
    const rows = $$(el, '.body-row');
    expect(rows.length).to.be.within(8, 30);
    expect(rows[0]!.getAttribute('aria-rowindex')).to.equal('2');
    let nodes = 0;
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    expect(nodes).to.be.below(1_400);

    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = 56 * 50_000;
    await settle(el);
    const indexes = $$(el, '.body-row').map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes.length).to.be.within(8, 30);
    expect(Math.min(...indexes)).to.be.within(49_990, 50_010);
    const first = $$(el, '.body-row').find((r) => r.getAttribute('aria-rowindex') === String(Math.min(...indexes)))!;
    expect(first.querySelector('[part="name"]')!.textContent).to.equal(`Customer ${String(Math.min(...indexes) - 1).padStart(6, '0')}`);
  });

  it('recycles rows: jumping around a long list leaves the DOM the size it was', async () => {
    const el = await render({ customers: many(20_000) }, 600);
    const count = () => {
      let nodes = 0;
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      return nodes;
    };
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = 56 * 100;
    await settle(el);
    const before = count();
    const rows = $$(el, '.body-row').length;
    for (let i = 1; i <= 40; i++) {
      scroller.scrollTop = 56 * ((i * 7_919) % 19_000);
      await settle(el);
    }
    scroller.scrollTop = 56 * 100;
    await settle(el);
    expect($$(el, '.body-row').length).to.equal(rows);
    // Row contents differ a little (external IDs, badges), never by a leaked node per row per jump.
    expect(count()).to.be.within(before - 60, before + 60);
  });

  it('moves the focusable cell with arrows, Home/End, PageUp/PageDown and keeps it while scrolling', async () => {
    const el = await render({ customers: many(1_000), query: { ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } } });
    header(el, 'customer').focus();
    await press('ArrowDown');
    await settle(el);
    expect(focused(el)!.closest('.row')!.getAttribute('aria-rowindex')).to.equal('2');
    await press('End');
    await settle(el);
    expect(focused(el)!.dataset['column']).to.equal('apps');
    await press('Home');
    await press('PageDown');
    await settle(el);
    const afterPage = Number(focused(el)!.closest('.row')!.getAttribute('aria-rowindex'));
    expect(afterPage).to.be.above(4);
    await press('PageUp');
    await settle(el);
    expect(focused(el)!.closest('.row')!.getAttribute('aria-rowindex')).to.equal('2');
    await press('Control+End');
    await settle(el);
    expect(focused(el)!.closest('.row')!.getAttribute('aria-rowindex')).to.equal('1001');
    expect(focused(el)!.dataset['column']).to.equal('apps');
    expect($$(el, '[tabindex="0"]')).to.have.length(1);

    // Scroll the focused row far out of view: it stays rendered and focused.
    await press('Control+Home');
    await press('ArrowDown');
    await settle(el);
    const cell = focused(el)!;
    $(el, '.scroller')!.scrollTop = 56 * 600;
    await settle(el);
    expect(focused(el)).to.equal(cell);
    expect(cell.isConnected).to.equal(true);
    expect(cell.closest('.row')!.getAttribute('aria-rowindex')).to.equal('2');
    await press('ArrowDown');
    await settle(el);
    expect(focused(el)!.closest('.row')!.getAttribute('aria-rowindex')).to.equal('3');
    expect(focused(el)!.getBoundingClientRect().top).to.be.above($(el, '.header')!.getBoundingClientRect().bottom - 1);
  });

  it('keeps focus on the same row position when the sort changes', async () => {
    const el = await render({ customers: FIVE });
    header(el, 'customer').focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await settle(el);
    const cell = focused(el)!;
    expect(cell.closest('.row')!.getAttribute('aria-rowindex')).to.equal('3');
    expect(cell.textContent).to.contain('Delta Foods');
    el.query = { ...el.query, sort: { key: 'name', dir: 'asc' } };
    await settle(el);
    expect(focused(el)).to.equal(cell);
    expect(cell.closest('.row')!.getAttribute('aria-rowindex')).to.equal('3');
    expect(cell.textContent).to.contain('Blue Harbor');
    // Fewer rows than the focused position: focus moves to the last row instead of being lost.
    el.query = { ...el.query, q: 'acme' };
    await settle(el);
    expect(focused(el)!.closest('.row')!.getAttribute('aria-rowindex')).to.equal('2');
  });

  it('fires customer-select with the User ID on click and on Enter', async () => {
    const el = await render({ customers: FIVE });
    const clicked = nextEvent<CustomEvent<{ id: number }>>(el, 'customer-select');
    await click($(el, '.body-row[aria-rowindex="4"] [part="name"]')!);
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
    expect($(empty, '.message')!.dataset['state']).to.equal('empty');
    expect($(empty, '.message')!.textContent).to.contain('No customers yet');
    expect($(empty, '.message button')).to.equal(null);
    await expectNoAxeViolations(empty);

    const el = await render({ customers: FIVE, query: { ...DEFAULT_QUERY, q: 'zzz-nothing' } });
    expect($(el, '.message')!.dataset['state']).to.equal('no-match');
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('1');
    await expectNoAxeViolations(el);
    const request = nextEvent(el, 'clear-filters-request');
    await click($(el, '.message button')!);
    const event = await request;
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('shows a loading skeleton that passes axe', async () => {
    const backend = new ControlledBackend();
    const el = await render({ backend: backend.asBackend(), mode: 'server' });
    expect($(el, '[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.skeleton')).to.not.equal(null);
    await expectNoAxeViolations(el);
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
      expect(names(el)).to.deep.equal(['New Answer']);
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('2');
    });

    it('fetches pages while scrolling, at most two at a time, with placeholder rows', async () => {
      const backend = new ControlledBackend();
      const el = await render({ backend: backend.asBackend(), mode: 'server', pageSize: 20 }, 600);
      await until(() => backend.calls.length === 1, 'page 1');
      const total = 10_000;
      const pageOf = (n: number) => page(many(20).map((c, i) => ({ ...c, id: (n - 1) * 20 + i + 1, name: `Row ${(n - 1) * 20 + i}` })), total, n, 20);
      backend.calls[0]!.resolve(pageOf(1));
      await settle(el);
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
      expect(names(el)[0]).to.equal('Row 0');

      const scroller = $(el, '.scroller')!;
      for (const top of [56 * 300, 56 * 2000, 56 * 5000, 56 * 7000]) {
        scroller.scrollTop = top;
        await settle(el);
        expect(backend.open.length).to.be.at.most(2);
      }
      // Pages for rows no longer in view were aborted; the visible rows are placeholders until answered.
      expect(backend.calls.filter((c) => c.signal!.aborted).length).to.be.above(0);
      const placeholders = $$(el, '.body-row[aria-busy="true"]');
      expect(placeholders.length).to.be.above(0);
      await expectNoAxeViolations(el);
      for (const call of backend.open) call.resolve(pageOf(call.params.page!));
      await settle(el);
      const firstRendered = Number($$(el, '.body-row')[0]!.getAttribute('aria-rowindex')) - 2;
      await until(() => backend.open.length === 0 || $$(el, '.body-row[aria-busy="true"]').length === 0, 'pages');
      for (const call of backend.open) call.resolve(pageOf(call.params.page!));
      await settle(el);
      expect($$(el, '.body-row[aria-busy="true"]')).to.have.length(0);
      expect(names(el)[0]).to.equal(`Row ${firstRendered}`);
    });

    it('shows an error with Retry, and Retry asks again with the same query', async () => {
      const backend = new ControlledBackend();
      const query: CustomerQuery = { ...DEFAULT_QUERY, q: 'keep me', status: 'trial' };
      const el = await render({ backend: backend.asBackend(), mode: 'server', query });
      await until(() => backend.calls.length === 1, 'the request');
      backend.calls[0]!.reject(new HttpError(problem(503, 'Service unavailable', 'The backend is down')));
      await settle(el);
      const message = $(el, '.message')!;
      expect(message.dataset['state']).to.equal('error');
      expect(message.getAttribute('role')).to.equal('alert');
      await expectNoAxeViolations(el);
      await click($(el, '.message button')!);
      await until(() => backend.calls.length === 2, 'the retry');
      expect(backend.calls[1]!.params).to.deep.include({ q: 'keep me', status: 'trial', page: 1 });
      backend.calls[1]!.resolve(page([customer(4, 'Delta Foods')], 1));
      await settle(el);
      expect($(el, '.message')).to.equal(null);
      expect(names(el)).to.deep.equal(['Delta Foods']);
    });
  });

  it('auto mode loads a small list whole and then filters in memory', async () => {
    const backend = new ControlledBackend();
    const el = await render({ backend: backend.asBackend() });
    await until(() => backend.calls.length === 1, 'the first page');
    expect(backend.calls[0]!.params).to.deep.equal({ page: 1, per_page: 200 });
    backend.calls[0]!.resolve(page(FIVE, 5, 1, 200));
    await settle(el);
    expect(names(el)).to.have.length(5);
    el.query = { ...DEFAULT_QUERY, q: 'blue' };
    await settle(el);
    expect(names(el)).to.deep.equal(['Blue Harbor']);
    expect(backend.calls).to.have.length(1);
  });

  it('swaps the arrow keys in right-to-left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><customer-table style="block-size: 300px" .customers=${FIVE} .now=${NOW}></customer-table></div>`,
    );
    const el = wrapper.querySelector('customer-table')!;
    await settle(el);
    header(el, 'customer').focus();
    await press('ArrowLeft');
    await settle(el);
    expect(focused(el)).to.equal(header(el, 'joined'));
    await expectNoAxeViolations(el);
  });
});
