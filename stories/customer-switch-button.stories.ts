import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-switch-button/define.js';
import type { Backend } from '../src/backend/backend.js';
import type { Partner } from '../src/model/schemas.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { DEMO_PARTNER } from '../src/backend/generate.js';
import { maySwitchToAccount } from '../src/model/rules.js';
import type { SwitchButtonStrings } from '../components/customer-switch-button/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the seeded data never drifts. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const SIZE = 50;
const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, size: SIZE, now: () => NOW, ...options });

/** The first seeded customer whose team has (or lacks) the demo admin, as MemoryBackend lists it. */
async function customerWhere(backend: Backend, allowed: boolean): Promise<number> {
  const admin = (await backend.getPartner()).admin.email;
  for (let id = 1; id <= SIZE; id++) {
    if (maySwitchToAccount(admin, await backend.listCollaborators(id)) === allowed) return id;
  }
  throw new Error(`no seeded customer where switching is ${allowed ? 'allowed' : 'refused'}`);
}

/** `backend` as it is, except that /partner names `partner`'s admin (a page told another admin than the server checks). */
function toldOtherAdmin(backend: Backend, partner: Partner): Backend {
  return new Proxy(backend, {
    get(target, prop) {
      if (prop === 'getPartner') return async () => partner;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Cancels the event (the Actions panel shows it), so the story does not open the (fictional) account URL. */
const cancelSwitch = (e: CustomEvent) => e.preventDefault();

interface SwitchArgs {
  backend: Backend;
  customerId: number;
  now?: Date | number;
  strings?: Partial<SwitchButtonStrings>;
  theme?: 'light' | 'dark';
}

const renderSwitch = (args: SwitchArgs) => html`<customer-switch-button
  data-theme=${ifDefined(args.theme)}
  .backend=${args.backend}
  .customerId=${args.customerId}
  .now=${asDate(args.now) ?? NOW}
  .strings=${args.strings}
  @customer-switch=${cancelSwitch}
></customer-switch-button>`;

const withCustomer = (allowed: boolean, options: MemoryBackendOptions = {}) => async () => {
  const backend = memory(options);
  return { backend, customerId: await customerWhere(backend, allowed) };
};
const renderLoaded = (args: SwitchArgs, { loaded }: { loaded: Record<string, unknown> }) =>
  renderSwitch({ ...args, ...(loaded as Pick<SwitchArgs, 'backend' | 'customerId'>) });

const meta: Meta<SwitchArgs> = {
  title: 'Elements/customer-switch-button',
  component: 'customer-switch-button',
  render: renderSwitch,
  args: { backend: memory(), customerId: 1, now: NOW, strings: {} },
  argTypes: { backend: { control: false }, theme: { table: { disable: true } } },
};
export default meta;
type Story = StoryObj<SwitchArgs>;

/** The demo admin is on this workspace's team: the button is enabled; a click fires `customer-switch` (logged, canceled). */
export const Allowed: Story = { loaders: [withCustomer(true)], render: renderLoaded };

/** The admin is not on the team: disabled, with the reason next to it. */
export const Forbidden: Story = { loaders: [withCustomer(false)], render: renderLoaded };

/** The partner and team never arrive: disabled and busy while it checks. */
export const Checking: Story = { args: { backend: memory({ latencyMs: 1e9 }) } };

/**
 * /partner names a team member, but the server checks another admin: the button is enabled and a
 * click shows the server's 403 next to it.
 */
export const ServerRefuses: Story = {
  loaders: [
    async () => {
      const backend = toldOtherAdmin(memory({ adminEmail: 'someone.else@partner.example' }), DEMO_PARTNER);
      return { backend, customerId: await customerWhere(backend, true) };
    },
  ],
  render: renderLoaded,
};

/** The check failed (every call fails): it says so, with Retry. */
export const CheckFailed: Story = { args: { backend: memory({ failureRate: 1 }) } };

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  loaders: [withCustomer(false)],
  render: (args, context) => html`<div style="background: #15181e; padding: 8px">${renderLoaded({ ...args, theme: 'dark' }, context)}</div>`,
};

/** Right-to-left: the reason sits on the button's left. */
export const RightToLeft: Story = {
  loaders: [withCustomer(false)],
  render: (args, context) => html`<div dir="rtl" lang="ar">${renderLoaded(args, context)}</div>`,
};
