import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-settings/define.js';
import type { Backend } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { DEMO_PARTNER } from '../src/backend/generate.js';
import type { Customer, Partner } from '../src/model/schemas.js';
import type { CustomerSettingsStrings } from '../components/customer-settings/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the seeded data never drifts. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
/** The story's customer: the first seeded one. */
const CUSTOMER_ID = 1;

function partner(fields: { origins?: string[]; permissions?: Partial<Partner['admin']['permissions']> } = {}): Partner {
  return {
    ...DEMO_PARTNER,
    origins: fields.origins ?? ['https://partner.example', 'https://console.partner.example'],
    admin: { ...DEMO_PARTNER.admin, permissions: { ...DEMO_PARTNER.admin.permissions, ...fields.permissions } },
  };
}

interface SettingsArgs {
  backend: Backend;
  /** Unset: the customer the story's loader read from its backend. */
  customer?: Customer;
  readonly: boolean;
  now?: Date | number;
  strings?: Partial<CustomerSettingsStrings>;
  theme?: 'light' | 'dark';
}

const renderSettings = (args: SettingsArgs) => html`<customer-settings
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px"
  .backend=${args.backend}
  .customer=${args.customer}
  .now=${asDate(args.now) ?? NOW}
  .readonly=${args.readonly}
  .strings=${args.strings}
></customer-settings>`;

type Prepare = (backend: MemoryBackend, write: (patch: Parameters<Backend['updateCustomer']>[1]) => Promise<void>) => Promise<void>;

/**
 * A loader: a seeded MemoryBackend, written through as an admin would (each write one history
 * entry) before the element renders, and the customer as it then is.
 */
function prepared(options: MemoryBackendOptions & { partner?: Partner } = {}, prepare?: Prepare) {
  return async () => {
    const backend = new MemoryBackend({ seed: 7, size: 50, now: () => NOW, partner: partner(), ...options });
    const write = async (patch: Parameters<Backend['updateCustomer']>[1]) => {
      const current = await backend.getCustomer(CUSTOMER_ID);
      await backend.updateCustomer(CUSTOMER_ID, patch, current.version);
    };
    await prepare?.(backend, write);
    return { backend, customer: await backend.getCustomer(CUSTOMER_ID) };
  };
}

const renderLoaded = (args: SettingsArgs, { loaded }: { loaded: Record<string, unknown> }) =>
  renderSettings({ ...args, ...(loaded as Pick<SettingsArgs, 'backend' | 'customer'>), ...(args.customer ? { customer: args.customer } : {}) });

/** The element in the canvas, rendered and settled. */
async function settingsIn(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const el = canvasElement.querySelector('customer-settings')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('[part~="danger"]'); i++) await new Promise((r) => setTimeout(r, 10));
  return el.shadowRoot!;
}

