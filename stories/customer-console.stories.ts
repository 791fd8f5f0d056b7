import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-console/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { DEMO_PLANS, generateApps, generateCustomers } from '../src/backend/generate.js';
import { HOSTILE_NAMES, LONG_NAME_WORDS, RTL_NAMES } from '../src/backend/generate-names.js';
import type { Customer } from '../src/model/schemas.js';
import type { CustomerConsole } from '../components/customer-console/define.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../src/query/types.js';
import type { ConsoleStrings, CustomerTab } from '../components/customer-console/define.js';
import type { TableMode } from '../components/customer-table/define.js';
import { asDate, inShadow, storyElement, waitFor } from './play.js';

/** Every story runs on the same fixed clock, so dates, trials and presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');

const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, now: () => NOW, ...options });
const renamed = (names: readonly string[]): Customer[] =>
  generateCustomers({ seed: 7, count: names.length, anchor: NOW }).map((c, i) => ({
    ...c,
    name: names[i]!,
    external_id: i % 2 === 0 ? `ext-${i}` : null,
  }));

interface ConsoleArgs {
  /** Made when the story renders, so opening one story does not generate every story's data. */
  backend: () => Backend;
  apiBase?: string;
  getToken?: () => string | Promise<string>;
  mode: TableMode;
  /** The query the console starts from. */
  query?: CustomerQuery;
  /** A customer whose page the console opens on (its User ID); the list when unset. */
  customerId?: number;
  tab?: CustomerTab;
  basePath?: string;
  noUrlSync: boolean;
  singleCustomer: boolean;
  readonly: boolean;
  now?: Date | number;
  strings?: Partial<ConsoleStrings>;
  theme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
}

/**
 * Stories keep the query in memory (`no-url-sync`, a control): several consoles share a docs page,
 * and the Storybook frame's URL is not the partner's page. In a page of its own the console keeps
 * the query in the URL — see the demo (`npm start`) and the "Ignored URL parameters" story.
 */
const renderConsole = (args: ConsoleArgs, backend: Backend = args.backend()) => html`<div
  dir=${ifDefined(args.dir)}
  lang=${ifDefined(args.dir === 'rtl' ? 'ar' : undefined)}
  style=${ifDefined(args.theme === 'dark' ? 'background: #15181e' : undefined)}
>
  <customer-console
    data-theme=${ifDefined(args.theme)}
    style="--customer-table-block-size: 480px"
    .backend=${backend}
    .apiBase=${args.apiBase}
    .getToken=${args.getToken}
    .mode=${args.mode}
    .query=${args.query ?? DEFAULT_QUERY}
    .customerId=${args.customerId}
    .tab=${args.tab ?? 'dashboard'}
    .basePath=${args.basePath}
    .noUrlSync=${args.noUrlSync}
    .singleCustomer=${args.singleCustomer}
    .readonly=${args.readonly}
    .now=${asDate(args.now) ?? NOW}
    .strings=${args.strings}
  ></customer-console>
</div>`;

/** The backend control: a few MemoryBackends by name (made when the story renders). */
const BACKENDS: Record<string, () => Backend> = {
  'MemoryBackend, 200 seeded': () => memory(),
  'MemoryBackend, 5 customers': () => memory({ size: 5 }),
  'MemoryBackend, no customers': () => memory({ customers: [] }),
  'every call fails (503)': () => memory({ failureRate: 1 }),
  '20,000, 150–400 ms latency': () => memory({ size: 20_000, latencyMs: [150, 400] }),
};

const meta: Meta<ConsoleArgs> = {
  title: 'Elements/customer-console',
  component: 'customer-console',
  render: (args) => renderConsole(args),
  args: { backend: () => memory(), mode: 'auto', query: DEFAULT_QUERY, tab: 'dashboard', noUrlSync: true, singleCustomer: false, readonly: false, now: NOW, strings: {} },
  argTypes: {
    backend: { control: { type: 'select' }, options: Object.keys(BACKENDS), mapping: BACKENDS },
    theme: { table: { disable: true } },
    dir: { table: { disable: true } },
  },
};
export default meta;
type Story = StoryObj<ConsoleArgs>;

/** 200 seeded customers from MemoryBackend: search, tabs, pickers and sorting all work. */
export const Default: Story = {};

export const FiveRows: Story = { name: '5 rows', args: { backend: () => memory({ size: 5 }) } };

/** 100,000 customers loaded whole (client mode): filtering and sorting run in memory. Takes a few seconds to generate. */
export const HundredThousandClient: Story = {
  name: '100k customers (client mode)',
  args: { mode: 'client' },
  loaders: [async () => ({ backend: memory({ size: 100_000 }) })],
  render: (args, { loaded }) => renderConsole(args, loaded['backend'] as Backend),
};

