import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/customer-console.js';
import type { CustomerFilters } from '../../components/customer-filters/customer-filters.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { backendContext } from '../../components/shared/backend-context.js';
import { ContextEvent } from '@lit/context';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { CustomerListParams } from '../../src/query/types.js';
import { axeRun } from '../support/axe.js';
import { NOW, memoryBackend } from '../support/customers.js';
import { nextFrame, until } from '../support/wait.js';
import { SharedLookupsBackend } from '../../src/backend/shared-lookups.js';


const ALL_BY_DATE = ['Acme Corp', 'Initech', 'Globex', 'Hooli', 'Société Générale', 'Umbrella'];

async function expectNoAxeViolations(el: Element): Promise<void> {
  const { violations } = await axeRun(el);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).to.deep.equal([]);
}

function filtersOf(el: CustomerConsole): CustomerFilters {
  return el.shadowRoot!.querySelector('customer-filters')!;
}

function inFilters(el: CustomerConsole, selector: string): HTMLElement {
  const found = filtersOf(el).shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in customer-filters`);
  return found;
}

function tableRoot(el: CustomerConsole): ShadowRoot {
  return el.shadowRoot!.querySelector('customer-table')!.shadowRoot!;
}

/** The customer names the table shows, top to bottom. */
function shownNames(el: CustomerConsole): string[] {
  return [...tableRoot(el).querySelectorAll<HTMLElement>('.body-row[data-row]')]
    .sort((a, b) => Number(a.dataset['row']) - Number(b.dataset['row']))
    .map((row) => row.querySelector('[part~="name"]')?.textContent?.trim() ?? '(placeholder)');
}

/** Waits until the table shows `expected`, then asserts it (so a failure prints both lists). */
async function expectRows(el: CustomerConsole, expected: string[]): Promise<void> {
  await until(() => JSON.stringify(shownNames(el)) === JSON.stringify(expected), `rows ${expected.join(', ')}`).catch(
    () => undefined,
  );
  expect(shownNames(el)).to.deep.equal(expected);
}

async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  const name = (e: Element | null) => (e ? `${e.localName}#${e.id} "${e.textContent?.trim().slice(0, 30)}"` : 'nothing');
  expect(active === target, `focus on ${name(target)}, not ${name(active)}`).to.equal(true);
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
  const calls: { params: CustomerListParams; release: () => void }[] = [];
  const backend = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'listCustomers') {
        return (params: CustomerListParams) =>
          new Promise((resolve, reject) => {
            calls.push({ params, release: () => void target.listCustomers(params).then(resolve, reject) });
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
    await until(() => inFilters(el, '[data-status="all"] .count')?.textContent === '6', 'counts from the table');
    expect(el.shadowRoot!.querySelector('[part="add-button"]')!.textContent).to.contain('Add customer');
    await expectNoAxeViolations(el);
  });

  it('narrows the rows by search text', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    inFilters(el, '#search').focus();
    await sendKeys({ type: 'société' });
    await expectRows(el, ['Société Générale']);
    await until(() => inFilters(el, '[data-status="all"] .count').textContent === '1', 'counts for the search');
    expect([...filtersOf(el).shadowRoot!.querySelectorAll('.count')].map((c) => c.textContent)).to.deep.equal(['1', '1', '0', '0']);
    expect(new URLSearchParams(urlQuery()).get('q')).to.equal('société');
    await sendKeys({ press: 'Escape' });
    await expectRows(el, ALL_BY_DATE);
  });

  it('narrows the rows by status tab', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(inFilters(el, '[data-status="expired"]'));
    await expectRows(el, ['Hooli', 'Umbrella']);
    await click(inFilters(el, '[data-status="trial"]'));
    await expectRows(el, ['Initech']);
    await expectNoAxeViolations(el);
  });

  it('narrows the rows by plan, app and date joined', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);

    await click(inFilters(el, '#plan-button'));
    const starter = [...filtersOf(el).shadowRoot!.querySelectorAll('.check')].find((c) => c.textContent!.includes('Starter'))!;
    await click(starter.querySelector('input')!);
    // Hooli's trial on Starter has ended: Hooli is on the free plan now, not on Starter.
    await expectRows(el, ['Globex']);
    await sendKeys({ press: 'Escape' });
    await click(inFilters(el, '.chip'));
    await expectRows(el, ALL_BY_DATE);

    await click(inFilters(el, '#app-button'));
    await sendKeys({ type: 'huddle' });
    await sendKeys({ press: 'Enter' });
    await expectRows(el, ['Acme Corp', 'Initech']);
    await click(inFilters(el, '.clear-all'));
    await expectRows(el, ALL_BY_DATE);

    await click(inFilters(el, '#joined-button'));
    const last7 = [...filtersOf(el).shadowRoot!.querySelectorAll('.preset')].find((b) => b.textContent!.includes('7 days'))!;
    await click(last7);
    await expectRows(el, ['Acme Corp', 'Initech']);

    await click(inFilters(el, '#joined-button'));
    (inFilters(el, '#joined-from') as HTMLInputElement).focus();
    await sendKeys({ type: '01012026' });
    (inFilters(el, '#joined-to') as HTMLInputElement).focus();
    await sendKeys({ type: '06302026' });
    await click(inFilters(el, '.apply'));
    await expectRows(el, ['Société Générale']);
    expect(urlQuery()).to.equal('joined_from=2026-01-01&joined_to=2026-06-30');
  });

  it('removes one filter with its chip and all of them with Clear all', async () => {
    setUrlQuery('status=active&plan=starter&plan=enterprise');
    const el = await openConsole();
    await expectRows(el, ['Globex', 'Société Générale']);
    const planChip = [...filtersOf(el).shadowRoot!.querySelectorAll<HTMLElement>('.chip')].find((c) =>
      c.textContent!.includes('Enterprise'),
    )!;
    await click(planChip);
    await expectRows(el, ['Globex']);
    expect(urlQuery()).to.equal('plan=starter&status=active');
    await click(inFilters(el, '.clear-all'));
    await expectRows(el, ALL_BY_DATE);
    expect(urlQuery()).to.equal('');
  });

  it('restores the query from the URL, follows changes into it, and Back restores the previous list', async () => {
    setUrlQuery('status=expired&sort=name');
    const el = await openConsole();
    await expectRows(el, ['Hooli', 'Umbrella']);
    expect(inFilters(el, '[data-status="expired"]').getAttribute('aria-selected')).to.equal('true');
    const lengthBefore = history.length;

    await click(inFilters(el, '[data-status="all"]'));
    await expectRows(el, ['Acme Corp', 'Globex', 'Hooli', 'Initech', 'Société Générale', 'Umbrella']);
    expect(urlQuery()).to.equal('sort=name');
    expect(history.length).to.equal(lengthBefore + 1);

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await expectRows(el, ['Hooli', 'Umbrella']);
    expect(inFilters(el, '[data-status="expired"]').getAttribute('aria-selected')).to.equal('true');
    expect(urlQuery()).to.equal('status=expired&sort=name');
  });

  it('keeps typing out of the history: search text replaces the entry instead of pushing one', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const lengthBefore = history.length;
    inFilters(el, '#search').focus();
    await sendKeys({ type: 'glo' });
    await expectRows(el, ['Globex']);
    await sendKeys({ type: 'b' });
    await until(() => urlQuery() === 'q=glob', 'q=glob in the URL');
    expect(history.length).to.equal(lengthBefore);
  });

  it('sorts by a header click and puts the sort in the URL', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    await click(tableRoot(el).querySelector('[role="columnheader"][data-column="customer"]')!);
    await expectRows(el, ['Acme Corp', 'Globex', 'Hooli', 'Initech', 'Société Générale', 'Umbrella']);
    expect(urlQuery()).to.equal('sort=name');
    await click(tableRoot(el).querySelector('[role="columnheader"][data-column="customer"]')!);
    await expectRows(el, ['Umbrella', 'Société Générale', 'Initech', 'Hooli', 'Globex', 'Acme Corp']);
    expect(urlQuery()).to.equal('sort=-name');
  });

  it('clears the filters when the table asks to, from its no-match state', async () => {
    setUrlQuery('q=nobody-matches-this');
    const el = await openConsole();
    await until(() => tableRoot(el).querySelector('[data-state="no-match"]') !== null, 'the no-match state');
    await expectNoAxeViolations(el);
    await click(tableRoot(el).querySelector('[data-state="no-match"] button')!);
    await expectRows(el, ALL_BY_DATE);
    expect(urlQuery()).to.equal('');
    expect((inFilters(el, '#search') as HTMLInputElement).value).to.equal('');
  });

  it('reports URL parameters it could not use, without failing the list', async () => {
    setUrlQuery('status=bogus&plan=starter&joined_from=2026-99-99');
    const el = await openConsole();
    await expectRows(el, ['Globex']);
    const notice = el.shadowRoot!.querySelector('.url-problems')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('Status "bogus" is unknown');
    expect(notice.textContent).to.contain('"2026-99-99"');
    await expectNoAxeViolations(el);
    await click(notice.querySelector('button')!);
    expect(el.shadowRoot!.querySelector('.url-problems')).to.equal(null);
  });

  it('never shows an older answer over a newer one (server mode, answers out of order)', async () => {
    const { backend, calls } = gatedBackend(memoryBackend());
    const el = await openConsole(backend, 'server');
    await until(() => calls.length === 1, 'the first list request');
    calls[0]!.release();
    await expectRows(el, ALL_BY_DATE);

    await click(inFilters(el, '[data-status="active"]'));
    await until(() => calls.some((c) => c.params.status === 'active'), 'the active request');
    await click(inFilters(el, '[data-status="trial"]'));
    await until(() => calls.some((c) => c.params.status === 'trial'), 'the trial request');
    calls.find((c) => c.params.status === 'trial')!.release();
    await expectRows(el, ['Initech']);
    calls.find((c) => c.params.status === 'active')!.release();
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(shownNames(el)).to.deep.equal(['Initech']);
    expect(inFilters(el, '[data-status="trial"]').getAttribute('aria-selected')).to.equal('true');
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
    await until(() => tableRoot(el).querySelector('[data-state="error"]') !== null, 'the error state');
    expect(tableRoot(el).querySelector('[data-state="error"]')!.textContent).to.contain('The list is briefly unavailable.');
    await expectNoAxeViolations(el);
    await click(tableRoot(el).querySelector('[data-state="error"] button')!);
    await expectRows(el, ['Acme Corp', 'Globex', 'Société Générale']);
    expect(urlQuery()).to.equal('status=active');
    expect(inFilters(el, '[data-status="active"]').getAttribute('aria-selected')).to.equal('true');
  });

  it('fires one customer-select, from the console, when a row is opened', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const seen: { id: number; target: EventTarget | null }[] = [];
    const record = (e: Event) => seen.push({ id: (e as CustomEvent<{ id: number }>).detail.id, target: e.target });
    document.addEventListener('customer-select', record);
    const row = [...tableRoot(el).querySelectorAll<HTMLElement>('.body-row')].find((r) => r.textContent!.includes('Globex'))!;
    await click(row.querySelector('[part~="name"]')!);
    document.removeEventListener('customer-select', record);
    expect(seen).to.have.length(1);
    expect(seen[0]!.id).to.equal(2);
    expect(seen[0]!.target === el).to.equal(true);
  });

  it('opens a placeholder dialog from "Add customer" that Escape closes, returning focus', async () => {
    const el = await openConsole();
    await expectRows(el, ALL_BY_DATE);
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part="add-button"]')!;
    await click(button);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('comes in a later release');
    expect(el.shadowRoot!.activeElement?.closest('dialog') === dialog).to.equal(true);
    await expectNoAxeViolations(el);
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expectFocusOn(button);
  });

  it('closes the dialog on a backdrop click, returning focus', async () => {
    const el = await openConsole();
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part="add-button"]')!;
    await click(button);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
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
    expect(inFilters(el, '[data-status="trial"]').getAttribute('aria-selected')).to.equal('true');
  });

  it('leaves the URL alone with no-url-sync', async () => {
    setUrlQuery('status=expired');
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW}></customer-console>`,
    );
    await expectRows(el, ALL_BY_DATE);
    await click(inFilters(el, '[data-status="trial"]'));
    await expectRows(el, ['Initech']);
    expect(urlQuery()).to.equal('status=expired');
  });

  it('shows its own texts from the strings property', async () => {
    const el = await fixture<CustomerConsole>(
      html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW} .strings=${{ title: 'Clients', addCustomer: 'Ajouter un client' }}></customer-console>`,
    );
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Clients');
    expect(el.shadowRoot!.querySelector('[part="add-button"]')!.textContent!.trim()).to.equal('Ajouter un client');
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
    await click(el.shadowRoot!.querySelector('[part="add-button"]')!);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
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
});
