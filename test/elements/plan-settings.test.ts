import { expect, fixture, html } from '@open-wc/testing';
import '../../components/plan-settings/define.js';
import type { PlanSettings } from '../../components/plan-settings/define.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import { DEMO_PARTNER } from '../../src/backend/generate.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { Customer, Plan } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { deferred, overriding } from '../support/backend-wrappers.js';
import { allByRole, byPart, byRole } from '../support/by-role.js';
import { APPS, NOW, PLANS, makeCustomer } from '../support/customers.js';
import { expectFocusOn, expectRetryAgainFocused } from '../support/focus.js';
import { shownText } from '../support/text.js';
import { click, press } from '../support/user.js';
import { nextEvent, until } from '../support/wait.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const shownDate = (iso: string) => DATE_TIME.format(new Date(iso));

/** Business, 4,046 tasks used: over Starter's 1,000. */
const BUSY = makeCustomer({ id: 11, name: 'Northwind', plan_id: 'business', tasks_used: 4_046, connections: 12, version: 3 });
const QUIET = makeCustomer({ id: 12, name: 'Quiet', plan_id: 'growth', tasks_used: 320, connections: 4, version: 2 });
/** Under the trial's 100 tasks: enabling one asks nothing. */
const NEW = makeCustomer({ id: 17, name: 'Fresh', plan_id: 'growth', tasks_used: 40, connections: 1, version: 4 });
const TRIAL = makeCustomer({ id: 13, name: 'Initech', plan_id: 'growth', in_trial: true, trial_ends_at: at(12 * DAY), tasks_used: 40, version: 5 });
const ENDS_TODAY = makeCustomer({ id: 14, plan_id: 'starter', in_trial: true, trial_ends_at: at(3 * HOUR), tasks_used: 10 });
const ENDS_TOMORROW = makeCustomer({ id: 15, plan_id: 'starter', in_trial: true, trial_ends_at: at(DAY), tasks_used: 10 });
const ENDED = makeCustomer({ id: 16, name: 'Umbrella', plan_id: 'growth', in_trial: true, trial_ends_at: at(-DAY), tasks_used: 60 });
const CUSTOMERS = [BUSY, QUIET, TRIAL, ENDS_TODAY, ENDS_TOMORROW, ENDED, NEW];
const WITH_BUSINESS: Plan[] = [...PLANS, { id: 'business', name: 'Business', task_limit: 50_000, connection_limit: 100 }];

/** A MemoryBackend over CUSTOMERS on a clock the test may move. */
function memory(clock = { now: NOW }): MemoryBackend {
  return new MemoryBackend({ customers: CUSTOMERS, plans: WITH_BUSINESS, apps: APPS, now: () => clock.now });
}

async function settingsFor(backend: Backend, id: number, options: { readonly?: boolean } = {}): Promise<PlanSettings> {
  const customer = await backend.getCustomer(id);
  const el = await fixture<PlanSettings>(
    html`<plan-settings .backend=${backend} .customer=${customer} .now=${NOW} ?readonly=${options.readonly ?? false}></plan-settings>`,
  );
  await until(() => allByRole(el.shadowRoot!, 'radio').length > 0, 'the plans');
  return el;
}

