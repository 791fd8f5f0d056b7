import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-filters/define.js';
import { DEMO_PLANS, generateApps } from '../src/backend/generate.js';
import { plansWithFree } from '../src/model/rules.js';
import type { App, Plan, StatusCounts } from '../src/model/schemas.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../src/query/types.js';

/** Every story runs on the same fixed clock, so date presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const APPS = generateApps();
const PLANS = plansWithFree(DEMO_PLANS);
const COUNTS: StatusCounts = { all: 12_480, active: 9_112, trial: 1_904, expired: 1_464 };

const log = (e: Event) => console.info(e.type, (e as CustomEvent).detail);

interface FiltersArgs {
  query: CustomerQuery;
  plans: Plan[];
  apps: App[];
  counts: StatusCounts | null;
  theme?: 'light' | 'dark';
}

/**
 * The filters alone, with plans, apps and counts given as properties (no backend). Inside a
 * `<customer-console>` they come from its backend instead.
 */
const renderFilters = (args: FiltersArgs) => html`<customer-filters
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px"
  .query=${args.query}
  .plans=${args.plans}
  .apps=${args.apps}
  .counts=${args.counts}
  .now=${NOW}
  @query-change=${log}
></customer-filters>`;

const meta: Meta<FiltersArgs> = {
  title: 'Elements/customer-filters',
  component: 'customer-filters',
  render: renderFilters,
  args: { query: DEFAULT_QUERY, plans: PLANS, apps: APPS, counts: COUNTS },
  argTypes: { plans: { control: false }, apps: { control: false } },
};
export default meta;
type Story = StoryObj<FiltersArgs>;

/**
 * Keyboard: Tab reaches the chosen status (the statuses are a radio group drawn as tabs), and
 * Left/Right choose another; in the Plan and Date joined pickers Up/Down move between the choices.
 */
export const Default: Story = {};

const ACTIVE_FILTERS: CustomerQuery = {
  ...DEFAULT_QUERY,
  q: 'acme',
  status: 'trial',
  plans: ['growth', 'business'],
  app: APPS[1]!.id,
  joined: { from: '2026-01-01', to: '2026-06-30' },
};

/** Every kind of filter on: the pickers show their values and the chips list them. */
export const WithActiveFilters: Story = { args: { query: ACTIVE_FILTERS } };

/** Counts not known yet: the tabs show labels only. */
export const WithoutCounts: Story = { args: { counts: null } };

const HOSTILE_PLANS: Plan[] = [
  { id: 'xss', name: '<img src=x onerror=alert(1)>', task_limit: 1000, connection_limit: 10 },
  {
    id: 'long',
    name: 'Enterprise Plus Unlimited Regional Cooperative Federation Annual Commitment Tier',
    task_limit: 1_000_000,
    connection_limit: 1000,
  },
  ...PLANS,
];

/** Plan and app names that look like markup render as text in the pickers and chips; long ones are cut with an ellipsis. */
export const HostileAndLongNames: Story = {
  args: {
    plans: HOSTILE_PLANS,
    query: {
      ...DEFAULT_QUERY,
      q: '<script>alert(1)</script>',
      plans: ['xss', 'long'],
      app: APPS.find((a) => a.name.includes('<b>'))?.id ?? null,
    },
  },
};

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  args: { query: ACTIVE_FILTERS, theme: 'dark' },
  render: (args) => html`<div style="background: #15181e; padding: 8px">${renderFilters(args)}</div>`,
};

/** Right-to-left: layout mirrors, and the tab arrow keys follow the reading direction. */
export const RightToLeft: Story = {
  args: { query: ACTIVE_FILTERS },
  render: (args) => html`<div dir="rtl" lang="ar">${renderFilters(args)}</div>`,
};
