import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-table/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { DEMO_PLANS, generateApps, generateCustomers } from '../src/backend/generate.js';
import { HOSTILE_NAMES, LONG_NAME_WORDS, RTL_NAMES } from '../src/backend/generate-names.js';
import type { Customer } from '../src/model/schemas.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../src/query/types.js';
import type { App, Plan } from '../src/model/schemas.js';
import type { CustomerTableStrings, TableMode } from '../components/customer-table/define.js';
import { HttpError, problem } from '../src/backend/errors.js';
import { asDate, inShadow, storyElement, waitFor } from './play.js';

/** Every story runs on the same fixed clock, so dates, trials and presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const APPS = generateApps();
const PLANS = [...DEMO_PLANS];

const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) => new MemoryBackend({ seed: 7, now: () => NOW, ...options });
const sample = (count: number, seed = 7) => generateCustomers({ seed, count, anchor: NOW });
const renamed = (names: readonly string[]): Customer[] =>
  sample(names.length).map((c, i) => ({ ...c, name: names[i]!, external_id: i % 2 === 0 ? `ext-${i}-${names[i]!.slice(0, 12)}` : null }));

interface TableArgs {
  backend?: Backend;
  customers?: readonly Customer[];
  query: CustomerQuery;
  mode: TableMode;
  clientThreshold: number;
  pageSize: number;
  apps?: readonly App[];
  plans?: readonly Plan[];
  now?: Date | number;
  strings?: Partial<CustomerTableStrings>;
  /** The story's box (the table needs a height): `--customer-table-block-size`. */
  height: number;
  theme?: 'light' | 'dark';
}

/**
 * Every property from the story's args (so each control works); without a backend the catalogue
 * and plans come from the story too. The Actions panel shows the table's events (preview.ts).
 */
const renderTable = (args: TableArgs) => html`<customer-table
  style="--customer-table-block-size: ${args.height}px"
  data-theme=${ifDefined(args.theme)}
  .backend=${args.backend}
  .customers=${args.customers}
  .query=${args.query}
  .mode=${args.mode}
  .clientThreshold=${args.clientThreshold}
  .pageSize=${args.pageSize}
  .now=${asDate(args.now) ?? NOW}
  .apps=${args.apps ?? (args.backend ? undefined : APPS)}
  .plans=${args.plans ?? (args.backend ? undefined : PLANS)}
  .strings=${args.strings}
></customer-table>`;

/** The backend control: a few MemoryBackends by name (a story may still pass its own object). */
const BACKENDS: Record<string, Backend | undefined> = {
  'none (the customers array)': undefined,
  'MemoryBackend, 200 seeded': memory(),
  'MemoryBackend, no customers': memory({ customers: [] }),
  'every call fails (503)': memory({ failureRate: 1 }),
  'never answers': memory({ latencyMs: 1e9 }),
};
const BACKEND_CONTROL = { control: { type: 'select' as const }, options: Object.keys(BACKENDS), mapping: BACKENDS };

const meta: Meta<TableArgs> = {
  title: 'Elements/customer-table',
  component: 'customer-table',
  render: renderTable,
  args: { query: DEFAULT_QUERY, mode: 'auto', clientThreshold: 5_000, pageSize: 100, now: NOW, strings: {}, height: 520 },
  argTypes: {
    height: { control: { type: 'range', min: 200, max: 900, step: 20 }, description: 'The story\'s `--customer-table-block-size` (px).', table: { category: 'story' } },
    theme: { table: { disable: true } },
    backend: BACKEND_CONTROL,
    customers: { control: { type: 'object' } },
  },
};
export default meta;
type Story = StoryObj<TableArgs>;

/** 200 seeded customers from MemoryBackend: auto mode loads them whole and filters in memory. */
export const Default: Story = { args: { backend: memory() } };

/** Five customers given as an array: client mode with no backend. */
export const FiveRows: Story = { args: { customers: sample(5), height: 360 } };

/** 100,000 customers in client mode: the DOM stays at the rows in view. Generating them takes a second. */
export const HundredThousandRows: Story = {
  loaders: [async () => ({ customers: generateCustomers({ seed: 7, count: 100_000, anchor: NOW }) })],
  render: (args, { loaded }) => renderTable({ ...args, customers: loaded['customers'] as Customer[] }),
};

