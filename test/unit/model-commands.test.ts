/**
 * The domain commands of src/model/commands.ts, branch by branch: what each returns, the problem
 * (status, title, detail, field errors) of each refusal, and the check order 422 → 412 → 409.
 * Both backends call these; the contract suite checks that they do.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FREE_PLAN,
  Problem,
  addCustomer,
  changeAppAccess,
  changePlan,
  changeTrial,
  patchCustomer,
  removeCustomer,
  valueOrThrow,
  type App,
  type CommandResult,
  type Customer,
  type Plan,
} from '../../src/model/index.js';
import { makeCustomer } from '../support/customers.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const PLANS: Plan[] = [
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
  { id: 'business', name: 'Business', task_limit: 50_000, connection_limit: 100 },
];
const APPS: App[] = [
  { id: 'slack', name: 'Slack', icon: null },
  { id: 'jira', name: 'Jira', icon: null },
];
const context = { plans: PLANS, now: NOW };
const customer: Customer = makeCustomer({
  id: 7,
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
/** On Business, with a trial that ended yesterday and was never settled by a write. */
const ended: Customer = { ...customer, plan_id: 'business', in_trial: true, trial_ends_at: at(-DAY), task_limit: 100, connection_limit: 100 };
const running: Customer = { ...customer, in_trial: true, trial_ends_at: at(5 * DAY), task_limit: 100 };

function value<T>(result: CommandResult<T>): T {
  assert.ok(result.ok, `refused: ${result.ok ? '' : JSON.stringify(result.problem)}`);
  return result.value;
}

/** The refusal's problem, checked against the Problem schema and the expected status and title. */
function refusal(result: CommandResult<unknown>, status: number, title: string): Problem {
  assert.ok(!result.ok, `expected ${status}, got ${JSON.stringify(result)}`);
  assert.deepEqual(Problem.parse(result.problem), result.problem);
  assert.equal(result.problem.status, status);
  assert.equal(result.problem.title, title);
  assert.equal(result.problem.type, `https://customers-console.dev/problems/${status}`);
  return result.problem;
}

/** A question that must not be asked at this point of the check order. */
const never = (what: string) => (): never => assert.fail(`${what} was asked`);

