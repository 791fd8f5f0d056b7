import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-form/define.js';
import type { CustomerForm } from '../../components/customer-form/define.js';
import type { Backend, CreateOptions } from '../../src/backend/backend.js';
import { NetworkError } from '../../src/backend/errors.js';
import type { Customer, NewCustomer, Plan } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allByRole, byRole } from '../support/by-role.js';
import { deferred, overriding } from '../support/backend-wrappers.js';
import {
  choosePlan,
  fieldDescription,
  fieldError,
  formError,
  formField,
  formValues,
  submitButton,
  typeInto,
} from '../support/customer-form-queries.js';
import { PLANS, memoryBackend } from '../support/customers.js';
import { expectFocusOn } from '../support/focus.js';
import { click, press } from '../support/user.js';
import { nextEvent, nextFrame, until } from '../support/wait.js';

const EMAIL_HELP = "Receives the notifications set under the account's notification settings.";

/** Every create the form sends: the body and its Idempotency-Key. */
interface SentCreate {
  input: NewCustomer;
  key: string | undefined;
}

/** A MemoryBackend that records every create (and, when `fail` says so, fails that attempt). */
function recordingBackend(fail: (attempt: number, stored: boolean) => 'before' | 'after' | null = () => null) {
  const inner = memoryBackend();
  const sent: SentCreate[] = [];
  const backend: Backend = overriding(inner, {
    createCustomer: async (input: NewCustomer, options?: CreateOptions) => {
      sent.push({ input, key: options?.idempotencyKey });
      const attempt = sent.length;
      if (fail(attempt, false) === 'before') throw new NetworkError('connection refused');
      const customer = await inner.createCustomer(input, options);
      // The server stored it, then the answer was lost on the way back.
      if (fail(attempt, true) === 'after') throw new NetworkError('connection reset');
      return customer;
    },
  });
  return { inner, backend, sent };
}

async function form(backend: Backend = memoryBackend(), plans?: Plan[]): Promise<CustomerForm> {
  const el = await fixture<CustomerForm>(html`<customer-form .backend=${backend} .plans=${plans}></customer-form>`);
  await until(() => (formField(el, 'Plan') as HTMLSelectElement).options.length > 1, 'the plans');
  return el;
}

async function fillIn(el: CustomerForm, values: { name?: string; email?: string; plan?: string; externalId?: string }) {
  if (values.name !== undefined) await typeInto(el, 'Customer name', values.name);
  if (values.email !== undefined) await typeInto(el, 'Notification email', values.email);
  if (values.plan !== undefined) await choosePlan(el, values.plan);
  if (values.externalId !== undefined) await typeInto(el, 'External ID (optional)', values.externalId);
}

async function customersNamed(backend: Backend, name: string): Promise<Customer[]> {
  return (await backend.listCustomers({ q: name, per_page: 200 })).items.filter((c) => c.name === name);
}