/** 20,000 customers behind 150–400 ms of latency: pages load as you scroll, placeholder rows meanwhile. */
export const ServerMode: Story = {
  args: { backend: memory({ size: 20_000, latencyMs: [150, 400] }), mode: 'server' },
};

/** Only the calls the table makes; the list never answers. */
const pending = {
  listCustomers: () => new Promise(() => {}),
  listApps: () => Promise.resolve(APPS),
  listPlans: () => Promise.resolve(PLANS),
};

/** The first rows never arrive: the skeleton, with "Loading customers…" for assistive tech. */
export const Loading: Story = { args: { backend: pending as unknown as Backend } };

/** No customers at all: a message, nothing to clear. */
export const Empty: Story = { args: { backend: memory({ customers: [] }) } };

/** A search nothing matches: "Clear filters" asks the parent to clear (`clear-filters-request`). */
export const NoMatch: Story = {
  args: { customers: sample(50), query: { ...DEFAULT_QUERY, q: 'no customer is called this' } },
};

/** Every call fails with 503: the error panel's Retry asks again with the same query. */
export const ErrorState: Story = { name: 'Error', args: { backend: memory({ failureRate: 1 }) } };

/** Markup, quotes and template syntax render as text; the search for "alert" is highlighted inside them. */
export const HostileNames: Story = {
  args: { customers: renamed(HOSTILE_NAMES), query: { ...DEFAULT_QUERY, q: 'alert' } },
};

/**
 * Names and external IDs longer than their column are cut short with an ellipsis; hovering shows
 * the whole text (their `title`), and a name cell with keyboard focus shows the whole name (arrow
 * into the grid to see it).
 */
export const LongNames: Story = {
  args: {
    customers: renamed(
      Array.from({ length: 12 }, (_, i) => LONG_NAME_WORDS.slice(i % 5).concat(LONG_NAME_WORDS.slice(0, i % 5)).join(' ')),
    ).map((c) => ({ ...c, external_id: `an-external-id-that-is-also-quite-long-${c.id}` })),
  },
};

/** A search matching the part of each long name that is cut: the text before the match gives way, so the match stays in view. */
export const LongNamesSearched: Story = {
  args: { ...LongNames.args, query: { ...DEFAULT_QUERY, q: 'Federation' } },
};

/**
 * Hebrew and Arabic names under `dir="rtl" lang="ar"`: the grid is mirrored (the first column on
 * the right, arrow keys swapped); figure pairs such as "٤٬٠٤٦ / ١٠٬٠٠٠" still read used / limit,
 * left to right.
 */
export const RightToLeft: Story = {
  args: { customers: renamed(RTL_NAMES), query: { ...DEFAULT_QUERY, q: 'شركة' } },
  render: (args) => html`<div dir="rtl" lang="ar">${renderTable(args)}</div>`,
};

/** The dark token set, switched by `data-theme="dark"` on the element (or on an ancestor, with `themeStyles` on the page). */
export const DarkTheme: Story = {
  args: { customers: sample(40), query: { ...DEFAULT_QUERY, q: 'a' }, theme: 'dark' },
  render: (args) => html`<div style="padding: 16px; background: #0b0d11">${renderTable(args)}</div>`,
};

/** A customer with every field fixed, so a state shows the same on every run (no seeded randomness). */
function fixed(id: number, name: string, fields: Partial<Customer>): Customer {
  return {
    id,
    name,
    external_id: null,
    notification_email: `ops${id}@example.com`,
    plan_id: 'growth',
    in_trial: false,
    trial_ends_at: null,
    created_at: '2026-03-02T10:00:00.000Z',
    tasks_used: 3_200,
    task_limit: 10_000,
    connections: 6,
    connection_limit: 25,
    top_apps: APPS.slice(0, 5).map((app) => app.id),
    origins: [],
    version: 1,
    ...fields,
  };
}
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

