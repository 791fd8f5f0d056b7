/**
 * Every piece of text customer-table shows or announces, in English by default. A partner
 * translates by setting `strings` to a partial object (a translation of one status keeps the
 * others); the rest keep these defaults. Exported from define.ts, so a translator starts here.
 */
import type { Status } from '../../src/model/schemas.js';
import { STATUS_LABELS } from '../../src/model/rules.js';

export interface CustomerTableStrings {
  tableLabel: string;
  columnCustomer: string;
  columnJoined: string;
  columnTasks: string;
  columnConnections: string;
  columnApps: string;
  /** Announced while the first rows load. */
  loading: string;
  /** Placeholder text of a row whose page is still loading (server mode). */
  loadingRow: string;
  emptyTitle: string;
  emptyBody: string;
  noMatchTitle: string;
  noMatchBody: string;
  clearFilters: string;
  errorTitle: string;
  retry: string;
  /** After the tasks figure when usage is at 80% of the limit or more. */
  nearLimit: string;
  /** After the tasks or connections figure when it is above the limit. */
  overLimit: string;
  /** Shown after the name, e.g. "(ACME-1)"; a search match inside the ID is highlighted. */
  externalId: (id: string) => string;
  /** "120 / 1,000": both figures are already formatted for the locale. */
  usage: (used: string, limit: string) => string;
  noApps: string;
  status: Record<Status, string>;
}

export const DEFAULT_TABLE_STRINGS: CustomerTableStrings = {
  tableLabel: 'Customers',
  columnCustomer: 'Customer',
  columnJoined: 'Date joined',
  columnTasks: 'Tasks used in billing period',
  columnConnections: 'Connections',
  columnApps: 'Connected apps',
  loading: 'Loading customers…',
  loadingRow: 'Loading…',
  emptyTitle: 'No customers yet',
  emptyBody: 'Customers appear here once they are added.',
  noMatchTitle: 'No customers match these filters',
  noMatchBody: 'Try a different search or clear the filters.',
  clearFilters: 'Clear filters',
  errorTitle: 'Customers could not be loaded',
  retry: 'Retry',
  nearLimit: 'near the limit',
  overLimit: 'over the limit',
  externalId: (id) => `(${id})`,
  usage: (used, limit) => `${used} / ${limit}`,
  noApps: 'None',
  status: STATUS_LABELS,
};
