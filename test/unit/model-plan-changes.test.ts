/**
 * src/model/plan-changes.ts: the previews plan-settings shows before a write agree with what the
 * backends' commands then store (changePlan, changeTrial), the trial's end date before applying,
 * which limits a change lowers below usage, and what another admin changed since a read.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FREE_PLAN_ID,
  TRIAL_DAYS,
  changePlan,
  changeTrial,
  isNoOp,
  planTrialChanges,
  previewChange,
  trialPreview,
  type Customer,
  type HistoryEntry,
  type PlanAction,
  type Plan,
} from '../../src/model/index.js';
import { makeCustomer } from '../support/customers.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const PLANS: Plan[] = [
  { id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 },
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
  { id: 'business', name: 'Business', task_limit: 50_000, connection_limit: 100 },
];

const active = makeCustomer({ id: 1, plan_id: 'business', tasks_used: 4_046, task_limit: 50_000, connections: 12, connection_limit: 100, version: 3 });
const running = makeCustomer({ id: 2, plan_id: 'growth', in_trial: true, trial_ends_at: at(5 * DAY), task_limit: 100, connection_limit: 25, version: 2 });
/** A trial that ended yesterday and that no write has settled yet (in_trial still true). */
const ended = makeCustomer({ id: 3, plan_id: 'growth', in_trial: true, trial_ends_at: at(-DAY), task_limit: 100, connection_limit: 25 });

describe('trialPreview', () => {
  it('starts TRIAL_DAYS from now when no trial runs', () => {
    assert.deepEqual(trialPreview(active, NOW), { ends_at: at(TRIAL_DAYS * DAY), extends: false });
  });

  it('extends a running trial by TRIAL_DAYS from its current end', () => {
    assert.deepEqual(trialPreview(running, NOW), { ends_at: at((5 + TRIAL_DAYS) * DAY), extends: true });
  });

  it('starts afresh from now once the trial has ended (the customer is on Free by then)', () => {
    assert.deepEqual(trialPreview(ended, NOW), { ends_at: at(TRIAL_DAYS * DAY), extends: false });
  });

  it('gives the end date changeTrial then stores', () => {
    for (const customer of [active, running, ended]) {
      const result = changeTrial(customer, { enabled: true }, { plans: PLANS, now: NOW });
      assert.ok(result.ok);
      assert.equal(trialPreview(customer, NOW).ends_at, result.value.trial_ends_at);
    }
  });
});

describe('previewChange', () => {
  it('a plan change brings the new plan’s limits and makes an expired customer active', () => {
    const preview = previewChange(ended, { kind: 'plan', plan_id: 'starter' }, PLANS, NOW);
    assert.equal(preview.status, 'active');
    assert.equal(preview.after.plan_id, 'starter');
    assert.equal(preview.after.in_trial, false);
    assert.deepEqual([preview.after.task_limit, preview.after.connection_limit], [1_000, 10]);
  });

  it('a plan change during a running trial keeps the trial and its task limit', () => {
    const preview = previewChange(running, { kind: 'plan', plan_id: 'business' }, PLANS, NOW);
    assert.equal(preview.status, 'trial');
    assert.deepEqual([preview.after.task_limit, preview.after.connection_limit], [100, 100]);
  });

  it('ending a running trial makes the subscription active on the customer’s plan', () => {
    const preview = previewChange(running, { kind: 'trial', enabled: false }, PLANS, NOW);
    assert.equal(preview.status, 'active');
    assert.equal(preview.after.plan_id, 'growth');
    assert.equal(preview.after.task_limit, 10_000);
  });

  it('names each limit the change lowers below what is used, with the numbers', () => {
    const customer = { ...active, connections: 40 };
    assert.deepEqual(previewChange(customer, { kind: 'plan', plan_id: 'starter' }, PLANS, NOW).overruns, [
      { limit: 'tasks', used: 4_046, from: 50_000, to: 1_000 },
      { limit: 'connections', used: 40, from: 100, to: 10 },
    ]);
    assert.deepEqual(previewChange(customer, { kind: 'plan', plan_id: 'growth' }, PLANS, NOW).overruns, [
      { limit: 'connections', used: 40, from: 100, to: 25 },
    ]);
  });

  it('enabling a trial on a busy subscription lowers tasks to the trial’s 100: an overrun too', () => {
    assert.deepEqual(previewChange(active, { kind: 'trial', enabled: true }, PLANS, NOW).overruns, [
      { limit: 'tasks', used: 4_046, from: 50_000, to: 100 },
    ]);
  });

  it('a limit that goes up is no overrun, even while usage stays above it; nor is usage equal to the new limit', () => {
    const onFree = makeCustomer({ plan_id: FREE_PLAN_ID, tasks_used: 4_046, task_limit: 100, connections: 5, connection_limit: 5 });
    assert.deepEqual(previewChange(onFree, { kind: 'plan', plan_id: 'starter' }, PLANS, NOW).overruns, []);
    const atLimit = { ...active, tasks_used: 1_000, connections: 10 };
    assert.deepEqual(previewChange(atLimit, { kind: 'plan', plan_id: 'starter' }, PLANS, NOW).overruns, []);
  });

  it('agrees with changePlan and changeTrial on any customer, plan and clock (version aside)', () => {
    const planIds = [...PLANS.map((p) => p.id), FREE_PLAN_ID];
    const customerArb = fc.record({
      plan_id: fc.constantFrom(...planIds),
      in_trial: fc.boolean(),
      trial_offset_days: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
      tasks_used: fc.nat({ max: 100_000 }),
      connections: fc.nat({ max: 2_000 }),
    });
    const actionArb: fc.Arbitrary<PlanAction> = fc.oneof(
      fc.constantFrom(...planIds).map((plan_id) => ({ kind: 'plan' as const, plan_id })),
      fc.boolean().map((enabled) => ({ kind: 'trial' as const, enabled })),
    );
    fc.assert(
      fc.property(customerArb, actionArb, (fields, action) => {
        const trialEnds = fields.trial_offset_days === null ? null : at(fields.trial_offset_days * DAY);
        const customer: Customer = makeCustomer({
          plan_id: fields.plan_id,
          in_trial: fields.in_trial && trialEnds !== null,
          trial_ends_at: trialEnds,
          tasks_used: fields.tasks_used,
          connections: fields.connections,
          version: 5,
        });
        const context = { plans: PLANS, now: NOW };
        const stored =
          action.kind === 'plan' ? changePlan(customer, { plan_id: action.plan_id }, context) : changeTrial(customer, { enabled: action.enabled }, context);
        assert.ok(stored.ok);
        assert.deepEqual(previewChange(customer, action, PLANS, NOW).after, { ...stored.value, version: customer.version });
      }),
    );
  });
});

