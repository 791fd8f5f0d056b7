/**
 * Every text customer-console shows, its children's included: its own texts, and overrides it
 * passes down to the `<customer-table>` (`table`) and the `<customer-filters>` (`filters`) it
 * renders. Those groups start empty: each child fills what they leave out with its own English
 * defaults (`DEFAULT_TABLE_STRINGS`, `DEFAULT_FILTER_STRINGS`), so a translation of one column
 * header keeps every other text.
 */
import type { FilterStrings } from '../customer-filters/define.js';
import type { CustomerTableStrings } from '../customer-table/define.js';
import type { StringsOverride } from '../shared/strings-controller.js';

export interface ConsoleStrings {
  title: string;
  addCustomer: string;
  addCustomerTitle: string;
  addCustomerLater: string;
  close: string;
  urlProblemsIntro: string;
  dismiss: string;
  noBackend: string;
  /** Passed to the table as its `strings`. */
  table: StringsOverride<CustomerTableStrings>;
  /** Passed to the filters as their `strings`. */
  filters: StringsOverride<FilterStrings>;
}

export const DEFAULT_CONSOLE_STRINGS: ConsoleStrings = {
  title: 'Customers',
  addCustomer: 'Add customer',
  addCustomerTitle: 'Add customer',
  addCustomerLater:
    'Adding customers from the console comes in a later release. Until then, create customers through the API.',
  close: 'Close',
  urlProblemsIntro: 'Some filters in this link could not be used and were left out:',
  dismiss: 'Dismiss',
  noBackend: 'No backend configured: set the backend property or the api-base attribute.',
  table: {},
  filters: {},
};
