import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { SharedLookupsBackend } from '../../src/backend/shared-lookups.js';
import { HttpError } from '../../src/backend/errors.js';

/** A MemoryBackend that counts lookups and can be told to fail the next ones. */
function countingBackend() {
  const memory = new MemoryBackend({ seed: 3, size: 5, now: () => new Date('2026-11-27T12:00:00Z') });
  const calls = { plans: 0, apps: 0 };
  let failNext = 0;
  const listPlans = memory.listPlans.bind(memory);
  memory.listPlans = async (options) => {
    calls.plans++;
    if (failNext > 0) {
      failNext--;
      throw new HttpError({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
    }
    return listPlans(options);
  };
  const listApps = memory.listApps.bind(memory);
  memory.listApps = async (options) => {
    calls.apps++;
    return listApps(options);
  };
  return { memory, calls, failNext: (n: number) => (failNext = n) };
}

describe('SharedLookupsBackend', () => {
  it('asks for plans and apps once, however many callers', async () => {
    const { memory, calls } = countingBackend();
    const shared = new SharedLookupsBackend(memory);
    const [a, b] = await Promise.all([shared.listPlans(), shared.listPlans()]);
    await shared.listApps();
    await shared.listApps();
    assert.equal(calls.plans, 1);
    assert.equal(calls.apps, 1);
    assert.deepEqual(a, await memory.listPlans());
    assert.equal(a, b);
  });

  it('forgets a failed load so the next caller asks again', async () => {
    const { memory, calls, failNext } = countingBackend();
    const shared = new SharedLookupsBackend(memory);
    failNext(1);
    await assert.rejects(shared.listPlans(), (e: unknown) => e instanceof HttpError && e.status === 503);
    const plans = await shared.listPlans();
    assert.ok(plans.length > 0);
    assert.equal(calls.plans, 2);
  });

  it("rejects only the aborting caller; the others still get the answer", async () => {
    const { memory, calls } = countingBackend();
    const shared = new SharedLookupsBackend(memory);
    const controller = new AbortController();
    const aborted = shared.listPlans({ signal: controller.signal });
    const other = shared.listPlans();
    controller.abort();
    await assert.rejects(aborted, (e: unknown) => e instanceof DOMException && e.name === 'AbortError');
    assert.ok((await other).length > 0);
    assert.equal(calls.plans, 1);
  });

  it('passes every other call through', async () => {
    const { memory } = countingBackend();
    const shared = new SharedLookupsBackend(memory);
    const page = await shared.listCustomers({ per_page: 2 });
    assert.deepEqual(page, await memory.listCustomers({ per_page: 2 }));
  });
});
