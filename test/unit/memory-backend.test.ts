/**
 * MemoryBackend's own behaviour: seeded data, simulated latency and failures, cancellation, copies,
 * and the write rules. The contract suite shared with the SQLite server runs against it as well.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { HttpError, isAbortError } from '../../src/backend/errors.js';
import {
  DEMO_ADMIN_EMAIL,
  generateCollaborators,
  generateCustomers,
  generateActivity,
  generateCustomer,
  startOfUtcDay,
} from '../../src/backend/generate.js';
import { Customer, customerStatus, dashboardStats, type NewCustomer } from '../../src/model/index.js';
import { rejection } from '../support/rejection.js';

const NOW = new Date('2026-03-15T10:00:00.000Z');
const now = () => NOW;
const DAY_MS = 86_400_000;
/** Lets every pending promise callback run (setImmediate is not faked by the mock timers). */
const flush = () => new Promise((resolve) => setImmediate(resolve));

function memory(options: ConstructorParameters<typeof MemoryBackend>[0] = {}): MemoryBackend {
  return new MemoryBackend({ now, ...options });
}


async function httpError(promise: Promise<unknown>, status: number): Promise<HttpError> {
  const error = await rejection(promise);
  assert.ok(error instanceof HttpError, String(error));
  assert.equal(error.status, status, error.message);
  return error;
}

const newCustomer: NewCustomer = { name: '  Fresh Co  ', notification_email: 'ops@fresh.example', plan_id: 'growth' };

describe('seeded data', () => {
  test('generates `size` customers from the seed, anchored to the start of today', async () => {
    const backend = memory({ seed: 9, size: 120 });
    const page = await backend.listCustomers({ sort: 'created_at', per_page: 200 });
    assert.equal(page.total, 120);
    const expected = generateCustomers({ seed: 9, count: 120, anchor: startOfUtcDay(NOW) });
    assert.deepEqual(
      page.items.map((c) => c.id),
      [...expected].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id).map((c) => c.id),
    );
    assert.deepEqual(await backend.getCustomer(57), expected[56]);
  });

  test('starts from given customers instead, and never shares them with the caller', async () => {
    const given = generateCustomers({ seed: 3, count: 5, anchor: startOfUtcDay(NOW) });
    const backend = memory({ customers: given });
    given[0]!.name = 'Changed by the caller';
    assert.notEqual((await backend.getCustomer(1)).name, 'Changed by the caller');
    assert.equal((await backend.listCustomers({})).total, 5);
  });

  test('invalid list parameters are a 422 with field errors', async () => {
    const error = await httpError(memory().listCustomers({ per_page: 500, sort: 'bogus', joined_from: 'yesterday' }), 422);
    assert.deepEqual(Object.keys(error.fieldErrors).sort(), ['joined_from', 'per_page', 'sort']);
  });

  test('lists see every write, even right after a list (the cached index is dropped on writes)', async () => {
    const backend = memory({ size: 50 });
    assert.equal((await backend.listCustomers({ q: 'zanzibar' })).total, 0);
    const created = await backend.createCustomer({ ...newCustomer, name: 'Zanzibar Spices' });
    assert.deepEqual((await backend.listCustomers({ q: 'zanzibar' })).items, [created]);
    const renamed = await backend.updateCustomer(created.id, { name: 'Zanzíbar Gewürze' }, 1);
    assert.deepEqual((await backend.listCustomers({ q: 'gewurze' })).items, [renamed]);
    const onPlan = await backend.setPlan(created.id, 'enterprise');
    assert.deepEqual((await backend.listCustomers({ q: 'zanzibar', plan: ['enterprise'] })).items, [onPlan]);
    await backend.deleteCustomer(created.id, onPlan.version);
    assert.equal((await backend.listCustomers({ q: 'zanzibar' })).total, 0);
    assert.equal((await backend.listCustomers({})).total, 50);
  });

  test('lists filter and count statuses through the query rules', async () => {
    const backend = memory({ size: 300 });
    const all = await backend.listCustomers({ per_page: 200 });
    const trial = await backend.listCustomers({ status: 'trial', per_page: 200 });
    assert.equal(trial.total, all.counts.trial);
    assert.deepEqual(trial.counts, all.counts);
    assert.ok(trial.items.every((c) => customerStatus(c, NOW) === 'trial'));
    const page2 = await backend.listCustomers({ page: 2, per_page: 200 });
    assert.equal(page2.items.length, 100);
  });
});

