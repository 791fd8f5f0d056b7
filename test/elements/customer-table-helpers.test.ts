// The pure pieces beside customer-table: highlight segments, windowing, row keys, grid keys, the
// row sources of both modes and the data-mode decision. They run in Chromium with the element tests.
import { expect } from '@open-wc/testing';
import { splitByRanges } from '../../components/customer-table/highlight.js';
import { MAX_SCROLL_HEIGHT, rowWindow, scrollTopToShow, type WindowInput } from '../../components/customer-table/table-window.js';
import { assignSlots } from '../../components/customer-table/row-slots.js';
import { nextCell } from '../../components/shared/keyboard-navigation.js';
import { ClientRows } from '../../components/customer-table/client-rows.js';
import { ServerPages } from '../../components/customer-table/server-pages.js';
import { loadSource, rowSourceFor } from '../../components/customer-table/row-source.js';
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import type { Customer, CustomerPage } from '../../src/model/schemas.js';
import { hasActiveFilters } from '../../src/query/filters.js';
import type { CustomerListParams } from '../../src/query/types.js';
import { DEFAULT_QUERY } from '../../src/query/types.js';
import { makeCustomer } from '../support/customers.js';
import { until } from '../support/wait.js';

const customer = (id: number): Customer =>
  makeCustomer({ id, name: `C${id}`, created_at: '2025-01-01T00:00:00.000Z', task_limit: 100, connection_limit: 5 });

/** listCustomers answers only when the test says so; records every call and its signal. */
function controlledBackend() {
  const calls: { params: CustomerListParams; signal?: AbortSignal; resolve: (p: CustomerPage) => void; reject: (e: unknown) => void }[] = [];
  const backend = {
    listCustomers: (params: CustomerListParams, options?: CallOptions) =>
      new Promise<CustomerPage>((resolve, reject) => calls.push({ params, signal: options?.signal, resolve, reject })),
  } as unknown as Backend;
  return { backend, calls };
}

const pageOf = (page: number, perPage: number, total: number): CustomerPage => ({
  items: Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => customer((page - 1) * perPage + i + 1)),
  total,
  page,
  per_page: perPage,
  counts: { all: total, active: total, trial: 0, expired: 0 },
});

describe('splitByRanges', () => {
  it('covers the whole text in order, marking the ranges', () => {
    expect(splitByRanges('Acme and acme', [[0, 4], [9, 13]])).to.deep.equal([
      { text: 'Acme', match: true },
      { text: ' and ', match: false },
      { text: 'acme', match: true },
    ]);
  });
  it('merges overlapping or touching ranges, sorts them and clamps them to the text', () => {
    expect(splitByRanges('abcdef', [[3, 9], [1, 2], [2, 4]])).to.deep.equal([
      { text: 'a', match: false },
      { text: 'bcdef', match: true },
    ]);
    expect(splitByRanges('abc', [[-5, 1], [2, 2]])).to.deep.equal([
      { text: 'a', match: true },
      { text: 'bc', match: false },
    ]);
  });
  it('returns the text as one plain segment without ranges', () => {
    expect(splitByRanges('', [])).to.deep.equal([{ text: '', match: false }]);
    expect(splitByRanges('<b>x</b>', [])).to.deep.equal([{ text: '<b>x</b>', match: false }]);
  });
});

describe('rowWindow and scrollTopToShow', () => {
  const input = (over: Partial<WindowInput>): WindowInput => ({
    total: 1_000,
    rowHeight: 50,
    viewportHeight: 500,
    scrollTop: 0,
    overscan: 2,
    ...over,
  });

  it('renders the visible rows plus overscan, always the same count while scrolling', () => {
    const counts = new Set<number>();
    for (let top = 0; top <= 1_000 * 50 - 500; top += 37) {
      const w = rowWindow(input({ scrollTop: top }));
      counts.add(w.end - w.first);
      expect(w.first * 50).to.be.at.most(top);
      expect(w.end * 50).to.be.at.least(top + 500);
    }
    expect([...counts]).to.deep.equal([15]);
    expect(rowWindow(input({ total: 4 }))).to.deep.equal({ first: 0, end: 4, height: 200, shift: 0 });
    expect(rowWindow(input({ total: 0 })).end).to.equal(0);
  });

  it('scales past the browser height limit and still reaches the last row', () => {
    const total = 1_000_000;
    const rowHeight = 56;
    const viewportHeight = 700;
    const base = input({ total, rowHeight, viewportHeight });
    const top = rowWindow(base);
    expect(top.height).to.equal(MAX_SCROLL_HEIGHT);
    expect(top.first).to.equal(0);
    const bottom = rowWindow({ ...base, scrollTop: MAX_SCROLL_HEIGHT - viewportHeight });
    expect(bottom.end).to.equal(total);
    // The last row sits at the bottom of the viewport.
    const lastY = (total - 1) * rowHeight - bottom.shift;
    expect(lastY + rowHeight).to.be.closeTo(MAX_SCROLL_HEIGHT, 1);
    const middle = rowWindow({ ...base, scrollTop: (MAX_SCROLL_HEIGHT - viewportHeight) / 2 });
    expect(middle.first).to.be.within(total / 2 - 20, total / 2 + 5);
  });

  it('scrolls the least needed to show a row, and not at all when it is visible', () => {
    expect(scrollTopToShow(3, input({ scrollTop: 0 }))).to.equal(0);
    expect(scrollTopToShow(20, input({ scrollTop: 0 }))).to.equal(21 * 50 - 500);
    expect(scrollTopToShow(5, input({ scrollTop: 1_000 }))).to.equal(250);
    const scaled = input({ total: 1_000_000, rowHeight: 56, viewportHeight: 700 });
    const to = scrollTopToShow(600_000, scaled);
    const w = rowWindow({ ...scaled, scrollTop: to });
    const y = 600_000 * 56 - w.shift;
    expect(y).to.be.within(to - 1, to + 700 - 56 + 1);
  });
});

