/**
 * `npm run bench:server`: seeds BENCH_CUSTOMERS (default 1,000,000) customers into a temporary SQLite
 * database, starts the reference server on a loopback port, and prints p50 / p95 latency of list
 * pages over HTTP (client to answer, JSON parsed) for each case the issue names, then of the customer
 * page's calls: the dashboard for each period, the collaborators list and the change history (the
 * newest page, a deeper one, a 200-entry one; the bench writes history for these customers once, see
 * seedBenchHistory), each request for another customer (the busiest ones, with the most rollup rows,
 * and customers spread over the whole id range, so the page cache does not hold them all). Design target: p95 under 50 ms for every case.
 * Figures, not pass/fail.
 *
 * Two columns per case: "counted" with the status-count cache off, so every request counts every
 * match (what the first request for a filter costs), and "cached" as the server runs, where paging
 * and re-sorting within one filter reuse the exact counts. Pages themselves are always queried.
 * Requests are sequential (one in flight), after warm-up requests so SQLite's page cache holds
 * what the case reads.
 *
 * Then a mixed-load case: MIXED_CLIENTS (default 8) concurrent clients for MIXED_SECONDS (default
 * 10) each reading list pages, searching, reading customers and editing a small set of shared
 * customers with If-Match (read, then PATCH the version read; a 412 means another client got there
 * first, and the client reads again). It prints requests per second, p50/p95 per kind of request,
 * the 5xx count (must be 0) and lost updates (must be 0: every edited customer ends exactly as many
 * versions on as edits were acknowledged, holding the name of the last one). The edited customers'
 * names are put back afterwards. The clients run in this process, beside the server, as in the other
 * cases: the figures include their own work on the one event loop.
 *
 * For iterating: BENCH_CUSTOMERS (size), BENCH_CASES (comma-separated substrings of case labels to
 * run; "mixed" picks the mixed-load case), BENCH_DB (a database file kept between runs: seeded when
 * empty, reused, and migrated on open when it already holds BENCH_CUSTOMERS customers).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOfUtcDay } from '../src/backend/generate.js';
import { openDatabase } from '../demo/server/db.js';
import { seedDatabase } from '../demo/server/seed-data.js';
import { startServer } from '../demo/server/server.js';
import { HistoryStore } from '../demo/server/history-store.js';
import type { HistoryChange } from '../src/model/schemas.js';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const CASE_FILTER = (process.env.BENCH_CASES ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
const KEEP_DB = process.env.BENCH_DB;
const TOKEN = 'bench-token';
const DAY_MS = 86_400_000;

const now = new Date();
const day = (offsetDays: number) => new Date(startOfUtcDay(now).getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const deepPage = Math.max(1, Math.floor(COUNT / 2 / 50));

const ALL_CASES: [string, string][] = [
  ['no filter (newest first)', ''],
  ...['name', 'created_at', 'tasks_used', 'connections'].flatMap((key): [string, string][] => [
    [`sort ${key} ascending`, `sort=${key}`],
    [`sort ${key} descending`, `sort=-${key}`],
  ]),
  ['search, common substring "ltd"', 'q=ltd'],
  ['search, rare substring "acme-4242"', 'q=acme-4242'],
  ['search, 2-character "co" (no trigram)', 'q=co'],
  ['app among the top apps (most used app)', 'app=pipeline-crm'],
  ['app among the top apps (a rarely used app)', 'app=legacy-ftp'],
  ['one plan (plan=starter: ended trials are on free)', 'plan=starter'],
  ['the free plan (plan=free: settled and ended trials)', 'plan=free'],
  ['free plan by name, page 3', 'plan=free&sort=name&page=3'],
  ['plan + status + date joined', `plan=growth&plan=business&status=active&joined_from=${day(-365)}&joined_to=${day(-30)}`],
  [`deep page ${deepPage} (offset ${(deepPage - 1) * 50}), newest first`, `page=${deepPage}`],
  [`deep page ${deepPage}, by name`, `page=${deepPage}&sort=name`],
  // Issue 14: one-character searches, searches with filters, statuses, apps with filters, dates
  // and deep pages under filters, in several sorts.
  ['search, 1-character "a" (most customers)', 'q=a'],
  ['search, 1-character "a", by name, page 40', 'q=a&sort=name&page=40'],
  ['search, 1-character "x" (4 %), by tasks', 'q=x&sort=-tasks_used'],
  ['search, 1-character rare "$" + status=trial', 'q=%24&status=trial'],
  ['search, 1-character "9" (external IDs), by name', 'q=9&sort=name'],
  ['search "ltd" + plan=growth', 'q=ltd&plan=growth'],
  ['search "ltd" + plan=free, by name', 'q=ltd&plan=free&sort=name'],
  ['search "co" + status=trial', 'q=co&status=trial'],
  ['search "a" + status=expired, by name', 'q=a&status=expired&sort=name'],
  ['search "ltd" + app (most used)', 'q=ltd&app=pipeline-crm'],
  ['search "co" + app (rare), by connections', 'q=co&app=legacy-ftp&sort=-connections'],
  ['search "a" + joined in the last 90 days', `q=a&joined_from=${day(-90)}`],
  ['search "ltd" + joined last year, by name', `q=ltd&joined_from=${day(-365)}&joined_to=${day(-1)}&sort=name`],
  ['search "acme-4242" + status=active', 'q=acme-4242&status=active'],
  ['search "e" + plan + status + app + date', `q=e&plan=growth&plan=business&status=active&app=pipeline-crm&joined_from=${day(-730)}`],
  ['search "ltd", by tasks, page 200', 'q=ltd&sort=-tasks_used&page=200'],
  ['search "co", by name, page 2000', 'q=co&sort=name&page=2000'],
  ['status=trial', 'status=trial'],
  ['status=expired, by name', 'status=expired&sort=name'],
  ['status=active, by tasks descending, page 500', 'status=active&sort=-tasks_used&page=500'],
  ['app + plan + status', 'app=pipeline-crm&plan=growth&status=active'],
  ['app (rare) + status=trial, by name', 'app=legacy-ftp&status=trial&sort=name'],
  ['app (most used), by name, page 100', 'app=pipeline-crm&sort=name&page=100'],
  ['app (most used) + joined last year', `app=pipeline-crm&joined_from=${day(-365)}`],
  ['joined in the last 30 days, by tasks', `joined_from=${day(-30)}&sort=-tasks_used`],
  ['joined last year + status=expired, by name, page 50', `joined_from=${day(-365)}&joined_to=${day(-1)}&status=expired&sort=name&page=50`],
  ['plan=free, by connections, page 1000', 'plan=free&sort=-connections&page=1000'],
  ['two plans + status=trial, by name', 'plan=starter&plan=enterprise&status=trial&sort=name'],
  [`deep page ${deepPage}, by tasks descending`, `page=${deepPage}&sort=-tasks_used`],
  [`deep page ${deepPage} + status=active, by name`, `page=${Math.floor(deepPage / 2)}&status=active&sort=name`],
];

/** The customer page's calls: a path per customer id. */
const CUSTOMER_CASES: [string, (id: number) => string][] = [
  ...(['1d', '7d', '30d', '90d'] as const).map((period): [string, (id: number) => string] => [
    `dashboard ${period}`,
    (id) => `/customers/${id}/dashboard?period=${period}`,
  ]),
  ['collaborators', (id) => `/customers/${id}/collaborators`],
  ['history, newest 20', (id) => `/customers/${id}/history`],
  ['history, page 5', (id) => `/customers/${id}/history?page=5`],
  ['history, 200 a page', (id) => `/customers/${id}/history?per_page=200`],
];

