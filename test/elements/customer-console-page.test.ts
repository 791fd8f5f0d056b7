/**
 * customer-console's customer page: opening a customer from the list (click and Enter), its address
 * under the base path, the header, the tabs by keyboard, Back/Forward and reload, not found, error
 * and Retry, and the add-customer dialog. The page's children (dashboard, collaborators, switch
 * button, form) are driven only through their promised API: properties, events, `focus()`,
 * `sending` — never their insides.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import type { CustomerForm } from '../../components/customer-form/define.js';
import { defaultBasePath } from '../../components/customer-console/define.js';
import { createCustomerCreatedEvent, createPeriodChangeEvent } from '../../components/shared/events.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { Customer } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { accessibleName, allByRole, byPart, byRole, roleOf } from '../support/by-role.js';
import { columnHeader, dataRows, filtersOf, shownNames, tableMessage } from '../support/console-queries.js';
import { formField } from '../support/customer-form-queries.js';
import {
  announcement,
  backButton,
  pageChild,
  pageFacts,
  pageHeading,
  pageOf,
  pageTab,
  pageTabs,
  selectedPanel,
  selectedTab,
  spokenFact,
} from '../support/console-page-queries.js';
import { NOW, makeCustomer, memoryBackend } from '../support/customers.js';
import { searchBox, tab } from '../support/filter-queries.js';
import { expectFocusOn } from '../support/focus.js';
import { click, press, type } from '../support/user.js';
import { until } from '../support/wait.js';

// test/support/customers.ts: Acme Corp is customer 1, Globex 2, Initech 3, Société Générale 5, Hooli 6.
const ALL_BY_DATE = ['Acme Corp', 'Initech', 'Globex', 'Hooli', 'Société Générale', 'Umbrella'];

type PageElement = HTMLElement & { customerId: number | undefined; updateComplete: Promise<boolean> };
type Dashboard = PageElement & { period: string };
type Form = HTMLElement & { sending: boolean; updateComplete: Promise<boolean> };

let startHref: string;
/** The base the console takes from the test page's own path. */
let base: string;

function setPath(pathAndSearch: string): void {
  const url = new URL(pathAndSearch, location.origin);
  const kept = [...new URL(startHref).searchParams].filter(([name]) => name.startsWith('wtr'));
  for (const [name, value] of kept) url.searchParams.append(name, value);
  history.replaceState(null, '', url);
}

/** The console's own parameters (the test runner keeps its own in the URL too). */
function consoleParams(): string {
  const params = new URLSearchParams(location.search);
  for (const name of [...params.keys()]) if (name.startsWith('wtr')) params.delete(name);
  return params.toString();
}

async function openConsole(backend: Backend = memoryBackend(), attrs: { basePath?: string } = {}): Promise<CustomerConsole> {
  return fixture<CustomerConsole>(
    html`<customer-console .backend=${backend} .now=${NOW} base-path=${attrs.basePath ?? base}></customer-console>`,
  );
}

async function expectRows(el: CustomerConsole, expected: string[]): Promise<void> {
  await until(() => JSON.stringify(shownNames(el)) === JSON.stringify(expected), `rows ${expected.join(', ')}`).catch(() => undefined);
  expect(shownNames(el)).to.deep.equal(expected);
}

async function expectHeading(el: CustomerConsole, name: string): Promise<void> {
  await until(() => pageHeading(el) === name, `the page of ${name}`).catch(() => undefined);
  expect(pageHeading(el)).to.equal(name);
}

function row(el: CustomerConsole, name: string): HTMLElement {
  return dataRows(el).find((r) => r.querySelector('[part~="name"]')?.textContent?.trim() === name)!;
}

function popState(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));
}

async function back(el: CustomerConsole): Promise<void> {
  const popped = popState();
  history.back();
  await popped;
  await el.updateComplete;
}

async function forward(el: CustomerConsole): Promise<void> {
  const popped = popState();
  history.forward();
  await popped;
  await el.updateComplete;
}

/** A backend whose getCustomer fails `failures` times with `error`, then answers. */
function failingGetCustomer(inner: Backend, error: Error, failures = 1): Backend {
  let left = failures;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'getCustomer') {
        return (...args: Parameters<Backend['getCustomer']>) => (left-- > 0 ? Promise.reject(error) : target.getCustomer(...args));
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Backend;
}

