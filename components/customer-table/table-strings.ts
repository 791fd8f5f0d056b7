/**
 * Every piece of text customer-table shows or announces, in English by default. A partner
 * translates by setting `strings` to a partial object (a translation of one status keeps the
 * others); the rest keep these defaults. Exported from define.ts, so a translator starts here.
 */
import type { Status } from '../../src/model/schemas.js';
import { STATUS_LABELS } from '../../src/model/rules.js';

export interface CustomerTableStrings {
  tableLabel: string;
  /** The grid's description (`aria-describedby`): what activating a row does. */
  tableDescription: string;
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
  /** "120 / 1,000", as the tasks and connections columns show it: both figures already formatted for the locale. */
  usage: (used: string, limit: string) => string;
  /** What assistive tech reads for the tasks figure instead of the slash: "120 of 1,000 tasks". */
  tasksOfLimit: (used: string, limit: string) => string;
  /** What assistive tech reads for the connections figure: "3 of 10 connections". */
  connectionsOfLimit: (used: string, limit: string) => string;
  /**
   * Announced (politely, once changes settle) after the search, a filter or the status changed:
   * "1,204 customers". `count` is the number, `formatted` the same for the locale.
   */
  resultCount: (count: number, formatted: string) => string;
  /** Announced after the sort changed; `column` is the header's text. */
  sortedAscending: (column: string) => string;
  sortedDescending: (column: string) => string;
  noApps: string;
  status: Record<Status, string>;
}

export const DEFAULT_TABLE_STRINGS: CustomerTableStrings = {
  tableLabel: 'Customers',
  tableDescription: 'Enter on a row, or a click on a customer’s name, opens that customer.',
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
  tasksOfLimit: (used, limit) => `${used} of ${limit} tasks`,
  connectionsOfLimit: (used, limit) => `${used} of ${limit} connections`,
  resultCount: (count, formatted) => (count === 1 ? '1 customer' : `${formatted} customers`),
  sortedAscending: (column) => `Sorted by ${column}, ascending`,
  sortedDescending: (column) => `Sorted by ${column}, descending`,
  noApps: 'None',
  status: STATUS_LABELS,
};
