/**
 * The list query finds a page and counts its matches several ways (CustomerStore.list): a short
 * needle on the character or pair index or by the substring test, a page by walking the sort index
 * or gathering every match, a search under a plan or date filter counted on that range or by looking
 * up each match. Every way must give the same answer. Here generated queries (fast-check) are run
 * with every strategy forced and with the cost-based choice, and each answer is compared with a
 * plain scan in JavaScript over the rows as stored — after writes by another connection, so the
 * trigger-kept copies (characters, the top-app rows' plan and date joined) are checked too.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { DEMO_APP_IDS, DEMO_PLANS, startOfUtcDay } from '../../src/backend/generate.js';
import { customerStatus, effectivePlanId } from '../../src/model/rules.js';
import { FREE_PLAN_ID, type StatusCounts } from '../../src/model/schemas.js';
import { foldQuery } from '../../src/query/search.js';
import { isoDateToDay } from '../../src/query/joined.js';
import { sortFromParam, type SortParam } from '../../src/query/sort.js';
import type { ValidListParams } from '../../src/query/list-params.js';
import { CustomerStore, type CustomerRow } from '../../demo/server/customer-store.js';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
const SIZE = 2_000;
const NOW = new Date('2026-03-15T12:00:00.000Z');

interface StoredRow extends CustomerRow {
  name_key: string;
  name_folded: string;
  external_folded: string;
  created_ms: number;
}

let dir: string;
let db: ReturnType<typeof openDatabase>;
let rows: StoredRow[];
let appsOf: Map<number, Set<string>>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-strategies-'));
  const file = join(dir, 'strategies.sqlite');
  db = openDatabase(file);
  seedDatabase(db, { seed: 11, count: SIZE, anchor: startOfUtcDay(NOW) });
  // Writes by another connection, through the triggers only: plan changes, trials started (some
  // ending later today), renames, new top apps, deletes.
  const other = new Database(file);
  const at = NOW.getTime();
  other.exec(`UPDATE customers SET plan_id = '${FREE_PLAN_ID}' WHERE id % 37 = 0`);
  other.prepare('UPDATE customers SET plan_id = ? WHERE id % 29 = 0').run('enterprise');
  const startTrial = other.prepare('UPDATE customers SET in_trial = 1, trial_ends_ms = ?, trial_ends_at = ? WHERE id = ?');
  for (let id = 41; id <= SIZE; id += 41) {
    const ends = at + (id % 5) * 3_600_000;
    startTrial.run(ends, new Date(ends).toISOString(), id);
  }
  other.exec("UPDATE customers SET name_folded = 'q$' || name_folded, name_key = 'a' || name_key WHERE id % 43 = 0");
  other.exec("UPDATE customers SET external_folded = 'x9' WHERE id % 47 = 0");
  // One row per distinct app, as CustomerStore.insert writes them (app counts count top-app rows).
  other
    .prepare(
      `INSERT INTO customer_top_apps (customer_id, position, app_id) SELECT id, 9, @app FROM customers c WHERE id % 31 = 0
         AND NOT EXISTS (SELECT 1 FROM customer_top_apps t WHERE t.customer_id = c.id AND t.app_id = @app)`,
    )
    .run({ app: DEMO_APP_IDS[3]! });
  for (const table of ['customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators']) {
    other.exec(`DELETE FROM ${table} WHERE customer_id % 53 = 0`);
  }
  other.exec('DELETE FROM customers WHERE id % 53 = 0');
  other.close();
  rows = db
    .prepare('SELECT id, name, name_key, name_folded, external_id, external_folded, plan_id, in_trial, trial_ends_at, created_at, created_ms, tasks_used, connections FROM customers')
    .all() as StoredRow[];
  appsOf = new Map();
  for (const { customer_id, app_id } of db.prepare('SELECT customer_id, app_id FROM customer_top_apps').all() as { customer_id: number; app_id: string }[]) {
    (appsOf.get(customer_id) ?? appsOf.set(customer_id, new Set()).get(customer_id)!).add(app_id);
  }
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The status fields of a stored row, as the model's rules read them. */
const statusFields = (r: StoredRow) => ({ plan_id: r.plan_id, in_trial: r.in_trial === 1, trial_ends_at: r.trial_ends_at });

