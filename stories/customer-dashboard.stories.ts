import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-dashboard/define.js';
import type { DashboardPeriod } from '../components/customer-dashboard/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import type { DashboardStats } from '../src/model/schemas.js';
import type { CustomerDashboardStrings } from '../components/customer-dashboard/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the series never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');

const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) => new MemoryBackend({ seed: 7, now: () => NOW, ...options });
const backend = memory();

/**
 * The first of MemoryBackend's customers whose 30-day dashboard fits the story (the one with the
 * highest error rate for `heaviest`), found in its generated data rather than hard-coded, so a
 * story keeps showing its state when the generator changes.
 */
async function findCustomer(fits: (stats: DashboardStats) => boolean, heaviest = false): Promise<number> {
  const { items } = await backend.listCustomers({ page: 1, per_page: 200 });
  let best: { id: number; rate: number } | null = null;
  for (const customer of items) {
    const stats = await backend.getDashboard(customer.id, '30d');
    if (!fits(stats)) continue;
    if (!heaviest) return customer.id;
    const rate = stats.failed_jobs / Math.max(1, stats.successful_jobs + stats.failed_jobs);
    if (!best || rate > best.rate) best = { id: customer.id, rate };
  }
  if (best) return best.id;
  throw new Error('No generated customer fits this story');
}

const withRecipes = (stats: DashboardStats) => stats.active_recipes > 1 && stats.top_failing_recipes.length > 1;
const customerLoader = (fits: (stats: DashboardStats) => boolean, heaviest = false) => async () => ({
  customerId: await findCustomer(fits, heaviest),
});

interface DashboardArgs {
  backend: Backend;
  /** Unset: the story's loader finds a customer that fits. */
  customerId?: number;
  period: DashboardPeriod;
  now?: Date | number;
  strings?: Partial<CustomerDashboardStrings>;
  theme?: 'light' | 'dark';
}

const renderDashboard = (args: DashboardArgs, loaded: Record<string, unknown> = {}) => html`<customer-dashboard
  style="padding: 16px; max-inline-size: 960px"
  data-theme=${ifDefined(args.theme)}
  .backend=${args.backend}
  .customerId=${args.customerId ?? (loaded['customerId'] as number | undefined)}
  .period=${args.period}
  .now=${asDate(args.now) ?? NOW}
  .strings=${args.strings}
></customer-dashboard>`;

/** The backend control: a few MemoryBackends by name. */
const BACKENDS: Record<string, Backend> = {
  'MemoryBackend, seeded': backend,
  'every call fails (503)': memory({ failureRate: 1 }),
  'never answers': memory({ latencyMs: 1e9 }),
};

const meta: Meta<DashboardArgs> = {
  title: 'Elements/customer-dashboard',
  component: 'customer-dashboard',
  render: (args, { loaded }) => renderDashboard(args, loaded),
  loaders: [customerLoader(withRecipes)],
  args: { backend, period: '7d', now: NOW, strings: {} },
  argTypes: {
    period: { control: 'inline-radio', options: ['1d', '7d', '30d', '90d'] },
    backend: { control: { type: 'select' }, options: Object.keys(BACKENDS), mapping: BACKENDS },
    theme: { table: { disable: true } },
  },
};
export default meta;
type Story = StoryObj<DashboardArgs>;

/** The last 7 days of a customer with running recipes and a few failures. */
export const Default: Story = {};

/** Hourly bars for the last day; the current hour is marked "so far". */
export const LastDay: Story = { args: { period: '1d' } };

export const ThirtyDays: Story = { args: { period: '30d' } };

/** 90 daily bars: the chart stays one Tab stop, time labels thin out, the table scrolls. */
export const NinetyDays: Story = { args: { period: '90d' } };

/** A customer that has built no recipe yet: it says so and what a recipe is, instead of a chart of zeros. */
export const NoRecipes: Story = { loaders: [customerLoader((stats) => stats.recipes === 0)] };

/** The customer with the highest error rate: the hatched failures dominate the bars. */
export const HeavyFailures: Story = { args: { period: '30d' }, loaders: [customerLoader(withRecipes, true)] };

/** The dashboard never answers: the skeleton stays. */
export const Loading: Story = {
  args: { backend: { getDashboard: () => new Promise(() => {}) } as unknown as Backend, customerId: 1 },
};

/** Every call fails with 503: the message says what failed, and Retry asks again. */
export const ErrorState: Story = { name: 'Error', args: { backend: memory({ failureRate: 1 }), customerId: 1 } };

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  args: { period: '30d', theme: 'dark' },
  render: (args, { loaded }) => html`<div style="background: #15181e">${renderDashboard(args, loaded)}</div>`,
};

/**
 * Right-to-left in Arabic: the period control, figures, legend and table mirror, and time runs from
 * right to left too (the oldest bar at the right, the value axis on the right), as an RTL reader
 * reads a timeline; the arrow keys follow it. Numbers and dates are formatted for `ar`.
 */
export const RightToLeft: Story = {
  args: { period: '30d' },
  render: (args, { loaded }) => html`<div dir="rtl" lang="ar">${renderDashboard(args, loaded)}</div>`,
};