describe('simulated latency and failures', () => {
  test('latency holds every answer back by the configured time', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const backend = memory({ latencyMs: 300 });
    let answered = false;
    const call = backend.getPartner().then(() => (answered = true));
    t.mock.timers.tick(299);
    await flush();
    assert.equal(answered, false);
    t.mock.timers.tick(1);
    await call;
    assert.equal(answered, true);
  });

  test('a latency range is drawn within its bounds', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const backend = memory({ latencyMs: [100, 200] });
    for (let i = 0; i < 5; i++) {
      let answered = false;
      const call = backend.listPlans().then(() => (answered = true));
      t.mock.timers.tick(99);
      await flush();
      assert.equal(answered, false);
      t.mock.timers.tick(101);
      await call;
    }
  });

  test('failures follow the seed: same seed, same calls fail; they are 503s that change nothing', async () => {
    const pattern = async (seed: number) => {
      const backend = memory({ seed, failureRate: 0.3 });
      const outcome: string[] = [];
      for (let i = 0; i < 40; i++) {
        try {
          await backend.createCustomer({ ...newCustomer, name: `Customer ${i}` });
          outcome.push('ok');
        } catch (error) {
          assert.ok(error instanceof HttpError && error.status === 503);
          outcome.push('503');
        }
      }
      const created = outcome.filter((o) => o === 'ok').length;
      let total: number | undefined;
      while (total === undefined) {
        try {
          total = (await backend.listCustomers({})).total;
        } catch {
          // a simulated failure: ask again
        }
      }
      assert.equal(total, 200 + created, 'failed creates created nothing');
      return outcome.join(',');
    };
    const first = await pattern(5);
    assert.equal(await pattern(5), first);
    assert.notEqual(await pattern(6), first);
    assert.match(first, /503/);
    assert.match(first, /ok/);
  });
});

describe('cancellation', () => {
  test('an aborted signal rejects with an AbortError', async () => {
    const error = await rejection(memory().getCustomer(1, { signal: AbortSignal.abort() }));
    assert.ok(isAbortError(error), String(error));
  });

  test('without latency, aborting right after the call still cancels it', async () => {
    const backend = memory({ size: 3 });
    const controller = new AbortController();
    const call = backend.deleteCustomer(1, 1, { signal: controller.signal });
    controller.abort();
    assert.ok(isAbortError(await rejection(call)));
    assert.equal((await backend.getCustomer(1)).id, 1);
  });

  test('aborting during the latency rejects at once and the create never happens', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const backend = memory({ latencyMs: 10_000 });
    const controller = new AbortController();
    const call = backend.createCustomer(newCustomer, { signal: controller.signal });
    controller.abort();
    const error = await rejection(call);
    assert.ok(isAbortError(error), String(error));
    const list = backend.listCustomers({});
    t.mock.timers.tick(10_000);
    assert.equal((await list).total, 200);
  });

  test('a write aborted during latency leaves the store unchanged', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const backend = memory({ latencyMs: 100 });
    const controller = new AbortController();
    const call = backend.updateCustomer(1, { name: 'Never' }, 1, { signal: controller.signal });
    t.mock.timers.tick(50);
    controller.abort();
    assert.ok(isAbortError(await rejection(call)));
    const read = backend.getCustomer(1);
    t.mock.timers.tick(100);
    const customer = await read;
    assert.notEqual(customer.name, 'Never');
    assert.equal(customer.version, 1);
  });
});

