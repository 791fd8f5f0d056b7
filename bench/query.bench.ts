/**
 * Client-mode query figures: index build, filter, search and sort over 10k, 100k and 1M generated
 * customers. Prints the median of several runs per operation (not a pass/fail timing).
 *
 *   npx tsx bench/query.bench.ts            # all sizes
 *   npx tsx bench/query.bench.ts 10000      # chosen sizes
 */
import { generateCustomers } from '../src/backend/generate.js';
import type { Customer } from '../src/model/schemas.js';
import {
  applyListParams,
  createCustomerIndex,
  createCustomerIndexAsync,
  DEFAULT_QUERY,
  parseListParams,
  prepareSortOrders,
  runQuery,
  type CustomerIndex,
  type CustomerQuery,
} from '../src/query/index.js';
import { SORT_KEYS } from '../src/model/schemas.js';

const RUNS = 7;
const ANCHOR = new Date('2025-06-01T00:00:00.000Z');
const NOW = new Date('2025-06-01T09:30:00.000Z');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median (and fastest) wall time in ms of `run`, with `before` (untimed) ahead of each run; returns
 * the last result. The fastest run shows the floor on a machine shared with other work.
 */
function measure<T>(run: () => T, before?: () => void): { ms: number; min: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), min: Math.min(...times), result };
}

const q = (fields: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...fields });

interface Row {
  what: string;
  target?: string;
  cells: Map<number, string>;
}
const rows: Row[] = [];
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
function record(what: string, size: number, m: { ms: number; min: number }, note = '', target?: string): void {
  let row = rows.find((r) => r.what === what);
  if (!row) rows.push((row = { what, cells: new Map(), ...(target ? { target } : {}) }));
  row.cells.set(size, `${fmt(m.ms)} / ${fmt(m.min)}${note ? `  ${note}` : ''}`);
}

/** Wall time of the sliced build and the longest stretch it kept the event loop busy. */
async function measureAsyncBuild(customers: Customer[]): Promise<{ total: number[]; longest: number[] }> {
  const total: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let last = performance.now();
    let worst = 0;
    let running = true;
    const beat = () => {
      const t = performance.now();
      worst = Math.max(worst, t - last);
      last = t;
      if (running) setTimeout(beat, 0);
    };
    setTimeout(beat, 0);
    const start = performance.now();
    await createCustomerIndexAsync(customers);
    total.push(performance.now() - start);
    running = false;
    beat();
    longest.push(worst);
  }
  return { total, longest };
}

async function benchSize(customers: Customer[]): Promise<void> {
  const n = customers.length;
  const build = measure(() => createCustomerIndex(customers));
  record('index build (fold, columns, search text, ranks)', n, build);
  const sliced = await measureAsyncBuild(customers);
  record('async index build, total', n, { ms: median(sliced.total), min: Math.min(...sliced.total) });
  record('async index build, longest blocking slice', n, { ms: median(sliced.longest), min: Math.min(...sliced.longest) });
  const index: CustomerIndex = build.result;
  record('prepare all 8 sort orders (idle time)', n, measure(() => prepareSortOrders(index), () => index.orders.clear()));

  // Warm the default order so filter and search figures are the per-keystroke cost.
  runQuery(index, DEFAULT_QUERY, NOW);
  const cases: Array<[string, CustomerQuery]> = [
    ['filter plan+status+joined 90d', q({ plans: ['growth', 'business'], status: 'active', joined: { preset: '90d' } })],
    ['search common "co"', q({ q: 'co' })],
    ['search rare "kraków"', q({ q: 'kraków' })],
    ['search + filter "acme" trial', q({ q: 'acme', status: 'trial' })],
    ['no filter (default query)', DEFAULT_QUERY],
  ];
  for (const [what, query] of cases) {
    const m = measure(() => runQuery(index, query, NOW));
    record(what, n, m, `${m.result.total} hits`, '16 ms');
  }
  for (const key of SORT_KEYS) {
    for (const dir of ['asc', 'desc'] as const) {
      const query = q({ sort: { key, dir } });
      const cold = measure(() => runQuery(index, query, NOW), () => index.orders.clear());
      record(`sort ${dir === 'desc' ? '-' : ''}${key}, first time (builds order)`, n, cold, '', '50 ms');
      const warm = measure(() => runQuery(index, query, NOW));
      record(`sort ${dir === 'desc' ? '-' : ''}${key}, order cached`, n, warm, '', '50 ms');
    }
  }
  const params = parseListParams({ q: 'co', sort: 'name', per_page: 50 });
  if (params.success) record('applyListParams one page (builds an index each call)', n, measure(() => applyListParams(customers, params.data, NOW)));
}

const header = `Node ${process.version}, ${RUNS} runs each; cells are median / fastest in ms. Data: generateCustomers (seeded), now ${NOW.toISOString()}`;
console.log(header);
for (const size of SIZES) {
  const start = performance.now();
  const customers = generateCustomers({ seed: 1, count: size, anchor: ANCHOR });
  console.log(`generated ${size.toLocaleString('en')} customers in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  await benchSize(customers);
}

const widths = [Math.max(...rows.map((r) => r.what.length)), 6, ...SIZES.map(() => 26)];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log('');
console.log(line(['operation', 'target', ...SIZES.map((s) => s.toLocaleString('en'))]));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line([row.what, row.target ?? '', ...SIZES.map((s) => row.cells.get(s) ?? '')]));
console.log('\ntargets are for 100k rows in client mode (DESIGN.md); 1M is server territory.');
