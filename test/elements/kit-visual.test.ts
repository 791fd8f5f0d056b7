// The kit's visual accessibility in real Chromium, measured from computed styles and layout: the
// table at 400% zoom (WCAG 1.4.10), forced colours, reduced motion, contrast of the tokens, themes
// from any ancestor, and the console forwarding its children's parts.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import '../../components/customer-filters/define.js';
import type { CustomerFilters } from '../../components/customer-filters/define.js';
import '../../components/customer-table/define.js';
import type { CustomerTable } from '../../components/customer-table/define.js';
import type { Backend } from '../../src/backend/backend.js';
import type { App, Customer, CustomerPage, Plan } from '../../src/model/schemas.js';
import { DARK_TOKENS, LIGHT_TOKENS, themeCss } from '../../components/shared/tokens.js';
import { filtersOf, shownNames, tableOf } from '../support/console-queries.js';
import { NOW as CONSOLE_NOW, makeCustomer, memoryBackend } from '../support/customers.js';
import { pickerButton, searchBox, tab, tabCounts } from '../support/filter-queries.js';
import { allInTable, inTable, settle } from '../support/table-queries.js';
import { until } from '../support/wait.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const PLANS: Plan[] = [{ id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 }];
const APPS: App[] = [{ id: 'huddle', name: 'Huddle Chat', icon: null }];
const CUSTOMERS: Customer[] = [1, 2, 3].map((id) =>
  makeCustomer({
    id,
    name: `Customer ${id}`,
    tasks_used: id * 300,
    top_apps: ['huddle'],
    created_at: new Date(Date.UTC(2025, 0, id)).toISOString(),
    ...(id === 3 ? { in_trial: true, trial_ends_at: '2026-12-20T00:00:00.000Z' } : {}),
  }),
);

const emulateForcedColors = (forcedColors: 'active' | 'none') => executeServerCommand('emulate-forced-colors', { forcedColors });

const styleOf = (el: Element) => getComputedStyle(el);
/** True when the element draws a visible edge all round (a border whose colour is not transparent). */
function bordered(el: Element): boolean {
  const s = styleOf(el);
  return (['Top', 'Right', 'Bottom', 'Left'] as const).every(
    (side) => parseFloat(s[`border${side}Width`]) >= 1 && s[`border${side}Style`] !== 'none' && s[`border${side}Color`] !== 'rgba(0, 0, 0, 0)',
  );
}

async function table(style = ''): Promise<CustomerTable> {
  const el = await fixture<CustomerTable>(html`<customer-table style=${style}></customer-table>`);
  Object.assign(el, { now: NOW, apps: APPS, plans: PLANS, customers: CUSTOMERS });
  await settle(el);
  return el;
}

describe('zoom (WCAG 1.4.10)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps about five rows of table at 400% zoom, even when the page sizes it from 100vh', async () => {
    // A 1280×720 window at 400% zoom is a 320×180 CSS-pixel viewport.
    await setViewport({ width: 320, height: 180 });
    const el = await table('--customer-table-block-size: calc(100vh - 300px)');
    const header = 44;
    const row = 56;
    expect(el.getBoundingClientRect().height).to.be.at.least(header + 5 * row);
  });
});

/** An outline or a border all round: what marks the selected tab when backgrounds and shadows are forced away. */
function outlined(el: Element): boolean {
  const s = styleOf(el);
  return (parseFloat(s.outlineWidth) >= 1 && s.outlineStyle !== 'none') || bordered(el);
}