describe('copies', () => {
  test('callers cannot change the store through what they get or give', async () => {
    const backend = memory();
    const customer = await backend.getCustomer(2);
    customer.name = 'Mutated';
    customer.top_apps.push('x');
    const page = await backend.listCustomers({});
    page.items[0]!.origins.push('https://evil.example');
    const plans = await backend.listPlans();
    plans[0]!.task_limit = 0;
    const apps = await backend.listApps();
    apps.length = 0;
    const partner = await backend.getPartner();
    partner.origins.push('https://evil.example');

    assert.notEqual((await backend.getCustomer(2)).name, 'Mutated');
    assert.ok(!(await backend.getCustomer(2)).top_apps.includes('x'));
    assert.ok(!(await backend.listCustomers({})).items[0]!.origins.includes('https://evil.example'));
    assert.notEqual((await backend.listPlans())[0]!.task_limit, 0);
    assert.ok((await backend.listApps()).length > 0);
    assert.ok(!(await backend.getPartner()).origins.includes('https://evil.example'));

    const access = { mode: 'selected' as const, app_ids: ['pipeline-crm'] };
    await backend.setAppAccess(2, access);
    access.app_ids.push('huddle-chat');
    assert.deepEqual(await backend.getAppAccess(2), { mode: 'selected', app_ids: ['pipeline-crm'] });
  });
});

