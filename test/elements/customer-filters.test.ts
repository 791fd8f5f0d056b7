import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import '../../components/customer-filters/define.js';
import type { CustomerFilters } from '../../components/customer-filters/define.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { backendContext } from '../../components/shared/backend-context.js';
import type { Backend } from '../../src/backend/backend.js';
import { generateApps } from '../../src/backend/generate.js';
import type { CustomerListParams } from '../../src/query/types.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allByPart, byRole } from '../support/by-role.js';
import { APPS, NOW, PLANS, memoryBackend } from '../support/customers.js';
import {
  activeAppOption,
  appCombobox,
  appOptions,
  applyButton,
  chipLabels,
  chips,
  clearAllButton,
  clearSearchButton,
  dateField,
  fieldErrors,
  isOpen,
  panelOf,
  pickerButton,
  planCheckbox,
  planLabels,
  presetButton,
  searchBox,
  tab,
  tabCounts,
  tabs,
} from '../support/filter-queries.js';
import { expectFocusOn } from '../support/focus.js';
import { click, press, type } from '../support/user.js';
import { nextEvent, nextFrame, until } from '../support/wait.js';

/** Collects every query-change the element fires. */
function recordQueries(el: CustomerFilters): CustomerQuery[] {
  const seen: CustomerQuery[] = [];
  el.addEventListener('query-change', (e) => seen.push(e.detail.query));
  return seen;
}

async function filters(query: CustomerQuery = DEFAULT_QUERY): Promise<CustomerFilters> {
  const el = await fixture<CustomerFilters>(
    html`<customer-filters .backend=${memoryBackend()} .now=${NOW} .query=${query}></customer-filters>`,
  );
  await until(() => tabCounts(el).length === 4 && planLabels(el).length > 0, 'counts and plans');
  return el;
}

