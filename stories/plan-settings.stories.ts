import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/plan-settings/define.js';
import type { Backend } from '../src/backend/backend.js';
import { HttpError, problem } from '../src/backend/errors.js';
import { DEMO_PARTNER } from '../src/backend/generate.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import type { Customer } from '../src/model/schemas.js';
import type { PlanSettingsStrings } from '../components/plan-settings/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the trial dates never drift. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

function customer(id: number, name: string, fields: Partial<Customer>): Customer {
  return {
    id,
    name,
    external_id: null,
    notification_email: `ops${id}@example.com`,
    plan_id: 'growth',
    in_trial: false,
    trial_ends_at: null,
    created_at: '2026-03-02T10:00:00.000Z',
    tasks_used: 320,
    task_limit: 10_000,
    connections: 6,
    connection_limit: 25,
    top_apps: [],
    origins: [],
    version: 3,
    ...fields,
  };
}

/** The customers the stories show (MemoryBackend derives their limits from plan and trial). */
const CUSTOMERS: Customer[] = [
  customer(1, 'Northwind Traders', { plan_id: 'business', tasks_used: 4_046, connections: 12 }),
  customer(2, 'Initech', { in_trial: true, trial_ends_at: at(12 * DAY), tasks_used: 64 }),
  customer(3, 'Globex', { plan_id: 'starter', in_trial: true, trial_ends_at: at(8 * HOUR), tasks_used: 97 }),
  customer(4, 'Hooli', { in_trial: true, trial_ends_at: at(DAY), tasks_used: 12 }),
  customer(5, 'Umbrella', { plan_id: 'starter', in_trial: true, trial_ends_at: at(-DAY), tasks_used: 140 }),
  customer(6, 'Société Générale', { plan_id: 'enterprise', tasks_used: 120_500, connections: 640 }),
];

/** A MemoryBackend over CUSTOMERS on a clock the story may move (for "another admin, 2 minutes ago"). */
function memory(options: MemoryBackendOptions & { clock?: { now: Date } } = {}): MemoryBackend {
  const clock = options.clock ?? { now: NOW };
  return new MemoryBackend({ customers: CUSTOMERS, now: () => clock.now, ...options });
}

/** `backend` with some calls replaced (the rest its own). */
function overriding(backend: Backend, overrides: Partial<Backend>): Backend {
  return new Proxy(backend, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof Backend];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface PlanArgs {
  backend: Backend;
  /** Unset: the customer the story's loader read from its backend. */
  customer?: Customer;
  readonly: boolean;
  now?: Date | number;
  strings?: Partial<PlanSettingsStrings>;
  theme?: 'light' | 'dark';
}

const renderPlan = (args: PlanArgs) => html`<plan-settings
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px"
  .backend=${args.backend}
  .customer=${args.customer}
  .now=${asDate(args.now) ?? NOW}
  .readonly=${args.readonly}
  .strings=${args.strings}
></plan-settings>`;

const loaded = (id: number, backend: () => Backend = () => memory()) => async () => {
  const b = backend();
  return { backend: b, customer: await b.getCustomer(id) };
};
const renderLoaded = (args: PlanArgs, context: { loaded: Record<string, unknown> }) =>
  renderPlan({ ...args, ...(context.loaded as Pick<PlanArgs, 'backend' | 'customer'>), ...(args.customer ? { customer: args.customer } : {}) });

/** Waits for the element's plans, chooses `planName` and presses Change plan, as an admin would. */
async function chooseAndApply(canvasElement: HTMLElement, planName: string): Promise<void> {
  const element = canvasElement.querySelector('plan-settings')!;
  const root = () => element.shadowRoot!;
  const radio = () =>
    [...root().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => input.closest('label')!.querySelector('.option-name')!.textContent === planName,
    );
  for (let i = 0; i < 200 && !radio(); i++) await new Promise((r) => setTimeout(r, 20));
  radio()!.click();
  await element.updateComplete;
  root().querySelector<HTMLButtonElement>('[part~="apply-button"]')!.click();
}

const meta: Meta<PlanArgs> = {
  title: 'Elements/plan-settings',
  component: 'plan-settings',
  render: renderPlan,
  args: { backend: memory(), readonly: false, now: NOW, strings: {} },
  argTypes: { backend: { control: false }, theme: { table: { disable: true } } },
};
export default meta;
type Story = StoryObj<PlanArgs>;

/** Active on Business: the plan list with each plan's limits; no trial running, Enable trial shows the end date it would give. */
export const Active: Story = { loaders: [loaded(1)], render: renderLoaded };

/** In trial for 12 more days: its end date, the automatic fall to Free, Extend (the new end date) and End trial (the subscription it leaves). */
export const TrialRunning: Story = { loaders: [loaded(2)], render: renderLoaded };

/** The trial ends later today. */
export const TrialEndsToday: Story = { loaders: [loaded(3)], render: renderLoaded };

/** The trial ends tomorrow. */
export const TrialEndsTomorrow: Story = { loaders: [loaded(4)], render: renderLoaded };

/** The trial ended yesterday: an expired subscription, on Free since then, and how to reactivate. */
export const TrialEndedYesterday: Story = { loaders: [loaded(5)], render: renderLoaded };

/** A plan chosen and not applied: what it brings, marked "Not applied yet" (`hasUnsavedChanges`). */
export const PlanChosen: Story = {
  loaders: [loaded(2)],
  render: renderLoaded,
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('plan-settings')!;
    for (let i = 0; i < 200 && !element.shadowRoot?.querySelector('input[value="business"]'); i++) await new Promise((r) => setTimeout(r, 20));
    element.shadowRoot!.querySelector<HTMLInputElement>('input[value="business"]')!.click();
  },
};