/** 20,000 customers behind 150–400 ms of latency, fetched page by page as you scroll. */
export const ServerModeWithLatency: Story = {
  name: 'Server mode with latency',
  args: { mode: 'server', backend: () => memory({ size: 20_000, latencyMs: [150, 400] }) },
};

/** The list never answers: skeleton rows; the pickers still load. */
export const Loading: Story = {
  args: {
    backend: () => {
      const inner = memory();
      return new Proxy(inner, {
        get: (target, prop) => {
          if (prop === 'listCustomers') return () => new Promise(() => {});
          const value: unknown = Reflect.get(target, prop);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as Backend;
    },
  },
};

/** A partner with no customers yet. */
export const Empty: Story = { args: { backend: () => memory({ customers: [] }) } };

/** Every call fails with 503: the table offers Retry, which keeps the query. */
export const ErrorState: Story = { name: 'Error', args: { backend: () => memory({ failureRate: 1 }) } };

/** Filters that exclude everyone: the table offers "Clear filters", which resets the filter bar too. */
export const NoMatch: Story = {
  args: { query: { ...DEFAULT_QUERY, q: 'no customer is called this', status: 'trial' } },
};

/** Names that look like markup or script render as text, highlighted matches included. */
export const HostileNames: Story = {
  args: {
    backend: () => memory({ customers: renamed(HOSTILE_NAMES), plans: DEMO_PLANS, apps: generateApps() }),
    query: { ...DEFAULT_QUERY, q: 'alert' },
  },
};

/** Names and external IDs far wider than their column: cut with an ellipsis, the whole text still in the cell. */
export const LongNames: Story = {
  args: {
    backend: () =>
      memory({
        customers: renamed(
          Array.from({ length: 12 }, (_, i) => LONG_NAME_WORDS.slice(i % 5).concat(LONG_NAME_WORDS.slice(0, i % 5)).join(' ')),
        ).map((c) => ({ ...c, external_id: `an-external-id-that-is-also-quite-long-${c.id}` })),
      }),
    query: { ...DEFAULT_QUERY, q: 'Holdings' },
  },
};

/**
 * Right-to-left (`dir="rtl" lang="ar"` around the console, Hebrew and Arabic names): columns, tabs
 * and arrow keys mirror, and the filters and the table format numbers and dates for `ar`.
 */
export const RightToLeft: Story = {
  args: { dir: 'rtl', backend: () => memory({ customers: renamed(RTL_NAMES) }), query: { ...DEFAULT_QUERY, status: 'active' } },
};

/** The dark token set, switched by `data-theme="dark"` on the console; filters and table inherit it. */
export const DarkTheme: Story = { args: { theme: 'dark' } };

/**
 * A customer's page (the console's `customerId` set, as a page that routes itself does): its header
 * with plan and status, usage and "Switch to this account", and the Dashboard · Collaborators ·
 * Settings tabs. "Back to customers" returns to the list.
 */
export const CustomerPage: Story = { name: 'Customer page', args: { customerId: 12 } };

/** The same page on its Collaborators tab. */
export const CustomerPageCollaborators: Story = { name: 'Customer page: collaborators', args: { customerId: 12, tab: 'collaborators' } };

/** A User ID no customer has (deleted, or mistyped in a link): the page says so, with the way back. */
export const CustomerNotFound: Story = { name: 'Customer page: not found', args: { customerId: 999_999 } };

/** A customer's page in the dark theme. */
export const CustomerPageDark: Story = { name: 'Customer page: dark', args: { customerId: 12, theme: 'dark' } };

/** A customer's page right-to-left: the tabs, the header and the way back mirror. */
export const CustomerPageRightToLeft: Story = {
  name: 'Customer page: right-to-left',
  args: { customerId: 1, dir: 'rtl', backend: () => memory({ customers: renamed(RTL_NAMES) }) },
};

/** The console of the story, rendered. */
const consoleIn = (canvasElement: HTMLElement) => storyElement<CustomerConsole>(canvasElement, 'customer-console');

/** "Add customer" pressed: the modal dialog with `<customer-form>`, focus in its first field. */
export const AddDialogOpen: Story = {
  name: 'Add customer dialog',
  play: async ({ canvasElement, userEvent }) => {
    const el = await consoleIn(canvasElement);
    await userEvent.click(await inShadow(el, '[part~="add-button"]'));
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open) throw new Error('the dialog is not open yet');
      // The form loads on first use: the story is the dialog once it shows the form, focus in it.
      if (!el.shadowRoot!.querySelector('customer-form')?.shadowRoot?.activeElement) throw new Error('the form has not taken focus yet');
    });
  },
};

/**
 * No customers yet: the table's empty panel offers "Add customer" (the console's button in the
 * table's `empty-action` slot, `::part(empty-add-button)`), which opens the same dialog as the one
 * in the header. The play function focuses it, as Tab would, to show its focus ring.
 */