describe('forced colours (Windows High Contrast)', () => {
  beforeEach(() => emulateForcedColors('active'));
  afterEach(() => emulateForcedColors('none'));

  it('the usage bar keeps a bordered track and a fill of another colour', async () => {
    const el = await table();
    const bar = inTable(el, '[part~="usage-bar"]')!;
    const fill = inTable(el, '[part~="usage-fill"]')!;
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(bordered(bar), 'track border').to.equal(true);
    expect(styleOf(fill).backgroundColor).to.not.equal(styleOf(bar).backgroundColor);
    expect(styleOf(fill).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
  });

  it('the status badge and the tab counts keep their shape (a border)', async () => {
    const el = await table();
    expect(bordered(inTable(el, '[part~="status"]')!), 'status badge').to.equal(true);
    const filters = await fixture<CustomerFilters>(html`<customer-filters
      .plans=${PLANS}
      .apps=${APPS}
      .counts=${{ all: 3, active: 2, trial: 1, expired: 0 }}
    ></customer-filters>`);
    expect(tabCounts(filters)).to.have.length(4);
    for (const count of filters.shadowRoot!.querySelectorAll('[part~="tab-count"]')) expect(bordered(count), 'tab count').to.equal(true);
  });

  it('the selected status tab is outlined, not marked by weight alone', async () => {
    const filters = await fixture<CustomerFilters>(html`<customer-filters .plans=${PLANS} .apps=${APPS} .counts=${null}></customer-filters>`);
    const selected = tab(filters, 'All');
    expect(selected.getAttribute('aria-checked')).to.equal('true');
    expect(outlined(selected), 'selected tab').to.equal(true);
    expect(outlined(tab(filters, 'Active')), 'a tab not selected').to.equal(false);
  });
});

describe('reduced motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  /** A backend whose first page never arrives, so the table stays on its skeleton. */
  const loadingForever = {
    listCustomers: () => new Promise<CustomerPage>(() => {}),
    listApps: () => Promise.resolve(APPS),
    listPlans: () => Promise.resolve(PLANS),
  } as unknown as Backend;

  it('the skeleton shimmers by default', async () => {
    const el = await fixture<CustomerTable>(html`<customer-table .backend=${loadingForever} mode="server"></customer-table>`);
    await until(() => allInTable(el, '[part~="placeholder"]').length > 0, 'the skeleton');
    const running = allInTable(el, '[part~="placeholder"]').flatMap((p) => p.getAnimations()).filter((a) => a.playState === 'running');
    expect(running).to.not.have.length(0);
  });

  it('with prefers-reduced-motion the shimmer stops (no animation at all, not a 0.01 ms strobe)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const el = await fixture<CustomerTable>(html`<customer-table .backend=${loadingForever} mode="server"></customer-table>`);
    await until(() => allInTable(el, '[part~="placeholder"]').length > 0, 'the skeleton');
    for (const placeholder of allInTable(el, '[part~="placeholder"]')) {
      expect(placeholder.getAnimations(), 'animations on a placeholder').to.have.length(0);
      expect(styleOf(placeholder).opacity).to.equal('1');
    }
  });
});

