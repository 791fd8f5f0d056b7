import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_APP_IDS,
  DEMO_PARTNER,
  DEMO_PLANS,
  generateApps,
  generateActivity,
  generateCollaborators,
  generateCustomer,
  generateCustomers,
  startOfUtcDay,
} from '../../src/backend/generate.js';
import {
  App,
  Collaborator,
  Customer,
  DashboardRecipe,
  Partner,
  Plan,
  customerStatus,
  plansWithFree,
  usageLevel,
  withLimits,
} from '../../src/model/index.js';
import { orderTeam } from '../../src/backend/team-order.js';

const anchor = new Date('2026-03-15T00:00:00.000Z');
const customers = generateCustomers({ seed: 42, count: 5000, anchor });

test('every generated customer parses with the Customer schema, unchanged', () => {
  for (const customer of customers) {
    const parsed = Customer.safeParse(customer);
    assert.ok(parsed.success, `customer ${customer.id}: ${JSON.stringify(parsed.error?.issues)}`);
    assert.deepEqual(parsed.data, customer);
  }
});

test('ids are index + 1 and every version is 1', () => {
  customers.forEach((c, i) => {
    assert.equal(c.id, i + 1);
    assert.equal(c.version, 1);
  });
});

test('same seed gives deep-equal data; a different seed gives different data', () => {
  assert.deepEqual(generateCustomers({ seed: 42, count: 300, anchor }), customers.slice(0, 300));
  const other = generateCustomers({ seed: 43, count: 300, anchor });
  const same = other.filter((c, i) => JSON.stringify(c) === JSON.stringify(customers[i]));
  assert.equal(same.length, 0);
});

test('a customer can be regenerated alone from seed and index', () => {
  assert.deepEqual(generateCustomer(42, 4321, anchor), customers[4321]);
});

test('external IDs are unique, about 15% are missing, and some need URL encoding', () => {
  const ids = customers.map((c) => c.external_id).filter((id): id is string => id !== null);
  assert.equal(new Set(ids).size, ids.length);
  const missing = customers.length - ids.length;
  assert.ok(missing > customers.length * 0.1 && missing < customers.length * 0.2, `missing ${missing}`);
  for (const ch of [' ', '/', '#', '%', '?', '&']) {
    assert.ok(ids.some((id) => id.includes(ch)), `an external ID containing ${JSON.stringify(ch)}`);
  }
  assert.ok(ids.some((id) => /[^\x00-\x7f]/.test(id)), 'a non-ASCII external ID');
});

test('all three statuses occur, with trials ending later on the anchor day', () => {
  const counts = { active: 0, trial: 0, expired: 0 };
  for (const c of customers) counts[customerStatus(c, anchor)]++;
  for (const [status, n] of Object.entries(counts)) assert.ok(n > 500, `${status}: ${n}`);
  const endOfDay = anchor.getTime() + 86_400_000;
  const endingToday = customers.filter(
    (c) => c.in_trial && c.trial_ends_at && Date.parse(c.trial_ends_at) > anchor.getTime() && Date.parse(c.trial_ends_at) < endOfDay,
  );
  assert.ok(endingToday.length > 10, `trials ending later today: ${endingToday.length}`);
  assert.ok(customers.some((c) => c.in_trial && Date.parse(c.trial_ends_at!) < anchor.getTime()), 'an ended, unsettled trial');
  assert.ok(customers.some((c) => !c.in_trial && c.plan_id === 'free'), 'a settled free-plan customer');
});

test('limits follow the plan and trial rules', () => {
  for (const c of customers) {
    const expected = withLimits(c, DEMO_PLANS, anchor);
    assert.equal(c.task_limit, expected.task_limit, `customer ${c.id}`);
    assert.equal(c.connection_limit, expected.connection_limit, `customer ${c.id}`);
  }
});

test('created_at is spread over three years before the anchor', () => {
  const ages = customers.map((c) => (anchor.getTime() - Date.parse(c.created_at)) / 86_400_000);
  assert.ok(Math.min(...ages) >= 0);
  assert.ok(Math.max(...ages) <= 3 * 365);
  assert.ok(ages.filter((a) => a > 2 * 365).length > 500, 'older than two years');
  assert.ok(ages.filter((a) => a < 30).length > 500, 'joined in the last 30 days');
});