describe('customer-form', () => {
  it('has labelled native fields, the notification help text, the partner’s plans without Free, and no axe violations', async () => {
    const el = await form();
    const root = el.shadowRoot!;
    // A <form> with an accessible name is a form landmark (by-role.ts knows no implicit form role).
    expect(root.querySelector('form')!.getAttribute('aria-label')).to.equal('Add customer');
    expect(formField(el, 'Customer name').type).to.equal('text');
    expect(formField(el, 'Notification email').type).to.equal('email');
    expect(formField(el, 'External ID (optional)').type).to.equal('text');
    expect(fieldDescription(el, 'Notification email')).to.equal(EMAIL_HELP);
    const options = [...(formField(el, 'Plan') as HTMLSelectElement).options].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Choose a plan', 'Starter', 'Growth', 'Enterprise']);
    expect(allByRole(root, 'button').map((b) => b.textContent!.trim())).to.deep.equal(['Add customer'], 'no Cancel of its own');
    await expectNoAxeViolations(el);
  });

  it('adds the customer: customer-created with the stored customer, then the form is empty again', async () => {
    const { backend, inner, sent } = recordingBackend();
    const el = await form(backend);
    await fillIn(el, { name: '  Northwind Traders ', email: 'ops@northwind.example', plan: 'Growth', externalId: 'NW-7' });
    const created = nextEvent<CustomEvent<{ customer: Customer }>>(el, 'customer-created');
    await click(submitButton(el));
    const { customer } = (await created).detail;
    expect(sent.map((s) => s.input)).to.deep.equal([
      { name: 'Northwind Traders', notification_email: 'ops@northwind.example', plan_id: 'growth', external_id: 'NW-7' },
    ]);
    expect(customer).to.include({ name: 'Northwind Traders', plan_id: 'growth', external_id: 'NW-7' });
    expect((await customersNamed(inner, 'Northwind Traders')).map((c) => c.id)).to.deep.equal([customer.id]);
    await el.updateComplete;
    expect(formValues(el)).to.deep.equal({ 'Customer name': '', 'Notification email': '', Plan: '', 'External ID (optional)': '' });
    expect(formError(el)).to.equal(null);
    expect(el.sending).to.equal(false);
  });

  it('sends with Enter from a field, and leaves a blank external ID out', async () => {
    const { backend, sent } = recordingBackend();
    const el = await form(backend);
    await fillIn(el, { name: 'Enter Co', email: 'ops@enter.example', plan: 'Starter', externalId: '   ' });
    const created = nextEvent(el, 'customer-created');
    await click(formField(el, 'Customer name'));
    await press('Enter');
    await created;
    expect(sent[0]!.input).to.deep.equal({ name: 'Enter Co', notification_email: 'ops@enter.example', plan_id: 'starter' });
  });

  it('says what each required field needs, sends nothing, and moves focus to the first field in error', async () => {
    const { backend, sent } = recordingBackend();
    const el = await form(backend);
    await click(submitButton(el));
    await el.updateComplete;
    expect(fieldError(el, 'Customer name')).to.equal("Enter the customer's name.");
    expect(fieldError(el, 'Notification email')).to.equal('Enter the email address that receives the notifications.');
    expect(fieldError(el, 'Plan')).to.equal('Choose a plan.');
    expect(fieldError(el, 'External ID (optional)')).to.equal(null, 'the external ID is optional');
    expect(formField(el, 'Customer name').getAttribute('aria-invalid')).to.equal('true');
    expect(fieldDescription(el, 'Notification email')).to.equal(`${EMAIL_HELP} Enter the email address that receives the notifications.`);
    await until(() => el.shadowRoot!.activeElement === formField(el, 'Customer name'), 'focus on the name');
    expectFocusOn(formField(el, 'Customer name'));
    expect(sent).to.deep.equal([]);
    await expectNoAxeViolations(el);
    // Typing into a field clears its message; the others stay until the next send.
    await typeInto(el, 'Customer name', 'A');
    await el.updateComplete;
    expect(fieldError(el, 'Customer name')).to.equal(null);
    expect(fieldError(el, 'Plan')).to.equal('Choose a plan.');
  });

  it('refuses an address the contract refuses, a name of spaces, and too long values, keeping what was typed', async () => {
    const { backend, sent } = recordingBackend();
    const el = await form(backend);
    await fillIn(el, { name: '   ', email: 'ops@northwind', plan: 'Starter', externalId: 'x'.repeat(101) });
    await click(submitButton(el));
    await el.updateComplete;
    expect(fieldError(el, 'Customer name')).to.equal("Enter the customer's name.");
    expect(fieldError(el, 'Notification email')).to.equal('Enter an email address such as name@example.com.');
    expect(fieldError(el, 'External ID (optional)')).to.equal('Use at most 100 characters.');
    expect(formValues(el)).to.deep.equal({
      'Customer name': '   ',
      'Notification email': 'ops@northwind',
      Plan: 'starter',
      'External ID (optional)': 'x'.repeat(101),
    });
    await typeInto(el, 'Customer name', 'n'.repeat(201));
    await click(submitButton(el));
    await el.updateComplete;
    expect(fieldError(el, 'Customer name')).to.equal('Use at most 200 characters.');
    expect(sent).to.deep.equal([]);
  });

  it('refuses an external ID with a control character pasted into it', async () => {
    const el = await form();
    await fillIn(el, { name: 'Paste Co', email: 'ops@paste.example', plan: 'Starter' });
    await click(formField(el, 'External ID (optional)'));
    // A tab cannot be typed into a field (it moves focus), but it can be pasted.
    document.execCommand('insertText', false, 'PASTE\t1');
    await click(submitButton(el));
    await el.updateComplete;
    expect(fieldError(el, 'External ID (optional)')).to.equal('Remove tabs, line breaks and other control characters.');
  });

  it('puts the server’s 422 field errors on their fields and keeps every value', async () => {
    // The page offers a plan the server does not know: the server refuses it on plan_id.
    const plans = [...PLANS, { id: 'ghost', name: 'Ghost plan', task_limit: 1, connection_limit: 1 }];
    const { backend, sent } = recordingBackend();
    const el = await form(backend, plans);
    await fillIn(el, { name: 'Haunted Inc', email: 'ops@haunted.example', plan: 'Ghost plan' });
    await click(submitButton(el));
    await until(() => formError(el) !== null, 'the server’s answer');
    expect(sent).to.have.length(1);
    expect(formError(el)).to.equal('The plan does not exist.');
    expect(fieldError(el, 'Plan')).to.equal('Unknown plan "ghost".');
    expect(formField(el, 'Plan').getAttribute('aria-invalid')).to.equal('true');
    expect(formValues(el)).to.deep.equal({
      'Customer name': 'Haunted Inc',
      'Notification email': 'ops@haunted.example',
      Plan: 'ghost',
      'External ID (optional)': '',
    });
    await until(() => el.shadowRoot!.activeElement === formField(el, 'Plan'), 'focus on the plan');
    await expectNoAxeViolations(el);
  });

  it('puts a taken external ID (409) on its field and keeps every value', async () => {
    const { backend, inner } = recordingBackend();
    const el = await form(backend);
    await fillIn(el, { name: 'Acme Again', email: 'ops@acme-again.example', plan: 'Growth', externalId: 'ACME-1' });
    await click(submitButton(el));
    await until(() => formError(el) !== null, 'the server’s answer');
    expect(fieldError(el, 'External ID (optional)')).to.equal('Another customer already has this external ID.');
    expect(formError(el)).to.equal('External ID "ACME-1" is already used by another customer.');
    expect(formValues(el)['External ID (optional)']).to.equal('ACME-1');
    expect(formValues(el)['Customer name']).to.equal('Acme Again');
    await until(() => el.shadowRoot!.activeElement === formField(el, 'External ID (optional)'), 'focus on the external ID');
    expect(await customersNamed(inner, 'Acme Again')).to.deep.equal([]);
    await expectNoAxeViolations(el);
    // A free external ID goes through.
    const created = nextEvent(el, 'customer-created');
    await typeInto(el, 'External ID (optional)', 'ACME-2');
    await click(submitButton(el));
    await created;
    expect(await customersNamed(inner, 'Acme Again')).to.have.length(1);
  });

  it('never creates twice: a retry after the answer was lost reuses the Idempotency-Key, and one customer exists', async () => {
    const { backend, inner, sent } = recordingBackend((attempt, stored) => (attempt === 1 && stored ? 'after' : null));
    const el = await form(backend);
    await fillIn(el, { name: 'Once Only Ltd', email: 'ops@once.example', plan: 'Starter' });
    await click(submitButton(el));
    await until(() => formError(el) !== null, 'the network failure');
    expect(formError(el)).to.equal(
      'The server could not be reached, so the customer was not added yet. Everything you typed is kept: try again.',
    );
    expect(formValues(el)).to.deep.equal({
      'Customer name': 'Once Only Ltd',
      'Notification email': 'ops@once.example',
      Plan: 'starter',
      'External ID (optional)': '',
    });
    await expectNoAxeViolations(el);
    const created = nextEvent<CustomEvent<{ customer: Customer }>>(el, 'customer-created');
    await click(submitButton(el));
    const { customer } = (await created).detail;
    expect(sent).to.have.length(2);
    expect(sent[0]!.key).to.be.a('string').and.not.equal('');
    expect(sent[1]!.key).to.equal(sent[0]!.key);
    const stored = await customersNamed(inner, 'Once Only Ltd');
    expect(stored.map((c) => c.id)).to.deep.equal([customer.id], 'a single customer exists');
  });

  it('starts a new Idempotency-Key once the values change, and after a create succeeded', async () => {
    const { backend, inner, sent } = recordingBackend((attempt) => (attempt === 1 ? 'before' : null));
    const el = await form(backend);
    await fillIn(el, { name: 'Keyed Co', email: 'ops@keyed.example', plan: 'Starter' });
    await click(submitButton(el));
    await until(() => formError(el) !== null, 'the network failure');
    await typeInto(el, 'Customer name', 'Keyed Company');
    let created = nextEvent(el, 'customer-created');
    await click(submitButton(el));
    await created;
    expect(sent[1]!.key).to.not.equal(sent[0]!.key, 'other values, another key');
    // The very same values again are a second customer, so they get a key of their own.
    await fillIn(el, { name: 'Keyed Company', email: 'ops@keyed.example', plan: 'Starter' });
    created = nextEvent(el, 'customer-created');
    await click(submitButton(el));
    await created;
    expect(new Set(sent.map((s) => s.key)).size).to.equal(3);
    expect(await customersNamed(inner, 'Keyed Company')).to.have.length(2);
  });

  it('is busy while sending: the button says so, `sending` is true, and a second click sends nothing', async () => {
    const inner = memoryBackend();
    const answer = deferred<void>();
    let calls = 0;
    const backend = overriding(inner, {
      createCustomer: async (input, options) => {
        calls++;
        await answer.promise;
        return inner.createCustomer(input, options);
      },
    });
    const el = await form(backend);
    await fillIn(el, { name: 'Slow Co', email: 'ops@slow.example', plan: 'Starter' });
    await click(submitButton(el));
    await el.updateComplete;
    expect(el.sending).to.equal(true);
    expect(submitButton(el).textContent!.trim()).to.equal('Adding customer…');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    await expectNoAxeViolations(el);
    await click(submitButton(el));
    await nextFrame();
    expect(calls).to.equal(1);
    const created = nextEvent(el, 'customer-created');
    answer.resolve();
    await created;
    expect(el.sending).to.equal(false);
    expect(submitButton(el).textContent!.trim()).to.equal('Add customer');
  });

  it('focus() puts the caret in the first field', async () => {
    const el = await form();
    el.focus();
    expectFocusOn(formField(el, 'Customer name'));
  });

  it('says when the plans could not be loaded, and loads them on Retry', async () => {
    const inner = memoryBackend();
    let calls = 0;
    const backend = overriding(inner, {
      listPlans: async (options) => {
        calls++;
        if (calls === 1) throw new NetworkError('offline');
        return inner.listPlans(options);
      },
    });
    const el = await fixture<CustomerForm>(html`<customer-form .backend=${backend}></customer-form>`);
    await until(() => el.shadowRoot!.textContent!.includes('Could not load the plans.'), 'the plans failure');
    await expectNoAxeViolations(el);
    await click(byRole(el.shadowRoot!, 'button', 'Retry'));
    await until(() => (formField(el, 'Plan') as HTMLSelectElement).options.length === 4, 'the plans after Retry');
    expect(calls).to.equal(2);
  });

  it('takes partial strings and formats the limits for its locale', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de" dir="rtl">
      <customer-form .backend=${memoryBackend()} .strings=${{ nameLabel: 'Kundenname', tooLong: (max: string) => `Höchstens ${max} Zeichen.` }}></customer-form>
    </div>`);
    const el = wrapper.querySelector('customer-form')!;
    await until(() => (formField(el, 'Plan') as HTMLSelectElement).options.length > 1, 'the plans');
    await typeInto(el, 'Kundenname' as 'Customer name', 'n'.repeat(201));
    await click(submitButton(el));
    await el.updateComplete;
    expect(fieldError(el, 'Kundenname')).to.equal('Höchstens 200 Zeichen.');
    expect(fieldDescription(el, 'Notification email')).to.equal(`${EMAIL_HELP} Enter the email address that receives the notifications.`);
    await expectNoAxeViolations(el);
  });
});