const selected = <T extends [string, ...unknown[]]>(cases: T[]) =>
  CASE_FILTER.length === 0 ? cases : cases.filter(([label]) => CASE_FILTER.some((f) => label.includes(f)));
const CASES = selected(ALL_CASES);
const SELECTED_CUSTOMER_CASES = selected(CUSTOMER_CASES);
const MIXED_LABEL = 'mixed load: reads, searches and If-Match edits';
const RUN_MIXED = CASE_FILTER.length === 0 || CASE_FILTER.some((f) => MIXED_LABEL.includes(f));
const MIXED_CLIENTS = Number(process.env.MIXED_CLIENTS ?? 8);
const MIXED_SECONDS = Number(process.env.MIXED_SECONDS ?? 10);
/** Customers every client edits, so edits meet each other (412) as concurrent admins' would. */
const MIXED_HOT_CUSTOMERS = 16;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dir = KEEP_DB === undefined ? mkdtempSync(join(tmpdir(), 'console-bench-')) : null;
const file = KEEP_DB ?? join(dir!, 'bench.sqlite');
try {
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0]!.toFixed(1)}`);
  const reuse = existsSync(file);
  const openStart = performance.now();
  const db = openDatabase(file);
  const held = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  if (reuse && held !== COUNT) throw new Error(`${file} holds ${held} customers, not ${COUNT}; remove it or set BENCH_CUSTOMERS`);
  if (held > 0) {
    console.log(`Reusing ${file} (${held} customers; opened and migrated in ${((performance.now() - openStart) / 1000).toFixed(1)} s)`);
    const anchor = db.prepare("SELECT value FROM meta WHERE key = 'anchor'").pluck().get() as string | undefined;
    if (anchor !== startOfUtcDay(now).toISOString()) {
      console.log(`Note: seeded for ${anchor ?? 'an unknown day'}, not today: trials ending "today" have moved, figures differ.`);
    }
  } else {
    const seedStart = performance.now();
    seedDatabase(db, {
      seed: 1,
      count: COUNT,
      anchor: startOfUtcDay(now),
      batchSize: 20_000,
      onProgress: (n) => {
        if (n % 200_000 === 0 || n === COUNT) process.stdout.write(`\rseeding ${n} / ${COUNT}`);
      },
    });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`\nSeeded ${COUNT} customers (with collaborators, recipes, job rollups, indexes and the FTS index) in ${seedSeconds.toFixed(1)} s; database ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  }
  const tableRows = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const tableMb = (table: string) => {
    try {
      return ((db.prepare('SELECT sum(pgsize) FROM dbstat WHERE name = ?').pluck().get(table) as number) / 1e6).toFixed(0);
    } catch {
      return '?'; // dbstat is not compiled in
    }
  };
  seedBenchHistory(db);
  for (const table of ['recipes', 'job_rollups_daily', 'job_rollups_hourly', 'collaborators', 'customer_history']) {
    console.log(`${table.padEnd(20)} ${String(tableRows(table)).padStart(10)} rows ${tableMb(table).padStart(6)} MB`);
  }

  const counted = await startServer({ db, adminToken: TOKEN, now: () => now, port: 0, countCache: false });
  const cached = await startServer({ db, adminToken: TOKEN, now: () => now, port: 0 });
  const headers = { Authorization: `Bearer ${TOKEN}` };

  /** p50 and p95 of RUNS sequential requests after WARMUP, and the page's total and item count. */
  async function measure(base: string, query: string, label: string) {
    const times: number[] = [];
    let total = 0;
    let items = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/customers?${query}`, { headers });
      const page = (await response.json()) as { total: number; items: unknown[] };
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status} ${JSON.stringify(page)}`);
      total = page.total;
      items = page.items.length;
      if (i >= WARMUP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), total, items };
  }

  const header = `${'case'.padEnd(54)} ${'counted p50'.padStart(11)} ${'p95'.padStart(7)}  ${'cached p50'.padStart(10)} ${'p95'.padStart(7)}  ${'total'.padStart(8)} ${'items'.padStart(5)}`;
  if (CASES.length > 0) console.log(`\n${header}`);
  const rows: string[] = [];
  let worstCounted = 0;
  let worstCached = 0;
  for (const [label, query] of CASES) {
    const a = await measure(counted.url, query, label);
    const b = await measure(cached.url, query, label);
    if (a.total !== b.total) throw new Error(`${label}: totals differ (${a.total} vs ${b.total})`);
    worstCounted = Math.max(worstCounted, a.p95);
    worstCached = Math.max(worstCached, b.p95);
    const row =
      `${label.padEnd(54)} ${a.p50.toFixed(1).padStart(11)} ${a.p95.toFixed(1).padStart(7)}  ${b.p50.toFixed(1).padStart(10)} ` +
      `${b.p95.toFixed(1).padStart(7)}  ${String(a.total).padStart(8)} ${String(a.items).padStart(5)}`;
    rows.push(row);
    console.log(row);
  }
  // The customer page: each request for another customer, half of them the busiest (most rollup rows
  // in 90 days), half spread evenly over the id range.
  const customerIds = customerPageIds(db);
  const pageHeader = `${'customer page call'.padEnd(54)} ${'p50'.padStart(11)} ${'p95'.padStart(7)}  ${'max'.padStart(10)}`;
  const pageRows: string[] = [];
  let worstPage = 0;
  if (SELECTED_CUSTOMER_CASES.length > 0) console.log(`\n${pageHeader}`);
  for (const [label, path] of SELECTED_CUSTOMER_CASES) {
    const times: number[] = [];
    for (let i = 0; i < customerIds.length; i++) {
      const started = performance.now();
      const response = await fetch(`${cached.url}/api${path(customerIds[i]!)}`, { headers });
      const body: unknown = await response.json();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status} ${JSON.stringify(body)}`);
      if (i >= WARMUP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    worstPage = Math.max(worstPage, p95);
    const row = `${label.padEnd(54)} ${percentile(times, 50).toFixed(1).padStart(11)} ${p95.toFixed(1).padStart(7)}  ${times.at(-1)!.toFixed(1).padStart(10)}`;
    pageRows.push(row);
    console.log(row);
  }

  if (rows.length > 0) {
    console.log(`\nSummary (${COUNT} customers, ms, ${RUNS} requests per case after ${WARMUP} warm-ups, one in flight):\n${header}`);
    for (const row of rows) console.log(row);
  }
  if (pageRows.length > 0) {
    console.log(`\n${pageHeader}`);
    for (const row of pageRows) console.log(row);
  }
  console.log(`\nWorst p95: ${worstCounted.toFixed(1)} ms counting every request, ${worstCached.toFixed(1)} ms with the count cache, ${worstPage.toFixed(1)} ms for the customer page's calls (target 50 ms).`);
  if (RUN_MIXED) await mixedLoad(cached.url, headers);
  await counted.close();
  await cached.close();
  db.close();
} finally {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
}