export const EmptyWithAddCustomer: Story = {
  name: 'Empty, with Add customer',
  args: { backend: () => memory({ customers: [] }) },
  play: async ({ canvasElement }) => {
    const el = await consoleIn(canvasElement);
    const table = await inShadow(el, 'customer-table');
    await inShadow(table, '[part~="message"][data-state="empty"]');
    (await inShadow(el, '[part~="empty-add-button"]')).focus();
  },
};

/**
 * A link with filters the console cannot use (an unknown status, a page that is not a number, a sort
 * it does not know): they are ignored, and a notice lists them, with Dismiss. This story keeps the
 * query in the frame's URL (`no-url-sync` off, `base-path` the frame's own path), where the loader
 * put the bad parameters; the frame's own parameters are left alone.
 */
export const IgnoredUrlParameters: Story = {
  name: 'Ignored URL parameters notice',
  args: { noUrlSync: false },
  loaders: [
    async () => {
      const url = new URL(location.href);
      url.searchParams.set('status', 'vip');
      url.searchParams.set('page', 'zero');
      url.searchParams.set('sort', 'sideways');
      history.replaceState(history.state, '', url);
      return {};
    },
  ],
  render: (args) => renderConsole({ ...args, basePath: location.pathname }),
};

/** A phone's width (375 px, the toolbar's viewport): the header wraps, the table scrolls sideways inside its box. */
export const PhoneWidth: Story = { name: 'Phone width', globals: { viewport: { value: 'phone', isRotated: false } } };

/** A tablet's width (768 px). */
export const TabletWidth: Story = { name: 'Tablet width', globals: { viewport: { value: 'tablet', isRotated: false } } };

/** A customer's page at a phone's width. */
export const CustomerPagePhone: Story = {
  name: 'Customer page: phone width',
  args: { customerId: 12 },
  globals: { viewport: { value: 'phone', isRotated: false } },
};

/** Dark and right-to-left at once, Hebrew and Arabic names. */
export const DarkRightToLeft: Story = {
  name: 'Dark, right-to-left',
  args: { theme: 'dark', dir: 'rtl', backend: () => memory({ customers: renamed(RTL_NAMES) }) },
  globals: { theme: 'dark', direction: 'rtl' },
};

const neverListing = () =>
  new Proxy(memory(), {
    get: (target, prop) => {
      if (prop === 'listCustomers') return () => new Promise(() => {});
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Backend;

/** Loading, in the dark theme. */
export const DarkLoading: Story = { name: 'Dark: loading', args: { theme: 'dark', backend: neverListing }, globals: { theme: 'dark' } };

/** No customers, in the dark theme. */
export const DarkEmpty: Story = { name: 'Dark: empty', args: { theme: 'dark', backend: () => memory({ customers: [] }) }, globals: { theme: 'dark' } };

/** Every call fails, in the dark theme. */
export const DarkError: Story = { name: 'Dark: error', args: { theme: 'dark', backend: () => memory({ failureRate: 1 }) }, globals: { theme: 'dark' } };

/**
 * Long translated strings (German, as a partner's translation would set them through `strings`,
 * children's groups included): buttons, tabs, pickers and headers wrap or cut, nothing overlaps.
 */
export const LongTranslatedStrings: Story = {
  name: 'Long translated strings',
  args: {
    strings: {
      title: 'Kundinnen und Kunden Ihrer Partnerorganisation',
      addCustomer: 'Neue Kundin oder neuen Kunden hinzufügen',
      table: {
        columnCustomer: 'Kundin oder Kunde (externe Kennung)',
        columnJoined: 'Beitrittsdatum zur Plattform',
        columnTasks: 'Verbrauchte Aufgaben im aktuellen Abrechnungszeitraum',
        columnConnections: 'Authentifizierte Verbindungen',
        columnApps: 'Am häufigsten verbundene Anwendungen',
      },
      filters: {
        searchPlaceholder: 'Nach Name oder externer Kennung der Kundin oder des Kunden suchen',
        status: { active: 'Aktives Abonnement', trial: 'Im kostenlosen Testzeitraum', expired: 'Abgelaufenes Abonnement' },
        planButton: 'Abonnementplan auswählen',
        appButton: 'Verbundene Anwendung auswählen',
        joinedButton: 'Beitrittsdatum eingrenzen',
      },
    } as Partial<ConsoleStrings>,
  },
};

/**
 * Forced colours (Windows High Contrast) cannot be switched on from inside a page. To see it: open
 * this story (or any), then DevTools → ⋮ → More tools → Rendering → "Emulate CSS media feature
 * forced-colors" → active. The usage bars keep a bordered track and a Highlight fill, badges and
 * count pills keep a border, the selected status is outlined. This story shows the rows that use
 * all of them (trial, near and over limits) under a filter, to look at in that mode.
 */
export const ForcedColorsCheck: Story = {
  name: 'Forced colours (see description)',
  args: { query: { ...DEFAULT_QUERY, status: 'trial' } },
};