test('usage has a share near and over the limit', () => {
  const levels = { ok: 0, near: 0, over: 0 };
  for (const c of customers) levels[usageLevel(c.tasks_used, c.task_limit)]++;
  assert.ok(levels.near > customers.length * 0.1, `near: ${levels.near}`);
  assert.ok(levels.over > customers.length * 0.05, `over: ${levels.over}`);
  assert.ok(customers.some((c) => usageLevel(c.connections, c.connection_limit) === 'over'));
});

test('hostile names occur: markup, quotes, long, accented, CJK and right-to-left', () => {
  const names = new Set(customers.map((c) => c.name));
  assert.ok(names.has('<script>alert(1)</script>'));
  assert.ok(names.has('<img src=x onerror=alert(1)>'));
  assert.ok([...names].some((n) => n.includes('"') && n.includes('&')));
  assert.ok([...names].some((n) => n.length >= 180));
  assert.ok([...names].some((n) => n.includes('Société Générale')));
  assert.ok([...names].some((n) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(n)), 'CJK');
  assert.ok([...names].some((n) => /[\u0590-\u05ff]/.test(n)), 'Hebrew');
  assert.ok([...names].some((n) => /[\u0600-\u06ff]/.test(n)), 'Arabic');
});

test('top apps are up to five distinct catalogue ids; origins are mostly empty https lists', () => {
  const catalogue = new Set(DEMO_APP_IDS);
  for (const c of customers) {
    assert.ok(c.top_apps.length <= 5);
    assert.equal(new Set(c.top_apps).size, c.top_apps.length);
    for (const id of c.top_apps) assert.ok(catalogue.has(id), id);
    for (const origin of c.origins) {
      assert.match(origin, /^https:\/\/[a-z0-9.-]+(:\d+)?$/);
      assert.equal(new URL(origin).origin, origin);
    }
  }
  const withOrigins = customers.filter((c) => c.origins.length > 0).length;
  assert.ok(withOrigins > 0 && withOrigins < customers.length * 0.3, `with origins: ${withOrigins}`);
  assert.ok(customers.some((c) => c.top_apps.length === 5));
  assert.ok(customers.some((c) => c.top_apps.length === 0));
});

test('apps, plans and partner fit their schemas', () => {
  const apps = generateApps();
  assert.ok(apps.length >= 55 && apps.length <= 70, `apps: ${apps.length}`);
  for (const app of apps) assert.ok(App.safeParse(app).success, app.id);
  assert.equal(new Set(apps.map((a) => a.id)).size, apps.length);
  assert.ok(apps.every((a) => a.icon === null || a.icon.startsWith('data:image/svg+xml;')));
  assert.notEqual(generateApps(), generateApps(), 'a fresh array per call');
  for (const plan of plansWithFree(DEMO_PLANS)) assert.ok(Plan.safeParse(plan).success, plan.id);
  assert.ok(DEMO_PLANS.length >= 3 && DEMO_PLANS.length <= 4);
  assert.ok(Partner.safeParse(DEMO_PARTNER).success);
  assert.equal(DEMO_PARTNER.admin.email, DEMO_ADMIN_EMAIL);
});

test('collaborators: 1–6 people, managers first then by name, some teams with none or several, the admin on about a third', () => {
  let withAdmin = 0;
  let withoutManager = 0;
  let severalManagers = 0;
  let adminManager = 0;
  for (let id = 1; id <= 1500; id++) {
    const people = generateCollaborators(42, id);
    assert.ok(people.length >= 1 && people.length <= 6);
    for (const p of people) assert.ok(Collaborator.safeParse(p).success, JSON.stringify(p));
    assert.equal(new Set(people.map((p) => p.email)).size, people.length);
    assert.deepEqual(people, orderTeam(people), `customer ${id}: managers first, then by name`);
    const managers = people.filter((p) => p.customer_manager).length;
    if (managers === 0) withoutManager++;
    if (managers >= 2) severalManagers++;
    const admin = people.find((p) => p.email === DEMO_ADMIN_EMAIL);
    if (admin) withAdmin++;
    if (admin?.customer_manager) adminManager++;
  }
  assert.ok(withAdmin > 400 && withAdmin < 600, `with admin: ${withAdmin}`);
  assert.ok(withoutManager > 100 && withoutManager < 350, `without a customer manager: ${withoutManager}`);
  assert.ok(severalManagers > 250, `several customer managers: ${severalManagers}`);
  assert.ok(adminManager > 0 && adminManager < withAdmin, `the admin as a customer manager: ${adminManager}`);
  assert.deepEqual(generateCollaborators(42, 7), generateCollaborators(42, 7));
});