/**
 * The seeded customers have no history (as in MemoryBackend); the history cases need some. Once per
 * database (meta `bench_history`): every 100th customer gets 10 entries, and the customers the
 * customer-page cases read (the busiest and the spread ones) 100 to 300 each, written as the routes
 * write them (a name change, a plan change, a trial), so the table holds about 100k entries spread
 * over the id range and the pages read are full.
 */
function seedBenchHistory(db: ReturnType<typeof openDatabase>) {
  if (db.prepare("SELECT value FROM meta WHERE key = 'bench_history'").pluck().get() !== undefined) return;
  const started = performance.now();
  const history = new HistoryStore(db);
  const actor = { kind: 'admin' as const, name: 'Bench Admin' };
  const write = (customerId: number, entries: number) => {
    for (let n = 1; n <= entries; n++) {
      const changes: HistoryChange[] =
        n % 3 === 0
          ? [{ field: 'plan_id', from: 'starter', to: 'growth' }]
          : n % 3 === 1
            ? [{ field: 'name', from: `Customer ${customerId} v${n}`, to: `Customer ${customerId} v${n + 1}` }]
            : [
                { field: 'in_trial', from: false, to: true },
                { field: 'trial_ends_at', from: null, to: new Date(now.getTime() + 30 * DAY_MS).toISOString() },
              ];
      history.record(customerId, { at: new Date(now.getTime() - (entries - n) * 3_600_000), action: n % 3 === 0 ? 'plan' : n % 3 === 1 ? 'update' : 'trial', actor, version: n + 1, changes });
    }
  };
  db.transaction(() => {
    const heavy = new Set(customerPageIds(db));
    for (let id = 100; id <= COUNT; id += 100) if (!heavy.has(id)) write(id, 10);
    [...heavy].forEach((id, i) => write(id, 100 + ((i * 37) % 201)));
    db.prepare("INSERT INTO meta (key, value) VALUES ('bench_history', ?)").run(now.toISOString());
  })();
  console.log(`Wrote the bench's change history in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The customers the customer-page cases read, half the busiest (most rollup rows in 90 days), half spread evenly over the id range. */
function customerPageIds(db: ReturnType<typeof openDatabase>): number[] {
  const busiest = db
    .prepare('SELECT customer_id FROM job_rollups_daily GROUP BY customer_id ORDER BY count(*) DESC LIMIT ?')
    .pluck()
    .all(Math.ceil((WARMUP + RUNS) / 2)) as number[];
  const spread = Array.from({ length: WARMUP + RUNS - busiest.length }, (_, i) => 1 + Math.floor(((i + 0.5) * COUNT) / (WARMUP + RUNS)));
  return busiest.flatMap((id, i) => (spread[i] === undefined ? [id] : [id, spread[i]!]));
}

type MixedKind = 'list page' | 'search' | 'get customer' | 'edit (read + PATCH)';

/** The mixed-load case (see the header): figures printed, correctness asserted. */
async function mixedLoad(base: string, auth: Record<string, string>) {
  const api = `${base}/api`;
  const json = { ...auth, 'Content-Type': 'application/json' };
  const hot = Array.from({ length: MIXED_HOT_CUSTOMERS }, (_, i) => 1 + Math.floor((i * (COUNT - 1)) / MIXED_HOT_CUSTOMERS));
  const original = new Map<number, { name: string; version: number }>();
  for (const id of hot) original.set(id, (await (await fetch(`${api}/customers/${id}`, { headers: auth })).json()) as { name: string; version: number });

  const lists = ['', 'sort=name', 'sort=-tasks_used&page=3', 'status=trial', 'plan=growth&status=active', 'app=pipeline-crm', `page=${deepPage}`];
  const searches = ['ltd', 'co', 'acme-4', 'labs', 'studio', 'a', 'gmbh', 'north'];
  const times = new Map<MixedKind, number[]>();
  const record = (kind: MixedKind, ms: number) => (times.get(kind) ?? times.set(kind, []).get(kind)!).push(ms);
  let requests = 0;
  let serverErrors = 0;
  let conflicts = 0;
  /** Acknowledged edits per customer: the version each answered and the name it wrote. */
  const acknowledged = new Map<number, Array<{ version: number; name: string }>>(hot.map((id) => [id, []]));

  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${api}${path}`, init ?? { headers: auth });
    const body = await response.text();
    requests++;
    if (response.status >= 500) serverErrors++;
    return { status: response.status, body, etag: response.headers.get('etag') };
  };
  const timed = async (kind: MixedKind, run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    record(kind, performance.now() - started);
  };

  let seq = 0;
  const client = async (c: number, until: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const roll = (c * 7919 + i * 104729) % 100;
      if (roll < 45) {
        await timed('list page', async () => void (await call(`/customers?${lists[i % lists.length]}`)));
      } else if (roll < 70) {
        await timed('search', async () => void (await call(`/customers?q=${searches[(i + c) % searches.length]}&sort=name`)));
      } else if (roll < 85) {
        await timed('get customer', async () => void (await call(`/customers/${1 + ((i * 15485863 + c) % COUNT)}`)));
      } else {
        const id = hot[(i + c) % hot.length]!;
        await timed('edit (read + PATCH)', async () => {
          const read = await call(`/customers/${id}`);
          const name = `Mixed ${c}-${++seq}`;
          const write = await call(`/customers/${id}`, { method: 'PATCH', headers: { ...json, 'If-Match': read.etag ?? '' }, body: JSON.stringify({ name }) });
          if (write.status === 412) conflicts++;
          else if (write.status === 200) acknowledged.get(id)!.push({ version: (JSON.parse(write.body) as { version: number }).version, name });
          else if (write.status < 500) throw new Error(`edit of ${id}: HTTP ${write.status} ${write.body.slice(0, 200)}`);
        });
      }
    }
  };

  const started = performance.now();
  const until = started + MIXED_SECONDS * 1000;
  await Promise.all(Array.from({ length: MIXED_CLIENTS }, (_, c) => client(c, until)));
  const seconds = (performance.now() - started) / 1000;

  let lost = 0;
  for (const id of hot) {
    const now = (await (await fetch(`${api}/customers/${id}`, { headers: auth })).json()) as { name: string; version: number };
    const edits = acknowledged.get(id)!;
    const start = original.get(id)!;
    // Every acknowledged edit is a version of its own, and the customer holds the last one's name.
    const versions = new Set(edits.map((e) => e.version));
    const last = edits.find((e) => e.version === now.version);
    if (versions.size !== edits.length || now.version !== start.version + edits.length || (edits.length > 0 && last?.name !== now.name)) lost++;
    const restore = await fetch(`${api}/customers/${id}`, { method: 'PATCH', headers: { ...json, 'If-Match': `"${now.version}"` }, body: JSON.stringify({ name: start.name }) });
    if (restore.status !== 200) throw new Error(`restoring the name of ${id}: HTTP ${restore.status}`);
  }

  console.log(`\n${MIXED_LABEL} (${COUNT} customers, ${MIXED_CLIENTS} concurrent clients, ${seconds.toFixed(1)} s, ${MIXED_HOT_CUSTOMERS} customers edited by all):`);
  console.log(`${'kind'.padEnd(24)} ${'requests'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [kind, list] of times) {
    list.sort((a, b) => a - b);
    console.log(`${kind.padEnd(24)} ${String(list.length).padStart(9)} ${percentile(list, 50).toFixed(1).padStart(8)} ${percentile(list, 95).toFixed(1).padStart(8)}`);
  }
  const edits = [...acknowledged.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `${requests} HTTP requests, ${(requests / seconds).toFixed(0)} requests/s; edits: ${edits} applied, ${conflicts} answered 412 (another client first); ` +
      `5xx: ${serverErrors}; lost updates: ${lost}`,
  );
  if (serverErrors > 0 || lost > 0) throw new Error(`mixed load: ${serverErrors} 5xx answers and ${lost} lost updates (both must be 0)`);
}
