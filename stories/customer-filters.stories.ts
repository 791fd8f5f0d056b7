import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-filters/define.js';
import { DEMO_PLANS, generateApps } from '../src/backend/generate.js';
import { plansWithFree } from '../src/model/rules.js';
import type { App, Plan, StatusCounts } from '../src/model/schemas.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../src/query/types.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import type { FilterStrings } from '../components/customer-filters/define.js';
import { asDate, inShadow, storyElement, waitFor } from './play.js';

/** Every story runs on the same fixed clock, so date presets never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const APPS = generateApps();
const PLANS = plansWithFree(DEMO_PLANS);
const COUNTS: StatusCounts = { all: 12_480, active: 9_112, trial: 1_904, expired: 1_464 };

interface FiltersArgs {
  backend?: Backend;
  query: CustomerQuery;
  plans?: Plan[];
  apps?: App[];
  counts?: StatusCounts | null;
  now?: Date | number;
  searchDelay: number;
  strings?: Partial<FilterStrings>;
  theme?: 'light' | 'dark';
}

/**
 * The filters alone, with plans, apps and counts given as properties (no backend). Inside a
 * `<customer-console>` they come from its backend instead.
 */
const renderFilters = (args: FiltersArgs) => html`<customer-filters
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px"
  .backend=${args.backend}
  .query=${args.query}
  .plans=${args.plans}
  .apps=${args.apps}
  .counts=${args.counts}
  .now=${asDate(args.now) ?? NOW}
  .searchDelay=${args.searchDelay}
  .strings=${args.strings}
></customer-filters>`;

const meta: Meta<FiltersArgs> = {
  title: 'Elements/customer-filters',
  component: 'customer-filters',
  render: renderFilters,
  args: { query: DEFAULT_QUERY, plans: PLANS, apps: APPS, counts: COUNTS, now: NOW, searchDelay: 200, strings: {} },
  argTypes: { theme: { table: { disable: true } } },
};
export default meta;
type Story = StoryObj<FiltersArgs>;
type PlayContext = Parameters<NonNullable<Story['play']>>[0];

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

/** Opens the story's picker `id` (`plan`, `app` or `joined`) with a click, as an admin would. */
async function openPicker({ canvasElement, userEvent }: PlayContext, id: 'plan' | 'app' | 'joined'): Promise<HTMLElement> {
  const filters = await storyElement<HTMLElement>(canvasElement, 'customer-filters');
  await userEvent.click(await inShadow(filters, `#${id}-button`));
  const panel = await inShadow(filters, `#${id}-panel`);
  await waitFor(() => {
    if (!panel.matches(':popover-open')) throw new Error(`the ${id} picker is not open yet`);
  });
  return panel;
}

/** The plan picker open: a checkbox per plan, Up/Down move, Space toggles. */
export const PlanPickerOpen: Story = {
  name: 'Popover: plans',
  args: { query: { ...DEFAULT_QUERY, plans: ['growth'] } },
  play: async (context) => {
    await openPicker(context, 'plan');
  },
};

/** The app picker open: a combobox over the catalogue, the chosen app marked. */
export const AppPickerOpen: Story = {
  name: 'Popover: apps',
  play: async (context) => {
    await openPicker(context, 'app');
  },
};

/** The Date joined picker open: presets and a custom range. */
export const DateJoinedOpen: Story = {
  name: 'Popover: date joined',
  play: async (context) => {
    await openPicker(context, 'joined');
  },
};

/** An app search that matches nothing: the listbox says "No apps match". */
export const NoAppsMatch: Story = {
  name: 'Popover: no apps match',
  play: async (context) => {
    const panel = await openPicker(context, 'app');
    await context.userEvent.type(panel.querySelector<HTMLInputElement>('#app-search')!, 'zebra accounting');
  },
};

/** A custom range that ends before it starts: the message next to the field, the typed dates kept. */
export const CustomRangeError: Story = {
  name: 'Popover: custom range error',
  play: async (context) => {
    const panel = await openPicker(context, 'joined');
    const from = panel.querySelector<HTMLInputElement>('#joined-from')!;
    const to = panel.querySelector<HTMLInputElement>('#joined-to')!;
    // Date inputs take their value whole (typing goes field by field, and differs by locale).
    for (const [input, value] of [[from, '2026-09-30'], [to, '2026-09-01']] as const) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    panel.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => {
      if (!panel.querySelector('[part~="field-error"]')) throw new Error('no range error yet');
    });
  },
};

/** Plans, apps and counts come from a backend that never answers: the pickers say they are loading. */
export const PickersLoading: Story = {
  name: 'Pickers: loading',
  args: { backend: new MemoryBackend({ seed: 7, size: 50, now: () => NOW, latencyMs: 1e9 }), plans: undefined, apps: undefined, counts: undefined },
  play: async (context) => {
    await openPicker(context, 'plan');
  },
};

/** The plans and apps could not be loaded (every call fails): the picker says so, with Retry. */
export const PickersFailed: Story = {
  name: 'Pickers: failed',
  args: { backend: new MemoryBackend({ seed: 7, size: 50, now: () => NOW, failureRate: 1 }), plans: undefined, apps: undefined, counts: undefined },
  play: async (context) => {
    await openPicker(context, 'plan');
  },
};
