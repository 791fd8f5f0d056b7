import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/app-access-editor/define.js';
import type { AppAccessEditor, AppAccessStrings } from '../components/app-access-editor/define.js';
import { asDate } from './play.js';
import type { Backend } from '../src/backend/backend.js';
import { HttpError } from '../src/backend/errors.js';
import { appIconDataUrl } from '../src/backend/app-icons.js';
import { DEMO_APP_IDS, DEMO_PARTNER } from '../src/backend/generate.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import type { App, Customer, Partner } from '../src/model/schemas.js';

/** Every story runs on the same fixed clock, so the seeded data never drifts. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const CUSTOMER_ID = 1;
const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, size: 50, now: () => NOW, ...options });


/** A catalogue of `count` apps with locally drawn icons (every ninth has none), names that search well. */
function longCatalogue(count: number): App[] {
  const first = ['Cloud', 'Data', 'Pipe', 'Ledger', 'Chat', 'Mail', 'Task', 'Shop', 'Ticket', 'Form', 'Sheet', 'Sign', 'Lead', 'Pay', 'Stock', 'Route'];
  const second = ['Sync', 'Hub', 'Desk', 'Flow', 'Bridge', 'Works', 'Box', 'Point', 'Stream', 'Base', 'Link', 'Pilot', 'Forge', 'Line', 'Grid', 'Nest'];
  return Array.from({ length: count }, (_, i) => {
    const name = `${first[i % first.length]} ${second[Math.floor(i / first.length) % second.length]} ${Math.floor(i / 256) + 1}`;
    const id = `app-${i + 1}`;
    return { id, name, icon: i % 9 === 8 ? null : appIconDataUrl(id, name) };
  });
}

interface EditorArgs {
  backend: Backend;
  /** Unset: the customer the story's loader read from its backend. */
  customer?: Customer;
  readonly: boolean;
  now?: Date | number;
  strings?: Partial<AppAccessStrings>;
  theme?: 'light' | 'dark';
}

const renderEditor = (args: EditorArgs) => html`<app-access-editor
  data-theme=${ifDefined(args.theme)}
  style="padding: 12px; max-inline-size: 48rem"
  .backend=${args.backend}
  .customer=${args.customer}
  .readonly=${args.readonly}
  .now=${asDate(args.now) ?? NOW}
  .strings=${args.strings}
></app-access-editor>`;

const renderLoaded = (args: EditorArgs, { loaded }: { loaded: Record<string, unknown> }) =>
  renderEditor({ ...args, ...(loaded as Pick<EditorArgs, 'backend' | 'customer'>), ...(args.customer ? { customer: args.customer } : {}) });

/** A backend whose customer 1 has `appIds` selected (all apps when undefined), and that customer as read. */
function withAccess(appIds?: readonly string[], options: MemoryBackendOptions = {}, wrap?: (backend: MemoryBackend) => Backend) {
  return async () => {
    const store = memory(options);
    if (appIds) await store.setAppAccess(CUSTOMER_ID, { mode: 'selected', app_ids: [...appIds] });
    return { backend: wrap ? wrap(store) : store, customer: await store.getCustomer(CUSTOMER_ID) };
  };
}

