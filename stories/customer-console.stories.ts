import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-console/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { DEMO_PLANS, generateApps, generateCustomers } from '../src/backend/generate.js';
import { HOSTILE_NAMES, LONG_NAME_WORDS, RTL_NAMES } from '../src/backend/generate-names.js';
import type { Customer } from '../src/model/schemas.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../src/query/types.js';
import type { CustomerTab } from '../components/customer-console/define.js';

/** Every story runs on the same fixed clock, so dates, trials and presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');

const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, now: () => NOW, ...options });
const renamed = (names: readonly string[]): Customer[] =>
  generateCustomers({ seed: 7, count: names.length, anchor: NOW }).map((c, i) => ({
    ...c,
    name: names[i]!,
    external_id: i % 2 === 0 ? `ext-${i}` : null,
  }));

const log = (e: Event) => console.info(e.type, (e as CustomEvent).detail);

interface ConsoleArgs {
  /** Made when the story renders, so opening one story does not generate every story's data. */
  backend: () => Backend;
  mode: 'auto' | 'client' | 'server';
  /** The query the console starts from. */
  query?: CustomerQuery;
  theme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  /** A customer whose page the console opens on (its User ID); the list when unset. */
  customerId?: number;
  tab?: CustomerTab;
}

/**
 * Stories keep the query in memory (`no-url-sync`): several consoles share a docs page, and the
 * Storybook frame's URL is not the partner's page. In a page of its own the console keeps the
 * query in the URL — see the demo (`npm start`).
 */
const renderConsole = (args: ConsoleArgs, backend: Backend = args.backend()) => html`<div
  dir=${ifDefined(args.dir)}
  lang=${args.dir === 'rtl' ? 'ar' : 'en'}
  style="padding: 16px; ${args.theme === 'dark' ? 'background: #15181e' : ''}"
>
  <customer-console
    no-url-sync
    data-theme=${ifDefined(args.theme)}
    style="--customer-table-block-size: 480px"
    .backend=${backend}
    .mode=${args.mode}
    .query=${args.query ?? DEFAULT_QUERY}
    .now=${NOW}
    .customerId=${args.customerId}
    .tab=${args.tab ?? 'dashboard'}
    @customer-select=${log}
    @query-change=${log}
    @customer-create-request=${log}
    @customer-created=${log}
  ></customer-console>
</div>`;

const meta: Meta<ConsoleArgs> = {
  title: 'Elements/customer-console',
  component: 'customer-console',
  render: (args) => renderConsole(args),
  args: { backend: () => memory(), mode: 'auto' },
  argTypes: {
    backend: { control: false },
    mode: { control: 'inline-radio', options: ['auto', 'client', 'server'] },
  },
  parameters: { layout: 'fullscreen' },
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