/** Business → Starter with 4,046 tasks used: the confirmation shows the usage and the new limit. */
export const OverLimitConfirmation: Story = {
  loaders: [loaded(1)],
  render: renderLoaded,
  play: ({ canvasElement }) => chooseAndApply(canvasElement, 'Starter'),
};

/**
 * Another admin moved Northwind to Enterprise two minutes before this admin applied Growth: the
 * 412 view names their change, keeps Growth chosen, and offers Apply my choice or Keep theirs.
 */
export const Conflict: Story = {
  loaders: [
    async () => {
      const clock = { now: new Date(NOW.getTime() - 2 * 60_000) };
      const backend = memory({ clock });
      const shown = await backend.getCustomer(1);
      // The other admin's write, through the same backend, after this admin read the customer.
      await backend.setPlan(1, 'enterprise', { version: shown.version });
      clock.now = NOW;
      return { backend, customer: shown };
    },
  ],
  render: renderLoaded,
  play: ({ canvasElement }) => chooseAndApply(canvasElement, 'Growth'),
};

/** The save fails (503): the choice is kept, with the server's message and Try again. */
export const SaveError: Story = {
  loaders: [
    loaded(2, () =>
      overriding(memory(), {
        setPlan: async () => {
          throw new HttpError(problem(503, 'Service Unavailable', 'The billing service is down for maintenance.'));
        },
      }),
    ),
  ],
  render: renderLoaded,
  play: ({ canvasElement }) => chooseAndApply(canvasElement, 'Business'),
};

/** A read-only session (the framed console): everything shown, the controls disabled, the reason given. */
export const ReadOnly: Story = { loaders: [loaded(2)], render: renderLoaded, args: { readonly: true } };

/** The signed-in admin lacks `manage_customers`: read-only, saying why. */
export const NoPermission: Story = {
  loaders: [
    loaded(1, () =>
      memory({ partner: { ...DEMO_PARTNER, admin: { ...DEMO_PARTNER.admin, permissions: { manage_customers: false, delete_customers: false } } } }),
    ),
  ],
  render: renderLoaded,
};

/** The plans and permissions never arrive. */
export const Loading: Story = {
  loaders: [
    async () => {
      const backend = memory();
      const shown = await backend.getCustomer(1);
      return { backend: memory({ latencyMs: 1e9 }), customer: shown };
    },
  ],
  render: renderLoaded,
};

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  loaders: [loaded(2)],
  render: (args, context) => html`<div style="background: #15181e">${renderLoaded({ ...args, theme: 'dark' }, context)}</div>`,
};

/** Right-to-left, in Arabic: dates and numbers from Intl, the layout mirrored. */
export const RightToLeft: Story = {
  loaders: [loaded(4)],
  render: (args, context) => html`<div dir="rtl" lang="ar">${renderLoaded(args, context)}</div>`,
};
