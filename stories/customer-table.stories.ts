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

/** Every story runs on the same fixed clock, so dates, trials and presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const APPS = generateApps();
const PLANS = [...DEMO_PLANS];

const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) => new MemoryBackend({ seed: 7, now: () => NOW, ...options });
const sample = (count: number, seed = 7) => generateCustomers({ seed, count, anchor: NOW });
const renamed = (names: readonly string[]): Customer[] =>
  sample(names.length).map((c, i) => ({ ...c, name: names[i]!, external_id: i % 2 === 0 ? `ext-${i}-${names[i]!.slice(0, 12)}` : null }));

/** Logs the table's events in the Actions-free docs page and the browser console. */
const log = (e: Event) => console.info(e.type, (e as CustomEvent).detail);

interface TableArgs {
  backend?: Backend;
  customers?: readonly Customer[];
  query: CustomerQuery;
  mode: 'auto' | 'client' | 'server';
  height: number;
  theme?: 'light' | 'dark';
}

const renderTable = (args: TableArgs) => html`<customer-table
  style="block-size: ${args.height}px"
  data-theme=${ifDefined(args.theme)}
  .backend=${args.backend}
  .customers=${args.customers}
  .query=${args.query}
  .mode=${args.mode}
  .now=${NOW}
  .apps=${args.backend ? undefined : APPS}
  .plans=${args.backend ? undefined : PLANS}
  @customer-select=${log}
  @sort-change=${log}
  @clear-filters-request=${log}
></customer-table>`;

const meta: Meta<TableArgs> = {
  title: 'Elements/customer-table',
  component: 'customer-table',
  render: renderTable,
  args: { query: DEFAULT_QUERY, mode: 'auto', height: 520 },
  argTypes: {
    mode: { control: 'inline-radio', options: ['auto', 'client', 'server'] },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
    backend: { control: false },
    customers: { control: false },
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