/** One row per state a designer draws: each named for what it shows. */
const STATE_ROWS: Customer[] = [
  fixed(1, 'Active on Growth', { external_id: 'CRM-0001' }),
  fixed(2, 'In trial, 12 days left', { in_trial: true, trial_ends_at: at(12 * DAY), tasks_used: 40, task_limit: 100 }),
  fixed(3, 'Trial ends today', { in_trial: true, trial_ends_at: at(8 * HOUR), tasks_used: 12, task_limit: 100 }),
  fixed(4, 'Expired subscription (trial ended)', { in_trial: true, trial_ends_at: at(-2 * DAY), plan_id: 'starter', tasks_used: 64, task_limit: 100 }),
  fixed(5, 'Expired subscription (free plan)', { plan_id: 'free', tasks_used: 20, task_limit: 100, connections: 1, connection_limit: 2 }),
  fixed(6, 'Near the task limit (85%)', { tasks_used: 8_500 }),
  fixed(7, 'Over the task limit', { tasks_used: 12_480 }),
  fixed(8, 'Over the connection limit', { connections: 31 }),
  fixed(9, 'No apps connected yet', { top_apps: [], connections: 0, tasks_used: 0 }),
  fixed(10, 'One app only', { top_apps: APPS.slice(3, 4).map((app) => app.id), connections: 1 }),
];

/**
 * Trial, trial ending today, expired (trial ended, or on the free plan), near and over the task
 * limit, over the connection limit, no apps: fixed rows, each named for its state.
 */
export const StatesAndLimits: Story = { name: 'States: trial, expired, limits, no apps', args: { customers: STATE_ROWS, height: 560 } };

/** A backend whose first page of customers answers and every later page fails with 503. */
function failingAfterFirstPage(): Backend {
  const inner = memory({ size: 20_000 });
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'listCustomers') {
        return async (params: Parameters<Backend['listCustomers']>[0], options?: Parameters<Backend['listCustomers']>[1]) => {
          if ((params.page ?? 1) > 1) throw new HttpError(problem(503, 'Service Unavailable', 'The customer index is being rebuilt.'));
          return target.listCustomers(params, options);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Server mode, the first page loaded, then the admin scrolls down and the next pages fail: the
 * error with Retry (which asks again for the same query and place). The play function scrolls.
 */
export const ErrorMidScroll: Story = {
  name: 'Error mid-scroll (server mode)',
  args: { backend: failingAfterFirstPage(), mode: 'server' },
  play: async ({ canvasElement }) => {
    const table = await storyElement<HTMLElement>(canvasElement, 'customer-table');
    const scroller = await inShadow(table, '[part~="scroller"]');
    await waitFor(() => {
      if (!table.shadowRoot!.querySelector('[part~="row"][aria-rowindex]')) throw new Error('no rows yet');
    });
    scroller.scrollTop = 40 * 150;
    scroller.dispatchEvent(new Event('scroll'));
    await waitFor(() => {
      if (!table.shadowRoot!.querySelector('[part~="message"][data-state="error"]')) throw new Error('no error yet');
    });
  },
};

/** The table in a phone's width: columns scroll sideways inside the table; the page does not. */
export const PhoneWidth: Story = {
  name: 'Phone width',
  args: { customers: STATE_ROWS, height: 480 },
  globals: { viewport: { value: 'phone', isRotated: false } },
};

/** The table in a tablet's width. */
export const TabletWidth: Story = {
  name: 'Tablet width',
  args: { customers: STATE_ROWS, height: 560 },
  globals: { viewport: { value: 'tablet', isRotated: false } },
};

/** Dark and right-to-left at once (the toolbar's Theme and Direction do this for any story). */
export const DarkRightToLeft: Story = {
  name: 'Dark, right-to-left',
  args: { customers: renamed(RTL_NAMES), theme: 'dark' },
  globals: { theme: 'dark', direction: 'rtl' },
};

/** Loading, in the dark theme. */
export const DarkLoading: Story = { name: 'Dark: loading', args: { backend: pending as unknown as Backend, theme: 'dark' }, globals: { theme: 'dark' } };
/** No customers, in the dark theme. */
export const DarkEmpty: Story = { name: 'Dark: empty', args: { backend: memory({ customers: [] }), theme: 'dark' }, globals: { theme: 'dark' } };
/** Every call fails, in the dark theme. */
export const DarkError: Story = { name: 'Dark: error', args: { backend: memory({ failureRate: 1 }), theme: 'dark' }, globals: { theme: 'dark' } };
