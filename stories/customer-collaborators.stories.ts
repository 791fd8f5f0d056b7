import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/customer-collaborators/define.js';
import type { Backend, CallOptions, CustomerRef } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { HOSTILE_NAMES, RTL_NAMES } from '../src/backend/generate-names.js';
import type { Collaborator } from '../src/model/schemas.js';
import type { CollaboratorsStrings } from '../components/customer-collaborators/define.js';
import { asDate } from './play.js';

/** Every story runs on the same fixed clock, so the seeded data never drifts. */
const NOW = new Date('2026-11-27T09:00:00.000Z');
const memory = (options: MemoryBackendOptions = {}) => new MemoryBackend({ seed: 7, size: 50, now: () => NOW, ...options });

/** MemoryBackend with one workspace's team replaced (a team larger than the generator makes). */
class TeamBackend extends MemoryBackend {
  readonly #team: Collaborator[];
  constructor(team: Collaborator[], options: MemoryBackendOptions = {}) {
    super({ seed: 7, size: 50, now: () => NOW, ...options });
    this.#team = team;
  }
  override async listCollaborators(ref: CustomerRef, options?: CallOptions): Promise<Collaborator[]> {
    await super.listCollaborators(ref, options);
    return structuredClone(this.#team);
  }
}

const ROLES = ['Developer', 'Operations', 'Finance', 'Support lead', 'Integration architect', 'Viewer'];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Alan Turing', 'Barbara Liskov', 'Edsger Dijkstra', 'Radia Perlman'];
const LONG_TEAM: Collaborator[] = Array.from({ length: 80 }, (_, i) => {
  const manager = i % 9 === 0;
  const name = `${NAMES[i % NAMES.length]} ${i + 1}`;
  return {
    id: i + 1,
    name,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@northwind-traders.example`,
    role: manager ? 'Customer manager' : ROLES[i % ROLES.length]!,
    customer_manager: manager,
  };
});
const AWKWARD_TEAM: Collaborator[] = [
  ...RTL_NAMES.slice(0, 3).map((name, i) => ({ id: i + 1, name, email: `member${i + 1}@example.sa`, role: 'مطور', customer_manager: i === 0 })),
  ...HOSTILE_NAMES.slice(0, 2).map((name, i) => ({ id: i + 10, name, email: `hostile${i}@example.com`, role: 'Developer', customer_manager: false })),
];

interface CollaboratorsArgs {
  backend: Backend;
  customerId: number;
  now?: Date | number;
  strings?: Partial<CollaboratorsStrings>;
  /** The story's `--customer-collaborators-block-size`. */
  height?: string;
  theme?: 'light' | 'dark';
}

const renderCollaborators = (args: CollaboratorsArgs) => html`<customer-collaborators
  data-theme=${ifDefined(args.theme)}
  style=${ifDefined(args.height ? `--customer-collaborators-block-size: ${args.height}` : undefined)}
  .backend=${args.backend}
  .customerId=${args.customerId}
  .now=${asDate(args.now) ?? NOW}
  .strings=${args.strings}
></customer-collaborators>`;

/** The backend control: a few backends by name. */
const BACKENDS: Record<string, Backend> = {
  'MemoryBackend, seeded': memory(),
  'a team of 80': new TeamBackend(LONG_TEAM),
  'every call fails (503)': memory({ failureRate: 1 }),
  'never answers': memory({ latencyMs: 1e9 }),
};

const meta: Meta<CollaboratorsArgs> = {
  title: 'Elements/customer-collaborators',
  component: 'customer-collaborators',
  render: renderCollaborators,
  args: { backend: memory(), customerId: 3, now: NOW, strings: {} },
  argTypes: {
    backend: { control: { type: 'select' }, options: Object.keys(BACKENDS), mapping: BACKENDS },
    height: { control: 'text', table: { category: 'story' } },
    theme: { table: { disable: true } },
  },
};
export default meta;
type Story = StoryObj<CollaboratorsArgs>;

/** A seeded workspace's team from MemoryBackend (the first with managers and other members); customer managers carry the tag. */
export const Default: Story = {
  loaders: [
    async () => {
      const backend = memory();
      for (let id = 1; id <= 50; id++) {
        const team = await backend.listCollaborators(id);
        if (team.some((m) => m.customer_manager) && team.some((m) => !m.customer_manager)) return { backend, customerId: id };
      }
      throw new Error('no seeded team with both customer managers and other members');
    },
  ],
  render: (args, { loaded }) => renderCollaborators({ ...args, ...(loaded as Pick<CollaboratorsArgs, 'backend' | 'customerId'>) }),
};

/** Eighty members in a 320px box: the team scrolls (by keyboard too), the column headers stay. */
export const LongTeam: Story = { args: { backend: new TeamBackend(LONG_TEAM), customerId: 1, height: '320px' } };

/** A customer added through the backend has no team yet: the element says so, and where members come from. */
export const EmptyTeam: Story = {
  loaders: [
    async () => {
      const backend = memory();
      const customer = await backend.createCustomer({ name: 'Fresh Workspace', notification_email: 'ops@fresh.example', plan_id: 'starter' });
      return { backend, customerId: customer.id };
    },
  ],
  render: (args, { loaded }) => renderCollaborators({ ...args, ...(loaded as Pick<CollaboratorsArgs, 'backend' | 'customerId'>) }),
};

/** The team never arrives: the loading message and skeleton rows. */
export const Loading: Story = { args: { backend: memory({ latencyMs: 1e9 }) } };

/** Every call fails (MemoryBackend failureRate 1): what failed, and Retry. */
export const ErrorState: Story = { args: { backend: memory({ failureRate: 1 }) } };

/** Names that look like markup render as text. */
export const HostileNames: Story = { args: { backend: new TeamBackend(AWKWARD_TEAM), customerId: 1 } };

/** The dark token set, switched by `data-theme="dark"` on the element. */
export const DarkTheme: Story = {
  args: { backend: new TeamBackend(LONG_TEAM.slice(0, 12)), customerId: 1, theme: 'dark' },
  render: (args) => html`<div style="background: #15181e; padding: 8px">${renderCollaborators(args)}</div>`,
};

/** Right-to-left: columns and the tag mirror. */
export const RightToLeft: Story = {
  args: { backend: new TeamBackend(AWKWARD_TEAM), customerId: 1 },
  render: (args) => html`<div dir="rtl" lang="ar">${renderCollaborators(args)}</div>`,
};