describe('assignSlots', () => {
  it('keeps the key of a row that stays and hands freed keys to new rows in DOM order', () => {
    const first = assignSlots(new Map(), [0, 1, 2, 3]);
    expect([...first.values()]).to.deep.equal([0, 1, 2, 3]);
    const scrolled = assignSlots(first, [1, 2, 3, 4]);
    expect([...scrolled]).to.deep.equal([[1, 1], [2, 2], [3, 3], [4, 0]]);
    const jumped = assignSlots(scrolled, [100, 101, 102, 103]);
    expect([...jumped.values()]).to.deep.equal([1, 2, 3, 0]);
  });
  it("hands keys freed at one end to rows scrolled in at the other in the order repeat moves cheaply", () => {
    // Scrolling down two rows: the new last rows take the top's keys last-first, so repeat moves
    // the two freed rows to the end instead of moving every row between them.
    const down = assignSlots(assignSlots(new Map(), [0, 1, 2, 3]), [2, 3, 4, 5]);
    expect([...down]).to.deep.equal([[2, 2], [3, 3], [4, 1], [5, 0]]);
    // Scrolling up two rows: the new first rows take the bottom's keys first-first.
    const up = assignSlots(assignSlots(new Map(), [4, 5, 6, 7].map((i) => i)), [2, 3, 4, 5]);
    expect([...up]).to.deep.equal([[2, 3], [3, 2], [4, 0], [5, 1]]);
  });

  it('never gives two rows one key, growing only when more rows are rendered', () => {
    let slots = assignSlots(new Map(), [0, 1, 2]);
    for (const rows of [[5, 6, 7, 2], [9, 10], [2, 3, 4, 5, 6], [50]]) {
      slots = assignSlots(slots, rows);
      expect(new Set(slots.values()).size).to.equal(rows.length);
      expect(Math.max(...slots.values())).to.be.below(5);
    }
  });
});

describe('nextCell', () => {
  const shape = { rowCount: 100, colCount: 5, pageRows: 10, rtl: false };
  it('moves by arrows inside the grid, header row included', () => {
    expect(nextCell({ row: -1, col: 0 }, 'ArrowDown', false, shape)).to.deep.equal({ row: 0, col: 0 });
    expect(nextCell({ row: 0, col: 0 }, 'ArrowUp', false, shape)).to.deep.equal({ row: -1, col: 0 });
    expect(nextCell({ row: -1, col: 0 }, 'ArrowUp', false, shape)).to.deep.equal({ row: -1, col: 0 });
    expect(nextCell({ row: 3, col: 4 }, 'ArrowRight', false, shape)).to.deep.equal({ row: 3, col: 4 });
    expect(nextCell({ row: 99, col: 1 }, 'ArrowDown', false, shape)).to.deep.equal({ row: 99, col: 1 });
  });
  it('swaps left and right in right-to-left', () => {
    expect(nextCell({ row: 2, col: 1 }, 'ArrowLeft', false, { ...shape, rtl: true })).to.deep.equal({ row: 2, col: 2 });
    expect(nextCell({ row: 2, col: 1 }, 'ArrowRight', false, { ...shape, rtl: true })).to.deep.equal({ row: 2, col: 0 });
  });
  it('pages, and Home/End go to the row ends or, with Ctrl, the grid ends', () => {
    expect(nextCell({ row: 5, col: 2 }, 'PageDown', false, shape)).to.deep.equal({ row: 15, col: 2 });
    expect(nextCell({ row: 95, col: 2 }, 'PageDown', false, shape)).to.deep.equal({ row: 99, col: 2 });
    expect(nextCell({ row: 5, col: 2 }, 'PageUp', false, shape)).to.deep.equal({ row: 0, col: 2 });
    expect(nextCell({ row: 0, col: 2 }, 'PageUp', false, shape)).to.deep.equal({ row: -1, col: 2 });
    expect(nextCell({ row: 5, col: 2 }, 'Home', false, shape)).to.deep.equal({ row: 5, col: 0 });
    expect(nextCell({ row: 5, col: 2 }, 'End', true, shape)).to.deep.equal({ row: 99, col: 4 });
    expect(nextCell({ row: 5, col: 2 }, 'Home', true, shape)).to.deep.equal({ row: -1, col: 0 });
    expect(nextCell({ row: 5, col: 2 }, 'a', false, shape)).to.equal(null);
  });
  it('stays on the header when there are no rows', () => {
    expect(nextCell({ row: -1, col: 1 }, 'ArrowDown', false, { ...shape, rowCount: 0 })).to.deep.equal({ row: -1, col: 1 });
    expect(nextCell({ row: -1, col: 1 }, 'End', true, { ...shape, rowCount: 0 })).to.deep.equal({ row: -1, col: 4 });
  });
});

