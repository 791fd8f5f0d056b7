// Every story of customer-filters and of the console (list view and customer page) renders what it is for, settles
// and passes axe (colour contrast included, so the dark and RTL variants are checked too).
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import type { ResultsChangeDetail } from '../../components/shared/events.js';
import * as consoleStories from '../../stories/customer-console.stories.js';
import * as filterStories from '../../stories/customer-filters.stories.js';
import { axeRun } from '../support/axe.js';
import { accessibleName, allByPart, allByRole, byRole } from '../support/by-role.js';
import { dataRows, filtersOf, grid, shownNames, tableMessage, tableRoot, tabNames } from '../support/console-queries.js';
import {
  chipLabels,
  chips,
  clearAllButton,
  planLabels,
  pickerButton,
  searchBox,
  tab,
  tabCounts,
  tabs,
} from '../support/filter-queries.js';
import { expectFocusOn } from '../support/focus.js';
import { backButton, pageFacts, pageHeading, pageOf, pageTabs, selectedPanel, selectedTab } from '../support/console-page-queries.js';
import { click, press } from '../support/user.js';
import { until } from '../support/wait.js';

interface StoryModule {
  default: { args?: object; render?: (args: never, context: never) => unknown };
  [name: string]: unknown;
}

interface Story {
  name?: string;
  args?: object;
  render?: (args: never, context: never) => unknown;
  loaders?: (() => Promise<Record<string, unknown>>)[];
}

/** The 100k story only differs in size; generating 100,000 customers is left to the benchmark. */
const SKIPPED = new Set(['HundredThousandClient']);

function stories(module: StoryModule): [string, Story][] {
  return Object.entries(module).filter(([name]) => name !== 'default' && !SKIPPED.has(name)) as [string, Story][];
}

/** What a story is for: when it has settled, and what must then be true. */
interface Purpose {
  ready: (container: HTMLElement) => boolean;
  check: (container: HTMLElement) => void | Promise<void>;
}

/** Events that bubbled out of the story while it rendered (listened to before it rendered). */
const resultsSeen: ResultsChangeDetail[] = [];

async function renderStory(module: StoryModule, story: Story): Promise<HTMLElement> {
  const args = { ...module.default.args, ...story.args };
  const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((load) => load()))));
  const renderFn = (story.render ?? module.default.render)!;
  const container = document.createElement('div');
  resultsSeen.length = 0;
  container.addEventListener('results-change', (e) => resultsSeen.push(e.detail));
  document.body.append(container);
  render(renderFn(args as never, { loaded } as never) as TemplateResult, container);
  return container;
}

/** Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour; fails for a see-through one. */
function luminance(color: string): number {
  const channels = (color.match(/[\d.]+/g) ?? []).map(Number);
  expect(channels.length === 3 || channels[3] === 1, `an opaque colour, not ${color}`).to.equal(true);
  const [r, g, b] = channels.slice(0, 3).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const filtersIn = (c: HTMLElement) => c.querySelector('customer-filters')!;
const consoleIn = (c: HTMLElement) => c.querySelector('customer-console')!;
const filtersReady = (c: HTMLElement) => (filtersIn(c)?.shadowRoot?.querySelector('[role="radiogroup"]') ?? null) !== null;
const hasRows = (el: CustomerConsole | null) => el !== null && el.shadowRoot !== null && shownNames(el).some((n) => n !== '(placeholder)');
const rowsReady = (c: HTMLElement) => hasRows(consoleIn(c));
/** A customer's page with its header (the name is its heading). */
const pageReady = (c: HTMLElement) => {
  const el = consoleIn(c);
  // The tab's element too: a page's elements load the first time a page shows them.
  return (
    el?.shadowRoot != null &&
    pageOf(el) !== null &&
    allByPart(pageOf(el)!, 'customer-name').length === 1 &&
    selectedPanel(el)?.querySelector('customer-dashboard, customer-collaborators, customer-settings') != null
  );
};
const customerName = (el: CustomerConsole) => allByPart(pageOf(el)!, 'customer-name')[0]!.textContent!.trim();
const messageReady = (title: string) => (c: HTMLElement) => {
  const el = consoleIn(c);
  return el?.shadowRoot?.querySelector('customer-table')?.shadowRoot != null && tableMessage(el, title) !== null;
};

/** Whether the chip's label is cut short: its text is wider than the box that shows it. */
function isCut(chip: HTMLElement): boolean {
  const label = chip.firstElementChild as HTMLElement;
  return label.scrollWidth > label.clientWidth;
}

const filterPurposes: Record<string, Purpose> = {
  Default: {
    ready: filtersReady,
    check: (c) => {
      const el = filtersIn(c);
      expect(tabs(el).map((t) => t.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'All 12,480',
        'Active 9,112',
        'In trial 1,904',
        'Expired subscription 1,464',
      ]);
      expect(planLabels(el)).to.deep.equal(['Starter', 'Growth', 'Business', 'Enterprise', 'Free']);
      expect(chips(el)).to.have.length(0);
    },
  },
  WithActiveFilters: {
    ready: filtersReady,
    check: (c) => {
      const el = filtersIn(c);
      expect(chipLabels(el)).to.deep.equal([
        'Search: “acme”',
        'Status: In trial',
        'Plan: Growth',
        'Plan: Business',
        `App: ${(el.apps ?? [])[1]!.name}`,
        'Joined: Jan 1, 2026 – Jun 30, 2026',
      ]);
      expect(pickerButton(el, 'Plan').textContent).to.contain('2 plans');
      expect(pickerButton(el, 'App').textContent).to.contain((el.apps ?? [])[1]!.name);
      expect(pickerButton(el, 'Date joined').textContent).to.contain('Jan 1, 2026 – Jun 30, 2026');
      expect(searchBox(el).value).to.equal('acme');
      expect(tab(el, 'In trial').getAttribute('aria-checked')).to.equal('true');
    },
  },
  WithoutCounts: {
    ready: filtersReady,
    check: (c) => {
      const el = filtersIn(c);
      expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['All', 'Active', 'In trial', 'Expired subscription']);
      expect(tabCounts(el)).to.deep.equal([]);
    },
  },
  HostileAndLongNames: {
    ready: filtersReady,
    check: (c) => {
      const el = filtersIn(c);
      const root = el.shadowRoot!;
      expect(root.querySelector('[part~="chip"] img, [part~="chip"] script, [part~="chip"] b, [part~="picker-button"] b')).to.equal(null);
      expect(chipLabels(el)).to.include('Search: “<script>alert(1)</script>”');
      expect(chipLabels(el)).to.include('Plan: <img src=x onerror=alert(1)>');
      expect(chipLabels(el)).to.include('App: <b>Markup</b> Studio');
      const long = chips(el).find((chip) => chip.textContent!.includes('Cooperative Federation'))!;
      expect(isCut(long), 'the long plan name is cut').to.equal(true);
      expect(long.getBoundingClientRect().width).to.be.at.most(22 * 16 + 1);
      // The whole label stays available: named in full, and shown on hover.
      const full = 'Plan: Enterprise Plus Unlimited Regional Cooperative Federation Annual Commitment Tier';
      expect(long.getAttribute('aria-label')).to.equal(`Remove filter: ${full}`);
      expect(long.title).to.equal(full);
    },
  },
  DarkTheme: {
    ready: filtersReady,
    check: (c) => {
      const el = filtersIn(c);
      const surface = getComputedStyle(searchBox(el)).backgroundColor;
      const text = getComputedStyle(searchBox(el)).color;
      expect(luminance(surface), `dark field background (${surface})`).to.be.below(0.05);
      expect(luminance(text), `light text (${text})`).to.be.above(0.5);
    },
  },
  RightToLeft: {
    ready: filtersReady,
    check: async (c) => {
      const el = filtersIn(c);
      const [all, active] = tabs(el);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(all!.getBoundingClientRect().left, 'the first tab is the rightmost').to.be.greaterThan(active!.getBoundingClientRect().left);
      // Counts follow the page's lang (ar) as the arrow keys follow its direction.
      expect(tabCounts(el)[0]).to.equal(new Intl.NumberFormat('ar').format(12_480));
      all!.focus();
      await press('ArrowLeft');
      expectFocusOn(active!);
    },
  },
  // The stories below show their state after a play function (a click, typing), which the static
  // Storybook's axe test runs (test/e2e/storybook-axe.test.ts); here: the state they start from.
  PlanPickerOpen: { ready: filtersReady, check: (c) => void expect(pickerButton(filtersIn(c), 'Plan')).to.not.equal(null) },
  AppPickerOpen: { ready: filtersReady, check: (c) => void expect(pickerButton(filtersIn(c), 'App')).to.not.equal(null) },
  DateJoinedOpen: { ready: filtersReady, check: (c) => void expect(pickerButton(filtersIn(c), 'Date joined')).to.not.equal(null) },
  NoAppsMatch: { ready: filtersReady, check: (c) => void expect(pickerButton(filtersIn(c), 'App')).to.not.equal(null) },
  CustomRangeError: { ready: filtersReady, check: (c) => void expect(pickerButton(filtersIn(c), 'Date joined')).to.not.equal(null) },
  PickersLoading: {
    ready: filtersReady,
    check: (c) => void expect(filtersIn(c).shadowRoot!.querySelector('#plan-panel')!.textContent).to.contain('Loading'),
  },
  PickersFailed: {
    ready: (c) => filtersReady(c) && allByRole(filtersIn(c).shadowRoot!.querySelector<HTMLElement>('#plan-panel')!, 'button', 'Retry').length === 1,
    check: () => {},
  },
};