describe('writes', () => {
  test('create: next id, version 1, trimmed name, plan limits, no trial, nothing used yet', async () => {
    const backend = memory({ size: 10 });
    const created = await backend.createCustomer({ ...newCustomer, external_id: 'fresh-1' });
    assert.deepEqual(created, {
      id: 11,
      name: 'Fresh Co',
      external_id: 'fresh-1',
      notification_email: 'ops@fresh.example',
      plan_id: 'growth',
      in_trial: false,
      trial_ends_at: null,
      created_at: NOW.toISOString(),
      tasks_used: 0,
      task_limit: 10_000,
      connections: 0,
      connection_limit: 25,
      top_apps: [],
      origins: [],
      version: 1,
    });
    assert.ok(Customer.safeParse(created).success);
    assert.deepEqual(await backend.getCustomer({ externalId: 'fresh-1' }), created);
  });

  test('create: invalid fields, unknown plan and taken external ID', async () => {
    const backend = memory({ size: 10 });
    const invalid = await httpError(backend.createCustomer({ name: ' ', notification_email: 'nope', plan_id: 'growth' }), 422);
    assert.deepEqual(Object.keys(invalid.fieldErrors).sort(), ['name', 'notification_email']);
    const plan = await httpError(backend.createCustomer({ ...newCustomer, plan_id: 'platinum' }), 422);
    assert.deepEqual(Object.keys(plan.fieldErrors), ['plan_id']);
    const taken = (await backend.listCustomers({ per_page: 10 })).items.find((c) => c.external_id !== null)!.external_id!;
    const conflict = await httpError(backend.createCustomer({ ...newCustomer, external_id: taken }), 409);
    assert.deepEqual(Object.keys(conflict.fieldErrors), ['external_id']);
    assert.equal((await backend.listCustomers({})).total, 10);
  });

  test('create: an Idempotency-Key returns the first result once; another body under it is a 422', async () => {
    const backend = memory({ size: 10 });
    const first = await backend.createCustomer(newCustomer, { idempotencyKey: 'k1' });
    const again = await backend.createCustomer({ plan_id: 'growth', notification_email: 'ops@fresh.example', name: '  Fresh Co  ' }, { idempotencyKey: 'k1' });
    assert.deepEqual(again, first);
    assert.equal((await backend.listCustomers({})).total, 11);
    await httpError(backend.createCustomer({ ...newCustomer, name: 'Other' }, { idempotencyKey: 'k1' }), 422);
    assert.equal((await backend.listCustomers({})).total, 11);
  });

  test('ids are never reused, even after deleting the highest', async () => {
    const backend = memory({ size: 3 });
    await backend.deleteCustomer(3, 1);
    assert.equal((await backend.createCustomer(newCustomer)).id, 4);
  });

  test('update: bumps the version, 412 when stale, 409 when the external ID is taken, 404 when unknown', async () => {
    const backend = memory({ customers: generateCustomers({ seed: 1, count: 3, anchor: startOfUtcDay(NOW) }).map((c, i) => ({ ...c, external_id: `ext-${i + 1}` })) });
    const updated = await backend.updateCustomer(1, { name: 'Renamed', origins: ['https://a.example'] }, 1);
    assert.equal(updated.version, 2);
    assert.equal(updated.name, 'Renamed');
    assert.deepEqual(updated.origins, ['https://a.example']);
    await httpError(backend.updateCustomer(1, { name: 'Lost update' }, 1), 412);
    await httpError(backend.updateCustomer(1, { external_id: 'ext-2' }, 2), 409);
    await httpError(backend.updateCustomer(1, { notification_email: 'not an email' }, 2), 422);
    await httpError(backend.updateCustomer(99, { name: 'x' }, 1), 404);
    assert.equal((await backend.getCustomer(1)).name, 'Renamed');

    // Removing an external ID frees it for another customer; the old one no longer finds anybody.
    await backend.updateCustomer({ externalId: 'ext-2' }, { external_id: null }, 1);
    await httpError(backend.getCustomer({ externalId: 'ext-2' }), 404);
    const moved = await backend.updateCustomer(3, { external_id: 'ext-2' }, 1);
    assert.equal((await backend.getCustomer({ externalId: 'ext-2' })).id, moved.id);
  });

  test('update: origins are checked by the embed rules and stored normalised without duplicates', async () => {
    const backend = memory({ size: 2 });
    const updated = await backend.updateCustomer(
      1,
      { origins: [' https://App.Example.COM:443 ', 'https://app.example.com', 'http://127.0.0.1:5173'] },
      1,
    );
    assert.deepEqual(updated.origins, ['https://app.example.com', 'http://127.0.0.1:5173']);
    const error = await httpError(
      backend.updateCustomer(1, { origins: ['https://ok.example', 'http://insecure.example', '*.example.com', 'null'] }, 2),
      422,
    );
    assert.deepEqual(Object.keys(error.fieldErrors), ['origins[1]', 'origins[2]', 'origins[3]']);
    assert.match(error.fieldErrors['origins[1]']![0]!, /http:\/\/insecure\.example/);
    assert.deepEqual((await backend.getCustomer(1)).origins, updated.origins);
  });

  test('create: an Idempotency-Key that is not printable ASCII is a 400', async () => {
    const backend = memory({ size: 1 });
    const error = await httpError(backend.createCustomer(newCustomer, { idempotencyKey: 'clé' }), 400);
    assert.deepEqual(Object.keys(error.fieldErrors), ['Idempotency-Key']);
    await httpError(backend.createCustomer(newCustomer, { idempotencyKey: '' }), 400);
    assert.equal((await backend.listCustomers({})).total, 1);
  });

  test('delete: 412 when stale, then gone with its app access and history', async () => {
    const backend = memory({ size: 5 });
    await backend.setAppAccess(4, { mode: 'selected', app_ids: ['pipeline-crm'] });
    // The access change moved the version from 1 to 2.
    await httpError(backend.deleteCustomer(4, 1), 412);
    await backend.deleteCustomer(4, 2);
    await httpError(backend.getCustomer(4), 404);
    await httpError(backend.getAppAccess(4), 404);
    await httpError(backend.listHistory(4), 404);
    await httpError(backend.deleteCustomer(4, 2), 404);
    assert.equal((await backend.listCustomers({})).total, 4);
  });

  test('plan: limits follow; unknown plan is a 422; an expired customer on a paid plan becomes active', async () => {
    const base = generateCustomers({ seed: 1, count: 1, anchor: startOfUtcDay(NOW) })[0]!;
    const expired: Customer = {
      ...base,
      plan_id: 'starter',
      in_trial: true,
      trial_ends_at: new Date(NOW.getTime() - DAY_MS).toISOString(),
    };
    const backend = memory({ customers: [expired] });
    await httpError(backend.setPlan(1, 'platinum'), 422);
    const changed = await backend.setPlan(1, 'business');
    assert.equal(customerStatus(changed, NOW), 'active');
    assert.equal(changed.task_limit, 50_000);
    assert.equal(changed.connection_limit, 100);
    assert.equal(changed.version, expired.version + 1);
    const free = await backend.setPlan(1, 'free');
    assert.equal(customerStatus(free, NOW), 'expired');
    assert.equal(free.task_limit, 100);
  });

  test('trial: enabling starts 30 days at 100 tasks; disabling makes it active on its plan', async () => {
    const base = generateCustomers({ seed: 1, count: 1, anchor: startOfUtcDay(NOW) })[0]!;
    const backend = memory({ customers: [{ ...base, plan_id: 'growth', in_trial: false, trial_ends_at: null, version: 4 }] });
    const trial = await backend.setTrial(1, true);
    assert.equal(customerStatus(trial, NOW), 'trial');
    assert.equal(trial.trial_ends_at, new Date(NOW.getTime() + 30 * DAY_MS).toISOString());
    assert.equal(trial.task_limit, 100);
    assert.equal(trial.version, 5);
    const extended = await backend.setTrial(1, true);
    assert.equal(extended.trial_ends_at, new Date(NOW.getTime() + 60 * DAY_MS).toISOString());
    const active = await backend.setTrial(1, false);
    assert.equal(customerStatus(active, NOW), 'active');
    assert.equal(active.task_limit, 10_000);
    assert.equal(active.version, 7);
  });

  test('app access: all by default; selected apps must exist', async () => {
    const backend = memory({ size: 3 });
    assert.deepEqual(await backend.getAppAccess(1), { mode: 'all' });
    const error = await httpError(backend.setAppAccess(1, { mode: 'selected', app_ids: ['pipeline-crm', 'no-such-app'] }), 422);
    assert.deepEqual(Object.keys(error.fieldErrors), ['app_ids']);
    assert.deepEqual(await backend.getAppAccess(1), { mode: 'all' });
    await backend.setAppAccess(1, { mode: 'selected', app_ids: ['huddle-chat', 'pipeline-crm', 'huddle-chat'] });
    assert.deepEqual(await backend.getAppAccess(1), { mode: 'selected', app_ids: ['huddle-chat', 'pipeline-crm'] });
    assert.equal((await backend.getCustomer(1)).version, 2, 'the change moved the version; the refused one did not');
    await backend.setAppAccess(1, { mode: 'selected', app_ids: ['huddle-chat', 'pipeline-crm'] });
    assert.equal((await backend.getCustomer(1)).version, 2, 'the same access again changes nothing');
    await httpError(backend.setAppAccess(1, { mode: 'all' }, { version: 1 }), 412);
    assert.deepEqual(await backend.getAppAccess(1), { mode: 'selected', app_ids: ['huddle-chat', 'pipeline-crm'] });
  });
});