describe('ServerPages', () => {
  it('keeps at most two requests open and aborts pages scrolled away from', async () => {
    const { backend, calls } = controlledBackend();
    let changes = 0;
    const pages = new ServerPages({ backend, perPage: 10, onChange: () => changes++ });
    pages.reset({ q: 'x', page: 7, per_page: 99 });
    expect(calls.map((c) => c.params)).to.deep.equal([{ q: 'x', page: 1, per_page: 10 }]);
    calls[0]!.resolve(pageOf(1, 10, 1_000));
    await until(() => pages.total !== null, 'page 1');
    expect(pages.total).to.equal(1_000);
    expect(pages.rowAt(3)?.id).to.equal(4);
    expect(changes).to.equal(1);

    pages.want(500, 530); // pages 51–54
    expect(pages.inFlight).to.equal(2);
    expect(calls.slice(1).map((c) => c.params.page)).to.deep.equal([51, 52]);
    pages.want(800, 815); // pages 81–82: 51 and 52 are no longer wanted
    expect(calls[1]!.signal!.aborted && calls[2]!.signal!.aborted).to.equal(true);
    expect(calls.slice(3).map((c) => c.params.page)).to.deep.equal([81, 82]);
    expect(pages.inFlight).to.equal(2);
    // An aborted request that answers anyway changes nothing (its answer is handled before page 81's).
    calls[1]!.resolve(pageOf(51, 10, 1_000));
    calls[3]!.resolve(pageOf(81, 10, 1_000));
    await until(() => pages.rowAt(800) !== undefined, 'page 81');
    expect(pages.rowAt(500)).to.equal(undefined);
    expect(pages.rowAt(800)?.id).to.equal(801);
  });

  it('drops every answer of an older query', async () => {
    const { backend, calls } = controlledBackend();
    const pages = new ServerPages({ backend, perPage: 10, onChange: () => {} });
    pages.reset({ q: 'old' });
    pages.reset({ q: 'new' });
    expect(calls[0]!.signal!.aborted).to.equal(true);
    calls[1]!.resolve({ ...pageOf(1, 10, 3), items: [customer(42)] });
    calls[0]!.resolve(pageOf(1, 10, 500));
    await until(() => pages.total !== null, 'the answer');
    expect(pages.total).to.equal(3);
    expect(pages.rowAt(0)?.id).to.equal(42);
  });

  it('stops on an error until retry, which asks again for the same pages', async () => {
    const { backend, calls } = controlledBackend();
    const pages = new ServerPages({ backend, perPage: 10, onChange: () => {} });
    pages.reset({ status: 'trial' });
    calls[0]!.reject(new Error('down'));
    await until(() => pages.error !== null, 'the error');
    expect((pages.error as Error).message).to.equal('down');
    pages.want(0, 30);
    expect(calls).to.have.length(1);
    pages.retry();
    expect(pages.error).to.equal(null);
    expect(calls.slice(1).map((c) => c.params)).to.deep.equal([
      { status: 'trial', page: 1, per_page: 10 },
      { status: 'trial', page: 2, per_page: 10 },
    ]);
  });

  it('starts over only for a new query or clock, and after a pause', () => {
    const { backend, calls } = controlledBackend();
    const pages = new ServerPages({ backend, perPage: 10, onChange: () => {} });
    const now = new Date('2026-11-27T09:00:00.000Z');
    const query = { ...DEFAULT_QUERY, q: 'acme' };
    pages.show(query, now);
    pages.show(query, now);
    expect(calls.map((c) => c.params)).to.deep.equal([{ q: 'acme', sort: '-created_at', page: 1, per_page: 10 }]);
    pages.show({ ...query }, now);
    expect(calls).to.have.length(2);
    expect(calls[0]!.signal!.aborted).to.equal(true);
    pages.pause();
    expect(calls[1]!.signal!.aborted).to.equal(true);
    pages.show({ ...query }, now);
    pages.pause();
    pages.show({ ...query }, new Date(now.getTime() + 1));
    expect(calls).to.have.length(4);
  });
});

