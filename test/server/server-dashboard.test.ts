/**
 * The reference server's dashboards against the pure function: for sample customers, every period
 * and several clocks, the SQL answers equal `dashboardStats` over the generated recipes and rollups
 * (what MemoryBackend answers); the stored rows are the generated ones; every query searches a
 * primary key; deleting a customer deletes its recipes and rollups.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateActivity, generateCustomer, startOfUtcDay } from '../../src/backend/generate.js';
import { dashboardStats } from '../../src/model/dashboard.js';
import { DASHBOARD_PERIODS } from '../../src/model/schemas.js';
import { DASHBOARD_SQL, DashboardStore } from '../../demo/server/dashboard-store.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const { seed, size, now } = CONTRACT_FIXTURE;
const anchor = startOfUtcDay(now);
const HOUR = 3_600_000;
const generated = (id: number) => generateActivity(seed, generateCustomer(seed, id - 1, anchor), anchor);
const ids = Array.from({ length: size }, (_, i) => i + 1);
const withRecipes = ids.filter((id) => generated(id).recipes.length > 0);
const sample = [...withRecipes.slice(0, 40), ...ids.filter((id) => generated(id).recipes.length === 0).slice(0, 5)];
const clocks = [
  now,
  anchor, // midnight: today has no hours yet
  new Date(anchor.getTime() + 24 * HOUR - 1), // the last instant of the seeded day
  new Date(anchor.getTime() + 33 * HOUR + 30 * 60_000), // the next morning: yesterday from its daily rows
  new Date(anchor.getTime() - 20 * HOUR), // the day before: hours of the seeded day lie ahead
  new Date(anchor.getTime() + 45 * 24 * HOUR), // weeks on: older days only
];

describe('reference server: dashboards in SQL', () => {
  let server: TestServer;
  let store: DashboardStore;
  before(async () => {
    server = await startTestServer();
    store = new DashboardStore(server.db);
  });
  after(() => server.close());

  it('stores exactly the generated recipes and rollups', () => {
    assert.ok(withRecipes.length > 50, `${withRecipes.length} of ${size} customers have recipes`);
    for (const id of ids) assert.deepEqual(store.activity(id), generated(id), `customer ${id}`);
  });

  it('answers every period at every clock with the figures dashboardStats computes', () => {
    let compared = 0;
    for (const id of sample) {
      for (const at of clocks) {
        for (const period of DASHBOARD_PERIODS) {
          assert.deepEqual(store.stats(id, period, at), dashboardStats(generated(id), period, at), `customer ${id}, ${period} at ${at.toISOString()}`);
          compared++;
        }
      }
    }
    assert.equal(compared, sample.length * clocks.length * 4);
  });

  it('serves the same over HTTP; a missing period is 422', async () => {
    const id = withRecipes[0]!;
    const response = await server.call(`/customers/${id}/dashboard?period=30d`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), store.stats(id, '30d', now));
    assert.equal((await server.call(`/customers/${id}/dashboard`)).status, 422);
  });

  it('every query searches primary keys, never scans a table', () => {
    const params = { customer: 1, day_from: 0, day_to: 1, hour_from: 0, hour_to: 1, hours_per_point: 24 };
    for (const [name, sql] of Object.entries(DASHBOARD_SQL)) {
      const plan = (server.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(sql.includes('@day_from') ? params : { customer: 1 }) as { detail: string }[])
        .map((row) => row.detail);
      for (const table of ['recipes', 'job_rollups_daily', 'job_rollups_hourly'].filter((t) => new RegExp(`\\b${t}\\b`).test(sql))) {
        assert.ok(plan.some((d) => new RegExp(`^SEARCH (${table}|r) USING PRIMARY KEY \\(customer_id=\\?`).test(d)), `${name}: ${table} by primary key\n${plan.join('\n')}`);
        assert.ok(!plan.some((d) => new RegExp(`^SCAN (${table}|r)\\b`).test(d)), `${name}: no scan of ${table}\n${plan.join('\n')}`);
      }
    }
  });

  it('deleting a customer deletes its recipes and rollups', async () => {
    const id = withRecipes[1]!;
    const version = ((await (await server.call(`/customers/${id}`)).json()) as { version: number }).version;
    assert.equal((await server.call(`/customers/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } })).status, 204);
    assert.deepEqual(store.activity(id), { recipes: [], daily: [], hourly: [] });
  });
});