describe('addCustomer', () => {
  const body = { name: '  Fresh Co  ', notification_email: 'ops@fresh.example', plan_id: 'growth' };
  const add = (input: unknown, taken: (id: string) => boolean = () => false) =>
    addCustomer(input, { ...context, id: 11, isExternalIdTaken: taken });

  it('gives the record to insert: the id given, version 1, joined now, trimmed, limits of the plan', () => {
    assert.deepEqual(value(add(body, never('isExternalIdTaken'))), {
      id: 11,
      name: 'Fresh Co',
      external_id: null,
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
    const onFree = value(add({ ...body, plan_id: 'free', external_id: ' ext-1 ' }));
    assert.deepEqual([onFree.external_id, onFree.task_limit, onFree.connection_limit], ['ext-1', FREE_PLAN.task_limit, FREE_PLAN.connection_limit]);
  });

  it('refuses a body that does not fit with 422 and a message per field', () => {
    const problem = refusal(add({ ...body, name: ' ', notification_email: 'nope' }), 422, 'Unprocessable Content');
    assert.equal(problem.detail, 'The customer is not valid.');
    assert.deepEqual(Object.keys(problem.errors!).sort(), ['name', 'notification_email']);
    assert.equal(refusal(add(null), 422, 'Unprocessable Content').detail, 'The customer is not valid.');
  });

  it('refuses an unknown plan with 422 on plan_id, before asking about the external ID', () => {
    const problem = refusal(add({ ...body, plan_id: 'platinum', external_id: 'x' }, never('isExternalIdTaken')), 422, 'Unprocessable Content');
    assert.deepEqual(problem, {
      type: 'https://customers-console.dev/problems/422',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The plan does not exist.',
      errors: { plan_id: ['unknown plan "platinum"'] },
    });
  });

  it('refuses a taken external ID with 409 on external_id', () => {
    const asked: string[] = [];
    const problem = refusal(add({ ...body, external_id: 'taken/1' }, (id) => (asked.push(id), true)), 409, 'Conflict');
    assert.deepEqual(asked, ['taken/1']);
    assert.equal(problem.detail, 'External ID "taken/1" is already used by another customer.');
    assert.deepEqual(problem.errors, { external_id: ['is already used by another customer'] });
  });
});

describe('patchCustomer', () => {
  const patch = (
    current: Customer,
    body: unknown,
    { version = current.version, taken = () => false }: { version?: number | (() => number); taken?: (id: string) => boolean } = {},
  ) =>
    patchCustomer(current, body, {
      ...context,
      expectedVersion: typeof version === 'function' ? version : () => version,
      isExternalIdTaken: taken,
    });

  it('applies the named fields, one version on; origins normalised without duplicates', () => {
    const next = value(patch(customer, { name: ' Renamed ', origins: [' HTTPS://App.Example:443/ ', 'https://app.example'] }));
    assert.deepEqual(next, { ...customer, name: 'Renamed', origins: ['https://app.example'], version: 5 });
  });

  it('removes an external ID on null, and asks about it only when it is new', () => {
    assert.equal(value(patch(customer, { external_id: null }, { taken: never('isExternalIdTaken') })).external_id, null);
    assert.equal(value(patch(customer, { external_id: 'SG-1', name: 'Same ID' }, { taken: never('isExternalIdTaken') })).external_id, 'SG-1');
    assert.equal(value(patch(customer, { name: 'No ID change' }, { taken: never('isExternalIdTaken') })).external_id, 'SG-1');
    assert.equal(value(patch(customer, { external_id: 'SG-2' })).external_id, 'SG-2');
  });

  it('refuses a body that does not fit with 422, before reading the expected version', () => {
    const problem = refusal(patch(customer, { notification_email: 'nope' }, { version: never('expectedVersion') }), 422, 'Unprocessable Content');
    assert.equal(problem.detail, 'The changes are not valid.');
    assert.deepEqual(Object.keys(problem.errors!), ['notification_email']);
  });

  it('refuses bad origins with 422 on origins[i] naming each, before reading the expected version', () => {
    const problem = refusal(
      patch(customer, { origins: ['https://ok.example', 'http://insecure.example', '*.example.com'] }, { version: never('expectedVersion') }),
      422,
      'Unprocessable Content',
    );
    assert.equal(problem.detail, 'Some origins are not valid.');
    assert.deepEqual(Object.keys(problem.errors!), ['origins[1]', 'origins[2]']);
    assert.match(problem.errors!['origins[1]']![0]!, /http:\/\/insecure\.example/);
  });

  it('refuses a stale version with 412 naming the current one, before asking about the external ID', () => {
    const problem = refusal(patch(customer, { external_id: 'other' }, { version: 3, taken: never('isExternalIdTaken') }), 412, 'Precondition Failed');
    assert.equal(problem.detail, 'The customer was changed by someone else (now version 4); reload it and try again.');
    assert.equal(problem.errors, undefined);
  });

  it('refuses an external ID another customer holds with 409', () => {
    const problem = refusal(patch(customer, { external_id: 'theirs' }, { taken: (id) => id === 'theirs' }), 409, 'Conflict');
    assert.equal(problem.detail, 'External ID "theirs" is already used by another customer.');
    assert.deepEqual(problem.errors, { external_id: ['is already used by another customer'] });
  });

  it('stores an ended trial settled: the edit also puts it on the free plan, as it already reads', () => {
    const next = value(patch(ended, { name: 'Edited' }));
    assert.deepEqual(next, {
      ...ended,
      name: 'Edited',
      plan_id: 'free',
      in_trial: false,
      trial_ends_at: ended.trial_ends_at,
      task_limit: FREE_PLAN.task_limit,
      connection_limit: FREE_PLAN.connection_limit,
      version: 5,
    });
  });
});

describe('changePlan', () => {
  it('puts the customer on the plan with its limits, one version on', () => {
    assert.deepEqual(value(changePlan(customer, { plan_id: 'business' }, context)), {
      ...customer,
      plan_id: 'business',
      task_limit: 50_000,
      connection_limit: 100,
      version: 5,
    });
    const free = value(changePlan(customer, { plan_id: ' free ' }, context));
    assert.deepEqual([free.plan_id, free.task_limit, free.connection_limit], ['free', FREE_PLAN.task_limit, FREE_PLAN.connection_limit]);
  });

  it('settles an ended trial first, so an expired customer becomes active on the chosen plan', () => {
    const next = value(changePlan(ended, { plan_id: 'growth' }, context));
    assert.deepEqual(
      [next.plan_id, next.in_trial, next.trial_ends_at, next.task_limit, next.connection_limit, next.version],
      ['growth', false, ended.trial_ends_at, 10_000, 25, 5],
    );
  });

  it('keeps a running trial: 100 tasks until it ends, connections of the new plan', () => {
    const next = value(changePlan(running, { plan_id: 'business' }, context));
    assert.deepEqual([next.in_trial, next.trial_ends_at, next.task_limit, next.connection_limit], [true, running.trial_ends_at, 100, 100]);
  });

  it('refuses a body that does not fit, and an unknown plan, with 422 on plan_id', () => {
    const shape = refusal(changePlan(customer, { plan_id: '' }, context), 422, 'Unprocessable Content');
    assert.equal(shape.detail, 'The plan is not valid.');
    assert.deepEqual(Object.keys(shape.errors!), ['plan_id']);
    const unknown = refusal(changePlan(customer, { plan_id: 'platinum' }, context), 422, 'Unprocessable Content');
    assert.equal(unknown.detail, 'The plan does not exist.');
    assert.deepEqual(unknown.errors, { plan_id: ['unknown plan "platinum"'] });
  });
});

describe('changeTrial', () => {
  it('enables 30 days from now at 100 tasks, on the same plan, one version on', () => {
    const on = value(changeTrial(customer, { enabled: true }, context));
    assert.deepEqual(on, { ...customer, in_trial: true, trial_ends_at: at(30 * DAY), task_limit: 100, version: 5 });
  });

  it('extends a running trial by 30 days from its end', () => {
    assert.equal(value(changeTrial(running, { enabled: true }, context)).trial_ends_at, at(35 * DAY));
  });

  it('disabling a running trial makes the customer active on its plan', () => {
    const off = value(changeTrial(running, { enabled: false }, context));
    assert.deepEqual(off, { ...running, in_trial: false, task_limit: 10_000, connection_limit: 25, version: 5 });
  });

  it('after a trial ended the customer is on Free: enabling runs a new trial on Free, disabling leaves it expired', () => {
    const again = value(changeTrial(ended, { enabled: true }, context));
    assert.deepEqual([again.plan_id, again.in_trial, again.trial_ends_at, again.task_limit], ['free', true, at(30 * DAY), 100]);
    const off = value(changeTrial(ended, { enabled: false }, context));
    assert.deepEqual(
      [off.plan_id, off.in_trial, off.task_limit, off.connection_limit],
      ['free', false, FREE_PLAN.task_limit, FREE_PLAN.connection_limit],
    );
  });

  it('refuses a body that does not fit with 422 on enabled', () => {
    const problem = refusal(changeTrial(customer, { enabled: 'yes' }, context), 422, 'Unprocessable Content');
    assert.equal(problem.detail, 'The trial change is not valid.');
    assert.deepEqual(Object.keys(problem.errors!), ['enabled']);
  });
});

describe('changeAppAccess', () => {
  it('stores all apps, or the selected ones in order without duplicates', () => {
    assert.deepEqual(value(changeAppAccess({ mode: 'all' }, APPS)), { mode: 'all' });
    assert.deepEqual(value(changeAppAccess({ mode: 'selected', app_ids: ['jira', 'slack', 'jira'] }, APPS)), {
      mode: 'selected',
      app_ids: ['jira', 'slack'],
    });
    assert.deepEqual(value(changeAppAccess({ mode: 'selected', app_ids: [] }, APPS)), { mode: 'selected', app_ids: [] });
  });

  it('refuses apps outside the catalogue with 422 on app_ids, naming each', () => {
    const problem = refusal(changeAppAccess({ mode: 'selected', app_ids: ['slack', 'nope', 'gone'] }, APPS), 422, 'Unprocessable Content');
    assert.equal(problem.detail, 'Some apps are not in the catalogue.');
    assert.deepEqual(problem.errors, { app_ids: ['unknown app "nope"', 'unknown app "gone"'] });
  });

  it('refuses a body that does not fit with 422', () => {
    const problem = refusal(changeAppAccess({ mode: 'some' }, APPS), 422, 'Unprocessable Content');
    assert.equal(problem.detail, 'The app access is not valid.');
    assert.ok(problem.errors && Object.keys(problem.errors).length > 0);
  });
});

describe('removeCustomer', () => {
  it('allows the delete at the current version, and refuses any other with 412', () => {
    assert.deepEqual(removeCustomer(customer, 4), { ok: true, value: undefined });
    const problem = refusal(removeCustomer(customer, 5), 412, 'Precondition Failed');
    assert.equal(problem.detail, 'The customer was changed by someone else (now version 4); reload it and try again.');
  });
});

describe('valueOrThrow', () => {
  it("gives the value, or throws the backend's error made from the problem", () => {
    assert.equal(valueOrThrow(removeCustomer(customer, 4), () => new Error('unused')), undefined);
    assert.throws(
      () => valueOrThrow(removeCustomer(customer, 1), (problem) => new RangeError(`${problem.status} ${problem.detail}`)),
      (error: unknown) => error instanceof RangeError && error.message.startsWith('412 The customer was changed'),
    );
  });
});