/** WCAG contrast ratio of two computed colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

for (const theme of ['light', 'dark'] as const) {
  describe(`contrast, ${theme} theme`, () => {
    async function filters(): Promise<CustomerFilters> {
      return fixture<CustomerFilters>(html`<customer-filters data-theme=${theme} .plans=${PLANS} .apps=${APPS} .counts=${null}></customer-filters>`);
    }

    it('field and picker borders reach 3:1 against what they sit on (WCAG 1.4.11)', async () => {
      const el = await filters();
      // Both are filled with the surface colour they sit on, so their own background is what the edge meets.
      for (const [name, field] of [['search', searchBox(el)], ['Plan picker', pickerButton(el, 'Plan')]] as const) {
        const fill = styleOf(field).backgroundColor;
        expect(fill, `${name} fill`).to.not.equal('rgba(0, 0, 0, 0)');
        expect(contrast(styleOf(field).borderTopColor, fill), `${name} border`).to.be.at.least(3);
      }
    });

    it('the search placeholder reaches 4.5:1 on the field', async () => {
      const input = searchBox(await filters());
      expect(input.placeholder).to.not.equal('');
      const placeholder = getComputedStyle(input, '::placeholder');
      expect(contrast(placeholder.color, styleOf(input).backgroundColor) * Number(placeholder.opacity)).to.be.at.least(4.5);
    });

    it('the usage bar track has an edge of 3:1 against the row', async () => {
      const el = await table();
      el.dataset.theme = theme;
      const bar = inTable(el, '[part~="usage-bar"]')!;
      expect(bordered(bar), 'track edge').to.equal(true);
      expect(contrast(styleOf(bar).borderTopColor, styleOf(el).backgroundColor)).to.be.at.least(3);
    });
  });
}

/** `#rrggbb` as the `rgb(r, g, b)` a computed style reports. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('themes from any ancestor', () => {
  let sheet: HTMLStyleElement | undefined;
  afterEach(() => {
    sheet?.remove();
    sheet = undefined;
    document.documentElement.removeAttribute('data-theme');
  });

  /** The page imports the shipped dark theme (customers-console/themes/dark.css: themeCss('dark')). */
  function importDarkTheme(): void {
    sheet = document.createElement('style');
    sheet.textContent = themeCss('dark');
    document.head.append(sheet);
  }

  it('data-theme="dark" on <html> alone changes nothing: the page needs the theme CSS', async () => {
    document.documentElement.dataset.theme = 'dark';
    const el = await table();
    expect(styleOf(el).backgroundColor).to.equal(rgb(LIGHT_TOKENS['color-surface']));
  });

  it('with the dark CSS imported, data-theme="dark" on <html> themes a standalone element', async () => {
    importDarkTheme();
    document.documentElement.dataset.theme = 'dark';
    const el = await table();
    expect(styleOf(el).backgroundColor).to.equal(rgb(DARK_TOKENS['color-surface']!));
    expect(styleOf(el).color).to.equal(rgb(DARK_TOKENS['color-text']!));
    expect(styleOf(inTable(el, '[part~="usage-bar"]')!).borderTopColor).to.equal(rgb(DARK_TOKENS['color-border-strong']!));
  });

  it('… and the console with every element inside it', async () => {
    importDarkTheme();
    document.documentElement.dataset.theme = 'dark';
    const el = await fixture<CustomerConsole>(html`<customer-console .backend=${memoryBackend()} .now=${CONSOLE_NOW}></customer-console>`);
    await until(() => shownNames(el).length > 0 && !shownNames(el).includes('(placeholder)'), 'the first rows');
    expect(styleOf(tableOf(el)).backgroundColor).to.equal(rgb(DARK_TOKENS['color-surface']!));
    const search = searchBox(filtersOf(el));
    expect(styleOf(search).backgroundColor).to.equal(rgb(DARK_TOKENS['color-surface']!));
    expect(styleOf(search).color).to.equal(rgb(DARK_TOKENS['color-text']!));
  });

  it("an element's own data-theme still wins over the page's", async () => {
    importDarkTheme();
    document.documentElement.dataset.theme = 'dark';
    const el = await table('');
    el.dataset.theme = 'light';
    expect(styleOf(el).backgroundColor).to.equal(rgb(LIGHT_TOKENS['color-surface']));
  });
});

describe('the console forwards its children\'s parts (exportparts)', () => {
  let sheet: HTMLStyleElement | undefined;
  afterEach(() => sheet?.remove());

  async function openConsole(): Promise<CustomerConsole> {
    const el = await fixture<CustomerConsole>(html`<customer-console .backend=${memoryBackend()} .now=${CONSOLE_NOW}></customer-console>`);
    await until(() => shownNames(el).length > 0 && !shownNames(el).includes('(placeholder)'), 'the first rows');
    return el;
  }

  it('customer-console::part(header-cell) and ::part(search-input) style the table and the filters inside', async () => {
    sheet = document.createElement('style');
    sheet.textContent = `
      customer-console::part(header-cell) { background-color: rgb(1, 2, 3); }
      customer-console::part(search-input) { border-color: rgb(4, 5, 6); }
    `;
    document.head.append(sheet);
    const el = await openConsole();
    const headerCells = [...tableOf(el).shadowRoot!.querySelectorAll('[part~="header-cell"]')];
    expect(headerCells).to.not.have.length(0);
    for (const cell of headerCells) expect(styleOf(cell).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(styleOf(searchBox(filtersOf(el))).borderTopColor).to.equal('rgb(4, 5, 6)');
  });

  /** `exportparts` as inner name → outer name. */
  function exported(child: Element): Map<string, string> {
    return new Map(
      (child.getAttribute('exportparts') ?? '').split(',').map((pair) => {
        const [inner, outer = inner] = pair.split(':').map((name) => name.trim());
        return [inner!, outer!];
      }),
    );
  }

  it("every part the list's table and filters render is forwarded, none under a name the console itself uses", async () => {
    const el = await openConsole();
    const own = new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)));
    for (const child of [tableOf(el), filtersOf(el)]) {
      const map = exported(child);
      const rendered = new Set([...child.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)));
      for (const name of rendered) expect(map.has(name), `${child.localName} part ${name} is forwarded`).to.equal(true);
      for (const outer of map.values()) expect(own.has(outer), `${child.localName} exports ${outer}, a console part`).to.equal(false);
    }
  });
});
