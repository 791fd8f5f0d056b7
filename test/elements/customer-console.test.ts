import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { ContextEvent, ContextProvider } from '@lit/context';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import { backendContext } from '../../components/shared/backend-context.js';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import { SharedLookupsBackend } from '../../src/backend/shared-lookups.js';
import type { CustomerListParams } from '../../src/query/types.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { accessibleName, allByRole, byPart, byRole } from '../support/by-role.js';
import {
  columnHeader,
  columnNames,
  dataRows,
  grid,
  filtersOf,
  shownNames,
  tabNames,
  tableMessage,
  tableOf,
  tableRoot,
} from '../support/console-queries.js';
import { CUSTOMERS, NOW, makeCustomer, memoryBackend } from '../support/customers.js';
import {
  applyButton,
  chips,
  clearAllButton,
  dateField,
  pickerButton,
  planCheckbox,
  presetButton,
  searchBox,
  tab,
  tabCounts,
} from '../support/filter-queries.js';
import { expectFocusOn } from '../support/focus.js';
import { click, press, type } from '../support/user.js';
import { nextFrame, until } from '../support/wait.js';

const ALL_BY_DATE = ['Acme Corp', 'Initech', 'Globex', 'Hooli', 'Société Générale', 'Umbrella'];

/** Waits until the table shows `expected`, then asserts it (so a failure prints both lists). */
async function expectRows(el: CustomerConsole, expected: string[]): Promise<void> {
  await until(() => JSON.stringify(shownNames(el)) === JSON.stringify(expected), `rows ${expected.join(', ')}`).catch(
    () => undefined,
  );
  expect(shownNames(el)).to.deep.equal(expected);
}

async function openConsole(backend: Backend = memoryBackend(), mode = 'auto'): Promise<CustomerConsole> {
  const el = await fixture<CustomerConsole>(
    html`<customer-console .backend=${backend} .now=${NOW} mode=${mode}></customer-console>`,
  );
  return el;
}

/** The console's own params in the page URL (the test runner keeps its own there too). */
function urlQuery(): string {
  const params = new URLSearchParams(location.search);
  params.delete('wtr-session-id');
  params.delete('wtr-test-id');
  for (const name of [...params.keys()]) if (name.startsWith('wtr')) params.delete(name);
  return params.toString();
}

function setUrlQuery(query: string): void {
  const url = new URL(location.href);
  const kept = [...url.searchParams].filter(([name]) => name.startsWith('wtr'));
  url.search = new URLSearchParams([...kept, ...new URLSearchParams(query)]).toString();
  history.replaceState(null, '', url);
}

/**
 * listCustomers answers wait until the test releases them, and ignore abort signals — like a
 * server whose answer is already on the wire — so only the table's own ordering can keep an older
 * answer off the screen.
 */
function gatedBackend(inner: Backend) {
  /** `release` resolves once the answer has been handed to the caller. */
  const calls: { params: CustomerListParams; release: () => Promise<void> }[] = [];
  const backend = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'listCustomers') {
        return (params: CustomerListParams) =>
          new Promise((resolve, reject) => {
            calls.push({ params, release: () => target.listCustomers(params).then(resolve, reject) });
          });
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Backend;
  return { backend, calls };
}