const consolePurposes: Record<string, Purpose> = {
  Default: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('201');
      expect(tabCounts(filtersOf(el))[0]).to.equal('200');
      expect(planLabels(filtersOf(el)).length).to.be.greaterThan(1);
    },
  },
  FiveRows: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(shownNames(el)).to.have.length(5);
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('6');
    },
  },
  ServerModeWithLatency: {
    ready: rowsReady,
    check: async (c) => {
      const el = consoleIn(c);
      expect(resultsSeen.some((r) => r.mode === 'server' && r.total === 20_000), 'server mode over 20,000 customers').to.equal(true);
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('20001');
      expect(dataRows(el).length, 'only a window of rows is rendered').to.be.below(100);
      // The last page is fetched when the admin scrolls there.
      const scroller = allByPart(tableRoot(el), 'scroller')[0]!;
      scroller.scrollTop = scroller.scrollHeight;
      await until(
        () => dataRows(el).some((row) => row.getAttribute('aria-rowindex') === '20001' && row.querySelector('[part~="name"]') !== null),
        'the last row, loaded after scrolling',
        5000,
      );
    },
  },
  Loading: {
    ready: (c) => {
      const el = consoleIn(c);
      return el?.shadowRoot?.querySelector('customer-table')?.shadowRoot != null && allByPart(tableRoot(el), 'skeleton').length > 0;
    },
    check: async (c) => {
      const el = consoleIn(c);
      expect(allByPart(tableRoot(el), 'skeleton')).to.have.length(1);
      expect(dataRows(el).filter((row) => row.querySelector('[part~="name"]'))).to.have.length(0);
      expect(byRole(tableRoot(el), 'status').textContent).to.contain('Loading customers');
      await until(() => planLabels(filtersOf(el)).length > 0, 'the plan picker loaded while the list is not');
    },
  },
  Empty: {
    ready: messageReady('No customers yet'),
    check: (c) => {
      const message = tableMessage(consoleIn(c), 'No customers yet')!;
      // One live region in the table, there from the start (the panel is none).
      expect(allByRole(tableRoot(consoleIn(c)), 'status')).to.have.length(1);
      expect(message.hasAttribute('role')).to.equal(false);
      expect(allByRole(message, 'button')).to.have.length(0);
    },
  },
  ErrorState: {
    ready: messageReady('Customers could not be loaded'),
    check: async (c) => {
      const message = tableMessage(consoleIn(c), 'Customers could not be loaded')!;
      const region = byRole(tableRoot(consoleIn(c)), 'status');
      await until(() => region.textContent!.startsWith('Customers could not be loaded'), 'the error said by the live region');
      expect(byRole(message, 'button', 'Retry')).to.not.equal(null);
    },
  },
  NoMatch: {
    ready: messageReady('No customers match these filters'),
    check: async (c) => {
      const el = consoleIn(c);
      const filters = filtersOf(el);
      expect(chipLabels(filters)).to.deep.equal(['Search: “no customer is called this”', 'Status: In trial']);
      await click(byRole(tableMessage(el, 'No customers match these filters')!, 'button', 'Clear filters'));
      await until(() => hasRows(el), 'rows after Clear filters');
      await filters.updateComplete;
      expect(chips(filters), 'the filter bar is reset too').to.have.length(0);
      expect(searchBox(filters).value).to.equal('');
      expect(tab(filters, 'All').getAttribute('aria-checked')).to.equal('true');
    },
  },
  HostileNames: {
    ready: rowsReady,
    check: (c) => {
      const root = tableRoot(consoleIn(c));
      expect(root.querySelector('[part~="name"] img, [part~="name"] script, [part~="name"] svg')).to.equal(null);
      expect(shownNames(consoleIn(c))).to.include('<img src=x onerror=alert(1)>');
      expect(allByPart(root, 'match').map((m) => m.textContent)).to.include('alert');
    },
  },
  LongNames: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      const names = dataRows(el).map((row) => row.querySelector<HTMLElement>('[part~="name"]')!);
      expect(names).to.have.length(12);
      for (const name of names) {
        // Cut as a whole, or (around a search match, which stays in view) in the text before or after it.
        const boxes = [name, ...name.children] as HTMLElement[];
        expect(boxes.some((box) => box.scrollWidth > box.clientWidth), `"${name.textContent}" is cut`).to.equal(true);
        expect(name.querySelector('mark')!.getBoundingClientRect().right, 'the match in view').to.be.at.most(name.getBoundingClientRect().right + 0.5);
        // The whole name is in the cell's text, for assistive tech and copying.
        expect(name.textContent!.split(' ')).to.have.length(20);
      }
    },
  },
  RightToLeft: {
    ready: rowsReady,
    check: async (c) => {
      const el = consoleIn(c);
      expect(el.closest('[dir]')!.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(tableRoot(el).host).direction).to.equal('rtl');
      const [customer, joined] = allByRole(tableRoot(el), 'columnheader');
      expect(customer!.getBoundingClientRect().left, 'the first column is the rightmost').to.be.greaterThan(
        joined!.getBoundingClientRect().right - 1,
      );
      const [all, active] = tabs(filtersOf(el));
      expect(all!.getBoundingClientRect().left).to.be.greaterThan(active!.getBoundingClientRect().left);
      expect(tab(filtersOf(el), 'Active').getAttribute('aria-checked')).to.equal('true');
      expect(shownNames(el).length).to.be.greaterThan(0);
    },
  },
  CustomerPage: {
    ready: pageReady,
    check: async (c) => {
      const el = consoleIn(c);
      expect(pageHeading(el), 'the name is the page heading').to.equal(customerName(el));
      expect(pageFacts(el)['User ID']).to.equal('12');
      expect(selectedTab(el)).to.equal('Dashboard');
      expect(el.shadowRoot!.querySelector('customer-dashboard')!.customerId).to.equal(12);
      expect(allByPart(pageOf(el)!, 'status-badge')).to.have.length(1);
      await click(backButton(el));
      await until(() => hasRows(el), 'the list after Back to customers');
    },
  },
  CustomerPageCollaborators: {
    ready: pageReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(selectedTab(el)).to.equal('Collaborators');
      expect(selectedPanel(el)!.querySelector('customer-collaborators')!.customerId).to.equal(12);
    },
  },
  CustomerNotFound: {
    ready: (c) => consoleIn(c) !== null && pageHeading(consoleIn(c)) === 'This customer does not exist',
    check: (c) => {
      const el = consoleIn(c);
      expect(pageOf(el)!.textContent).to.contain('User ID 999999');
      expect(pageTabs(el)).to.have.length(0);
      expect(backButton(el)).to.not.equal(null);
    },
  },
  CustomerPageDark: {
    ready: pageReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(luminance(getComputedStyle(el).backgroundColor), 'dark page background').to.be.below(0.05);
      expect(luminance(getComputedStyle(allByPart(pageOf(el)!, 'customer-name')[0]!).color), 'light name').to.be.above(0.5);
    },
  },
  CustomerPageRightToLeft: {
    ready: pageReady,
    check: (c) => {
      const el = consoleIn(c);
      const [dashboard, collaborators] = pageTabs(el);
      expect(dashboard!.getBoundingClientRect().left, 'the first tab is the rightmost').to.be.greaterThan(
        collaborators!.getBoundingClientRect().left,
      );
    },
  },
  DarkTheme: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      const surface = getComputedStyle(el).backgroundColor;
      expect(luminance(surface), `dark console background (${surface})`).to.be.below(0.05);
      const header = allByPart(tableRoot(el), 'header')[0]!;
      expect(luminance(getComputedStyle(header).color), 'light header text').to.be.above(0.5);
      expect(tabNames(el)[0]).to.match(/^All /);
      expect(luminance(getComputedStyle(searchBox(filtersOf(el))).backgroundColor), 'dark search field').to.be.below(0.05);
    },
  },
  AddDialogOpen: { ready: rowsReady, check: () => {} },
  EmptyWithAddCustomer: {
    ready: messageReady('No customers yet'),
    check: (c) => {
      const el = consoleIn(c);
      const slot = tableMessage(el, 'No customers yet')!.querySelector<HTMLSlotElement>('slot[name="empty-action"]')!;
      const [action] = slot.assignedElements();
      expect(action, 'the empty panel offers the console’s button').to.equal(allByPart(el.shadowRoot!, 'empty-add-button')[0]);
      expect(accessibleName(action!)).to.equal('Add customer');
      expect(action!.getClientRects().length, 'it is drawn').to.be.greaterThan(0);
    },
  },
  IgnoredUrlParameters: {
    ready: (c) => consoleIn(c)?.shadowRoot != null && allByPart(consoleIn(c).shadowRoot!, 'notice').length === 1,
    check: (c) => {
      // The story's loader put bad parameters in this page's URL: take them out again first.
      const url = new URL(location.href);
      for (const name of ['status', 'page', 'sort']) url.searchParams.delete(name);
      history.replaceState(history.state, '', url);
      const notice = allByPart(consoleIn(c).shadowRoot!, 'notice')[0]!;
      expect(notice.querySelectorAll('li')).to.have.length(3);
      expect(byRole(notice, 'button', 'Dismiss')).to.not.equal(null);
    },
  },
  PhoneWidth: { ready: rowsReady, check: () => {} },
  TabletWidth: { ready: rowsReady, check: () => {} },
  CustomerPagePhone: { ready: pageReady, check: () => {} },
  DarkRightToLeft: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(luminance(getComputedStyle(el).backgroundColor), 'dark console background').to.be.below(0.05);
    },
  },
  DarkLoading: {
    ready: (c) => consoleIn(c)?.shadowRoot?.querySelector('customer-table')?.shadowRoot != null && allByPart(tableRoot(consoleIn(c)), 'skeleton').length > 0,
    check: (c) => void expect(luminance(getComputedStyle(consoleIn(c)).backgroundColor)).to.be.below(0.05),
  },
  DarkEmpty: { ready: messageReady('No customers yet'), check: (c) => void expect(luminance(getComputedStyle(consoleIn(c)).backgroundColor)).to.be.below(0.05) },
  DarkError: {
    ready: messageReady('Customers could not be loaded'),
    check: (c) => void expect(luminance(getComputedStyle(consoleIn(c)).backgroundColor)).to.be.below(0.05),
  },
  LongTranslatedStrings: {
    ready: rowsReady,
    check: (c) => {
      const el = consoleIn(c);
      expect(allByPart(el.shadowRoot!, 'add-button')[0]!.textContent).to.contain('Neue Kundin');
      expect(allByPart(tableRoot(el), 'header-cell')[0]!.textContent).to.contain('Kundin oder Kunde');
    },
  },
  ForcedColorsCheck: { ready: rowsReady, check: () => {} },
};

for (const [title, module, purposes] of [
  ['customer-filters', filterStories, filterPurposes],
  ['customer-console', consoleStories, consolePurposes],
] as const) {
  describe(`${title} stories`, () => {
    for (const [name, story] of stories(module as unknown as StoryModule)) {
      it(`${story.name ?? name} shows what it is for, with no axe violations`, async () => {
        const purpose = purposes[name];
        expect(purpose, `what the ${name} story is for is tested here`).to.not.equal(undefined);
        const container = await renderStory(module as unknown as StoryModule, story);
        try {
          await until(() => purpose!.ready(container), `story ${name} to settle`, 5000);
          const { violations } = await axeRun(container);
          expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);
          await purpose!.check(container);
        } finally {
          render(null, container);
          container.remove();
        }
      });
    }
  });
}

