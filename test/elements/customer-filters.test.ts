import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../../components/customer-filters/define.js';
import type { CustomerFilters } from '../../components/customer-filters/customer-filters.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import { generateApps } from '../../src/backend/generate.js';
import { ContextProvider } from '@lit/context';
import { backendContext } from '../../components/shared/backend-context.js';
import { axeRun } from '../support/axe.js';
import { APPS, NOW, PLANS, memoryBackend } from '../support/customers.js';
import { nextFrame, until } from '../support/wait.js';


async function expectNoAxeViolations(el: Element): Promise<void> {
  const { violations } = await axeRun(el);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).to.deep.equal([]);
}

/** Compares identities, so a failure reports names instead of serialising two DOM nodes. */
function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  const describe = (e: Element | null) => (e ? `${e.localName}#${e.id}.${[...e.classList].join('.')} "${e.textContent?.trim().slice(0, 30)}"` : 'nothing');
  expect(active === target, `focus on ${describe(target)}, not ${describe(active)}`).to.equal(true);
}

function $(el: CustomerFilters, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function $$(el: CustomerFilters, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

function isOpen(panel: HTMLElement): boolean {
  return panel.matches(':popover-open');
}

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
  await until(() => $$(el, '.count').length === 4 && $$(el, '#plan-panel .check').length > 0, 'counts and plans');
  return el;
}

describe('customer-filters', () => {
  afterEach(async () => {
    // A popover left open by a failed test must not steal the next test's clicks.
    await sendMouse({ type: 'click', position: [1, 1] });
  });

  it('shows status tabs with the counts from the backend, and no axe violations', async () => {
    const el = await filters();
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((t) => t.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'All 6',
      'Active 3',
      'In trial 1',
      'Expired subscription 2',
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    await expectNoAxeViolations(el);
  });

  it('sends search text once typing pauses, and Escape clears it', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    $(el, '#search').focus();
    await sendKeys({ type: 'glob' });
    expect(seen).to.have.length(0);
    await until(() => seen.length === 1, 'the debounced query');
    expect(seen[0]!.q).to.equal('glob');
    expect(seen[0]!.page).to.equal(1);
    await sendKeys({ press: 'Escape' });
    expect(seen.at(-1)!.q).to.equal('');
    expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
  });

  it('clears the search with its clear button and keeps focus in the field', async () => {
    const el = await filters({ ...DEFAULT_QUERY, q: 'acme' });
    const seen = recordQueries(el);
    expect(($(el, '#search') as HTMLInputElement).value).to.equal('acme');
    await click($(el, '.search-clear'));
    expect(seen.at(-1)!.q).to.equal('');
    expectFocusOn($(el, '#search'));
  });

  it('recounts the tabs for the search text (counts ignore the status)', async () => {
    const el = await filters({ ...DEFAULT_QUERY, status: 'trial', q: 'i' });
    await until(() => $(el, '[data-status="all"] .count').textContent === '3', 'counts for "i"');
    // Initech (trial), Société Générale (active) and Hooli (expired) contain an "i".
    expect($$(el, '.count').map((c) => c.textContent)).to.deep.equal(['3', '1', '1', '1']);
  });

  it('moves between status tabs with arrow keys, Home and End, and selects with Enter', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click($(el, '[data-status="active"]'));
    expect(seen.at(-1)!.status).to.equal('active');
    await sendKeys({ press: 'ArrowRight' });
    expectFocusOn($(el, '[data-status="trial"]'));
    await sendKeys({ press: 'End' });
    expectFocusOn($(el, '[data-status="expired"]'));
    await sendKeys({ press: 'ArrowRight' });
    expectFocusOn($(el, '[data-status="all"]'));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    expect(seen.at(-1)!.status).to.equal('expired');
    await el.updateComplete;
    expect($(el, '[data-status="expired"]').getAttribute('aria-selected')).to.equal('true');
  });

  it('mirrors the arrow keys right-to-left', async () => {
    const el = await filters();
    el.dir = 'rtl';
    $(el, '[data-status="all"]').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expectFocusOn($(el, '[data-status="active"]'));
  });

  it('picks several plans in a popover that Escape closes, returning focus', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    const button = $(el, '#plan-button');
    const panel = $(el, '#plan-panel');
    await click(button);
    expect(isOpen(panel)).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    // Free plan from listPlans, after the partner's plans.
    expect($$(el, '#plan-panel .check').map((l) => l.textContent!.trim())).to.deep.equal([
      'Starter',
      'Growth',
      'Enterprise',
      'Free',
    ]);
    await expectNoAxeViolations(el);
    await sendKeys({ press: 'Space' });
    expect(seen.at(-1)!.plans).to.deep.equal(['starter']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(seen.at(-1)!.plans).to.deep.equal(['starter', 'enterprise']);
    expect(isOpen(panel)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(button);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.textContent).to.contain('2 plans');
  });

  it('closes a popover on a click outside and returns focus to its button', async () => {
    const el = await filters();
    const button = $(el, '#plan-button');
    const panel = $(el, '#plan-panel');
    await click(button);
    expect(isOpen(panel)).to.equal(true);
    const box = panel.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.right + 40), Math.round(box.bottom + 40)] });
    await nextFrame();
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(button);
  });

  it('opens a picker with Enter, and closes it when focus tabs out', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <customer-filters .backend=${memoryBackend()} .now=${NOW}></customer-filters>
      <button id="after">Next control on the page</button>
    </div>`);
    const el = wrapper.querySelector('customer-filters')!;
    await until(() => $$(el, '.count').length === 4, 'counts');
    const button = $(el, '#joined-button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const panel = $(el, '#joined-panel');
    expect(isOpen(panel)).to.equal(true);
    expect(panel.contains(deepActiveElement())).to.equal(true);
    // From the Apply button (the panel's last control) Tab leaves the panel.
    ($(el, '.apply') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(isOpen(panel)).to.equal(false);
    expectFocusOn(wrapper.querySelector('#after')!);
  });

  it('stops listening to the page when removed with a picker open', async () => {
    const el = await filters();
    await click($(el, '#plan-button'));
    expect(isOpen($(el, '#plan-panel'))).to.equal(true);
    el.remove();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(escape);
    expect(escape.defaultPrevented, 'no leftover Escape handler').to.equal(false);
    document.body.append(el);
    await el.updateComplete;
    expect(isOpen($(el, '#plan-panel'))).to.equal(false);
    expect($(el, '#plan-button').getAttribute('aria-expanded')).to.equal('false');
  });

  it('places the popover under its button', async () => {
    const el = await filters();
    const button = $(el, '#joined-button');
    await click(button);
    const panel = $(el, '#joined-panel');
    await until(() => panel.style.top !== '', 'a computed position');
    const b = button.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.top).to.be.closeTo(b.bottom + 6, 1);
    expect(p.left).to.be.closeTo(b.left, 1);
  });

  it('opens the popover above its button when there is no room below, and follows a scroll', async () => {
    const el = await filters();
    const button = $(el, '#joined-button');
    // The button 20px above the viewport's bottom edge, a page tall enough to scroll.
    el.style.marginBlockStart = `${window.innerHeight - button.getBoundingClientRect().bottom - 20}px`;
    document.documentElement.style.blockSize = '300vh';
    try {
      await click(button);
      const panel = $(el, '#joined-panel');
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
    const button = $(el, '#app-button');
    await click(button);
    await until(() => $$(el, '[role="option"]').length === APPS.length + 1, 'app options');
    expectFocusOn($(el, '#app-search'));
    expect($$(el, '[role="option"] img').map((img) => img.getAttribute('alt'))).to.deep.equal(['', '', '', '']);
    await expectNoAxeViolations(el);
    await sendKeys({ type: 'cafe' });
    await el.updateComplete;
    expect($$(el, '[role="option"]').map((o) => o.textContent!.trim())).to.deep.equal(['Any app', 'Café Réservations']);
    expect($(el, '#app-search').getAttribute('aria-activedescendant')).to.equal('app-option-1');
    await sendKeys({ press: 'Enter' });
    expect(seen.at(-1)!.app).to.equal('cafe-reservations');
    expect(isOpen($(el, '#app-panel'))).to.equal(false);
    expectFocusOn(button);
    await el.updateComplete;
    expect(button.textContent).to.contain('Café Réservations');
  });

  it('keeps a long app list scrollable and accessible, scrolling the active option into view', async () => {
    const apps = generateApps();
    const el = await fixture<CustomerFilters>(html`<customer-filters .plans=${PLANS} .apps=${apps} .counts=${null}></customer-filters>`);
    await click($(el, '#app-button'));
    const listbox = $(el, '#app-listbox');
    expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight);
    await expectNoAxeViolations(el);
    await sendKeys({ press: 'End' });
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await nextFrame();
    const active = $(el, '#app-option-30').getBoundingClientRect();
    const box = listbox.getBoundingClientRect();
    expect(active.top >= box.top - 1 && active.bottom <= box.bottom + 1, 'active option visible').to.equal(true);
  });

  it('moves through apps with arrow keys and picks one by click', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click($(el, '#app-button'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '#app-search').getAttribute('aria-activedescendant')).to.equal('app-option-2');
    await sendKeys({ press: 'Enter' });
    expect(seen.at(-1)!.app).to.equal(APPS[1]!.id);
    await click($(el, '#app-button'));
    await click($(el, '#app-option-0'));
    expect(seen.at(-1)!.app).to.equal(null);
  });

  it('applies a date-joined preset', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click($(el, '#joined-button'));
    const preset = $$(el, '.preset').find((b) => b.textContent!.trim() === 'Last 30 days')!;
    await click(preset);
    expect(seen.at(-1)!.joined).to.deep.equal({ preset: '30d' });
    expect(isOpen($(el, '#joined-panel'))).to.equal(false);
  });

  it('validates a custom range next to the fields and keeps what was typed', async () => {
    const el = await filters();
    const seen = recordQueries(el);
    await click($(el, '#joined-button'));
    const from = $(el, '#joined-from') as HTMLInputElement;
    const to = $(el, '#joined-to') as HTMLInputElement;
    // Nothing entered.
    await click($(el, '.apply'));
    expect($(el, '#joined-from-error').textContent).to.equal('Enter a start date, an end date, or both.');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(from.getAttribute('aria-describedby')).to.equal('joined-from-error');
    // The end before the start (typed as the en-US date field expects: month, day, year).
    from.focus();
    await sendKeys({ type: '03152026' });
    to.focus();
    await sendKeys({ type: '02012026' });
    expect([from.value, to.value]).to.deep.equal(['2026-03-15', '2026-02-01']);
    await click($(el, '.apply'));
    expect($(el, '#joined-to-error').textContent).to.equal('The end date is before the start date.');
    expect(el.shadowRoot!.querySelector('#joined-from-error')).to.equal(null);
    expect([from.value, to.value]).to.deep.equal(['2026-03-15', '2026-02-01']);
    expectFocusOn(to);
    expect(isOpen($(el, '#joined-panel'))).to.equal(true);
    await expectNoAxeViolations(el);
    expect(seen).to.have.length(0);
    // Fixed.
    to.focus();
    await sendKeys({ type: '04012026' });
    await click($(el, '.apply'));
    expect(seen.at(-1)!.joined).to.deep.equal({ from: '2026-03-15', to: '2026-04-01' });
    expect(isOpen($(el, '#joined-panel'))).to.equal(false);
    expectFocusOn($(el, '#joined-button'));
  });

  it('flags a half-typed date as incomplete instead of treating it as empty', async () => {
    const el = await filters();
    await click($(el, '#joined-button'));
    const from = $(el, '#joined-from') as HTMLInputElement;
    from.focus();
    await sendKeys({ type: '03' });
    await click($(el, '.apply'));
    expect($(el, '#joined-from-error').textContent).to.equal('Enter a complete date.');
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
    await until(() => $$(el, '.chip')[2]?.textContent!.includes('Starter') ?? false, 'plan names in chips');
    expect($$(el, '.chip').map((c) => c.textContent!.trim())).to.deep.equal([
      'Search: “acme”',
      'Status: In trial',
      'Plan: Starter',
      'Plan: Growth',
      'App: Ledgerly',
      'Joined: Last 7 days',
    ]);
    expect($$(el, '.chip')[2]!.getAttribute('aria-label')).to.equal('Remove filter: Plan: Starter');
    await expectNoAxeViolations(el);
    const seen = recordQueries(el);
    await click($$(el, '.chip')[2]!);
    expect(seen.at(-1)).to.deep.equal({ ...query, plans: ['growth'] });
    await el.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Plan: Growth');
    await sendKeys({ press: 'Enter' });
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
    await click($(el, '.clear-all'));
    expect(seen.at(-1)).to.deep.equal({ ...DEFAULT_QUERY, sort: { key: 'tasks_used', dir: 'asc' } });
    await el.updateComplete;
    expect($$(el, '.chip')).to.have.length(0);
    expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
    expectFocusOn($(el, '#search'));
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
    expect(($(el, '#search') as HTMLInputElement).value).to.equal('Initech');
    expect($(el, '[data-status="expired"]').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#plan-button').textContent).to.contain('Enterprise');
    expect($(el, '#app-button').textContent).to.contain('Huddle Chat');
    expect(($(el, '#joined-from') as HTMLInputElement).value).to.equal('2026-01-01');
    expect($$(el, '.chip').map((c) => c.textContent!.trim())).to.include('Plan: Enterprise');
  });

  it('uses plans, apps and counts given as properties without a backend', async () => {
    const el = await fixture<CustomerFilters>(html`<customer-filters
      .plans=${PLANS}
      .apps=${APPS}
      .counts=${{ all: 10, active: 5, trial: 3, expired: 2 }}
    ></customer-filters>`);
    expect($$(el, '.count').map((c) => c.textContent)).to.deep.equal(['10', '5', '3', '2']);
    expect($$(el, '#plan-panel .check')).to.have.length(PLANS.length);
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
    await until(() => $$(el, '.count').length === 4, 'counts from the provided backend');
    expect($$(el, '.count').map((c) => c.textContent)).to.deep.equal(['6', '3', '1', '2']);
  });

  it('fires query-change as a composed, bubbling event', async () => {
    const el = await filters();
    setTimeout(() => $(el, '[data-status="trial"]').click());
    const event = await oneEvent(el, 'query-change');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });
});