describe('ClientRows', () => {
  const now = new Date('2026-11-27T09:00:00.000Z');

  it('answers like a server: total, counts and rows of the query, all at once', () => {
    const rows = new ClientRows([customer(1), customer(2), makeCustomer({ id: 3, name: 'Acme', in_trial: true, trial_ends_at: '2026-12-01T00:00:00.000Z' })]);
    expect(rows.total).to.equal(null);
    rows.show({ ...DEFAULT_QUERY, status: 'trial' }, now);
    expect(rows.total).to.equal(1);
    expect(rows.counts).to.deep.equal({ all: 3, active: 2, trial: 1, expired: 0 });
    expect(rows.rowAt(0)?.name).to.equal('Acme');
    expect(rows.rowAt(1)).to.equal(undefined);
    expect(rows.error).to.equal(null);
  });

  it('runs the query again only for a new query or clock', () => {
    const rows = new ClientRows([customer(1), customer(2)]);
    const query = { ...DEFAULT_QUERY, sort: { key: 'name' as const, dir: 'asc' as const } };
    rows.show(query, now);
    const counts = rows.counts;
    rows.show(query, now);
    expect(rows.counts).to.equal(counts);
    rows.show(query, new Date(now.getTime() + 1));
    expect(rows.counts).to.not.equal(counts);
    expect(rows.counts).to.deep.equal(counts);
  });
});

describe('rowSourceFor', () => {
  it('keeps the source while it serves the same list, or the same backend and page size', () => {
    const list = [customer(1)];
    const client = rowSourceFor(null, { kind: 'client', customers: list }, () => {})!;
    expect(client.mode).to.equal('client');
    expect(rowSourceFor(client, { kind: 'client', customers: list }, () => {})).to.equal(client);
    expect(rowSourceFor(client, { kind: 'client', customers: [...list] }, () => {})).to.not.equal(client);

    const { backend, calls } = controlledBackend();
    const server = rowSourceFor(client, { kind: 'server', backend, perPage: 50 }, () => {})!;
    expect(server.mode).to.equal('server');
    expect(rowSourceFor(server, { kind: 'server', backend, perPage: 50 }, () => {})).to.equal(server);
    server.show(DEFAULT_QUERY, new Date());
    const bigger = rowSourceFor(server, { kind: 'server', backend, perPage: 100 }, () => {});
    expect(bigger).to.not.equal(server);
    // The source it replaced stopped its requests.
    expect(calls[0]!.signal!.aborted).to.equal(true);
    expect(rowSourceFor(bigger, null, () => {})).to.equal(null);
  });
});

describe('data mode', () => {
  it('tells a filtered query from the unfiltered one', () => {
    expect(hasActiveFilters(DEFAULT_QUERY)).to.equal(false);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, q: '   ' })).to.equal(false);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, sort: { key: 'name', dir: 'asc' } })).to.equal(false);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, q: 'a' })).to.equal(true);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, plans: ['growth'] })).to.equal(true);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, status: 'trial' })).to.equal(true);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, app: 'slack' })).to.equal(true);
    expect(hasActiveFilters({ ...DEFAULT_QUERY, joined: { preset: '7d' } })).to.equal(true);
  });

  it('auto mode stays on the server above the threshold after one request', async () => {
    const { backend, calls } = controlledBackend();
    const source = loadSource(backend, 'auto', 5_000, {});
    calls[0]!.resolve(pageOf(1, 200, 5_001));
    expect(await source).to.deep.equal({ kind: 'server' });
    expect(calls).to.have.length(1);
  });

  it('client mode loads every page, two at a time', async () => {
    const { backend, calls } = controlledBackend();
    const source = loadSource(backend, 'auto', 5_000, {});
    calls[0]!.resolve(pageOf(1, 200, 1_000));
    await until(() => calls.length === 3, 'pages 2 and 3');
    expect(calls.map((c) => c.params.page)).to.deep.equal([1, 2, 3]);
    for (let answered = 1; answered < 5; answered++) {
      calls[answered]!.resolve(pageOf(calls[answered]!.params.page!, 200, 1_000));
      await until(() => calls.length === Math.min(5, answered + 3), 'the next page');
      expect(calls.length - (answered + 1)).to.be.at.most(2);
    }
    const result = await source;
    expect(result.kind).to.equal('client');
    expect(result.kind === 'client' && result.customers.map((c) => c.id)).to.deep.equal(
      Array.from({ length: 1_000 }, (_, i) => i + 1),
    );
  });
});