function typeInto(root: ShadowRoot, selector: string, value: string): void {
  const field = root.querySelector<HTMLInputElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const meta: Meta<SettingsArgs> = {
  title: 'Elements/customer-settings',
  component: 'customer-settings',
  render: renderLoaded,
  args: { readonly: false, now: NOW, strings: {} },
  argTypes: { backend: { control: false }, theme: { table: { disable: true } } },
};
export default meta;
type Story = StoryObj<SettingsArgs>;

/** A seeded customer as the backend started with it: its name, IDs and origins, no history yet. */
export const Default: Story = { loaders: [prepared()] };

/** The external ID set: the warning, and the API path it gives (`…/customers/E<encoded>`). */
export const ExternalIdSet: Story = {
  loaders: [prepared({}, async (_backend, write) => write({ external_id: 'crm/4711 Ä' }))],
};

/** A typed entry that is not a valid origin: it stays in the field, with its reason named. */
export const RejectedOriginEntry: Story = {
  loaders: [prepared({}, async (_backend, write) => write({ origins: ['https://app.customer.example'] }))],
  play: async ({ canvasElement }) => {
    const root = await settingsIn(canvasElement);
    typeInto(root, '#origin-input', 'https://ok.customer.example, http://shop.customer.example/path,');
  },
};

/** No origins of its own: the partner's are shown as inherited, read-only and badged. */
export const InheritedOrigins: Story = {
  loaders: [prepared({}, async (_backend, write) => write({ origins: [] }))],
};

/** Its own list, replacing the partner's; the frame-ancestors header each origin's session gets. */
export const OwnOrigins: Story = {
  loaders: [
    prepared({}, async (_backend, write) => write({ origins: ['https://app.customer.example', 'https://intranet.customer.example:8443'] })),
  ],
};

/** The delete dialog with a name that does not match: Delete stays disabled. */
export const DeleteTypedWrong: Story = {
  loaders: [prepared()],
  play: async ({ canvasElement }) => {
    const root = await settingsIn(canvasElement);
    root.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    typeInto(root, '#delete-name', 'not the name');
  },
};

/** The delete dialog with the name typed exactly: Delete is enabled. */
export const DeleteTypedRight: Story = {
  loaders: [prepared()],
  play: async ({ canvasElement }) => {
    const root = await settingsIn(canvasElement);
    const el = canvasElement.querySelector('customer-settings')!;
    root.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    typeInto(root, '#delete-name', el.customer!.name);
  },
};

/**
 * Two admins at once: this admin types an external ID and an origin, another admin saves a
 * different external ID and a name through the same backend, then this admin saves — the 412 view.
 */
export const Conflict: Story = {
  loaders: [prepared({}, async (_backend, write) => write({ external_id: 'CRM-1', origins: [] }))],
  play: async ({ canvasElement }) => {
    const root = await settingsIn(canvasElement);
    const el = canvasElement.querySelector('customer-settings')!;
    const backend = el.backend!;
    typeInto(root, '#external-id', 'CRM-1-MINE');
    typeInto(root, '#origin-input', 'https://mine.customer.example,');
    const theirs = await backend.getCustomer(CUSTOMER_ID);
    await backend.updateCustomer(CUSTOMER_ID, { external_id: 'CRM-1-THEIRS', name: `${theirs.name} (renamed)` }, theirs.version);
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="ids"] [part~="save"]')!.click();
  },
};

/** The framed console: everything shown, every control disabled, and the reason said. */
export const ReadOnly: Story = {
  args: { readonly: true },
  loaders: [prepared({}, async (_backend, write) => write({ external_id: 'CRM-9', origins: ['https://app.customer.example'] }))],
};

/** The admin's role may not delete customers: the button is disabled with the reason beside it. */
export const NoDeletePermission: Story = {
  loaders: [prepared({ partner: partner({ permissions: { delete_customers: false } }) })],
};

/** The backend lets admins rename through the API (`rename_customers`): the name is an inline edit. */
export const RenameAllowed: Story = {
  loaders: [prepared({ partner: partner({ permissions: { rename_customers: true } }) })],
};

/** A history written through the backend before render: plans, trial, app access, IDs and origins; more than one page. */
export const HistoryWithEntries: Story = {
  loaders: [
    prepared({}, async (backend, write) => {
      const plans = (await backend.listPlans()).filter((plan) => plan.id !== 'free');
      const apps = await backend.listApps();
      await backend.setPlan(CUSTOMER_ID, plans[0]!.id);
      await backend.setTrial(CUSTOMER_ID, true);
      await backend.setAppAccess(CUSTOMER_ID, { mode: 'selected', app_ids: apps.slice(0, 3).map((app) => app.id) });
      await write({ external_id: 'CRM-1' });
      await write({ origins: ['https://app.customer.example'] });
      await backend.setPlan(CUSTOMER_ID, plans[1]!.id);
      for (let i = 2; i <= 8; i++) await write({ external_id: `CRM-${i}` });
      await backend.setAppAccess(CUSTOMER_ID, { mode: 'all' });
    }),
  ],
};

/** A customer nobody has changed yet: the history says so. */
export const HistoryEmpty: Story = { loaders: [prepared()] };

/** /partner never answers: the settings say they are loading. */
export const Loading: Story = {
  loaders: [
    async () => {
      const ready = await prepared()();
      return { customer: ready.customer, backend: new MemoryBackend({ seed: 7, size: 50, now: () => NOW, latencyMs: 1e9 }) };
    },
  ],
};

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  loaders: [prepared({}, async (_backend, write) => write({ origins: ['https://app.customer.example'] }))],
  render: (args, context) => html`<div style="background: #15181e">${renderLoaded(args, context)}</div>`,
};

/** Right-to-left: sections, lists and badges mirror; origins and the header stay left to right. */
export const RightToLeft: Story = {
  loaders: [prepared()],
  render: (args, context) => html`<div dir="rtl" lang="ar">${renderLoaded(args, context)}</div>`,
};