const root = (el: PlanSettings) => el.shadowRoot!;
const radio = (el: PlanSettings, plan: string) => byRole<HTMLInputElement>(root(el), 'radio', new RegExp(`^${plan}\\b`));
const button = (el: PlanSettings, name: string | RegExp) => byRole<HTMLButtonElement>(root(el), 'button', name);
const part = (el: PlanSettings, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const partText = (el: PlanSettings, name: string) => shownText(part(el, name));
const dialog = (el: PlanSettings) => root(el).querySelector('dialog')!;

/** A real click, once the target is scrolled into the viewport (the element is taller than it). */
async function clickOn(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await click(target);
}

async function choose(el: PlanSettings, plan: string): Promise<void> {
  await clickOn(radio(el, plan));
  await el.updateComplete;
}

describe('plan-settings', () => {
  it('shows the plan, status, limits and usage, every plan with its limits (Free included), the note, and no axe violations', async () => {
    const el = await settingsFor(memory(), BUSY.id);
    expect(partText(el, 'plan-name')).to.equal('Business');
    expect(partText(el, 'status-badge')).to.equal('Active');
    expect(partText(el, 'limits')).to.equal('50,000 tasks a month, 100 connections');
    expect(partText(el, 'usage')).to.equal('4,046 tasks, 12 connections');
    const group = byRole(root(el), 'group', 'Plan');
    expect(allByRole(group, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['starter', 'growth', 'enterprise', 'business', 'free']);
    expect(radio(el, 'Business').checked).to.equal(true);
    expect(shownText(radio(el, 'Business').closest('label'))).to.equal('Business current 50,000 tasks a month, 100 connections');
    expect(partText(el, 'plans-note')).to.contain('Adding or removing plans is not done here.');
    expect(partText(el, 'trial-status')).to.equal('No trial is running.');
    expect(button(el, 'Change plan').getAttribute('aria-disabled')).to.equal('true');
    expect(el.hasUnsavedChanges).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('a chosen plan shows the limits it brings before applying, and is unsaved until discarded', async () => {
    const el = await settingsFor(memory(), QUIET.id);
    const flipped = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    await choose(el, 'Enterprise');
    expect((await flipped).detail).to.deep.equal({ unsaved: true });
    expect(el.hasUnsavedChanges).to.equal(true);
    expect(partText(el, 'preview')).to.equal('Not applied yet Enterprise brings 500,000 tasks a month, 1,000 connections.');
    expect(button(el, 'Change plan').getAttribute('aria-disabled')).to.equal('false');
    await expectNoAxeViolations(el);
    const back = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    await clickOn(button(el, 'Discard'));
    expect((await back).detail).to.deep.equal({ unsaved: false });
    expect(radio(el, 'Growth').checked).to.equal(true);
    expect(part(el, 'preview')).to.equal(null);
    expectFocusOn(button(el, 'Change plan'));
  });

  it('chooses a plan with the arrow keys, as a radio group does, and applies it from the keyboard', async () => {
    const backend = memory();
    const el = await settingsFor(backend, QUIET.id);
    radio(el, 'Growth').focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(radio(el, 'Enterprise').checked).to.equal(true);
    expectFocusOn(radio(el, 'Enterprise'));
    expect(el.hasUnsavedChanges).to.equal(true);
    await press('ArrowUp');
    await el.updateComplete;
    expect(el.hasUnsavedChanges, 'back on its own plan').to.equal(false);
    await press('ArrowUp');
    await el.updateComplete;
    expect(radio(el, 'Starter').checked).to.equal(true);
    button(el, 'Change plan').focus();
    await press('Enter');
    await until(() => part(el, 'result') !== null, 'the result');
    expect((await backend.getCustomer(QUIET.id)).plan_id).to.equal('starter');
  });

  it('applies a plan with the version shown: busy while saving, then customer-change and the result, focused', async () => {
    const inner = memory();
    const answer = deferred<void>();
    const sent: { planId: string; version: number | undefined }[] = [];
    const backend = overriding(inner, {
      setPlan: async (ref, planId, options) => {
        sent.push({ planId, version: options?.version });
        await answer.promise;
        return inner.setPlan(ref, planId, options);
      },
    });
    const el = await settingsFor(backend, QUIET.id);
    await choose(el, 'Enterprise');
    const changed = nextEvent<CustomEvent<{ customer: Customer; change: string }>>(el, 'customer-change');
    await clickOn(button(el, 'Change plan'));
    await until(() => button(el, 'Change plan').getAttribute('aria-busy') === 'true', 'the busy button');
    expect(button(el, 'Change plan').getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'apply-button')!.querySelector('.spinner')).to.not.equal(null);
    expect(radio(el, 'Starter').matches(':disabled'), 'the plans wait while saving').to.equal(true);
    await expectNoAxeViolations(el);
    answer.resolve();
    const event = await changed;
    expect(sent).to.deep.equal([{ planId: 'enterprise', version: QUIET.version }]);
    expect(event.detail.change).to.equal('plan');
    expect(event.detail.customer.plan_id).to.equal('enterprise');
    expect(event.detail.customer.version).to.equal(QUIET.version + 1);
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'result')).to.equal('The plan is now Enterprise: 500,000 tasks a month, 1,000 connections.');
    expectFocusOn(part(el, 'result')!);
    expect(el.customer!.plan_id).to.equal('enterprise');
    expect(partText(el, 'plan-name')).to.equal('Enterprise');
    expect(el.hasUnsavedChanges).to.equal(false);
    expect((await inner.getCustomer(QUIET.id)).plan_id).to.equal('enterprise');
    await expectNoAxeViolations(el);
  });

  it('asks before a plan that puts usage over its limit, showing the numbers; Escape cancels and gives focus back', async () => {
    const backend = memory();
    const el = await settingsFor(backend, BUSY.id);
    await choose(el, 'Starter');
    expect(partText(el, 'preview')).to.contain('4,046 tasks used this period, the new limit is 1,000.');
    await clickOn(button(el, 'Change plan'));
    await until(() => dialog(el).open, 'the confirmation');
    const box = byRole(root(el), 'dialog', 'Change to Starter?');
    expect(shownText(box)).to.contain('4,046 tasks used this period, the new limit is 1,000.');
    expect(shownText(box)).to.contain('12 connections in use, the new limit is 10.');
    await expectNoAxeViolations(el);
    await press('Escape');
    await until(() => !dialog(el).open, 'the dialog to close');
    await until(() => part(el, 'apply-button') === el.shadowRoot!.activeElement, 'focus back on Change plan');
    expectFocusOn(button(el, 'Change plan'));
    expect((await backend.getCustomer(BUSY.id)).plan_id, 'nothing written').to.equal('business');
    expect(radio(el, 'Starter').checked, 'the choice is kept').to.equal(true);
    expect(el.hasUnsavedChanges).to.equal(true);

    await clickOn(button(el, 'Change plan'));
    await until(() => dialog(el).open, 'the confirmation again');
    await clickOn(byRole(dialog(el), 'button', 'Change to Starter'));
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'result')).to.equal('The plan is now Starter: 1,000 tasks a month, 10 connections.');
    expectFocusOn(part(el, 'result')!);
    expect((await backend.getCustomer(BUSY.id)).plan_id).to.equal('starter');
  });

  it('enables a trial from the keyboard: the end date before applying is the one it gets', async () => {
    const backend = memory();
    const el = await settingsFor(backend, NEW.id);
    const expected = shownDate(at(30 * DAY));
    const enable = button(el, 'Enable trial');
    expect(shownText(byRole(root(el), 'button', 'Enable trial').nextElementSibling)).to.equal(
      `Enabling gives 30 days at 100 tasks a month: the trial would end on ${expected}, and the account then falls to the Free plan unless the trial is ended once the customer subscribes.`,
    );
    enable.focus();
    const changed = nextEvent<CustomEvent<{ customer: Customer; change: string }>>(el, 'customer-change');
    await press('Enter');
    const { detail } = await changed;
    expect(detail.change).to.equal('trial');
    expect(detail.customer.trial_ends_at).to.equal(at(30 * DAY));
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'result')).to.equal(`The trial is on until ${expected}, at 100 tasks a month.`);
    expectFocusOn(part(el, 'result')!);
    expect(partText(el, 'status-badge')).to.equal('In trial');
    expect(partText(el, 'limits')).to.equal('100 tasks a month, 25 connections');
  });

  it('asks before a trial whose 100 tasks a month are below what is used already', async () => {
    const backend = memory();
    const el = await settingsFor(backend, QUIET.id);
    await clickOn(button(el, 'Enable trial'));
    await until(() => dialog(el).open, 'the confirmation');
    const box = byRole(root(el), 'dialog', 'Enable the trial?');
    expect(shownText(box)).to.contain('320 tasks used this period, the new limit is 100.');
    await expectNoAxeViolations(el);
    await clickOn(byRole(box, 'button', 'Enable trial'));
    await until(() => part(el, 'result') !== null, 'the result');
    expectFocusOn(part(el, 'result')!);
    expect((await backend.getCustomer(QUIET.id)).in_trial).to.equal(true);
  });

  it('a running trial: its end, the automatic fall to Free with the date, Extend with the new end date', async () => {
    const backend = memory();
    const el = await settingsFor(backend, TRIAL.id);
    const end = shownDate(at(12 * DAY));
    const extended = shownDate(at(42 * DAY));
    expect(partText(el, 'status-badge')).to.equal('In trial');
    expect(partText(el, 'trial-status')).to.equal(
      `In trial until ${end}, with a limit of 100 tasks a month. The account falls to the Free plan automatically when the trial ends: ${end}.`,
    );
    expect(shownText(button(el, 'Extend trial').nextElementSibling)).to.equal(`Extending adds 30 days: the trial would end on ${extended}.`);
    await expectNoAxeViolations(el);
    await clickOn(button(el, 'Extend trial'));
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'result')).to.equal(`The trial now ends on ${extended}.`);
    expect((await backend.getCustomer(TRIAL.id)).trial_ends_at).to.equal(at(42 * DAY));
  });

  it('ending the trial says first that it places the customer in an active subscription on its plan', async () => {
    const backend = memory();
    const el = await settingsFor(backend, TRIAL.id);
    expect(shownText(button(el, 'End trial').nextElementSibling)).to.equal(
      'Once the customer has subscribed, ending the trial places it in an active subscription on Growth (10,000 tasks a month, 25 connections).',
    );
    await clickOn(button(el, 'End trial'));
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'result')).to.equal('The trial has ended: the subscription is active on Growth.');
    expect(partText(el, 'status-badge')).to.equal('Active');
    expect(partText(el, 'trial-status')).to.equal('No trial is running.');
  });

  it('a trial re-enabled on Free: End trial says there is no subscription to fall back on until a plan is chosen', async () => {
    const backend = memory();
    const el = await settingsFor(backend, ENDED.id);
    await clickOn(button(el, 'Enable trial'));
    await until(() => partText(el, 'status-badge') === 'In trial', 'the trial');
    expect(partText(el, 'plan-name')).to.equal('Free');
    expect(shownText(button(el, 'End trial').nextElementSibling)).to.contain('This trial runs on the Free plan');
    await choose(el, 'Growth');
    await clickOn(button(el, 'Change plan'));
    await until(() => partText(el, 'plan-name') === 'Growth', 'the plan');
    expect(partText(el, 'status-badge'), 'the trial goes on').to.equal('In trial');
    expect(shownText(button(el, 'End trial').nextElementSibling)).to.contain('active subscription on Growth');
    await clickOn(button(el, 'End trial'));
    await until(() => partText(el, 'status-badge') === 'Active', 'the subscription');
    expect(partText(el, 'result')).to.equal('The trial has ended: the subscription is active on Growth.');
  });

  it('a plan chosen during a trial says the trial’s task limit holds until it ends', async () => {
    const el = await settingsFor(memory(), TRIAL.id);
    await choose(el, 'Enterprise');
    expect(partText(el, 'preview')).to.contain(`While the trial runs (until ${shownDate(at(12 * DAY))}), tasks stay limited to 100 a month.`);
  });

  it('says a trial ends today or tomorrow', async () => {
    const today = await settingsFor(memory(), ENDS_TODAY.id);
    expect(partText(today, 'trial-status')).to.contain(`In trial until today, ${shownDate(at(3 * HOUR))}`);
    const tomorrow = await settingsFor(memory(), ENDS_TOMORROW.id);
    expect(partText(tomorrow, 'trial-status')).to.contain(`In trial until tomorrow, ${shownDate(at(DAY))}`);
    await expectNoAxeViolations(tomorrow);
  });

  it('an expired customer: on Free since its trial ended, how to reactivate, and a plan makes it active again', async () => {
    const backend = memory();
    const el = await settingsFor(backend, ENDED.id);
    expect(partText(el, 'status-badge')).to.equal('Expired subscription');
    expect(partText(el, 'plan-name')).to.equal('Free');
    expect(partText(el, 'expired-note')).to.equal(
      `On the Free plan since yesterday, ${shownDate(at(-DAY))}, when its trial ended. ` +
        'To reactivate the account, choose a plan under Subscription, or enable the trial again and then choose a plan.',
    );
    expect(radio(el, 'Free').checked).to.equal(true);
    await expectNoAxeViolations(el);
    await choose(el, 'Starter');
    expect(partText(el, 'preview')).to.contain('The subscription becomes active again, on Starter.');
    await clickOn(button(el, 'Change plan'));
    await until(() => part(el, 'result') !== null, 'the result');
    expect(partText(el, 'status-badge')).to.equal('Active');
    expect(part(el, 'expired-note')).to.equal(null);
  });

  it('a 412: shows the other admin’s change beside this admin’s choice, which it keeps, and applies it on the new version', async () => {
    const clock = { now: new Date(NOW.getTime() - 2 * 60_000) };
    const backend = memory(clock);
    const el = await settingsFor(backend, QUIET.id);
    // The other admin, through the same backend, two minutes before this admin applies.
    await backend.setPlan(QUIET.id, 'enterprise', { version: QUIET.version });
    clock.now = NOW;
    await choose(el, 'Starter');
    const theirs = nextEvent<CustomEvent<{ customer: Customer; change: string }>>(el, 'customer-change');
    await clickOn(button(el, 'Change plan'));
    const adopted = await theirs;
    expect([adopted.detail.customer.plan_id, adopted.detail.change]).to.deep.equal(['enterprise', 'plan']);
    await until(() => part(el, 'conflict') !== null, 'the conflict');
    const conflict = part(el, 'conflict')!;
    expect(shownText(conflict)).to.contain('Another admin changed the plan to Enterprise 2 minutes ago.');
    expect(shownText(conflict)).to.contain('Now: Enterprise, Active.');
    expect(shownText(conflict)).to.contain('Your choice, not applied: Starter.');
    expectFocusOn(conflict);
    expect(radio(el, 'Starter').checked, 'this admin’s choice stays selected').to.equal(true);
    expect(shownText(radio(el, 'Enterprise').closest('label'))).to.contain('current');
    expect(el.hasUnsavedChanges).to.equal(true);
    expect((await backend.getCustomer(QUIET.id)).plan_id, 'nothing overwritten').to.equal('enterprise');
    await expectNoAxeViolations(el);

    const mine = nextEvent<CustomEvent<{ customer: Customer }>>(el, 'customer-change');
    await clickOn(byRole(conflict, 'button', 'Apply my choice'));
    expect((await mine).detail.customer.plan_id).to.equal('starter');
    await until(() => part(el, 'result') !== null, 'the result');
    expectFocusOn(part(el, 'result')!);
    const stored = await backend.getCustomer(QUIET.id);
    expect([stored.plan_id, stored.version]).to.deep.equal(['starter', QUIET.version + 2]);
    expect(el.hasUnsavedChanges).to.equal(false);
  });

  it('a 412 resolved by keeping the other change: their plan stays, the choice is dropped', async () => {
    const backend = memory();
    const el = await settingsFor(backend, QUIET.id);
    await backend.setPlan(QUIET.id, 'enterprise', { version: QUIET.version });
    await choose(el, 'Starter');
    await clickOn(button(el, 'Change plan'));
    await until(() => part(el, 'conflict') !== null, 'the conflict');
    expect(partText(el, 'conflict')).to.contain('Another admin changed the plan to Enterprise moments ago.');
    const flipped = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    await clickOn(button(el, 'Keep theirs'));
    expect((await flipped).detail.unsaved).to.equal(false);
    expect(partText(el, 'result')).to.equal('Kept the other change; yours was not applied.');
    expectFocusOn(part(el, 'result')!);
    expect(radio(el, 'Enterprise').checked).to.equal(true);
    expect((await backend.getCustomer(QUIET.id)).plan_id).to.equal('enterprise');
  });

  it('a 412 on a trial: the other admin enabled it; enabling again would extend it, and says to when', async () => {
    const backend = memory();
    const el = await settingsFor(backend, NEW.id);
    await backend.setTrial(NEW.id, true, { version: NEW.version });
    await clickOn(button(el, 'Enable trial'));
    await until(() => part(el, 'conflict') !== null, 'the conflict');
    const text = partText(el, 'conflict');
    expect(text).to.contain(`Another admin enabled the trial until ${shownDate(at(30 * DAY))} moments ago.`);
    expect(text).to.contain(`Your choice, not applied: extend the trial, to ${shownDate(at(60 * DAY))}.`);
    expect(el.hasUnsavedChanges).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('any other failure keeps the choice and shows the error with Try again, which then applies it', async () => {
    const inner = memory();
    let calls = 0;
    const backend = overriding(inner, {
      setPlan: async (ref, planId, options) => {
        if (++calls === 1) throw new HttpError(problem(503, 'Service Unavailable', 'The billing service is down.'));
        return inner.setPlan(ref, planId, options);
      },
    });
    const el = await settingsFor(backend, QUIET.id);
    await choose(el, 'Enterprise');
    await clickOn(button(el, 'Change plan'));
    await until(() => part(el, 'error') !== null, 'the error');
    expect(partText(el, 'error')).to.contain('The plan was not changed. The billing service is down. Your choice is kept.');
    expectFocusOn(part(el, 'error')!);
    expect(radio(el, 'Enterprise').checked).to.equal(true);
    expect(el.hasUnsavedChanges).to.equal(true);
    await expectNoAxeViolations(el);
    await clickOn(button(el, 'Try again'));
    await until(() => part(el, 'result') !== null, 'the result');
    expect((await inner.getCustomer(QUIET.id)).plan_id).to.equal('enterprise');
    expect(calls).to.equal(2);
  });

  it('read-only: everything shown, the controls disabled, the reason given and tied to them; nothing is written', async () => {
    const backend = memory();
    const el = await settingsFor(backend, TRIAL.id, { readonly: true });
    const reason = 'This session is read-only: the plan and trial are shown but cannot be changed here.';
    expect(partText(el, 'readonly-reason')).to.equal(reason);
    expect(allByRole(root(el), 'radio').every((r) => r.matches(':disabled'))).to.equal(true);
    const extend = button(el, 'Extend trial');
    expect(extend.getAttribute('aria-disabled')).to.equal('true');
    expect(extend.getAttribute('aria-describedby')).to.contain('readonly-reason');
    await expectNoAxeViolations(el);
    await clickOn(extend);
    await clickOn(button(el, 'End trial'));
    expect(part(el, 'result')).to.equal(null);
    expect((await backend.getCustomer(TRIAL.id)).version).to.equal(TRIAL.version);
  });

  it('read-only when the admin lacks manage_customers, saying why', async () => {
    const backend = new MemoryBackend({
      customers: CUSTOMERS,
      plans: WITH_BUSINESS,
      now: () => NOW,
      partner: { ...DEMO_PARTNER, admin: { ...DEMO_PARTNER.admin, permissions: { manage_customers: false, delete_customers: false } } },
    });
    const el = await settingsFor(backend, QUIET.id);
    expect(partText(el, 'readonly-reason')).to.contain('does not have the permission to manage customers');
    expect(button(el, 'Enable trial').getAttribute('aria-disabled')).to.equal('true');
    await expectNoAxeViolations(el);
  });

  it('loading, then a load error with Retry', async () => {
    const inner = memory();
    const plans = deferred<Plan[]>();
    let fail = true;
    const backend = overriding(inner, {
      listPlans: async () => {
        if (fail) return plans.promise;
        return inner.listPlans();
      },
    });
    const customer = await inner.getCustomer(QUIET.id);
    const el = await fixture<PlanSettings>(html`<plan-settings .backend=${backend} .customer=${customer} .now=${NOW}></plan-settings>`);
    expect(byPart(root(el), 'message').getAttribute('role')).to.equal('status');
    expect(partText(el, 'message')).to.equal('Loading plans…');
    await expectNoAxeViolations(el);
    plans.reject(new HttpError(problem(500, 'Internal Server Error', 'Plans are unavailable.')));
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'the load error');
    expect(partText(el, 'message')).to.equal('Could not load the plans and your permissions. Plans are unavailable. Retry');
    await expectNoAxeViolations(el);
    fail = false;
    await clickOn(button(el, 'Retry'));
    await until(() => allByRole(root(el), 'radio').length > 0, 'the plans');
  });

  it('after Retry by keyboard on a failed load, focus waits on the loading message, then is on the chosen plan', async () => {
    const inner = memory();
    let calls = 0;
    const second = deferred<void>();
    const backend = overriding(inner, {
      listPlans: async () => {
        calls++;
        if (calls === 1) throw new HttpError(problem(500, 'Internal Server Error', 'Plans are unavailable.'));
        await second.promise;
        return inner.listPlans();
      },
    });
    const customer = await inner.getCustomer(QUIET.id);
    const el = await fixture<PlanSettings>(html`<plan-settings .backend=${backend} .customer=${customer} .now=${NOW}></plan-settings>`);
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'the load error');
    button(el, 'Retry').focus();
    await press('Enter');
    await until(() => deepActiveElement() === byRole(root(el), 'status'), 'focus on the loading message');
    second.resolve();
    await until(() => allByRole(root(el), 'radio').length > 0, 'the plans');
    const checked = (allByRole(root(el), 'radio') as HTMLInputElement[]).find((r) => r.checked);
    expect(checked, 'a checked plan').to.not.equal(undefined);
    await until(() => deepActiveElement() === checked, 'focus on the chosen plan');
  });

  it('after a Retry on a failed load that fails again, focus is on the new Retry button', async () => {
    const inner = memory();
    const backend = overriding(inner, {
      listPlans: async () => {
        throw new HttpError(problem(500, 'Internal Server Error', 'Plans are unavailable.'));
      },
    });
    const customer = await inner.getCustomer(QUIET.id);
    const el = await fixture<PlanSettings>(html`<plan-settings .backend=${backend} .customer=${customer} .now=${NOW}></plan-settings>`);
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'the load error');
    await expectRetryAgainFocused(root(el), button(el, 'Retry'));
  });

  it('another customer drops the choice held for the previous one', async () => {
    const backend = memory();
    const el = await settingsFor(backend, QUIET.id);
    await choose(el, 'Enterprise');
    expect(el.hasUnsavedChanges).to.equal(true);
    const flipped = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    el.customer = await backend.getCustomer(BUSY.id);
    expect((await flipped).detail.unsaved).to.equal(false);
    expect(radio(el, 'Business').checked).to.equal(true);
  });

  /** Where `token` is drawn: the left edge of its text, found in the text nodes under `within`. */
  function xOf(within: Element, token: string): number {
    const walker = document.createTreeWalker(within, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(token);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + token.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`"${token}" is not in ${shownText(within)}`);
  }

  /** Fails unless the tokens are drawn in this order from left to right. */
  function expectLeftToRight(within: Element, tokens: string[]): void {
    const xs = tokens.map((token) => xOf(within, token));
    const drawn = [...tokens].sort((a, b) => xOf(within, a) - xOf(within, b));
    expect(drawn, `${shownText(within)}: ${xs.map(Math.round).join(', ')}`).to.deep.equal(tokens);
  }

  it('keeps its figures in reading order right-to-left: an English sentence in its own order, a translated one right to left with its pair left to right', async () => {
    const backend = memory();
    const customer = await backend.getCustomer(BUSY.id);
    const english = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><plan-settings .backend=${backend} .customer=${customer} .now=${NOW}></plan-settings></div>`,
    );
    let el = english.querySelector('plan-settings')!;
    await until(() => allByRole(root(el), 'radio').length > 0, 'the plans');
    // Untranslated, on a right-to-left page: "4,046 tasks, 12 connections", not "tasks, 12 connections 4,046".
    expect(partText(el, 'usage')).to.equal('4,046 tasks, 12 connections');
    expectLeftToRight(part(el, 'usage')!, ['4,046', 'tasks', '12', 'connections']);
    expectLeftToRight(part(el, 'limits')!, ['50,000', 'tasks', '100', 'connections']);
    expectLeftToRight(radio(el, 'Starter').closest('label')!.querySelector('.option-limits')!, ['1,000', 'tasks', '10', 'connections']);
    await choose(el, 'Starter');
    const overrun = [...part(el, 'preview')!.querySelectorAll('li')].find((li) => shownText(li).startsWith('4,046 tasks'))!;
    expectLeftToRight(overrun, ['4,046', 'tasks', 'limit', '1,000']);
    await expectNoAxeViolations(el);

    // Translated to Arabic: the sentence reads right to left (its first figure on the right, where
    // it starts), and a pair of figures joined by a slash still reads "4,046 / 1,000".
    const strings = {
      limits: (tasks: string, connections: string) => `${tasks} مهمة شهريًا، ${connections} اتصالًا`,
      overTasks: (used: string, limit: string) => `المهام ${used} / ${limit}`,
    };
    const arabic = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="ar"><plan-settings .backend=${backend} .customer=${customer} .now=${NOW} .strings=${strings}></plan-settings></div>`,
    );
    el = arabic.querySelector('plan-settings')!;
    await until(() => allByRole(root(el), 'radio').length > 0, 'the plans');
    const n = new Intl.NumberFormat('ar');
    expect(partText(el, 'limits')).to.equal(`${n.format(50_000)} مهمة شهريًا، ${n.format(100)} اتصالًا`);
    expectLeftToRight(part(el, 'limits')!, ['اتصالًا', n.format(100), 'مهمة', n.format(50_000)]);
    await choose(el, 'Starter');
    const pair = [...part(el, 'preview')!.querySelectorAll('li')].find((li) => shownText(li).startsWith('المهام'))!;
    expect(shownText(pair)).to.equal(`المهام ${n.format(4_046)} / ${n.format(1_000)}`);
    expectLeftToRight(pair, [n.format(4_046), '/', n.format(1_000), 'المهام']);
    await expectNoAxeViolations(el);
  });

  it('formats for its locale and takes translated strings', async () => {
    const backend = memory();
    const customer = await backend.getCustomer(BUSY.id);
    const el = await fixture<PlanSettings>(
      html`<plan-settings lang="de" .backend=${backend} .customer=${customer} .now=${NOW} .strings=${{ applyPlan: 'Tarif ändern', status: { active: 'Aktiv' } }}></plan-settings>`,
    );
    await until(() => allByRole(root(el), 'radio').length > 0, 'the plans');
    expect(partText(el, 'usage')).to.equal('4.046 tasks, 12 connections');
    expect(partText(el, 'status-badge')).to.equal('Aktiv');
    expect(button(el, 'Tarif ändern')).to.not.equal(null);
  });
});