describe('isNoOp', () => {
  it('is the plan the customer is on (Free once a trial has ended), or ending a trial that is not running', () => {
    assert.equal(isNoOp(active, { kind: 'plan', plan_id: 'business' }, NOW), true);
    assert.equal(isNoOp(active, { kind: 'plan', plan_id: 'growth' }, NOW), false);
    assert.equal(isNoOp(ended, { kind: 'plan', plan_id: FREE_PLAN_ID }, NOW), true);
    assert.equal(isNoOp(ended, { kind: 'plan', plan_id: 'growth' }, NOW), false);
    assert.equal(isNoOp(active, { kind: 'trial', enabled: false }, NOW), true);
    assert.equal(isNoOp(running, { kind: 'trial', enabled: false }, NOW), false);
    assert.equal(isNoOp(running, { kind: 'trial', enabled: true }, NOW), false, 'enabling again extends');
  });
});

describe('planTrialChanges', () => {
  const entry = (version: number, fields: HistoryEntry['changes'][number]['field'][], name = 'Dana', minutesAgo = 2): HistoryEntry => ({
    id: version,
    at: at(-minutesAgo * 60_000),
    action: fields.includes('plan_id') ? 'plan' : fields.includes('in_trial') || fields.includes('trial_ends_at') ? 'trial' : 'update',
    actor: { kind: 'admin', name },
    version,
    changes: fields.map((field) => ({ field, from: null, to: null })),
  });

  it('names the new plan, with who and when from the newest history entry that changed it', () => {
    const theirs = { ...active, plan_id: 'growth', version: 5 };
    const history = [entry(5, ['plan_id'], 'Dana', 2), entry(4, ['plan_id'], 'Sam', 10), entry(3, ['plan_id'], 'Old', 60)];
    assert.deepEqual(planTrialChanges(active, theirs, PLANS, NOW, history), [
      { kind: 'plan', plan_id: 'growth', source: { actor: { kind: 'admin', name: 'Dana' }, at: at(-2 * 60_000) } },
    ]);
  });

  it('tells a started, an extended and an ended trial apart', () => {
    const started = { ...active, in_trial: true, trial_ends_at: at(30 * DAY), version: 4 };
    assert.deepEqual(planTrialChanges(active, started, PLANS, NOW), [{ kind: 'trial-started', ends_at: at(30 * DAY), source: null }]);
    const extended = { ...running, trial_ends_at: at(35 * DAY), version: 3 };
    assert.deepEqual(planTrialChanges(running, extended, PLANS, NOW), [{ kind: 'trial-extended', ends_at: at(35 * DAY), source: null }]);
    const subscribed = { ...running, in_trial: false, version: 3 };
    assert.deepEqual(planTrialChanges(running, subscribed, PLANS, NOW, [entry(3, ['in_trial'])]), [
      { kind: 'trial-ended', source: { actor: { kind: 'admin', name: 'Dana' }, at: at(-2 * 60_000) } },
    ]);
  });

  it('compares both as they read now: a trial that ended meanwhile is no change by another admin', () => {
    const endedSinceRead = { ...ended, version: 1 };
    assert.deepEqual(planTrialChanges(endedSinceRead, { ...endedSinceRead, in_trial: false, plan_id: FREE_PLAN_ID }, PLANS, NOW), []);
  });

  it('a version moved by anything else is one "other" change', () => {
    const renamed = { ...active, name: 'Renamed', version: 4 };
    assert.deepEqual(planTrialChanges(active, renamed, PLANS, NOW, [entry(4, ['name'], 'Sam', 1)]), [
      { kind: 'other', source: { actor: { kind: 'admin', name: 'Sam' }, at: at(-60_000) } },
    ]);
    assert.deepEqual(planTrialChanges(active, active, PLANS, NOW), []);
  });
});