before(() => {
  startHref = location.href;
  base = defaultBasePath(location.pathname);
});

afterEach(async () => {
  history.replaceState(null, '', startHref);
  await sendMouse({ type: 'click', position: [1, 1] });
});

describe('customer-console (customer page)', () => {
  it('opens a customer by click: its address, header, dashboard and switch button, focus on its name, no axe violations', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(row(el, 'Acme Corp').querySelector('[part~="name"]')!);
    await expectHeading(el, 'Acme Corp');
    expect(location.pathname).to.equal(`${base}/customers/1/dashboard`);
    expect(byPart(pageOf(el)!, 'plan-badge').textContent!.trim()).to.equal('Growth');
    expect(byPart(pageOf(el)!, 'status-badge').textContent!.trim()).to.equal('Active');
    expect(pageFacts(el)).to.deep.equal({
      'User ID': '1',
      'External ID': 'ACME-1',
      'Date joined': 'Nov 25, 2026',
      'Tasks used in billing period': '10 / 10,000',
      Connections: '1 / 25',
    });
    expect(selectedTab(el)).to.equal('Dashboard');
    // The page's elements load the first time a page shows them.
    await until(() => pageChild(el, 'customer-dashboard') !== null && pageChild(el, 'customer-switch-button') !== null, "the page's elements");
    const dashboard = pageChild<Dashboard>(el, 'customer-dashboard')!;
    expect(selectedPanel(el)!.contains(dashboard)).to.equal(true);
    expect(dashboard.customerId).to.equal(1);
    expect(dashboard.period).to.equal('7d');
    const switchButton = pageChild<PageElement>(el, 'customer-switch-button')!;
    expect(byPart(pageOf(el)!, 'customer-header').contains(switchButton)).to.equal(true);
    expect(switchButton.customerId).to.equal(1);
    expectFocusOn(byPart(pageOf(el)!, 'customer-name'));
    // The list is kept, hidden and out of reach.
    expect(byPart(el.shadowRoot!, 'list').inert).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('opens a customer by Enter on its row, without external ID when it has none', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    columnHeader(el, 'Customer').focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Enter');
    await expectHeading(el, 'Globex');
    expect(location.pathname).to.equal(`${base}/customers/2/dashboard`);
    expect(Object.keys(pageFacts(el))).to.deep.equal(['User ID', 'Date joined', 'Tasks used in billing period', 'Connections']);
  });

  it('says near and over the limit in words, as the table does; trial and expired badges', async () => {
    const customers = [
      makeCustomer({ id: 40, name: 'Busy Ltd', tasks_used: 900, task_limit: 1000, connections: 12, connection_limit: 10 }),
      makeCustomer({ id: 41, name: 'Trial Co', plan_id: 'growth', in_trial: true, trial_ends_at: '2026-12-20T00:00:00.000Z' }),
      makeCustomer({ id: 42, name: 'Lapsed Inc', plan_id: 'growth', in_trial: true, trial_ends_at: '2026-11-01T00:00:00.000Z' }),
    ];
    setPath(`${base}/customers/40/dashboard`);
    const el = await openConsole(memoryBackend({ customers }));
    await expectHeading(el, 'Busy Ltd');
    expect(pageFacts(el)['Tasks used in billing period']).to.equal('900 / 1,000 near the limit');
    expect(pageFacts(el)['Connections']).to.equal('12 / 10 over the limit');
    // Heard as words, not "900 slash 1,000".
    expect(spokenFact(el, 'Tasks used in billing period')).to.equal('900 of 1,000 tasks near the limit');
    expect(spokenFact(el, 'Connections')).to.equal('12 of 10 connections over the limit');
    const levels = [...pageOf(el)!.querySelectorAll('[part~="usage"]')].map((u) => u.getAttribute('data-level'));
    expect(levels).to.deep.equal(['near', 'over']);

    el.customerId = 41;
    await expectHeading(el, 'Trial Co');
    expect(byPart(pageOf(el)!, 'status-badge').textContent!.trim()).to.equal('In trial');
    el.customerId = 42;
    await expectHeading(el, 'Lapsed Inc');
    // The trial has ended: the customer is on the free plan now.
    expect(byPart(pageOf(el)!, 'status-badge').textContent!.trim()).to.equal('Expired subscription');
    expect(byPart(pageOf(el)!, 'plan-badge').textContent!.trim()).to.equal('Free');
    await expectNoAxeViolations(el);
  });

  it('moves between tabs by keyboard: arrows move focus, Enter and Space choose, the chosen tab stays in the tab order', async () => {
    setPath(`${base}/customers/3/dashboard`);
    const el = await openConsole();
    await expectHeading(el, 'Initech');
    const [dashboard, collaborators, settings] = pageTabs(el);
    expect(pageTabs(el).map(accessibleName)).to.deep.equal(['Dashboard', 'Collaborators', 'Settings']);
    expect(byRole(pageOf(el)!, 'tablist').getAttribute('aria-label')).to.equal('Customer sections');
    for (const t of pageTabs(el)) {
      const panel = el.shadowRoot!.getElementById(t.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal(t.id);
      expect(panel.hidden).to.equal(t.getAttribute('aria-selected') !== 'true');
    }
    expect(pageTabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);

    dashboard!.focus();
    await press('ArrowRight');
    expectFocusOn(collaborators!);
    expect(selectedTab(el)).to.equal('Dashboard');
    await press('Enter');
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Collaborators');
    expect(location.pathname).to.equal(`${base}/customers/3/collaborators`);
    await until(() => pageChild(el, 'customer-collaborators') !== null, 'the team list, loaded');
    const team = pageChild<PageElement>(el, 'customer-collaborators')!;
    expect(selectedPanel(el)!.contains(team)).to.equal(true);
    expect(team.customerId).to.equal(3);
    expect(pageChild(el, 'customer-dashboard')).to.equal(null);

    await press('End');
    expectFocusOn(settings!);
    await press(' ');
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Settings');
    await until(() => pageChild(el, 'customer-settings') !== null, 'the settings, loaded');
    expect(selectedPanel(el)!.contains(pageChild(el, 'customer-settings')), 'the Settings panel holds customer-settings').to.equal(true);
    await press('ArrowRight');
    expectFocusOn(dashboard!);
    await press('Home');
    expectFocusOn(dashboard!);
    await press('ArrowLeft');
    expectFocusOn(settings!);
    await press('ArrowLeft');
    expectFocusOn(collaborators!);
    // Tab leaves the tabs: coming back with Shift+Tab lands on the chosen tab, not the focused one.
    await press('Tab');
    await press('Shift+Tab');
    expectFocusOn(settings!);
    await expectNoAxeViolations(el);
  });

  it('mirrors the arrow keys right-to-left', async () => {
    setPath(`${base}/customers/3/dashboard`);
    const el = await fixture<CustomerConsole>(
      html`<div dir="rtl"><customer-console .backend=${memoryBackend()} .now=${NOW} base-path=${base}></customer-console></div>`,
    ).then((wrapper) => wrapper.querySelector('customer-console')!);
    await expectHeading(el, 'Initech');
    const [dashboard, collaborators] = pageTabs(el);
    dashboard!.focus();
    await press('ArrowLeft');
    expectFocusOn(collaborators!);
  });

  it('Back and Forward restore the page and its tab, and Back again the list with its query', async () => {
    setPath(`${base}?status=active`);
    const el = await openConsole();
    await expectRows(el, ['Acme Corp', 'Globex', 'Société Générale']);
    const lengthBefore = history.length;
    await click(row(el, 'Globex').querySelector('[part~="name"]')!);
    await expectHeading(el, 'Globex');
    await click(pageTab(el, 'Collaborators'));
    await until(() => selectedTab(el) === 'Collaborators', 'the collaborators tab');
    expect(history.length).to.equal(lengthBefore + 2);
    expect(location.pathname).to.equal(`${base}/customers/2/collaborators`);
    expect(consoleParams(), 'the list query stays with the list entry').to.equal('');

    await back(el);
    expect(selectedTab(el)).to.equal('Dashboard');
    expect(location.pathname).to.equal(`${base}/customers/2/dashboard`);
    await back(el);
    expect(pageOf(el)).to.equal(null);
    await expectRows(el, ['Acme Corp', 'Globex', 'Société Générale']);
    expect(consoleParams()).to.equal('status=active');
    expect(tab(filtersOf(el), 'Active').getAttribute('aria-checked')).to.equal('true');

    await forward(el);
    await expectHeading(el, 'Globex');
    expect(selectedTab(el)).to.equal('Dashboard');
    await forward(el);
    expect(selectedTab(el)).to.equal('Collaborators');
  });

  it('restores the page, its tab and the dashboard period on reload (a new console on the same address)', async () => {
    setPath(`${base}/customers/5/collaborators`);
    let el = await openConsole();
    await expectHeading(el, 'Société Générale');
    expect(selectedTab(el)).to.equal('Collaborators');
    expect(pageChild<PageElement>(el, 'customer-collaborators')!.customerId).to.equal(5);
    el.remove();

    setPath(`${base}/customers/5/dashboard?period=30d`);
    el = await openConsole();
    await expectHeading(el, 'Société Générale');
    expect(selectedTab(el)).to.equal('Dashboard');
    expect(pageChild<Dashboard>(el, 'customer-dashboard')!.period).to.equal('30d');
    expect(location.pathname + '?' + consoleParams()).to.equal(`${base}/customers/5/dashboard?period=30d`);
  });

  it('puts the period the dashboard reports into the URL, and Back restores the one before', async () => {
    setPath(`${base}/customers/1/dashboard`);
    const el = await openConsole();
    await expectHeading(el, 'Acme Corp');
    const dashboard = pageChild<Dashboard>(el, 'customer-dashboard')!;
    dashboard.dispatchEvent(createPeriodChangeEvent({ period: '90d' }));
    await el.updateComplete;
    expect(consoleParams()).to.equal('period=90d');
    expect(dashboard.period).to.equal('90d');
    await back(el);
    expect(consoleParams()).to.equal('');
    expect(pageChild<Dashboard>(el, 'customer-dashboard')!.period).to.equal('7d');
  });

  it('goes back to the list with its query and scroll position, focus where it was', async () => {
    const customers = Array.from({ length: 300 }, (_, i) =>
      makeCustomer({ id: i + 1, name: `Customer ${String(i + 1).padStart(3, '0')}`, created_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }),
    );
    setPath(`${base}?sort=name`);
    const el = await openConsole(memoryBackend({ customers }));
    await until(() => shownNames(el)[0] === 'Customer 001', 'the first rows');
    columnHeader(el, 'Customer').focus();
    await press('Control+End');
    await until(() => shownNames(el).includes('Customer 300'), 'the last rows');
    const cell = deepActiveElement() as HTMLElement;
    const rowsBefore = dataRows(el).map((r) => r.getAttribute('aria-rowindex'));
    await press('Enter');
    await expectHeading(el, 'Customer 300');

    await click(backButton(el));
    await el.updateComplete;
    expect(pageOf(el)).to.equal(null);
    expect(consoleParams()).to.equal('sort=name');
    expect(byPart(el.shadowRoot!, 'list').inert).to.equal(false);
    await until(() => shownNames(el).includes('Customer 300'), 'the same rows as before');
    expect(dataRows(el).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(rowsBefore);
    expectFocusOn(cell);
  });

  it('says a customer that does not exist does not, with a way back to the list', async () => {
    setPath(`${base}/customers/999/dashboard`);
    const el = await openConsole();
    await expectHeading(el, 'This customer does not exist');
    expect(pageOf(el)!.textContent).to.contain('There is no customer with User ID 999');
    expect(pageTabs(el)).to.have.length(0);
    await expectNoAxeViolations(el);
    await click(backButton(el));
    await expectRows(el, ALL_BY_DATE);
    expect(location.pathname).to.equal(base === '' ? '/' : base);
  });

  it('says an address without a User ID names no customer, without asking the backend', async () => {
    const inner = memoryBackend();
    let asked = 0;
    const counting = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'getCustomer') asked++;
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    setPath(`${base}/customers/not-a-number/dashboard`);
    const el = await openConsole(counting);
    await expectHeading(el, 'This customer does not exist');
    expect(pageOf(el)!.textContent).to.contain('no customer at this address');
    expect(asked).to.equal(0);
    expect(location.pathname, 'the mistyped address is left as it was').to.equal(`${base}/customers/not-a-number/dashboard`);
  });

  it('says what failed with Retry, which loads the page', async () => {
    const error = new HttpError(problem(503, 'Service Unavailable', 'The customer service is briefly unavailable.'));
    setPath(`${base}/customers/3/dashboard`);
    const el = await openConsole(failingGetCustomer(memoryBackend(), error));
    await until(() => allByRole(pageOf(el) ?? el.shadowRoot!, 'alert').length === 1, 'the error');
    const alert = byRole(pageOf(el)!, 'alert');
    expect(accessibleName(allByRole(alert, 'heading')[0]!)).to.equal('The customer could not be loaded');
    expect(alert.textContent).to.contain('The customer service is briefly unavailable.');
    await expectNoAxeViolations(el);
    await click(byRole(alert, 'button', 'Retry'));
    await expectHeading(el, 'Initech');
    // Retry went with its message: focus is on the page's heading, not dropped on <body>.
    await until(() => deepActiveElement() === byPart(pageOf(el)!, 'customer-name'), 'focus on the heading');
  });

  it('after a Retry that fails again, focus is on the new message’s heading', async () => {
    const error = new HttpError(problem(503, 'Service Unavailable', 'The customer service is briefly unavailable.'));
    setPath(`${base}/customers/3/dashboard`);
    const el = await openConsole(failingGetCustomer(memoryBackend(), error, 2));
    await until(() => allByRole(pageOf(el) ?? el.shadowRoot!, 'alert').length === 1, 'the error');
    await click(byRole(byRole(pageOf(el)!, 'alert'), 'button', 'Retry'));
    await until(() => {
      const heading = allByRole(pageOf(el)!, 'heading', 'The customer could not be loaded')[0];
      return heading !== undefined && deepActiveElement() === heading;
    }, 'focus on the heading of the error shown again');
  });

  it('never shows an older customer over a newer one (answers out of order)', async () => {
    const inner = memoryBackend();
    const calls: { id: number; release: () => Promise<void> }[] = [];
    const gated = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'getCustomer') {
          // Abort signals ignored, like an answer already on the wire: only the console's ordering can keep it off.
          return (id: number) =>
            new Promise((resolve, reject) => calls.push({ id, release: () => target.getCustomer(id).then(resolve, reject) }));
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Backend;
    setPath(`${base}/customers/1/dashboard`);
    const el = await openConsole(gated);
    await until(() => calls.length === 1, 'the request for customer 1');
    el.customerId = 2;
    await until(() => calls.length === 2, 'the request for customer 2');
    await calls[1]!.release();
    await expectHeading(el, 'Globex');
    await calls[0]!.release();
    await el.updateComplete;
    expect(pageHeading(el)).to.equal('Globex');
  });

  it('works under a base path of its own: list at the base, customers below it', async () => {
    const el = await openConsole(memoryBackend(), { basePath: '/partner/console/' });
    await expectRows(el, ALL_BY_DATE);
    await click(row(el, 'Initech').querySelector('[part~="name"]')!);
    await expectHeading(el, 'Initech');
    expect(location.pathname).to.equal('/partner/console/customers/3/dashboard');
    await click(backButton(el));
    await el.updateComplete;
    expect(location.pathname).to.equal('/partner/console');
  });

  it('takes the page path as its base by default, also when it starts on a customer page', async () => {
    setPath('/app/customers-tab/customers/6/collaborators');
    const el = await fixture<CustomerConsole>(html`<customer-console .backend=${memoryBackend()} .now=${NOW}></customer-console>`);
    await expectHeading(el, 'Hooli');
    expect(selectedTab(el)).to.equal('Collaborators');
    await click(backButton(el));
    await el.updateComplete;
    expect(location.pathname).to.equal('/app/customers-tab');
  });

  it('stays on the list when the page cancels customer-select, and opens what the page sets', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const hrefBefore = location.href;
    el.addEventListener('customer-select', (e) => e.preventDefault());
    await click(row(el, 'Globex').querySelector('[part~="name"]')!);
    await el.updateComplete;
    expect(pageOf(el)).to.equal(null);
    expect(location.href).to.equal(hrefBefore);
    el.customerId = 2;
    el.tab = 'collaborators';
    await expectHeading(el, 'Globex');
    expect(selectedTab(el)).to.equal('Collaborators');
    expect(location.pathname).to.equal(`${base}/customers/2/collaborators`);
  });

  it('keeps the page out of the URL with no-url-sync', async () => {
    const el = await fixture<CustomerConsole>(html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW}></customer-console>`);
    await expectRows(el, ALL_BY_DATE);
    const hrefBefore = location.href;
    await click(row(el, 'Umbrella').querySelector('[part~="name"]')!);
    await expectHeading(el, 'Umbrella');
    await click(pageTab(el, 'Settings'));
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Settings');
    expect(location.href).to.equal(hrefBefore);
    await click(backButton(el));
    await expectRows(el, ALL_BY_DATE);
    expect(location.href).to.equal(hrefBefore);
  });

  it('passes its strings groups and its clock to the page’s elements, with its own page texts', async () => {
    const strings = {
      backToList: 'Zurück zu den Kunden',
      tabs: { collaborators: 'Team' },
      dashboard: { loading: 'Lädt…' },
      collaborators: { loading: 'Team lädt…' },
      switchButton: { label: 'Zum Konto wechseln' },
      form: { submit: 'Kunde anlegen' },
    };
    setPath(`${base}/customers/1/dashboard`);
    const el = await fixture<CustomerConsole>(
      html`<customer-console .backend=${memoryBackend()} .now=${NOW} base-path=${base} .strings=${strings}></customer-console>`,
    );
    await expectHeading(el, 'Acme Corp');
    expect(pageTabs(el).map(accessibleName)).to.deep.equal(['Dashboard', 'Team', 'Settings']);
    expect(byRole(pageOf(el)!, 'button', 'Zurück zu den Kunden')).to.not.equal(null);
    type WithStrings = HTMLElement & { strings: unknown; now: Date | undefined };
    expect(pageChild<WithStrings>(el, 'customer-dashboard')!.strings).to.deep.equal(strings.dashboard);
    expect(pageChild<WithStrings>(el, 'customer-switch-button')!.strings).to.deep.equal(strings.switchButton);
    expect(pageChild<WithStrings>(el, 'customer-form')!.strings).to.deep.equal(strings.form);
    expect(pageChild<WithStrings>(el, 'customer-dashboard')!.now).to.equal(NOW);
    await click(pageTab(el, 'Team'));
    await el.updateComplete;
    expect(pageChild<WithStrings>(el, 'customer-collaborators')!.strings).to.deep.equal(strings.collaborators);
  });
});

describe('customer-console (add-customer dialog)', () => {
  async function openDialog(el: CustomerConsole): Promise<{ dialog: HTMLDialogElement; form: Form; button: HTMLElement }> {
    const button = byPart(el.shadowRoot!, 'add-button');
    await click(button);
    const dialog = byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog');
    const form = pageChild<Form>(el, 'customer-form')!;
    await until(() => dialog.open && (form.contains(deepActiveElement()) || form.shadowRoot!.contains(deepActiveElement())), 'focus in the form');
    return { dialog, form, button };
  }

  /** Makes the form report a send in flight, as its `sending` getter promises to. */
  function sending(form: Form, value: boolean): void {
    Object.defineProperty(form, 'sending', { configurable: true, get: () => value });
  }

  it('holds the form with focus on it, and Escape closes it, focus back on "Add customer"', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const { dialog, form, button } = await openDialog(el);
    expect(accessibleName(dialog)).to.equal('Add customer');
    expect(dialog.contains(form)).to.equal(true);
    await expectNoAxeViolations(el);
    await press('Escape');
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('closes with Cancel, focus back on "Add customer"', async () => {
    const el = await openConsole();
    const { dialog, button } = await openDialog(el);
    await click(byRole(dialog, 'button', 'Cancel'));
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('stays open on Escape, Cancel and a backdrop click while the form is sending', async () => {
    const el = await openConsole();
    const { dialog, form, button } = await openDialog(el);
    sending(form, true);
    await press('Escape');
    expect(dialog.open, 'Escape while sending').to.equal(true);
    await click(byRole(dialog, 'button', 'Cancel'));
    expect(dialog.open, 'Cancel while sending').to.equal(true);
    await sendMouse({ type: 'click', position: [4, 4] });
    expect(dialog.open, 'backdrop while sending').to.equal(true);
    sending(form, false);
    await press('Escape');
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('on customer-created: closes, opens the new customer’s page with focus on it, announces it, and the list has it', async () => {
    const backend = memoryBackend();
    const el = await openConsole(backend);
    await expectRows(el, ALL_BY_DATE);
    const { dialog, form } = await openDialog(el);
    // What the form does on success: the backend has the customer, then the form says so.
    const customer: Customer = await backend.createCustomer({ name: 'Wayne Enterprises', notification_email: 'ops@wayne.example', plan_id: 'growth' });
    form.dispatchEvent(createCustomerCreatedEvent({ customer }));
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    await expectHeading(el, 'Wayne Enterprises');
    expect(location.pathname).to.equal(`${base}/customers/${customer.id}/dashboard`);
    expectFocusOn(byPart(pageOf(el)!, 'customer-name'));
    expect(announcement(el)).to.equal('Wayne Enterprises was added.');
    await click(backButton(el));
    await until(() => shownNames(el).includes('Wayne Enterprises'), 'the new customer in the list');
    expect(shownNames(el)[0], 'newest first').to.equal('Wayne Enterprises');
  });

  /** The button the table's empty panel shows in its `empty-action` slot (the console's, slotted into the table). */
  function emptyPanelAction(el: CustomerConsole): HTMLElement | null {
    const message = tableMessage(el, 'No customers yet');
    const slot = message?.querySelector<HTMLSlotElement>('slot[name="empty-action"]');
    const [action] = slot?.assignedElements() ?? [];
    return action instanceof HTMLElement ? action : null;
  }

  it('offers "Add customer" in the empty list: it opens the dialog with focus in the form, and focus comes back to it', async () => {
    const el = await openConsole(memoryBackend({ customers: [] }));
    await until(() => emptyPanelAction(el) !== null, 'the empty panel with its action');
    const action = emptyPanelAction(el)!;
    expect(roleOf(action)).to.equal('button');
    expect(accessibleName(action)).to.equal('Add customer');
    expect(action).to.equal(byPart(el.shadowRoot!, 'empty-add-button'));
    // Shown in the panel, under its text, not merely assigned to a slot.
    const panel = tableMessage(el, 'No customers yet')!.getBoundingClientRect();
    const box = action.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'the button has a box').to.equal(true);
    expect(box.top >= panel.top && box.bottom <= panel.bottom && box.left >= panel.left && box.right <= panel.right, 'inside the empty panel').to.equal(true);
    await expectNoAxeViolations(el);

    await click(action);
    const dialog = byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog');
    const form = pageChild<CustomerForm>(el, 'customer-form')!;
    await until(() => dialog.open && deepActiveElement() === formField(form, 'Customer name'), 'focus in the form’s first field');
    await expectNoAxeViolations(el);
    await press('Escape');
    expect(dialog.open).to.equal(false);
    expectFocusOn(action);
  });

  it('offers no "Add customer" in the panel of a search that matches none (Clear filters there)', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(searchBox(filtersOf(el)));
    await type('nobody-matches-this');
    await until(() => tableMessage(el, 'No customers match these filters') !== null, 'the no-match state');
    const message = tableMessage(el, 'No customers match these filters')!;
    expect(allByRole(message, 'button').map(accessibleName)).to.deep.equal(['Clear filters']);
    expect(byPart(el.shadowRoot!, 'empty-add-button').getClientRects().length, 'the empty panel’s button is not drawn').to.equal(0);
  });

  it('lets the page handle it by cancelling customer-create-request', async () => {
    const el = await openConsole();
    el.addEventListener('customer-create-request', (e) => e.preventDefault());
    await click(byPart(el.shadowRoot!, 'add-button'));
    expect(byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog').open).to.equal(false);
  });
});
