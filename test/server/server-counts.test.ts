/**
 * Status counts are reused between requests (see CustomerStore.cachedCounts); these tests show they
 * stay exact when the clock passes a trial end and when rows change behind the store's back.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { customerStatus } from '../../src/model/rules.js';
import { generateCustomers, startOfUtcDay } from '../../src/backend/generate.js';
import type { StatusCounts } from '../../src/model/schemas.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const seeded = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
let clock = CONTRACT_FIXTURE.now;
let server: TestServer;
before(async () => {
  server = await startTestServer({ now: () => clock });
});
after(() => server.close());

async function counts(query = ''): Promise<StatusCounts> {
  const res = await server.call(`/customers?per_page=1${query}`);
  assert.equal(res.status, 200);
  return (await res.json()).counts;
}

function expectedCounts(at: Date): StatusCounts {
  const out = { all: seeded.length, active: 0, trial: 0, expired: 0 };
  for (const c of seeded) out[customerStatus(c, at)]++;
  return out;
}

describe('status counts stay exact', () => {
  it('when the clock reaches the next trial end', async () => {
    assert.deepEqual(await counts(), expectedCounts(clock));
    assert.deepEqual(await counts('&page=2'), expectedCounts(clock), 'a second page reuses the same counts');
    const nextEnd = Math.min(
      ...seeded.filter((c) => c.in_trial && Date.parse(c.trial_ends_at!) > clock.getTime()).map((c) => Date.parse(c.trial_ends_at!)),
    );
    clock = new Date(nextEnd - 1);
    assert.deepEqual(await counts(), expectedCounts(clock));
    clock = new Date(nextEnd);
    const after = await counts();
    assert.deepEqual(after, expectedCounts(clock));
    assert.equal(after.trial, expectedCounts(new Date(nextEnd - 1)).trial - 1, 'one trial ended');
  });

  it('when another connection changes a row, and when this connection writes outside the store', async () => {
    const before = await counts();
    const active = seeded.find((c) => customerStatus(c, clock) === 'active')!;
    const other = new Database(server.db.name);
    other.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(active.id);
    other.close();
    const afterOther = await counts();
    assert.deepEqual(afterOther, { ...before, active: before.active - 1, expired: before.expired + 1 });

    const another = seeded.find((c) => c.id !== active.id && customerStatus(c, clock) === 'active')!;
    server.db.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(another.id);
    assert.deepEqual(await counts(), { ...afterOther, active: afterOther.active - 1, expired: afterOther.expired + 1 });
  });

  it('under an app filter, when another connection changes a customer of that app', async () => {
    // Chosen by its stored state: the tests above changed some seeded customers already.
    const active = server.db
      .prepare(
        `SELECT c.id, t.app_id FROM customers c JOIN customer_top_apps t ON t.customer_id = c.id
         WHERE c.in_trial = 0 AND c.plan_id <> 'free' ORDER BY c.id DESC LIMIT 1`,
      )
      .get() as { id: number; app_id: string };
    const query = `&app=${encodeURIComponent(active.app_id)}`;
    const before = await counts(query);
    const other = new Database(server.db.name);
    other.prepare("UPDATE customers SET plan_id = 'free' WHERE id = ?").run(active.id);
    const afterPlan = await counts(query);
    assert.deepEqual(afterPlan, { ...before, active: before.active - 1, expired: before.expired + 1 });
    const ends = clock.getTime() + 86_400_000;
    other.prepare('UPDATE customers SET in_trial = 1, trial_ends_ms = ?, trial_ends_at = ? WHERE id = ?').run(ends, new Date(ends).toISOString(), active.id);
    assert.deepEqual(await counts(query), { ...before, active: before.active - 1, trial: before.trial + 1 });
    other.prepare('DELETE FROM customer_top_apps WHERE customer_id = ?').run(active.id);
    other.close();
    assert.deepEqual(await counts(query), { ...before, all: before.all - 1, active: before.active - 1 });
  });
});