/** Every listCustomers request a backend receives (the filters ask only for counts). */
function countingBackend(inner: Backend): { backend: Backend; requests: CustomerListParams[] } {
  const requests: CustomerListParams[] = [];
  const backend = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'listCustomers') {
        return (params: CustomerListParams, options?: { signal?: AbortSignal }) => {
          requests.push(params);
          return target.listCustomers(params, options);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Backend;
  return { backend, requests };
}

describe('customer-filters', () => {
  afterEach(async () => {
    // A popover left open by a failed test must not steal the next test's clicks.
    await sendMouse({ type: 'click', position: [1, 1] });
  });

  it('shows status tabs with the counts from the backend, and no axe violations', async () => {
    const el = await filters();
    const all = tabs(el);
    expect(all.map((t) => t.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'All 6',
      'Active 3',
      'In trial 1',
      'Expired subscription 2',
    ]);
    expect(byRole(el.shadowRoot!, 'radiogroup').getAttribute('aria-label')).to.equal('Subscription status');
    expect(all.map((t) => t.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'false', 'false']);
    expect(all.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    await expectNoAxeViolations(el);
  });

  it('sends search text once typing pauses, and Escape clears it', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    searchBox(el).focus();
    await type('glob');
    expect(seen).to.have.length(0);
    await until(() => seen.length === 1, 'the debounced query');
    expect(seen[0]!.q).to.equal('glob');
    expect(seen[0]!.page).to.equal(1);
    await press('Escape');
    expect(seen.at(-1)!.q).to.equal('');
    expect(searchBox(el).value).to.equal('');
  });

  it('sends the search at once with Enter, whatever the delay', async () => {
    const el = await filters();
    el.searchDelay = 60_000;
    const seen = recordQueries(el);
    searchBox(el).focus();
    await type('acme');
    expect(seen).to.have.length(0);
    await press('Enter');
    expect(seen.map((q) => q.q)).to.deep.equal(['acme']);
  });

  it('clears the search with its clear button and keeps focus in the field', async () => {
    const el = await filters({ ...DEFAULT_QUERY, q: 'acme' });
    const seen = recordQueries(el);
    expect(searchBox(el).value).to.equal('acme');
    await click(clearSearchButton(el));
    expect(seen.at(-1)!.q).to.equal('');
    expectFocusOn(searchBox(el));
  });

  it('recounts the tabs for the search text (counts ignore the status)', async () => {
    const el = await filters({ ...DEFAULT_QUERY, status: 'trial', q: 'i' });
    await until(() => tabCounts(el)[0] === '3', 'counts for "i"');
    // Initech (trial), Société Générale (active) and Hooli (expired) contain an "i".
    expect(tabCounts(el)).to.deep.equal(['3', '1', '1', '1']);
  });

  it('asks for counts again only when what they count changes (not for a status, a sort or a page)', async () => {
    const { backend, requests } = countingBackend(memoryBackend());
    const el = await fixture<CustomerFilters>(html`<customer-filters .backend=${backend} .now=${NOW}></customer-filters>`);
    await until(() => tabCounts(el).length === 4, 'counts');
    expect(requests).to.have.length(1);
    el.query = { ...DEFAULT_QUERY, status: 'trial', sort: { key: 'name', dir: 'asc' }, page: 3 };
    await el.updateComplete;
    el.query = { ...DEFAULT_QUERY };
    await el.updateComplete;
    expect(requests, 'an equal query, or one differing only in status, sort or page').to.have.length(1);
    el.query = { ...DEFAULT_QUERY, plans: ['growth'] };
    await until(() => tabCounts(el)[0] === '2', 'counts for Growth');
    expect(requests).to.have.length(2);
    expect(requests[1]).to.deep.equal({ plan: ['growth'], page: 1, per_page: 1 });
  });

  it('is a radio group: arrow keys, Home and End move to a status and choose it, wrapping at the ends', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click(tab(el, 'Active'));
    expect(seen.at(-1)!.status).to.equal('active');
    await press('ArrowRight');
    expectFocusOn(tab(el, 'In trial'));
    expect(seen.at(-1)!.status).to.equal('trial');
    await press('End');
    expectFocusOn(tab(el, 'Expired subscription'));
    expect(seen.at(-1)!.status).to.equal('expired');
    await press('ArrowRight');
    expectFocusOn(tab(el, 'All'));
    expect(seen.at(-1)!.status).to.equal('all');
    await press('ArrowLeft');
    expect(seen.map((q) => q.status)).to.deep.equal(['active', 'trial', 'expired', 'all', 'expired']);
    await el.updateComplete;
    expectFocusOn(tab(el, 'Expired subscription'));
    expect(tabs(el).map((t) => t.getAttribute('aria-checked'))).to.deep.equal(['false', 'false', 'false', 'true']);
    expect(tabs(el).map((t) => t.tabIndex), 'one tab stop, on the chosen status').to.deep.equal([-1, -1, -1, 0]);
    await expectNoAxeViolations(el);
  });

  it('has one tab stop, the chosen status, that Tab leaves and comes back to', async () => {
    const el = await filters();
    await click(tab(el, 'Active'));
    await press('ArrowRight');
    expectFocusOn(tab(el, 'In trial'));
    await press('Tab');
    expect(tabs(el).includes(deepActiveElement() as HTMLElement), 'focus left the statuses').to.equal(false);
    await press('Shift+Tab');
    expectFocusOn(tab(el, 'In trial'));
    expect(tabs(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tab(el, 'In trial')]);
    // A status set from outside (the URL, say) moves the tab stop with it.
    el.query = { ...DEFAULT_QUERY, status: 'expired' };
    await el.updateComplete;
    expect(tabs(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tab(el, 'Expired subscription')]);
  });

  it('mirrors the arrow keys right-to-left', async () => {
    const el = await filters();
    el.dir = 'rtl';
    tab(el, 'All').focus();
    await press('ArrowLeft');
    expectFocusOn(tab(el, 'Active'));
  });

  it('mirrors the arrow keys under a right-to-left ancestor, across a shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const inner = host.attachShadow({ mode: 'open' });
    const el = document.createElement('customer-filters');
    Object.assign(el, { plans: PLANS, apps: APPS, counts: null });
    inner.append(el);
    await el.updateComplete;
    tab(el, 'All').focus();
    await press('ArrowLeft');
    expectFocusOn(tab(el, 'Active'));
    await press('ArrowRight');
    expectFocusOn(tab(el, 'All'));
  });

  it('picks several plans in a popover that Escape closes, returning focus', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    const button = pickerButton(el, 'Plan');
    const panel = panelOf(button);
    await click(button);
    expect(isOpen(panel)).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    // Free plan from listPlans, after the partner's plans.
    expect(planLabels(el)).to.deep.equal(['Starter', 'Growth', 'Enterprise', 'Free']);
    await expectNoAxeViolations(el);
    await press('Space');
    expect(seen.at(-1)!.plans).to.deep.equal(['starter']);
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Space');
    expect(seen.at(-1)!.plans).to.deep.equal(['starter', 'enterprise']);
    expect(isOpen(panel)).to.equal(true);
    await press('Escape');
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(button);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.textContent).to.contain('2 plans');
  });

  it('closes a popover on a click outside and returns focus to its button', async () => {
    const el = await filters();
    const button = pickerButton(el, 'Plan');
    const panel = panelOf(button);
    await click(button);
    expect(isOpen(panel)).to.equal(true);
    const box = panel.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.right + 40), Math.round(box.bottom + 40)] });
    // Focus goes back to the button once the browser has moved it (a task after the click).
    await until(() => deepActiveElement() === button, 'focus back on the button');
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(button);
  });

  it('opens a picker with Enter, and closes it when focus tabs out', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <customer-filters .backend=${memoryBackend()} .now=${NOW}></customer-filters>
      <button id="after">Next control on the page</button>
    </div>`);
    const el = wrapper.querySelector('customer-filters')!;
    await until(() => tabCounts(el).length === 4, 'counts');
    const button = pickerButton(el, 'Date joined');
    button.focus();
    await press('Enter');
    const panel = panelOf(button);
    expect(isOpen(panel)).to.equal(true);
    expect(panel.contains(deepActiveElement())).to.equal(true);
    // From the Apply button (the panel's last control) Tab leaves the panel.
    applyButton(el).focus();
    await press('Tab');
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(wrapper.querySelector('#after')!);
  });

  it('closes a popover when Tab moves focus to the next control inside the same shadow root, and a later Escape leaves focus alone', async () => {
    const el = await filters();
    const planButton = pickerButton(el, 'Plan');
    const panel = panelOf(planButton);
    await click(planButton);
    expect(isOpen(panel)).to.equal(true);
    // The last plan checkbox; Tab goes on to the App button, inside the filters' own shadow root,
    // a move that focusin on document never hears.
    planCheckbox(el, 'Free').focus();
    await press('Tab');
    const appButton = pickerButton(el, 'App');
    expectFocusOn(appButton);
    expect(isOpen(panel), 'the plan panel closed when focus left it').to.equal(false);
    await press('Escape');
    expectFocusOn(appButton);
  });

  it('leaves an Escape pressed outside an open popover to whatever it was pressed in', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <customer-filters .backend=${memoryBackend()} .now=${NOW}></customer-filters>
      <input id="elsewhere" aria-label="Elsewhere" />
    </div>`);
    const el = wrapper.querySelector('customer-filters')!;
    await until(() => planLabels(el).length > 0, 'plans');
    const planButton = pickerButton(el, 'Plan');
    const panel = panelOf(planButton);
    await click(planButton);
    expect(isOpen(panel)).to.equal(true);
    // An Escape that reaches the page from another element (a dialog's field, say) is not the
    // popover's to take.
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    wrapper.querySelector('#elsewhere')!.dispatchEvent(escape);
    expect(escape.defaultPrevented, 'the Escape was left alone').to.equal(false);
    expect(isOpen(panel)).to.equal(true);
  });

  it('stops listening to the page when removed with a picker open', async () => {
    const el = await filters();
    await click(pickerButton(el, 'Plan'));
    expect(isOpen(panelOf(pickerButton(el, 'Plan')))).to.equal(true);
    el.remove();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(escape);
    expect(escape.defaultPrevented, 'no leftover Escape handler').to.equal(false);
    document.body.append(el);
    await el.updateComplete;
    expect(isOpen(panelOf(pickerButton(el, 'Plan')))).to.equal(false);
    expect(pickerButton(el, 'Plan').getAttribute('aria-expanded')).to.equal('false');
    el.remove();
  });

  it('places the popover under its button', async () => {
    const el = await filters();
    const button = pickerButton(el, 'Date joined');
    await click(button);
    const panel = panelOf(button);
    await until(() => panel.style.top !== '', 'a computed position');
    const b = button.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.top).to.be.closeTo(b.bottom + 6, 1);
    expect(p.left).to.be.closeTo(b.left, 1);
  });

  it('opens the popover above its button when there is no room below, and follows a scroll', async () => {
    const el = await filters();
    const button = pickerButton(el, 'Date joined');
    // The button 20px above the viewport's bottom edge, a page tall enough to scroll.
    el.style.marginBlockStart = `${window.innerHeight - button.getBoundingClientRect().bottom - 20}px`;
    document.documentElement.style.blockSize = '300vh';
    try {
      await click(button);
      const panel = panelOf(button);
      await until(() => panel.style.top !== '', 'a computed position');
      let b = button.getBoundingClientRect();
      let p = panel.getBoundingClientRect();
      expect(p.bottom).to.be.closeTo(b.top - 6, 1);
      window.scrollBy(0, window.innerHeight - 120);
      await until(() => Math.abs(panel.getBoundingClientRect().top - (button.getBoundingClientRect().bottom + 6)) < 1, 'the panel under its button after the scroll');
      b = button.getBoundingClientRect();
      p = panel.getBoundingClientRect();
      expect(p.left).to.be.closeTo(b.left, 1);
    } finally {
      window.scrollTo(0, 0);
      document.documentElement.style.blockSize = '';
    }
  });

  it('searches the app list, shows icons, and picks an app with the keyboard', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    const button = pickerButton(el, 'App');
    await click(button);
    await until(() => appOptions(el).length === APPS.length + 1, 'app options');
    expectFocusOn(appCombobox(el));
    expect(appOptions(el).flatMap((o) => [...o.querySelectorAll('img')]).map((img) => img.getAttribute('alt'))).to.deep.equal(['', '', '', '']);
    await expectNoAxeViolations(el);
    await type('cafe');
    await el.updateComplete;
    expect(appOptions(el).map((o) => o.textContent!.trim())).to.deep.equal(['Any app', 'Café Réservations']);
    expect(activeAppOption(el) === appOptions(el)[1], 'Café Réservations is the active option').to.equal(true);
    await press('Enter');
    expect(seen.at(-1)!.app).to.equal('cafe-reservations');
    expect(isOpen(panelOf(button))).to.equal(false);
    expectFocusOn(button);
    await el.updateComplete;
    expect(button.textContent).to.contain('Café Réservations');
  });

  it('keeps a long app list scrollable and accessible, scrolling the active option into view', async () => {
    const apps = generateApps();
    const el = await fixture<CustomerFilters>(html`<customer-filters .plans=${PLANS} .apps=${apps} .counts=${null}></customer-filters>`);
    await click(pickerButton(el, 'App'));
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight);
    await expectNoAxeViolations(el);
    await press('End');
    for (let i = 0; i < 30; i++) await press('ArrowDown');
    await el.updateComplete;
    await nextFrame();
    expect(activeAppOption(el) === appOptions(el)[30], 'the 31st option is active').to.equal(true);
    const active = appOptions(el)[30]!.getBoundingClientRect();
    const box = listbox.getBoundingClientRect();
    expect(active.top >= box.top - 1 && active.bottom <= box.bottom + 1, 'active option visible').to.equal(true);
  });

  it('moves through apps with arrow keys and picks one by click', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click(pickerButton(el, 'App'));
    await press('ArrowDown');
    await press('ArrowDown');
    await el.updateComplete;
    expect(activeAppOption(el) === appOptions(el)[2], 'the third option is active').to.equal(true);
    await press('Enter');
    expect(seen.at(-1)!.app).to.equal(APPS[1]!.id);
    await click(pickerButton(el, 'App'));
    await click(appOptions(el)[0]!);
    expect(seen.at(-1)!.app).to.equal(null);
  });

  it('moves through the plan checkboxes with Up/Down, Home/End, keeping one tab stop in the list', async () => {
    const el = await filters({ ...DEFAULT_QUERY, plans: ['growth'] });
    const seen = recordQueries(el);
    await click(pickerButton(el, 'Plan'));
    await until(() => deepActiveElement() === planCheckbox(el, 'Growth'), 'focus on the chosen plan');
    await press('ArrowDown');
    expectFocusOn(planCheckbox(el, 'Enterprise'));
    await press('End');
    expectFocusOn(planCheckbox(el, 'Free'));
    await press('ArrowDown');
    expectFocusOn(planCheckbox(el, 'Starter'));
    await press('ArrowUp');
    expectFocusOn(planCheckbox(el, 'Free'));
    await press('Home');
    expectFocusOn(planCheckbox(el, 'Starter'));
    expect(seen, 'moving chooses nothing').to.have.length(0);
    await press('Space');
    expect(seen.at(-1)!.plans).to.deep.equal(['growth', 'starter']);
    await el.updateComplete;
    const stops = ['Starter', 'Growth', 'Enterprise', 'Free'].map((p) => planCheckbox(el, p).tabIndex);
    expect(stops).to.deep.equal([0, -1, -1, -1]);
    await expectNoAxeViolations(el);
  });

  it('moves through the date presets with Up/Down, Home/End, and picks one with Enter', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click(pickerButton(el, 'Date joined'));
    await until(() => deepActiveElement() === presetButton(el, 'Any time'), 'focus on the chosen preset');
    await press('ArrowDown');
    expectFocusOn(presetButton(el, 'Last 7 days'));
    await press('End');
    expectFocusOn(presetButton(el, 'This year'));
    await press('ArrowDown');
    expectFocusOn(presetButton(el, 'Any time'));
    await press('ArrowUp');
    await press('ArrowUp');
    expectFocusOn(presetButton(el, 'Last 90 days'));
    await el.updateComplete;
    const presets = ['Any time', 'Last 7 days', 'Last 30 days', 'Last 90 days', 'This year'].map((p) => presetButton(el, p));
    expect(presets.map((p) => p.tabIndex), 'one tab stop, where focus is').to.deep.equal([-1, -1, -1, 0, -1]);
    await expectNoAxeViolations(el);
    // Tab goes on from the presets to the custom range.
    await press('Tab');
    expectFocusOn(dateField(el, 'From'));
    await press('Shift+Tab');
    expectFocusOn(presetButton(el, 'Last 90 days'));
    expect(seen).to.have.length(0);
    await press('Enter');
    expect(seen.at(-1)!.joined).to.deep.equal({ preset: '90d' });
  });

  it('applies a date-joined preset', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click(pickerButton(el, 'Date joined'));
    await click(presetButton(el, 'Last 30 days'));
    expect(seen.at(-1)!.joined).to.deep.equal({ preset: '30d' });
    expect(isOpen(panelOf(pickerButton(el, 'Date joined')))).to.equal(false);
  });

  it('validates a custom range next to the fields and keeps what was typed', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    const button = pickerButton(el, 'Date joined');
    await click(button);
    const from = dateField(el, 'From');
    const to = dateField(el, 'To');
    // Nothing entered.
    await click(applyButton(el));
    expect(fieldErrors(el).map((e) => e.textContent)).to.deep.equal(['Enter a start date, an end date, or both.']);
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(from.getAttribute('aria-describedby')).to.equal(fieldErrors(el)[0]!.id);
    // The end before the start (typed as the en-US date field expects: month, day, year).
    from.focus();
    await type('03152026');
    to.focus();
    await type('02012026');
    expect([from.value, to.value]).to.deep.equal(['2026-03-15', '2026-02-01']);
    await click(applyButton(el));
    expect(fieldErrors(el).map((e) => e.textContent)).to.deep.equal(['The end date is before the start date.']);
    expect(to.getAttribute('aria-describedby')).to.equal(fieldErrors(el)[0]!.id);
    expect(from.hasAttribute('aria-describedby'), 'no message left on the start date').to.equal(false);
    expect([from.value, to.value]).to.deep.equal(['2026-03-15', '2026-02-01']);
    expectFocusOn(to);
    expect(isOpen(panelOf(button))).to.equal(true);
    await expectNoAxeViolations(el);
    expect(seen).to.have.length(0);
    // Fixed.
    to.focus();
    await type('04012026');
    await click(applyButton(el));
    expect(seen.at(-1)!.joined).to.deep.equal({ from: '2026-03-15', to: '2026-04-01' });
    expect(isOpen(panelOf(button))).to.equal(false);
    expectFocusOn(button);
  });

  it('flags a half-typed date as incomplete instead of treating it as empty', async () => {
    const el = await filters();
    await click(pickerButton(el, 'Date joined'));
    const from = dateField(el, 'From');
    from.focus();
    await type('03');
    await click(applyButton(el));
    expect(fieldErrors(el).map((e) => e.textContent)).to.deep.equal(['Enter a complete date.']);
    expect(from.getAttribute('aria-describedby')).to.equal(fieldErrors(el)[0]!.id);
  });

  it('shows active filters as chips; removing one drops only that filter and keeps focus on the chips', async () => {
    const query: CustomerQuery = {
      ...DEFAULT_QUERY,
      q: 'acme',
      status: 'trial',
      plans: ['starter', 'growth'],
      app: 'ledgerly',
      joined: { preset: '7d' },
      sort: { key: 'name', dir: 'asc' },
    };
    const el = await filters(query);
    await until(() => chips(el)[2]?.textContent!.includes('Starter') ?? false, 'plan names in chips');
    expect(chipLabels(el)).to.deep.equal([
      'Search: “acme”',
      'Status: In trial',
      'Plan: Starter',
      'Plan: Growth',
      'App: Ledgerly',
      'Joined: Last 7 days',
    ]);
    expect(chips(el)[2]!.getAttribute('aria-label')).to.equal('Remove filter: Plan: Starter');
    await expectNoAxeViolations(el);
    const seen = recordQueries(el);
    await click(chips(el)[2]!);
    expect(seen.at(-1)).to.deep.equal({ ...query, plans: ['growth'] });
    await el.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Plan: Growth');
    await press('Enter');
    expect(seen.at(-1)!.plans).to.deep.equal([]);
  });

  it('clears every filter with Clear all but keeps the sort', async () => {
    const el = await filters({
      ...DEFAULT_QUERY,
      q: 'acme',
      status: 'active',
      app: 'ledgerly',
      page: 3,
      sort: { key: 'tasks_used', dir: 'asc' },
    });
    const seen = recordQueries(el);
    await click(clearAllButton(el));
    expect(seen.at(-1)).to.deep.equal({ ...DEFAULT_QUERY, sort: { key: 'tasks_used', dir: 'asc' } });
    await el.updateComplete;
    expect(chips(el)).to.have.length(0);
    expect(searchBox(el).value).to.equal('');
    expectFocusOn(searchBox(el));
  });

  it('restores every control from a query set later', async () => {
    const el = await filters();
    el.query = {
      ...DEFAULT_QUERY,
      q: 'Initech',
      status: 'expired',
      plans: ['enterprise'],
      app: 'huddle-chat',
      joined: { from: '2026-01-01', to: null },
    };
    await el.updateComplete;
    expect(searchBox(el).value).to.equal('Initech');
    expect(tab(el, 'Expired subscription').getAttribute('aria-checked')).to.equal('true');
    expect(pickerButton(el, 'Plan').textContent).to.contain('Enterprise');
    expect(pickerButton(el, 'App').textContent).to.contain('Huddle Chat');
    expect(dateField(el, 'From').value).to.equal('2026-01-01');
    expect(chipLabels(el)).to.include('Plan: Enterprise');
    expect(planCheckbox(el, 'Enterprise').checked).to.equal(true);
  });

  it('uses plans, apps and counts given as properties without a backend', async () => {
    const el = await fixture<CustomerFilters>(html`<customer-filters
      .plans=${PLANS}
      .apps=${APPS}
      .counts=${{ all: 10, active: 5, trial: 3, expired: 2 }}
    ></customer-filters>`);
    expect(tabCounts(el)).to.deep.equal(['10', '5', '3', '2']);
    expect(planLabels(el)).to.have.length(PLANS.length);
  });

  it('says when the choices could not load, and Retry loads them', async () => {
    const inner = memoryBackend();
    let failuresLeft = 1;
    const flaky = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'listPlans') {
          return (options?: { signal?: AbortSignal }) =>
            failuresLeft-- > 0 ? Promise.reject(new Error('plans are briefly unavailable')) : target.listPlans(options);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Backend;
    const el = await fixture<CustomerFilters>(html`<customer-filters .backend=${flaky} .now=${NOW}></customer-filters>`);
    const button = pickerButton(el, 'Plan');
    await click(button);
    const panel = panelOf(button);
    await until(() => panel.textContent!.includes('Could not load the choices.'), 'the load error');
    expect(planLabels(el)).to.deep.equal([]);
    await expectNoAxeViolations(el);
    await click(byRole(panel, 'button', 'Retry'));
    await until(() => planLabels(el).length > 0, 'plans after Retry');
    expect(planLabels(el)).to.deep.equal(['Starter', 'Growth', 'Enterprise', 'Free']);
    expect(panel.textContent).not.to.contain('Could not load the choices.');
  });

  it('loads from the backend a provider gives through backendContext', async () => {
    class TestBackendProvider extends HTMLElement {
      provider = new ContextProvider(this, { context: backendContext, initialValue: memoryBackend() });
    }
    if (!customElements.get('test-backend-provider')) customElements.define('test-backend-provider', TestBackendProvider);
    const wrapper = await fixture<HTMLElement>(
      html`<test-backend-provider><customer-filters .now=${NOW}></customer-filters></test-backend-provider>`,
    );
    const el = wrapper.querySelector('customer-filters')!;
    await until(() => tabCounts(el).length === 4, 'counts from the provided backend');
    expect(tabCounts(el)).to.deep.equal(['6', '3', '1', '2']);
  });

  it('formats counts and chip dates for the lang of an ancestor, and follows a change of it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de">
      <customer-filters
        .plans=${PLANS}
        .apps=${APPS}
        .counts=${{ all: 1204, active: 1000, trial: 200, expired: 4 }}
        .query=${{ ...DEFAULT_QUERY, joined: { from: '2026-01-01', to: '2026-06-30' } }}
      ></customer-filters>
    </div>`);
    const el = wrapper.querySelector('customer-filters')!;
    expect(tabCounts(el)).to.deep.equal(['1.204', '1.000', '200', '4']);
    expect(chipLabels(el)).to.deep.equal(['Joined: 01.01.2026 – 30.06.2026']);
    expect(pickerButton(el, 'Date joined').textContent).to.contain('01.01.2026 – 30.06.2026');
    wrapper.lang = 'en-US';
    await until(() => tabCounts(el)[0] === '1,204', 'counts in English after the lang change');
    expect(chipLabels(el)).to.deep.equal(['Joined: Jan 1, 2026 – Jun 30, 2026']);
    // Its own lang wins over the ancestor's.
    el.lang = 'fr';
    const french = new Intl.NumberFormat('fr').format(1204);
    expect(french).not.to.equal('1,204');
    await until(() => tabCounts(el)[0] === french, 'counts in French');
  });

  it('shows translated texts from a partial strings override, keeping the other defaults', async () => {
    const el = await fixture<CustomerFilters>(html`<customer-filters
      .plans=${PLANS}
      .apps=${APPS}
      .counts=${null}
      .strings=${{ statusAll: 'Alle', status: { trial: 'Testphase' }, planButton: 'Tarif' }}
    ></customer-filters>`);
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Alle', 'Active', 'Testphase', 'Expired subscription']);
    expect(pickerButton(el, 'Tarif').textContent!.trim()).to.equal('Tarif');
    expect(searchBox(el).getAttribute('aria-label')).to.equal('Search customers');
  });

  it('fires query-change as a composed, bubbling event', async () => {
    const el = await filters();
    setTimeout(() => tab(el, 'In trial').click());
    const event = await oneEvent(el, 'query-change');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('delivers query-change, typed, to a listener on document', async () => {
    const el = await filters();
    const received = nextEvent<CustomEvent>(document, 'query-change');
    let status: string | undefined;
    // Typed through DocumentEventMap: `e.detail.query` needs no cast.
    const listener = (e: DocumentEventMap['query-change']) => (status = e.detail.query.status);
    document.addEventListener('query-change', listener, { once: true });
    await click(tab(el, 'In trial'));
    const event = await received;
    expect(event.target === el).to.equal(true);
    expect(event.detail).to.deep.equal({ query: { ...DEFAULT_QUERY, status: 'trial' } });
    expect(status).to.equal('trial');
    expect(allByPart(el.shadowRoot!, 'tab-selected').map((t) => t.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['In trial 1']);
  });
});