const SORT_KEYS = {
  name: (r: StoredRow) => r.name_key,
  created_at: (r: StoredRow) => r.created_ms,
  tasks_used: (r: StoredRow) => r.tasks_used,
  connections: (r: StoredRow) => r.connections,
} as const;

/** The plain answer: every stored row tested, then sorted, then sliced. */
function scan(params: ValidListParams, at: Date): { ids: number[]; total: number; counts: StatusCounts } {
  const needle = foldQuery(params.q ?? '');
  const from = params.joined_from === undefined ? null : isoDateToDay(params.joined_from)! * DAY_MS;
  const to = params.joined_to === undefined ? null : (isoDateToDay(params.joined_to)! + 1) * DAY_MS;
  const counts = { all: 0, active: 0, trial: 0, expired: 0 };
  const matching: StoredRow[] = [];
  for (const r of rows) {
    if (needle !== '' && !r.name_folded.includes(needle) && !r.external_folded.includes(needle)) continue;
    if (params.plan !== undefined && params.plan.length > 0 && !params.plan.includes(effectivePlanId(statusFields(r), at))) continue;
    if (params.app !== undefined && !(appsOf.get(r.id)?.has(params.app) ?? false)) continue;
    if (from !== null && r.created_ms < from) continue;
    if (to !== null && r.created_ms >= to) continue;
    const status = customerStatus(statusFields(r), at);
    counts.all++;
    counts[status]++;
    if (params.status === undefined || params.status === status) matching.push(r);
  }
  const sort = sortFromParam(params.sort)!;
  const key = SORT_KEYS[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  matching.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : a.id - b.id;
  });
  const offset = (params.page - 1) * params.per_page;
  return { ids: matching.slice(offset, offset + params.per_page).map((r) => r.id), total: matching.length, counts };
}

/** Needles: one, two and more characters of stored names and external IDs, rare and absent ones, any short string. */
const needle = fc.oneof(
  fc.nat().map((i) => {
    const r = rows[i % rows.length]!;
    const text = [...(i % 3 === 0 ? r.external_folded || r.name_folded : r.name_folded)];
    const length = 1 + (i % 5);
    const start = (i >> 3) % Math.max(1, text.length - length + 1);
    return text.slice(start, start + length).join('');
  }),
  fc.constantFrom('a', 'e', 'x', '$', '9', 'q$', 'co', 'ltd', 'zzz', '顧', ' ', 'x9', '\u0000', '%'),
  fc.string({ minLength: 1, maxLength: 3 }),
);
const day = fc.integer({ min: -1200, max: 5 }).map((d) => new Date(startOfUtcDay(NOW).getTime() + d * DAY_MS).toISOString().slice(0, 10));
const params = fc.record(
  {
    q: needle,
    plan: fc.subarray([...DEMO_PLANS.map((p) => p.id), FREE_PLAN_ID], { minLength: 1 }),
    app: fc.constantFrom(...DEMO_APP_IDS.slice(0, 6), DEMO_APP_IDS.at(-1)!),
    joined_from: day,
    joined_to: day,
    status: fc.constantFrom('active', 'trial', 'expired' as const),
  },
  { requiredKeys: [] },
);
const page = fc.record({
  sort: fc.constantFrom<SortParam>('name', '-name', 'created_at', '-created_at', 'tasks_used', '-tasks_used', 'connections', '-connections'),
  page: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
  per_page: fc.constantFrom(1, 7, 50),
});
const clock = fc.constantFrom(NOW, new Date(NOW.getTime() + 2 * 3_600_000), new Date(NOW.getTime() + 40 * DAY_MS));