describe('time', () => {
  test('limits are derived at read time: a trial that has just ended shows the free plan limits', async () => {
    const base = generateCustomers({ seed: 1, count: 1, anchor: startOfUtcDay(NOW) })[0]!;
    let clock = NOW;
    const backend = new MemoryBackend({
      now: () => clock,
      customers: [{ ...base, plan_id: 'business', in_trial: true, trial_ends_at: new Date(NOW.getTime() + 3_600_000).toISOString() }],
    });
    const during = await backend.getCustomer(1);
    assert.equal(customerStatus(during, clock), 'trial');
    assert.deepEqual([during.task_limit, during.connection_limit], [100, 100]);
    clock = new Date(NOW.getTime() + 2 * 3_600_000);
    const after = await backend.getCustomer(1);
    assert.equal(customerStatus(after, clock), 'expired');
    assert.deepEqual([after.task_limit, after.connection_limit], [100, 5]);
    assert.deepEqual((await backend.listCustomers({ status: 'expired' })).items, [after]);
  });
});

describe('collaborators, switching, dashboards, embed sessions', () => {
  test('a customer created here has no collaborators yet, so nobody may switch into it', async () => {
    const backend = memory({ size: 2 });
    const created = await backend.createCustomer(newCustomer);
    assert.deepEqual(await backend.listCollaborators(created.id), []);
    await httpError(backend.switchToAccount(created.id), 403);
  });

  test('switching is allowed exactly where the admin is a collaborator', async () => {
    const backend = memory({ size: 30 });
    let allowed = 0;
    let refused = 0;
    for (let id = 1; id <= 30; id++) {
      const people = await backend.listCollaborators(id);
      assert.deepEqual(people, generateCollaborators(1, id));
      if (people.some((p) => p.email === DEMO_ADMIN_EMAIL)) {
        assert.deepEqual(await backend.switchToAccount(id), { url: `https://app.partner.example/switch/${id}` });
        allowed++;
      } else {
        await httpError(backend.switchToAccount(id), 403);
        refused++;
      }
    }
    assert.ok(allowed > 0 && refused > 0);
  });

  test('another admin e-mail switches nowhere, and the partner names that admin', async () => {
    const backend = memory({ size: 30, adminEmail: 'someone@else.example' });
    for (let id = 1; id <= 30; id++) await httpError(backend.switchToAccount(id), 403);
    assert.equal((await backend.getPartner()).admin.email, 'someone@else.example');
  });

  test('a refused switch says who may switch, naming the customer and the admin', async () => {
    const backend = memory({ size: 30 });
    for (let id = 1; id <= 30; id++) {
      const team = await backend.listCollaborators(id);
      if (team.some((p) => p.email === DEMO_ADMIN_EMAIL)) continue;
      const error = await httpError(backend.switchToAccount(id), 403);
      const customer = await backend.getCustomer(id);
      assert.ok(error.problem.detail?.includes(customer.name) && error.problem.detail.includes(DEMO_ADMIN_EMAIL), error.problem.detail);
      return;
    }
    assert.fail('the first 30 customers all list the admin');
  });

  test('dashboards are dashboardStats of the generated recipes and rollups at the clock; an unknown period is a 422', async () => {
    const backend = memory({ seed: 4, size: 40 });
    const anchor = startOfUtcDay(NOW);
    let withRecipes = 0;
    for (let id = 1; id <= 40; id++) {
      const activity = generateActivity(4, generateCustomer(4, id - 1, anchor), anchor);
      if (activity.recipes.length > 0) withRecipes++;
      assert.deepEqual(await backend.getDashboard(id, '7d'), dashboardStats(activity, '7d', NOW));
      assert.deepEqual(await backend.getDashboard(id, '1d'), dashboardStats(activity, '1d', NOW));
    }
    assert.ok(withRecipes > 0);
    await httpError(backend.getDashboard(2, '1y' as '1d'), 422);
  });

  test('a customer keeps the recipes it started with after its record changes', async () => {
    const backend = memory({ seed: 4, size: 40 });
    const anchor = startOfUtcDay(NOW);
    const id = Array.from({ length: 40 }, (_, i) => i + 1).find(
      (i) => generateActivity(4, generateCustomer(4, i - 1, anchor), anchor).recipes.length > 0,
    )!;
    const before = await backend.getDashboard(id, '90d');
    await backend.setPlan(id, 'free');
    assert.deepEqual(await backend.getDashboard(id, '90d'), before);
  });

  test('embed sessions need the server: 501 with a clear detail', async () => {
    const error = await httpError(memory().createEmbedSession({ token: 't', origin: 'https://partner.example' }), 501);
    assert.match(error.message, /JWT/);
  });
});
