import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-collaborators/define.js';
import type { CustomerCollaborators } from '../../components/customer-collaborators/define.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { Collaborator } from '../../src/model/schemas.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { byPart, byRole } from '../support/by-role.js';
import { overriding, deferred } from '../support/backend-wrappers.js';
import { memoryBackend } from '../support/customers.js';
import { shownTeam, teamMessage, teamNote, teamRows } from '../support/team-queries.js';
import { expectRetryAgainFocused } from '../support/focus.js';
import { click, press } from '../support/user.js';
import { until } from '../support/wait.js';

const NOTE = "More team members are added from inside the customer's account.";

function member(id: number, fields: Partial<Collaborator> = {}): Collaborator {
  return { id, name: `Person ${id}`, email: `person${id}@customer.example`, role: 'Developer', customer_manager: false, ...fields };
}

const TEAM: Collaborator[] = [
  member(1, { name: 'Dana Scully', email: 'dana@customer.example', role: 'Owner', customer_manager: true }),
  member(2, { name: '<img src=x onerror=alert(1)>', email: 'fox@customer.example', role: 'Developer' }),
  member(3, { name: 'Walter Skinner', email: 'walter@customer.example', role: 'Operations', customer_manager: true }),
];

async function collaborators(template = html`<customer-collaborators .backend=${memoryBackend()} customer-id="1"></customer-collaborators>`) {
  return fixture<CustomerCollaborators>(template);
}


/** A backend whose first team request fails and whose second waits for `second` to be resolved. */
function failsOnceThenHeld() {
  const inner = memoryBackend();
  let calls = 0;
  const second = deferred<void>();
  const backend = overriding(inner, {
    listCollaborators: async (ref, options) => {
      calls++;
      if (calls === 1) throw new HttpError(problem(503, 'Service Unavailable', 'The team service is down.'));
      await second.promise;
      return inner.listCollaborators(ref, options);
    },
  });
  return { backend, second };
}