describe('customer-console (list view)', () => {
  let startHref: string;
  before(() => {
    startHref = location.href;
  });
  afterEach(async () => {
    history.replaceState(null, '', startHref);
    await sendMouse({ type: 'click', position: [1, 1] });
  });

  it('shows every customer, newest first, with filters and the add button, and no axe violations', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await until(() => tabCounts(filtersOf(el))[0] === '6', 'counts from the table');
    expect(byPart(el.shadowRoot!, 'add-button').textContent).to.contain('Add customer');
    await expectNoAxeViolations(el);
  });

  it('narrows the rows by search text', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    // This test is about what the search sends, not the typing pause.
    filtersOf(el).searchDelay = 0;
    searchBox(filtersOf(el)).focus();
    await type('société');
    await expectRows(el, ['Société Générale']);
    await until(() => tabCounts(filtersOf(el))[0] === '1', 'counts for the search');
    expect(tabCounts(filtersOf(el))).to.deep.equal(['1', '1', '0', '0']);
    expect(new URLSearchParams(urlQuery()).get('q')).to.equal('société');
    await press('Escape');
    await expectRows(el, ALL_BY_DATE);
  });

  it('narrows the rows by status tab', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(tab(filtersOf(el), 'Expired subscription'));
    await expectRows(el, ['Hooli', 'Umbrella']);
    await click(tab(filtersOf(el), 'In trial'));
    await expectRows(el, ['Initech']);
    await expectNoAxeViolations(el);
  });

  it('narrows the rows by plan, app and date joined', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);

    const filters = filtersOf(el);
    await click(pickerButton(filters, 'Plan'));
    await click(planCheckbox(filters, 'Starter'));
    // Hooli's trial on Starter has ended: Hooli is on the free plan now, not on Starter.
    await expectRows(el, ['Globex']);
    await press('Escape');
    await click(chips(filters)[0]!);
    await expectRows(el, ALL_BY_DATE);

    await click(pickerButton(filters, 'App'));
    await type('huddle');
    await press('Enter');
    await expectRows(el, ['Acme Corp', 'Initech']);
    await click(clearAllButton(filters));
    await expectRows(el, ALL_BY_DATE);

    await click(pickerButton(filters, 'Date joined'));
    await click(presetButton(filters, 'Last 7 days'));
    await expectRows(el, ['Acme Corp', 'Initech']);

    await click(pickerButton(filters, 'Date joined'));
    dateField(filters, 'From').focus();
    await type('01012026');
    dateField(filters, 'To').focus();
    await type('06302026');
    await click(applyButton(filters));
    await expectRows(el, ['Société Générale']);
    expect(urlQuery()).to.equal('joined_from=2026-01-01&joined_to=2026-06-30');
  });

  it('removes one filter with its chip and all of them with Clear all', async () => {
    setUrlQuery('status=active&plan=starter&plan=enterprise');
    const el = await openConsole();
    await expectRows(el, ['Globex', 'Société Générale']);
    const planChip = chips(filtersOf(el)).find((c) => c.textContent!.includes('Enterprise'))!;
    await click(planChip);
    await expectRows(el, ['Globex']);
    expect(urlQuery()).to.equal('plan=starter&status=active');
    await click(clearAllButton(filtersOf(el)));
    await expectRows(el, ALL_BY_DATE);
    expect(urlQuery()).to.equal('');
  });

  it('restores the query from the URL, follows changes into it, and Back restores the previous list', async () => {
    setUrlQuery('status=expired&sort=name');
    const el = await openConsole();
    await expectRows(el, ['Hooli', 'Umbrella']);
    expect(tab(filtersOf(el), 'Expired subscription').getAttribute('aria-checked')).to.equal('true');
    const lengthBefore = history.length;

    await click(tab(filtersOf(el), 'All'));
    await expectRows(el, ['Acme Corp', 'Globex', 'Hooli', 'Initech', 'Société Générale', 'Umbrella']);
    expect(urlQuery()).to.equal('sort=name');
    expect(history.length).to.equal(lengthBefore + 1);

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await expectRows(el, ['Hooli', 'Umbrella']);
    expect(tab(filtersOf(el), 'Expired subscription').getAttribute('aria-checked')).to.equal('true');
    expect(urlQuery()).to.equal('status=expired&sort=name');
  });

  it('keeps typing out of the history: search text replaces the entry instead of pushing one', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const lengthBefore = history.length;
    // Every keystroke sent at once: even then none of them pushes an entry.
    filtersOf(el).searchDelay = 0;
    searchBox(filtersOf(el)).focus();
    await type('glo');
    await expectRows(el, ['Globex']);
    await type('b');
    await until(() => urlQuery() === 'q=glob', 'q=glob in the URL');
    expect(history.length).to.equal(lengthBefore);
  });

  it('sorts by a header click and puts the sort in the URL', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(columnHeader(el, 'Customer'));
    await expectRows(el, ['Acme Corp', 'Globex', 'Hooli', 'Initech', 'Société Générale', 'Umbrella']);
    expect(urlQuery()).to.equal('sort=name');
    await click(columnHeader(el, 'Customer'));
    await expectRows(el, ['Umbrella', 'Société Générale', 'Initech', 'Hooli', 'Globex', 'Acme Corp']);
    expect(urlQuery()).to.equal('sort=-name');
  });

  it('clears the filters when the table asks to, from its no-match state', async () => {
    setUrlQuery('q=nobody-matches-this');
    const el = await openConsole();
    await until(() => tableMessage(el, 'No customers match these filters') !== null, 'the no-match state');
    await expectNoAxeViolations(el);
    await click(byRole(tableMessage(el, 'No customers match these filters')!, 'button', 'Clear filters'));
    await expectRows(el, ALL_BY_DATE);
    expect(urlQuery()).to.equal('');
    expect(searchBox(filtersOf(el)).value).to.equal('');
    // The button is gone with its message: focus is in the grid, not dropped on <body>.
    await until(() => grid(el)!.contains(tableRoot(el).activeElement), 'focus in the grid');
    expect(document.activeElement).to.equal(el);
  });

  it('reports URL parameters it could not use, without failing the list', async () => {
    setUrlQuery('status=bogus&plan=starter&joined_from=2026-99-99');
    const el = await openConsole();
    // Hooli's trial on Starter has ended: Hooli is on the free plan now, not on Starter.
    await expectRows(el, ['Globex']);
    const notice = byRole(el.shadowRoot!, 'status');
    expect(notice.getAttribute('part')).to.equal('notice');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('Status "bogus" is unknown');
    expect(notice.textContent).to.contain('"2026-99-99"');
    await expectNoAxeViolations(el);
    await click(byRole(notice, 'button', 'Dismiss'));
    expect(allByRole(el.shadowRoot!, 'status')).to.have.length(0);
  });

  it('never shows an older answer over a newer one (server mode, answers out of order)', async () => {
    const { backend, calls } = gatedBackend(memoryBackend());
    const el = await openConsole(backend, 'server');
    await until(() => calls.length === 1, 'the first list request');
    void calls[0]!.release();
    await expectRows(el, ALL_BY_DATE);

    await click(tab(filtersOf(el), 'Active'));
    await until(() => calls.some((c) => c.params.status === 'active'), 'the active request');
    await click(tab(filtersOf(el), 'In trial'));
    await until(() => calls.some((c) => c.params.status === 'trial'), 'the trial request');
    void calls.find((c) => c.params.status === 'trial')!.release();
    await expectRows(el, ['Initech']);
    // The older answer arrives last: once it is in the table's hands and the table has had its
    // update and a frame to draw, the newer rows must still be there.
    await calls.find((c) => c.params.status === 'active')!.release();
    await tableOf(el).updateComplete;
    await nextFrame();
    expect(shownNames(el)).to.deep.equal(['Initech']);
    expect(tab(filtersOf(el), 'In trial').getAttribute('aria-checked')).to.equal('true');
  });

  it('shows an error with Retry that keeps the query', async () => {
    const inner = memoryBackend();
    let failuresLeft = 1;
    const flaky = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'listCustomers') {
          return (params: CustomerListParams, options?: { signal?: AbortSignal }) =>
            failuresLeft-- > 0
              ? Promise.reject(new HttpError(problem(503, 'Service Unavailable', 'The list is briefly unavailable.')))
              : target.listCustomers(params, options);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Backend;
    setUrlQuery('status=active');
    const el = await openConsole(flaky);
    await until(() => tableMessage(el, 'Customers could not be loaded') !== null, 'the error state');
    const alert = tableMessage(el, 'Customers could not be loaded')!;
    expect(alert.textContent).to.contain('The list is briefly unavailable.');
    // The table's live region says it (the panel itself is no live region).
    await until(() => byRole(tableRoot(el), 'status').textContent!.startsWith('Customers could not be loaded'), 'the error said');
    await expectNoAxeViolations(el);
    await click(byRole(alert, 'button', 'Retry'));
    await expectRows(el, ['Acme Corp', 'Globex', 'Société Générale']);
    await until(() => grid(el)!.contains(tableRoot(el).activeElement), 'focus in the grid after Retry');
    expect(urlQuery()).to.equal('status=active');
    expect(tab(filtersOf(el), 'Active').getAttribute('aria-checked')).to.equal('true');
  });

  it('fires one customer-select, from the console, when a row is opened', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const seen: { id: number; target: EventTarget | null }[] = [];
    const record = (e: Event) => seen.push({ id: (e as CustomEvent<{ id: number }>).detail.id, target: e.target });
    document.addEventListener('customer-select', record);
    const row = dataRows(el).find((r) => r.textContent!.includes('Globex'))!;
    await click(row.querySelector('[part~="name"]')!);
    document.removeEventListener('customer-select', record);
    expect(seen).to.have.length(1);
    expect(seen[0]!.id).to.equal(2);
    expect(seen[0]!.target === el).to.equal(true);
  });

  it('opens the add-customer dialog from "Add customer" that Escape closes, returning focus', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const button = byPart(el.shadowRoot!, 'add-button');
    await click(button);
    const dialog = byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(accessibleName(dialog)).to.equal('Add customer');
    // The placeholder text of earlier releases gave way to the form (test/elements/customer-console-page.test.ts).
    expect(dialog.querySelector('customer-form')).to.not.equal(null);
    expect(el.shadowRoot!.activeElement?.closest('dialog') === dialog).to.equal(true);
    await expectNoAxeViolations(el);
    await press('Escape');
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('closes the dialog on a backdrop click, returning focus', async () => {
    const el = await openConsole();
    const button = byPart(el.shadowRoot!, 'add-button');
    await click(button);
    const dialog = byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog');
    expect(dialog.open).to.equal(true);
    await sendMouse({ type: 'click', position: [4, 4] });
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('puts a query set by the page into the URL as a new history entry', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const lengthBefore = history.length;
    el.query = { ...el.query, status: 'trial' };
    await expectRows(el, ['Initech']);
    expect(urlQuery()).to.equal('status=trial');
    expect(history.length).to.equal(lengthBefore + 1);
    expect(tab(filtersOf(el), 'In trial').getAttribute('aria-checked')).to.equal('true');
  });

  it('leaves the URL alone with no-url-sync', async () => {
    setUrlQuery('status=expired');
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW}></customer-console>`,
    );
    await expectRows(el, ALL_BY_DATE);
    await click(tab(filtersOf(el), 'In trial'));
    await expectRows(el, ['Initech']);
    expect(urlQuery()).to.equal('status=expired');
  });

  it('shows its own texts from the strings property', async () => {
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW} .strings=${{ title: 'Clients', addCustomer: 'Ajouter un client' }}></customer-console>`,
    );
    expect(byPart(el.shadowRoot!, 'heading').textContent).to.equal('Clients');
    expect(byPart(el.shadowRoot!, 'add-button').textContent!.trim()).to.equal('Ajouter un client');
  });

  it('provides its backend to elements inside it through backendContext', async () => {
    const backend = memoryBackend();
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${backend} .now=${NOW}><span slot="actions"></span></customer-console>`,
    );
    let received: unknown;
    const child = el.querySelector('span')!;
    child.dispatchEvent(new ContextEvent(backendContext, child, (value) => (received = value)));
    // Wrapped so plans and apps load once for every element under the console.
    expect(received instanceof SharedLookupsBackend && received.source === backend).to.equal(true);
  });

  it('lets the page replace the dialog by cancelling customer-create-request', async () => {
    const el = await openConsole();
    el.addEventListener('customer-create-request', (e) => e.preventDefault());
    await click(byPart(el.shadowRoot!, 'add-button'));
    expect(byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog').open).to.equal(false);
  });

  it('builds an HttpBackend from api-base and sends the token from getToken', async () => {
    const inner = memoryBackend();
    const seen: { url: string; auth: string | null }[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      seen.push({ url: url.pathname, auth: new Headers(init?.headers).get('authorization') });
      const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (url.pathname.endsWith('/plans')) return json({ items: await inner.listPlans() });
      if (url.pathname.endsWith('/apps')) return json({ items: await inner.listApps() });
      const params: CustomerListParams = Object.fromEntries(url.searchParams);
      return json(await inner.listCustomers({ ...params, page: Number(params.page ?? 1), per_page: Number(params.per_page ?? 50) }));
    };
    try {
      const el = await fixture<CustomerConsole>(
        html`<customer-console api-base="/fake-api" .getToken=${() => 'secret-token'} .now=${NOW}></customer-console>`,
      );
      await expectRows(el, ALL_BY_DATE);
      expect(seen.some((r) => r.url === '/fake-api/customers')).to.equal(true);
      expect(seen.every((r) => r.auth === 'Bearer secret-token')).to.equal(true);
      // The filters and the table both show plans and apps, from one request each.
      expect(seen.filter((r) => r.url === '/fake-api/plans').length).to.equal(1);
      expect(seen.filter((r) => r.url === '/fake-api/apps').length).to.equal(1);
    } finally {
      window.fetch = realFetch;
    }
  });
  it('passes the table and filters groups of its strings down, with its own texts', async () => {
    const el = await fixture<CustomerConsole>(html`<customer-console
      no-url-sync
      .backend=${memoryBackend()}
      .now=${NOW}
      .strings=${{ title: 'Kunden', filters: { status: { trial: 'Testphase' } }, table: { columnCustomer: 'Kunde' } }}
    ></customer-console>`);
    await expectRows(el, ALL_BY_DATE);
    await until(() => tabCounts(filtersOf(el))[0] === '6', 'counts');
    expect(byPart(el.shadowRoot!, 'heading').textContent).to.equal('Kunden');
    // What the translation leaves out keeps its English default, in every element.
    expect(byPart(el.shadowRoot!, 'add-button').textContent!.trim()).to.equal('Add customer');
    expect(tabNames(el)).to.deep.equal(['All 6', 'Active 3', 'Testphase 1', 'Expired subscription 2']);
    expect(columnNames(el)).to.deep.equal(['Kunde', 'Date joined', 'Tasks used in billing period', 'Connections', 'Connected apps']);

    el.strings = { title: 'Clients', filters: { statusAll: 'Tous' } };
    await el.updateComplete;
    await filtersOf(el).updateComplete;
    await tableOf(el).updateComplete;
    expect(byPart(el.shadowRoot!, 'heading').textContent).to.equal('Clients');
    expect(tabNames(el)).to.deep.equal(['Tous 6', 'Active 3', 'In trial 1', 'Expired subscription 2']);
    expect(columnNames(el)[0]).to.equal('Customer');
  });

  it('lets its lang reach the filters across its shadow root: German tab counts', async () => {
    const customers = Array.from({ length: 1204 }, (_, i) => makeCustomer({ id: i + 1, name: `Kunde ${i + 1}` }));
    const el = await fixture<CustomerConsole>(
      html`<customer-console lang="de" no-url-sync .backend=${memoryBackend({ customers })} .now=${NOW}></customer-console>`,
    );
    await until(() => tabCounts(filtersOf(el))[0] === '1.204', 'the German count of every customer', 10_000);
    expect(tabCounts(filtersOf(el))).to.deep.equal(['1.204', '1.204', '0', '0']);
    el.lang = 'en-US';
    await until(() => tabCounts(filtersOf(el))[0] === '1,204', 'the English count after the lang change');
  });

  it('gives the table and the filters its clock', async () => {
    // Past Initech's trial end (2026-12-10): Initech is expired on this clock.
    const later = new Date('2026-12-15T09:00:00.000Z');
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${later}></customer-console>`,
    );
    await until(() => tabCounts(filtersOf(el))[0] === '6', 'counts');
    expect(tabCounts(filtersOf(el))).to.deep.equal(['6', '3', '0', '3']);
    expect(filtersOf(el).now).to.equal(later);
    await click(pickerButton(filtersOf(el), 'Date joined'));
    await click(presetButton(filtersOf(el), 'Last 30 days'));
    // 2026-11-15 to 2026-12-15 on this clock: Acme (Nov 25) and Initech (Nov 22).
    await expectRows(el, ['Acme Corp', 'Initech']);
  });

  it('uses a backend an ancestor provides when it has none of its own', async () => {
    class TestBackendProvider extends HTMLElement {
      provider = new ContextProvider(this, { context: backendContext, initialValue: memoryBackend({ customers: CUSTOMERS.slice(0, 2) }) });
    }
    if (!customElements.get('console-test-backend-provider')) customElements.define('console-test-backend-provider', TestBackendProvider);
    const wrapper = await fixture<HTMLElement>(
      html`<console-test-backend-provider><customer-console no-url-sync .now=${NOW}></customer-console></console-test-backend-provider>`,
    );
    const el = wrapper.querySelector('customer-console')!;
    await expectRows(el, ['Acme Corp', 'Globex']);
    el.backend = memoryBackend();
    await expectRows(el, ALL_BY_DATE);
  });
});