test('the demo seed puts the admin on a good share of the first 50 teams, and not on the others', () => {
  const first = Array.from({ length: 50 }, (_, i) => generateCollaborators(1, i + 1));
  const allowed = first.filter((team) => team.some((p) => p.email === DEMO_ADMIN_EMAIL)).length;
  assert.ok(allowed >= 15 && allowed <= 35, `the admin is on ${allowed} of the first 50 teams`);
});

test('recipes and rollups: deterministic, about a third of customers, two catalogue apps each, rows only with jobs', () => {
  const anchorDay = Math.floor(anchor.getTime() / 86_400_000);
  const appIds = new Set(generateApps().map((a) => a.id));
  let withRecipes = 0;
  let stopped = 0;
  let recipes = 0;
  for (let index = 0; index < 1000; index++) {
    const customer = generateCustomer(42, index, anchor);
    const activity = generateActivity(42, customer, anchor);
    assert.deepEqual(generateActivity(42, customer, anchor), activity);
    if (activity.recipes.length === 0) {
      assert.deepEqual(activity, { recipes: [], daily: [], hourly: [] });
      continue;
    }
    withRecipes++;
    assert.ok(activity.recipes.length <= 8);
    const ids = new Set(activity.recipes.map((r) => r.id));
    assert.equal(ids.size, activity.recipes.length);
    for (const r of activity.recipes) {
      recipes++;
      if (!r.running) stopped++;
      assert.ok(appIds.has(r.source_app_id) && appIds.has(r.target_app_id) && r.source_app_id !== r.target_app_id, JSON.stringify(r));
      assert.ok(r.name.length > 0 && r.name.length <= 200);
      assert.ok(DashboardRecipe.safeParse({ ...r, successful_jobs: 0, failed_jobs: 0 }).success);
    }
    if (customerStatus(customer, anchor) === 'expired') assert.ok(activity.recipes.every((r) => !r.running), 'an expired customer runs nothing');
    const key = (bucket: number, recipe: number) => bucket * 1000 + (recipe % 100);
    const ranges = [
      { rows: activity.daily.map((r) => ({ ...r, bucket: r.day })), from: anchorDay - 89, to: anchorDay },
      { rows: activity.hourly.map((r) => ({ ...r, bucket: r.hour })), from: (anchorDay - 1) * 24, to: anchorDay * 24 + 23 },
    ];
    for (const { rows, from, to } of ranges) {
      let last = -Infinity;
      for (const r of rows) {
        assert.ok(ids.has(r.recipe_id));
        assert.ok(r.bucket >= from && r.bucket <= to, `bucket ${r.bucket} in [${from}, ${to}]`);
        assert.ok(r.successful + r.failed > 0, 'rows only where jobs ran');
        assert.ok(Number.isInteger(r.successful) && Number.isInteger(r.failed) && r.successful >= 0 && r.failed >= 0);
        assert.ok(key(r.bucket, r.recipe_id) > last, 'sorted by bucket, then recipe, without repeats');
        last = key(r.bucket, r.recipe_id);
      }
    }
    // The two days with hourly rollups: each day's daily rollup is the sum of its hours.
    for (const day of [anchorDay - 1, anchorDay]) {
      for (const id of ids) {
        const hours = activity.hourly.filter((r) => r.recipe_id === id && Math.floor(r.hour / 24) === day);
        const daily = activity.daily.find((r) => r.recipe_id === id && r.day === day);
        const sum = { successful: hours.reduce((s, r) => s + r.successful, 0), failed: hours.reduce((s, r) => s + r.failed, 0) };
        if (daily === undefined) assert.equal(hours.length, 0);
        else assert.deepEqual({ successful: daily.successful, failed: daily.failed }, sum);
      }
    }
  }
  assert.ok(withRecipes > 230 && withRecipes < 400, `customers with recipes: ${withRecipes}`);
  assert.ok(stopped > 0.1 * recipes && stopped < 0.5 * recipes, `stopped: ${stopped} of ${recipes}`);
});

test('startOfUtcDay truncates to midnight UTC', () => {
  assert.equal(startOfUtcDay(new Date('2026-03-15T23:59:59.999Z')).toISOString(), '2026-03-15T00:00:00.000Z');
});