describe('customer-collaborators', () => {
  it('shows every member of the customer’s team as the backend lists them, with the note, and no axe violations', async () => {
    const backend = memoryBackend();
    const expected = await backend.listCollaborators(2);
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="2"></customer-collaborators>`);
    await until(() => teamRows(el).length > 0, 'the team');
    expect(shownTeam(el)).to.deep.equal(
      expected.map((m) => ({ name: m.name, email: m.email, role: m.role, tag: m.customer_manager ? 'Customer manager' : null })),
    );
    expect(teamNote(el)).to.equal(NOTE);
    await expectNoAxeViolations(el);
  });

  it('tags customer managers with the words “Customer manager”, names that look like markup stay text', async () => {
    const el = await collaborators(
      html`<customer-collaborators .backend=${overriding(memoryBackend(), { listCollaborators: async () => TEAM })} customer-id="1"></customer-collaborators>`,
    );
    await until(() => teamRows(el).length === 3, 'three members');
    expect(shownTeam(el)).to.deep.equal([
      { name: 'Dana Scully', email: 'dana@customer.example', role: 'Owner', tag: 'Customer manager' },
      { name: '<img src=x onerror=alert(1)>', email: 'fox@customer.example', role: 'Developer', tag: null },
      { name: 'Walter Skinner', email: 'walter@customer.example', role: 'Operations', tag: 'Customer manager' },
    ]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    // A real table: the caption names it, the columns have headers, each row is headed by the name.
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.caption?.textContent?.trim()).to.equal('Team members');
    expect([...table.tHead!.querySelectorAll('th')].map((th) => [th.textContent!.trim(), th.scope])).to.deep.equal([
      ['Name', 'col'],
      ['Email', 'col'],
      ['Role', 'col'],
    ]);
    expect(table.tBodies[0]!.rows[0]!.cells[0]!.localName).to.equal('th');
    expect(byRole(el.shadowRoot!, 'region', 'Team members')).to.exist;
  });

  it('says it is loading until the team arrives, with no axe violations', async () => {
    const answer = deferred<Collaborator[]>();
    const el = await collaborators(
      html`<customer-collaborators .backend=${overriding(memoryBackend(), { listCollaborators: () => answer.promise })} customer-id="1"></customer-collaborators>`,
    );
    await until(() => teamMessage(el) === 'Loading the team…', 'the loading message');
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).to.equal('Loading the team…');
    await expectNoAxeViolations(el);
    answer.resolve(TEAM);
    await until(() => teamRows(el).length === 3, 'the team');
    expect(teamMessage(el)).to.equal(null);
  });

  it('says a workspace without members has none, and still says where members are added', async () => {
    const backend = memoryBackend();
    const created = await backend.createCustomer({ name: 'Fresh Co', notification_email: 'ops@fresh.example', plan_id: 'starter' });
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id=${created.id}></customer-collaborators>`);
    await until(() => teamMessage(el) !== null && teamMessage(el) !== 'Loading the team…', 'the empty message');
    expect(teamMessage(el)).to.equal('This workspace has no team members yet.');
    expect(teamNote(el)).to.equal(NOTE);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('says what failed and loads again on Retry', async () => {
    const inner = memoryBackend();
    let calls = 0;
    const backend = overriding(inner, {
      listCollaborators: async (ref, options) => {
        calls++;
        if (calls === 1) throw new HttpError(problem(503, 'Service Unavailable', 'The team service is down.'));
        return inner.listCollaborators(ref, options);
      },
    });
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error');
    expect(teamMessage(el)).to.equal('Could not load the team. The team service is down. Retry');
    await expectNoAxeViolations(el);
    await click(byRole(el.shadowRoot!, 'button', 'Retry'));
    await until(() => teamRows(el).length > 0, 'the team after Retry');
    expect(calls).to.equal(2);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('after Retry by keyboard, focus waits on the loading message, then is on the team table’s region', async () => {
    const { backend, second } = failsOnceThenHeld();
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error');
    byRole(el.shadowRoot!, 'button', 'Retry').focus();
    await press('Enter');
    await until(() => deepActiveElement() === byRole(el.shadowRoot!, 'status'), 'focus on the loading message');
    second.resolve();
    await until(() => teamRows(el).length > 0, 'the team after Retry');
    await until(() => deepActiveElement() === byPart(el.shadowRoot!, 'scroller'), 'focus on the team region');
  });

  it('after a Retry that fails again, focus is on the new Retry button', async () => {
    const inner = memoryBackend();
    const backend = overriding(inner, {
      listCollaborators: async () => {
        throw new HttpError(problem(503, 'Service Unavailable', 'The team service is down.'));
      },
    });
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error');
    await expectRetryAgainFocused(el.shadowRoot!, byRole(el.shadowRoot!, 'button', 'Retry'));
  });

  it('after Retry, focus the admin moved elsewhere while it loaded stays there', async () => {
    const { backend, second } = failsOnceThenHeld();
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>Elsewhere</button><customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators></div>`);
    const el = wrapper.querySelector<CustomerCollaborators>('customer-collaborators')!;
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error');
    byRole(el.shadowRoot!, 'button', 'Retry').focus();
    await press('Enter');
    await until(() => deepActiveElement() === byRole(el.shadowRoot!, 'status'), 'focus on the loading message');
    const elsewhere = wrapper.querySelector('button')!;
    elsewhere.focus();
    second.resolve();
    await until(() => teamRows(el).length > 0, 'the team after Retry');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(elsewhere);
  });

  it('shows the newest customer’s team when an older answer arrives last', async () => {
    const answers = new Map([
      [1, deferred<Collaborator[]>()],
      [2, deferred<Collaborator[]>()],
    ]);
    const backend = overriding(memoryBackend(), { listCollaborators: (ref) => answers.get(ref as number)!.promise });
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators>`);
    el.customerId = 2;
    await el.updateComplete;
    answers.get(2)!.resolve([member(20, { name: 'Second Team' })]);
    await until(() => teamRows(el).length === 1, 'the second team');
    answers.get(1)!.resolve([member(10, { name: 'First Team' })]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(shownTeam(el).map((m) => m.name)).to.deep.equal(['Second Team']);
  });

  it('shows loading for another customer, never the previous customer’s team', async () => {
    const second = deferred<Collaborator[]>();
    const backend = overriding(memoryBackend(), {
      listCollaborators: async (ref) => (ref === 1 ? TEAM : second.promise),
    });
    const el = await collaborators(html`<customer-collaborators .backend=${backend} customer-id="1"></customer-collaborators>`);
    await until(() => teamRows(el).length === 3, 'the first team');
    el.setAttribute('customer-id', '2');
    await until(() => teamMessage(el) === 'Loading the team…', 'loading the second team');
    expect(teamRows(el)).to.have.length(0);
    second.resolve([member(20, { name: 'Second Team' })]);
    await until(() => teamRows(el).length === 1, 'the second team');
  });

  it('scrolls a long team inside its box, by keyboard, with the column headers kept in view', async () => {
    const team = Array.from({ length: 80 }, (_, i) => member(i + 1, { customer_manager: i % 10 === 0 }));
    const el = await collaborators(
      html`<customer-collaborators
        style="--customer-collaborators-block-size: 240px"
        .backend=${overriding(memoryBackend(), { listCollaborators: async () => team })}
        customer-id="1"
      ></customer-collaborators>`,
    );
    await until(() => teamRows(el).length === 80, 'eighty members');
    const scroller = byRole(el.shadowRoot!, 'region', 'Team members');
    expect(scroller.getBoundingClientRect().height).to.be.at.most(241);
    expect(scroller.scrollHeight).to.be.above(scroller.clientHeight);
    await click(scroller);
    await press('End');
    await until(() => scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1, 'the end of the team');
    const header = el.shadowRoot!.querySelector('thead th')!.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    expect(Math.abs(header.top - (box.top + scroller.clientTop))).to.be.below(1.5, 'the header sits at the top of the box');
    const last = teamRows(el).at(-1)!.getBoundingClientRect();
    expect(last.bottom).to.be.at.most(box.bottom + 0.5);
    expect(last.top).to.be.at.least(header.bottom - 0.5, 'the last row is below the header, not under it');
    await expectNoAxeViolations(el);
  });

  it('takes partial strings, and lays the columns out right to left under dir=rtl', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" lang="de">
      <customer-collaborators
        .backend=${overriding(memoryBackend(), { listCollaborators: async () => TEAM })}
        .strings=${{ managerTag: 'Kundenbetreuer', columnName: 'Name (de)' }}
        customer-id="1"
      ></customer-collaborators>
    </div>`);
    const el = wrapper.querySelector('customer-collaborators')!;
    await until(() => teamRows(el).length === 3, 'the team');
    expect(shownTeam(el)[0]!.tag).to.equal('Kundenbetreuer');
    expect(teamNote(el)).to.equal(NOTE, 'texts left out keep their defaults');
    const [name, email] = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
    expect(name!.left).to.be.above(email!.left, 'the name column is on the right');
    await expectNoAxeViolations(el);
  });
});
