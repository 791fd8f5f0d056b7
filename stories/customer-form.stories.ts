import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-form/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { DEMO_PLANS } from '../src/backend/generate.js';
import type { Plan } from '../src/model/schemas.js';
import type { FormStrings } from '../components/customer-form/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the seeded data never drifts. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, size: 50, now: () => NOW, ...options });

interface FormArgs {
  backend: Backend;
  plans?: Plan[];
  now?: Date | number;
  strings?: Partial<FormStrings>;
  theme?: 'light' | 'dark';
}

const renderForm = (args: FormArgs) => html`<customer-form
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px"
  .backend=${args.backend}
  .plans=${args.plans}
  .now=${asDate(args.now) ?? NOW}
  .strings=${args.strings}
></customer-form>`;

interface Entries {
  name: string;
  email: string;
  plan: string;
  externalId?: string;
}

/** Types the entries into the form and sends it, as an admin would, to show the server's answer. */
async function fillAndSend(canvasElement: HTMLElement, entries: Entries): Promise<void> {
  const form = canvasElement.querySelector('customer-form')!;
  await form.updateComplete;
  const root = form.shadowRoot!;
  const set = (selector: string, value: string, type: 'input' | 'change') => {
    const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  };
  // The plans come from the backend: wait until the one to choose is there.
  for (let i = 0; i < 100 && !root.querySelector(`#plan option[value="${entries.plan}"]`); i++) await new Promise((r) => setTimeout(r, 20));
  set('#name', entries.name, 'input');
  set('#email', entries.email, 'input');
  set('#plan', entries.plan, 'change');
  if (entries.externalId) set('#external-id', entries.externalId, 'input');
  await form.updateComplete;
  root.querySelector('form')!.requestSubmit();
}

/** The backend control: a few MemoryBackends by name. */
const BACKENDS: Record<string, Backend> = {
  'MemoryBackend, seeded': memory(),
  'every call fails (503)': memory({ failureRate: 1 }),
  'never answers': memory({ latencyMs: 1e9 }),
};

const meta: Meta<FormArgs> = {
  title: 'Elements/customer-form',
  component: 'customer-form',
  render: renderForm,
  args: { backend: memory(), now: NOW, strings: {} },
  argTypes: {
    backend: { control: { type: 'select' }, options: Object.keys(BACKENDS), mapping: BACKENDS },
    theme: { table: { disable: true } },
  },
};
export default meta;
type Story = StoryObj<FormArgs>;

/** Empty, plans loaded from MemoryBackend (the free plan is not offered). */
export const Default: Story = {};

/** Sent with a plan the server does not know: its 422 lands on the Plan field, every value kept. */
export const ServerFieldErrors: Story = {
  args: { plans: [...DEMO_PLANS, { id: 'legacy-gold', name: 'Legacy Gold (retired)', task_limit: 1, connection_limit: 1 }] },
  play: ({ canvasElement }) => fillAndSend(canvasElement, { name: 'Northwind Traders', email: 'ops@northwind.example', plan: 'legacy-gold' }),
};

/** Sent with an external ID another customer has: the 409 lands on the External ID field. */
export const ExternalIdTaken: Story = {
  loaders: [
    async () => {
      const backend = memory();
      await backend.createCustomer({ name: 'Existing Co', notification_email: 'ops@existing.example', plan_id: 'starter', external_id: 'NW-1' });
      return { backend };
    },
  ],
  render: (args, { loaded }) => renderForm({ ...args, ...(loaded as Pick<FormArgs, 'backend'>) }),
  play: ({ canvasElement }) =>
    fillAndSend(canvasElement, { name: 'Northwind Traders', email: 'ops@northwind.example', plan: 'growth', externalId: 'NW-1' }),
};

/** Checked before sending: what each field needs, nothing sent. */
export const InvalidEntries: Story = {
  play: ({ canvasElement }) => fillAndSend(canvasElement, { name: '   ', email: 'ops@northwind', plan: '' }),
};

/** The server is slow to answer: the button says it is adding, the form is busy. */
export const Sending: Story = {
  loaders: [
    async () => {
      const backend = memory();
      const plans = await backend.listPlans();
      // Plans are given, so only the create waits on the never-answering backend.
      return { backend: memory({ latencyMs: 1e9 }), plans };
    },
  ],
  render: (args, { loaded }) => renderForm({ ...args, ...(loaded as Pick<FormArgs, 'backend' | 'plans'>) }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, { name: 'Slow Answer Ltd', email: 'ops@slow.example', plan: 'starter' }),
};

/** The plans could not be loaded (every call fails): the Plan field says so, with Retry. */
export const PlansFailed: Story = { args: { backend: memory({ failureRate: 1 }) } };

/** The dark token set, switched by `data-theme="dark"` on the element, with messages showing. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  render: (args) => html`<div style="background: #15181e; padding: 8px">${renderForm(args)}</div>`,
  play: InvalidEntries.play!,
};

/** Right-to-left: labels, fields and messages mirror. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl" lang="ar">${renderForm(args)}</div>`,
  play: InvalidEntries.play!,
};
