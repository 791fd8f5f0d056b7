/**
 * The one customer factory of the test suites (Node and Chromium alike: no DOM here), and the small
 * hand-made list the element tests share: few enough rows that a test can say exactly which
 * customers each filter leaves, on a fixed clock.
 */
import type { App, Customer, Plan } from '../../src/model/schemas.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';

let nextId = 1;

/** A valid customer with plain defaults; pass what the test is about. Ids count up unless given. */
export function makeCustomer(fields: Partial<Customer> = {}): Customer {
  const id = fields.id ?? nextId++;
  return {
    id,
    name: `Customer ${id}`,
    external_id: null,
    notification_email: `c${id}@example.com`,
    plan_id: 'starter',
    in_trial: false,
    trial_ends_at: null,
    created_at: '2024-01-15T12:00:00.000Z',
    tasks_used: 0,
    task_limit: 1000,
    connections: 0,
    connection_limit: 10,
    top_apps: [],
    origins: [],
    version: 1,
    ...fields,
  };
}

export const NOW = new Date('2026-11-27T09:00:00.000Z');

export const PLANS: Plan[] = [
  { id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 },
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
  { id: 'enterprise', name: 'Enterprise', task_limit: 500_000, connection_limit: 1_000 },
];

const icon = (letter: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#345"/><text x="16" y="21" text-anchor="middle" font-size="13" fill="#fff">${letter}</text></svg>`,
  )}`;

export const APPS: App[] = [
  { id: 'huddle-chat', name: 'Huddle Chat', icon: icon('H') },
  { id: 'pipeline-crm', name: 'Pipeline CRM', icon: icon('P') },
  { id: 'ledgerly', name: 'Ledgerly', icon: icon('L') },
  { id: 'cafe-reservations', name: 'Café Réservations', icon: icon('C') },
  { id: 'legacy-ftp', name: 'Legacy FTP', icon: null },
];

function listCustomer(id: number, name: string, fields: Partial<Customer> & Pick<Customer, 'plan_id' | 'created_at'>): Customer {
  return makeCustomer({ id, name, notification_email: `ops${id}@example.com`, tasks_used: id * 10, connections: id, ...fields });
}

/**
 * Statuses on NOW: Acme, Globex, Société Générale active; Initech in trial; Umbrella (free plan) and
 * Hooli (trial ended) expired.
 */
export const CUSTOMERS: Customer[] = [
  listCustomer(1, 'Acme Corp', {
    external_id: 'ACME-1',
    plan_id: 'growth',
    created_at: '2026-11-25T10:00:00.000Z',
    top_apps: ['huddle-chat', 'pipeline-crm'],
  }),
  listCustomer(2, 'Globex', { plan_id: 'starter', created_at: '2026-10-10T10:00:00.000Z', top_apps: ['ledgerly'] }),
  listCustomer(3, 'Initech', {
    plan_id: 'growth',
    in_trial: true,
    trial_ends_at: '2026-12-10T00:00:00.000Z',
    created_at: '2026-11-22T10:00:00.000Z',
    top_apps: ['huddle-chat'],
  }),
  listCustomer(4, 'Umbrella', { plan_id: 'free', created_at: '2025-06-01T10:00:00.000Z', top_apps: ['legacy-ftp'] }),
  listCustomer(5, 'Société Générale', {
    plan_id: 'enterprise',
    created_at: '2026-01-15T10:00:00.000Z',
    top_apps: ['cafe-reservations', 'ledgerly'],
  }),
  listCustomer(6, 'Hooli', {
    plan_id: 'starter',
    in_trial: true,
    trial_ends_at: '2026-11-01T00:00:00.000Z',
    created_at: '2026-09-01T10:00:00.000Z',
    top_apps: ['pipeline-crm'],
  }),
];

/** A MemoryBackend over CUSTOMERS (or the given list) with PLANS and APPS, on NOW. */
export function memoryBackend(options: { customers?: Customer[]; latencyMs?: number } = {}): MemoryBackend {
  return new MemoryBackend({
    customers: options.customers ?? CUSTOMERS,
    plans: PLANS,
    apps: APPS,
    now: () => NOW,
    latencyMs: options.latencyMs ?? 0,
  });
}
