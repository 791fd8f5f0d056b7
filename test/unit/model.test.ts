/** The domain rules and schemas of src/model: status, labels, plans, limits, trial, usage, edits. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppAccess,
  AppIcon,
  Customer,
  ExternalId,
  FREE_PLAN,
  NewCustomer,
  Problem,
  applyCustomerChanges,
  customerStatus,
  disableTrial,
  enableTrial,
  findPlan,
  limitsFor,
  newCustomerRecord,
  plansWithFree,
  settleTrial,
  statusLabel,
  usageLevel,
  type Plan,
  maySwitchToAccount,
} from '../../src/model/index.js';
import { makeCustomer } from '../support/customers.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const PLANS: Plan[] = [
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
  { id: 'business', name: 'Business', task_limit: 50_000, connection_limit: 100 },
];
const customer: Customer = makeCustomer({
  id: 1,
  name: 'Société Générale',
  external_id: 'SG-1',
  notification_email: 'ops@example.com',
  plan_id: 'growth',
  created_at: '2024-02-03T04:05:06.000Z',
  tasks_used: 10,
  task_limit: 10_000,
  connections: 2,
  connection_limit: 25,
  top_apps: ['slack'],
  version: 4,
});

describe('customerStatus and its label', () => {
  it('is active on a paid plan without a trial', () => {
    assert.equal(customerStatus(customer, NOW), 'active');
    assert.equal(statusLabel('active'), 'Active');
  });

  it('is in trial until the end instant, on any plan', () => {
    const trial = { ...customer, in_trial: true, trial_ends_at: at(5 * DAY) };
    assert.equal(customerStatus(trial, NOW), 'trial');
    assert.equal(customerStatus({ ...trial, plan_id: 'free' }, NOW), 'trial');
    assert.equal(statusLabel('trial'), 'In trial');
  });

  it('treats a trial ending today by the instant: later today still in trial, earlier today or now expired', () => {
    assert.equal(customerStatus({ ...customer, in_trial: true, trial_ends_at: at(60_000) }, NOW), 'trial');
    assert.equal(customerStatus({ ...customer, in_trial: true, trial_ends_at: at(0) }, NOW), 'expired');
    assert.equal(customerStatus({ ...customer, in_trial: true, trial_ends_at: at(-60_000) }, NOW), 'expired');
    assert.equal(statusLabel('expired'), 'Expired subscription');
  });

  it('is expired on the free plan, and for a trial flag without an end date', () => {
    assert.equal(customerStatus({ ...customer, plan_id: 'free' }, NOW), 'expired');
    assert.equal(customerStatus({ ...customer, in_trial: true, trial_ends_at: null }, NOW), 'expired');
  });
});

describe('plans and limits', () => {
  it('adds the free plan (100 tasks) unless the partner lists one', () => {
    assert.deepEqual(plansWithFree(PLANS).map((p) => p.id), ['growth', 'business', 'free']);
    assert.equal(FREE_PLAN.task_limit, 100);
    const own: Plan = { id: 'free', name: 'Starter free', task_limit: 200, connection_limit: 3 };
    assert.deepEqual(plansWithFree([own]), [own]);
    assert.equal(findPlan('business', PLANS)?.name, 'Business');
    assert.equal(findPlan('free', PLANS), FREE_PLAN);
    assert.equal(findPlan('nope', PLANS), undefined);
  });

  it("takes the plan's limits when active, caps tasks at 100 in trial, and gives the free plan's when expired", () => {
    assert.deepEqual(limitsFor(customer, PLANS, NOW), { task_limit: 10_000, connection_limit: 25 });
    assert.deepEqual(limitsFor({ ...customer, in_trial: true, trial_ends_at: at(DAY) }, PLANS, NOW), {
      task_limit: 100,
      connection_limit: 25,
    });
    assert.deepEqual(limitsFor({ ...customer, in_trial: true, trial_ends_at: at(-DAY) }, PLANS, NOW), {
      task_limit: FREE_PLAN.task_limit,
      connection_limit: FREE_PLAN.connection_limit,
    });
  });

  it('falls back to the free plan for an unknown plan id, never to unlimited', () => {
    assert.deepEqual(limitsFor({ ...customer, plan_id: 'gone' }, PLANS, NOW), {
      task_limit: FREE_PLAN.task_limit,
      connection_limit: FREE_PLAN.connection_limit,
    });
  });
});

describe('trial', () => {
  it('starts 30 days from now', () => {
    const started = enableTrial(customer, NOW);
    assert.equal(started.in_trial, true);
    assert.equal(started.trial_ends_at, at(30 * DAY));
    assert.equal(customerStatus(started, NOW), 'trial');
  });

  it('extends a running trial by 30 days from its current end', () => {
    const running = { ...customer, in_trial: true, trial_ends_at: at(10 * DAY) };
    assert.equal(enableTrial(running, NOW).trial_ends_at, at(40 * DAY));
  });

  it('starts afresh from now when the trial already ended', () => {
    const ended = { ...customer, in_trial: true, trial_ends_at: at(-3 * DAY) };
    assert.equal(enableTrial(ended, NOW).trial_ends_at, at(30 * DAY));
  });

  it('disabling it makes the subscription active on its plan', () => {
    const running = { ...customer, in_trial: true, trial_ends_at: at(10 * DAY) };
    const subscribed = disableTrial(running);
    assert.equal(subscribed.in_trial, false);
    assert.equal(customerStatus(subscribed, NOW), 'active');
  });

  it('an ended trial falls to the free plan; a running one, or no trial, is left alone', () => {
    const ended = { ...customer, in_trial: true, trial_ends_at: at(-1) };
    const settled = settleTrial(ended, NOW);
    assert.equal(settled.plan_id, 'free');
    assert.equal(settled.in_trial, false);
    assert.equal(customerStatus(settled, NOW), 'expired');
    const running = { ...customer, in_trial: true, trial_ends_at: at(DAY) };
    assert.equal(settleTrial(running, NOW), running);
    assert.equal(settleTrial(customer, NOW), customer);
  });
});

describe('usageLevel', () => {
  it('is near from 80% of the limit, over above it', () => {
    assert.equal(usageLevel(0, 100), 'ok');
    assert.equal(usageLevel(79, 100), 'ok');
    assert.equal(usageLevel(80, 100), 'near');
    assert.equal(usageLevel(100, 100), 'near');
    assert.equal(usageLevel(101, 100), 'over');
  });

  it('calls any use of a zero limit over, and no use ok', () => {
    assert.equal(usageLevel(0, 0), 'ok');
    assert.equal(usageLevel(1, 0), 'over');
  });
});

describe('creating and editing', () => {
  it('creates version 1, joined now, no usage, no trial, limits from the plan', () => {
    const created = newCustomerRecord(9, { name: 'Acme', notification_email: 'a@b.co', plan_id: 'business' }, PLANS, NOW);
    assert.equal(Customer.safeParse(created).success, true);
    assert.deepEqual(
      { ...created },
      {
        id: 9,
        name: 'Acme',
        external_id: null,
        notification_email: 'a@b.co',
        plan_id: 'business',
        in_trial: false,
        trial_ends_at: null,
        created_at: NOW.toISOString(),
        tasks_used: 0,
        task_limit: 50_000,
        connections: 0,
        connection_limit: 100,
        top_apps: [],
        origins: [],
        version: 1,
      },
    );
  });

  it('applies only the fields a PATCH names, removes an external ID on null, and bumps the version', () => {
    const renamed = applyCustomerChanges(customer, { name: 'SG' });
    assert.deepEqual(renamed, { ...customer, name: 'SG', version: 5 });
    const cleared = applyCustomerChanges(customer, { external_id: null, origins: ['https://a.example'] });
    assert.equal(cleared.external_id, null);
    assert.deepEqual(cleared.origins, ['https://a.example']);
    assert.equal(cleared.notification_email, customer.notification_email);
  });
});

describe('schemas', () => {
  it('names the path of the first field that does not fit', () => {
    const bad = Customer.safeParse({ ...customer, top_apps: ['a', 'b', 'c', 'd', 'e', 'f'] });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues[0]?.path, ['top_apps']);
    assert.deepEqual(Customer.safeParse({ ...customer, notification_email: 'nope' }).error?.issues[0]?.path, ['notification_email']);
  });

  it('trims names and external IDs, and refuses empty ones and control characters', () => {
    const parsed = NewCustomer.safeParse({ name: '  Acme  ', notification_email: 'a@b.co', plan_id: 'free', external_id: ' X-1 ' });
    assert.equal(parsed.success && parsed.data.name, 'Acme');
    assert.equal(parsed.success && parsed.data.external_id, 'X-1');
    assert.equal(NewCustomer.safeParse({ name: '   ', notification_email: 'a@b.co', plan_id: 'free' }).success, false);
    assert.equal(ExternalId.safeParse('a\u0000b').success, false);
    assert.equal(ExternalId.safeParse('x'.repeat(101)).success, false);
  });

  it('takes app icons only as data:image or https URLs', () => {
    assert.equal(AppIcon.safeParse('data:image/svg+xml,<svg/>').success, true);
    assert.equal(AppIcon.safeParse('https://cdn.example/icon.png').success, true);
    assert.equal(AppIcon.safeParse('javascript:alert(1)').success, false);
    assert.equal(AppIcon.safeParse('data:text/html,<script>').success, false);
    assert.equal(AppIcon.safeParse('http://cdn.example/icon.png').success, false);
  });

  it('tells app access modes apart', () => {
    assert.equal(AppAccess.safeParse({ mode: 'all' }).success, true);
    assert.equal(AppAccess.safeParse({ mode: 'selected', app_ids: ['slack'] }).success, true);
    assert.equal(AppAccess.safeParse({ mode: 'selected' }).success, false);
    assert.equal(AppAccess.safeParse({ mode: 'some' }).success, false);
  });

  it('reads problem details with field errors', () => {
    const problem = { type: 'about:blank', title: 'Unprocessable', status: 422, errors: { name: ['is required'] } };
    assert.deepEqual(Problem.parse(problem), problem);
    assert.equal(Problem.safeParse({ ...problem, status: 200 }).success, false);
  });
});

describe('maySwitchToAccount', () => {
  const team = [
    { email: 'Ana.Lima@customer-7.example' },
    { email: 'ops@customer-7.example' },
  ];
  it('lets a partner admin on the team switch, whatever the case of the address', () => {
    assert.equal(maySwitchToAccount('ana.lima@customer-7.example', team), true);
    assert.equal(maySwitchToAccount(' OPS@customer-7.example ', team), true);
  });
  it('refuses an admin who is not on the team, and any admin of an empty team', () => {
    assert.equal(maySwitchToAccount('ana.lima@customer-8.example', team), false);
    assert.equal(maySwitchToAccount('ana.lima@customer-7.example', []), false);
  });
});