/** `backend` with `setAppAccess` replaced. */
function withSetAppAccess(backend: Backend, setAppAccess: Backend['setAppAccess']): Backend {
  return new Proxy(backend, {
    get(target, prop) {
      if (prop === 'setAppAccess') return setAppAccess;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** The editor of the story, loaded, its dialog open. */
async function openEditor(canvasElement: HTMLElement): Promise<AppAccessEditor> {
  const el = canvasElement.querySelector('app-access-editor')!;
  await until(() => el.shadowRoot?.querySelector('[part~="status"]') != null);
  el.edit();
  await until(() => el.shadowRoot!.querySelector('dialog')!.open);
  return el;
}

/** Chooses "Only the apps selected here" and ticks the named apps, as an admin would. */
async function select(el: AppAccessEditor, names: readonly string[]): Promise<void> {
  const root = el.shadowRoot!;
  const selected = root.querySelector<HTMLInputElement>('input[value="selected"]')!;
  if (!selected.checked) selected.click();
  await until(() => root.querySelector('[part~="option"]') !== null);
  for (const name of names) {
    const option = [...root.querySelectorAll('[part~="option"]')].find((o) => o.textContent!.trim() === name);
    option?.querySelector('input')!.click();
  }
  await el.updateComplete;
}

async function search(el: AppAccessEditor, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function apply(el: AppAccessEditor): void {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="apply-button"]')!.click();
}

const meta: Meta<EditorArgs> = {
  title: 'Elements/app-access-editor',
  component: 'app-access-editor',
  render: renderLoaded,
  loaders: [withAccess()],
  args: { readonly: false, now: NOW, strings: {} },
  argTypes: { backend: { control: false }, theme: { table: { disable: true } } },
};
export default meta;
type Story = StoryObj<EditorArgs>;

/** The default: the customer can use every app, including apps added later. */
export const AllApps: Story = { loaders: [withAccess()] };

/** A few apps selected: icons, names, the count, and what a restriction means. */
export const FewSelected: Story = { loaders: [withAccess(DEMO_APP_IDS.slice(0, 4))] };

/** 240 of a 1,000-app catalogue selected: the list scrolls in its box. */
export const LongCatalogue: Story = {
  loaders: [
    withAccess(
      longCatalogue(1000)
        .filter((_, i) => i % 4 === 0 && i < 960)
        .map((app) => app.id),
      { apps: longCatalogue(1000) },
    ),
  ],
};

/** The Edit dialog over a 1,000-app catalogue: search, select all / clear, the live count. */
export const DialogOpen: Story = {
  loaders: [withAccess(['app-1', 'app-2', 'app-3'], { apps: longCatalogue(1000) })],
  play: async ({ canvasElement }) => {
    await openEditor(canvasElement);
  },
};

/** A search that matches no app says so. */
export const SearchNoMatch: Story = {
  loaders: [withAccess(DEMO_APP_IDS.slice(0, 4))],
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    await search(el, 'zebra accounting');
  },
};

/** Before applying: +added / −removed, naming the apps. */
export const ChangeSummary: Story = {
  loaders: [withAccess(DEMO_APP_IDS.slice(0, 4))],
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    await select(el, ['Ledgerly', 'Cloud Drive', 'Helpdeskr', 'Pipeline CRM']);
  },
};

/**
 * Another admin restricted the customer while this one was editing: the 412 shows what they set
 * beside this admin's selection, which is kept, with "Apply my selection" and "Use theirs".
 */
export const Conflict: Story = {
  loaders: [withAccess()],
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    await select(el, ['Pipeline CRM', 'Huddle Chat', 'Beacon Mail']);
    // The other admin, on the same store.
    const store = el.backend!;
    const version = (await store.getCustomer(CUSTOMER_ID)).version;
    await store.setAppAccess(CUSTOMER_ID, { mode: 'selected', app_ids: [DEMO_APP_IDS[1]!, DEMO_APP_IDS[4]!] }, { version });
    apply(el);
  },
};

/** The apply failed (503): the error shows, the selection and the dialog stay. */
export const ApplyError: Story = {
  loaders: [
    withAccess(DEMO_APP_IDS.slice(0, 2), {}, (store) =>
      withSetAppAccess(store, async () => {
        throw new HttpError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The app catalogue is being updated. Try again in a minute.' });
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    await select(el, ['Ledgerly']);
    apply(el);
  },
};

/** The answer never comes: Apply is busy, the dialog waits. */
export const Applying: Story = {
  loaders: [withAccess(DEMO_APP_IDS.slice(0, 2), {}, (store) => withSetAppAccess(store, () => new Promise(() => {})))],
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    await select(el, ['Ledgerly']);
    apply(el);
  },
};

/** A read-only session (the framed console): no Edit, and why. */
export const ReadOnly: Story = { loaders: [withAccess(DEMO_APP_IDS.slice(0, 3))], args: { readonly: true } };

/** An admin without `manage_customers`: read-only, with the reason. */
export const NoPermission: Story = {
  loaders: [
    withAccess(undefined, {
      partner: { ...DEMO_PARTNER, admin: { ...DEMO_PARTNER.admin, permissions: { manage_customers: false, delete_customers: false } } } as Partner,
    }),
  ],
};

/** The access never arrives: loading. */
export const Loading: Story = {
  loaders: [
    async () => {
      const customer = await memory().getCustomer(CUSTOMER_ID);
      return { backend: memory({ latencyMs: 1e9 }), customer };
    },
  ],
};

/** Every call fails: the error, with Retry. */
export const LoadError: Story = {
  loaders: [
    async () => {
      const customer = await memory().getCustomer(CUSTOMER_ID);
      return { backend: memory({ failureRate: 1 }), customer };
    },
  ],
};

/** The dark token set, switched by `data-theme="dark"` on the element, with the dialog open. */
export const DarkTheme: Story = {
  loaders: [withAccess(DEMO_APP_IDS.slice(0, 6))],
  render: (args, context) => html`<div style="background: #15181e; padding: 8px">${renderLoaded({ ...args, theme: 'dark' }, context)}</div>`,
  play: ChangeSummary.play!,
};

/** Right-to-left: the section and the dialog mirror. */
export const RightToLeft: Story = {
  loaders: [withAccess(DEMO_APP_IDS.slice(0, 6))],
  render: (args, context) => html`<div dir="rtl" lang="ar">${renderLoaded(args, context)}</div>`,
  play: ChangeSummary.play!,
};
