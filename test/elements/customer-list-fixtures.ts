/**
 * Small hand-made data for the customer-filters and customer-console element tests: few enough
 * rows that a test can say exactly which customers each filter leaves, on a fixed clock.
 */
import type { App, Customer, Plan } from '../../src/model/schemas.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';

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

function customer(
  id: number,
  name: string,
  fields: Partial<Customer> & Pick<Customer, 'plan_id' | 'created_at'>,
): Customer {
  return {
    id,
    name,
    external_id: null,
    notification_email: `ops${id}@example.com`,
    in_trial: false,
    trial_ends_at: null,
    tasks_used: id * 10,
    task_limit: 1000,
    connections: id,
    connection_limit: 10,
    top_apps: [],
    origins: [],
    version: 1,
    ...fields,
  };
}

/**
 * Statuses on NOW: Acme, Globex, Société Générale active; Initech in trial; Umbrella (free plan) and
 * Hooli (trial ended) expired.
 */
export const CUSTOMERS: Customer[] = [
  customer(1, 'Acme Corp', {
    external_id: 'ACME-1',
    plan_id: 'growth',
    created_at: '2026-11-25T10:00:00.000Z',
    top_apps: ['huddle-chat', 'pipeline-crm'],
  }),
  customer(2, 'Globex', { plan_id: 'starter', created_at: '2026-10-10T10:00:00.000Z', top_apps: ['ledgerly'] }),
  customer(3, 'Initech', {
    plan_id: 'growth',
    in_trial: true,
    trial_ends_at: '2026-12-10T00:00:00.000Z',
    created_at: '2026-11-22T10:00:00.000Z',
    top_apps: ['huddle-chat'],
  }),
  customer(4, 'Umbrella', { plan_id: 'free', created_at: '2025-06-01T10:00:00.000Z', top_apps: ['legacy-ftp'] }),
  customer(5, 'Société Générale', {
    plan_id: 'enterprise',
    created_at: '2026-01-15T10:00:00.000Z',
    top_apps: ['cafe-reservations', 'ledgerly'],
  }),
  customer(6, 'Hooli', {
    plan_id: 'starter',
    in_trial: true,
    trial_ends_at: '2026-11-01T00:00:00.000Z',
    created_at: '2026-09-01T10:00:00.000Z',
    top_apps: ['pipeline-crm'],
  }),
];

export function memoryBackend(options: { customers?: Customer[]; latencyMs?: number } = {}): MemoryBackend {
  return new MemoryBackend({
    customers: options.customers ?? CUSTOMERS,
    plans: PLANS,
    apps: APPS,
    now: () => NOW,
    latencyMs: options.latencyMs ?? 0,
  });
}

/** Resolves once `check` holds, polling each frame; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

export function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

/** axe-core as `import 'axe-core/axe.min.js'` installs it on window (no global type, to avoid clashing declarations). */
export function axeRun(context: Element): Promise<AxeResults> {
  return (window as unknown as { axe: { run: (context: Element) => Promise<AxeResults> } }).axe.run(context);
}