const STRATEGIES = (['cost', 'walk', 'walk-set', 'gather'] as const).flatMap((pageStrategy) =>
  (['cost', 'range', 'lookup'] as const).flatMap((rangeCounts) =>
    // Rare short needles on their index or not; searches counted on the pair index (with their
    // app and plan tags) or not, whatever their number of matches.
    [
      { shortCandidatesUnder: 0, pairCountsFrom: Number.POSITIVE_INFINITY },
      { shortCandidatesUnder: Number.POSITIVE_INFINITY, pairCountsFrom: 0 },
    ].map((indexes) => ({ pageStrategy, rangeCounts, ...indexes })),
  ),
);

describe('every way of finding a page and counting gives the plain answer', () => {
  it('for generated queries, with each strategy forced and chosen by cost', () => {
    const stores = STRATEGIES.map((strategy) => {
      const store = new CustomerStore(db);
      store.countCache = false;
      Object.assign(store, strategy);
      return { strategy, store };
    });
    let nonEmpty = 0;
    fc.assert(
      fc.property(params, page, clock, (filter, where, at) => {
        const query: ValidListParams = { ...filter, ...where };
        const want = scan(query, at);
        if (want.total > 0) nonEmpty++;
        for (const { strategy, store } of stores) {
          const got = store.list(query, DEMO_PLANS, at);
          assert.deepEqual(
            { ids: got.items.map((c) => c.id), total: got.total, counts: got.counts },
            want,
            `${JSON.stringify(query)} at ${at.toISOString()} with ${JSON.stringify(strategy)}`,
          );
        }
      }),
      { numRuns: 1000, interruptAfterTimeLimit: 60_000, seed: Number(process.env.FC_SEED ?? 1414) },
    );
    assert.ok(nonEmpty > 60, `${nonEmpty} generated queries match something`);
  });

  it('for every character held and every two-character pair of a sample, searched alone, at each clock', () => {
    const store = new CustomerStore(db);
    store.countCache = false;
    const needles = new Set<string>();
    for (const r of rows) for (const ch of [...r.name_folded, ...r.external_folded]) needles.add(ch);
    const chars = needles.size;
    rows.filter((_, i) => i % 40 === 0).forEach((r) => needles.add([...r.name_folded].slice(1, 3).join('')));
    assert.ok(chars > 50, `${chars} distinct characters`);
    for (const at of [NOW, new Date(NOW.getTime() + 2 * 3_600_000), new Date(NOW.getTime() + 40 * DAY_MS)]) {
      for (const q of needles) {
        for (const sort of ['-created_at', 'name'] as const) {
          const query: ValidListParams = { q, sort, page: 1, per_page: 5 };
          const got = store.list(query, DEMO_PLANS, at);
          assert.deepEqual({ ids: got.items.map((c) => c.id), total: got.total, counts: got.counts }, scan(query, at), `q=${JSON.stringify(q)} at ${at.toISOString()}`);
        }
      }
    }
  });

  it('the character index holds the same tokens (app and plan tags too) whether the seeder or the triggers wrote them', () => {
    db.exec("CREATE VIRTUAL TABLE temp.chars_rows USING fts5vocab (main, customer_chars, 'row')");
    const snapshot = () => db.prepare('SELECT term, doc FROM temp.chars_rows ORDER BY term').all();
    const before = snapshot();
    assert.ok(before.length > 100, `${before.length} tokens`);
    const tags = (prefix: string) => before.filter((t) => (t as { term: string }).term.startsWith(prefix)).length;
    assert.ok(tags('a') >= DEMO_APP_IDS.length / 2 && tags('b') === DEMO_PLANS.length + 1, `${tags('a')} app tags, ${tags('b')} plan tags`);
    db.exec('UPDATE customers SET name_folded = name_folded');
    assert.deepEqual(snapshot(), before);
    // The top-app rows' triggers write the same rows too.
    db.exec('UPDATE customer_top_apps SET position = position');
    assert.deepEqual(snapshot(), before);
    db.exec('DROP TABLE temp.chars_rows');
  });
});
