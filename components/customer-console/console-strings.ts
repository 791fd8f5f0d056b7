/**
 * Every text customer-console shows, its children's included: its own texts, and overrides it
 * passes down to the elements it renders — `<customer-table>` (`table`), `<customer-filters>`
 * (`filters`), and on a customer's page `<customer-dashboard>` (`dashboard`),
 * `<customer-collaborators>` (`collaborators`), `<customer-switch-button>` (`switchButton`), the
 * Settings tab's `<customer-settings>` (`settings`), `<plan-settings>` (`planSettings`) and
 * `<app-access-editor>` (`appAccess`) and, in the add-customer dialog, `<customer-form>` (`form`). Those groups start empty: each child fills
 * what they leave out with its own English defaults, so a translation of one column header keeps
 * every other text.
 */
import type { Status } from '../../src/model/schemas.js';
import { STATUS_LABELS } from '../../src/model/rules.js';
import type { AppAccessStrings } from '../app-access-editor/define.js';
import type { CollaboratorsStrings } from '../customer-collaborators/define.js';
import type { CustomerDashboardStrings } from '../customer-dashboard/define.js';
import type { FilterStrings } from '../customer-filters/define.js';
import type { FormStrings } from '../customer-form/define.js';
import type { SwitchButtonStrings } from '../customer-switch-button/define.js';
import type { CustomerSettingsStrings } from '../customer-settings/define.js';
import type { CustomerTableStrings } from '../customer-table/define.js';
import type { PlanSettingsStrings } from '../plan-settings/define.js';
import type { StringsOverride } from '../shared/strings-controller.js';
import type { CustomerTab } from './route.js';

export interface ConsoleStrings {
  title: string;
  addCustomer: string;
  addCustomerTitle: string;
  /** The add-customer dialog's button that closes it without adding. */
  cancel: string;
  /** In the dialog while its form loads (the first time it opens, if the form's code is not there yet). */
  loadingForm: string;
  /** In the dialog when the form's code could not be loaded, with Retry. */
  formLoadError: string;
  /** Announced (politely) once a customer was added and its page opens. */
  customerAdded: (name: string) => string;
  urlProblemsIntro: string;
  dismiss: string;
  noBackend: string;

  /** The customer page's way back to the list. */
  backToList: string;
  loadingCustomer: string;
  notFoundTitle: string;
  /** `id` is the User ID the address names. */
  notFoundBody: (id: string) => string;
  /** The address has no User ID in it at all (`…/customers/abc`). */
  notFoundAddress: string;
  errorTitle: string;
  retry: string;
  /** Labels of the page header's facts. */
  userId: string;
  externalId: string;
  plan: string;
  status: string;
  joined: string;
  tasks: string;
  connections: string;
  /** "120 / 1,000": both figures are already formatted for the locale. */
  usage: (used: string, limit: string) => string;
  /** What a screen reader says for the tasks figure: "120 of 1,000 tasks". */
  tasksOfLimit: (used: string, limit: string) => string;
  /** And for the connections figure: "3 of 10 connections". */
  connectionsOfLimit: (used: string, limit: string) => string;
  /** After a usage figure at 80% of its limit or more, and above it. */
  nearLimit: string;
  overLimit: string;
  statusLabels: Record<Status, string>;
  /** The accessible name of the tab list. */
  tabsLabel: string;
  tabs: Record<CustomerTab, string>;
  /** Announced (politely) once a customer was deleted and the list shows again. */
  customerDeleted: (name: string) => string;
  /** The question before leaving a customer's settings with edits not saved. */
  leaveTitle: string;
  leaveBody: string;
  /** Stay on the page, edits kept. */
  stay: string;
  /** Leave, dropping the edits. */
  leave: string;

  /** Passed to the table as its `strings`. */
  table: StringsOverride<CustomerTableStrings>;
  /** Passed to the filters as their `strings`. */
  filters: StringsOverride<FilterStrings>;
  /** Passed to the customer page's dashboard. */
  dashboard: StringsOverride<CustomerDashboardStrings>;
  /** Passed to the customer page's team list. */
  collaborators: StringsOverride<CollaboratorsStrings>;
  /** Passed to "Switch to this account". */
  switchButton: StringsOverride<SwitchButtonStrings>;
  /** Passed to the add-customer form. */
  form: StringsOverride<FormStrings>;
  /** Passed to the Settings tab's name, IDs, origins, delete and history. */
  settings: StringsOverride<CustomerSettingsStrings>;
  /** Passed to the Settings tab's plan and trial. */
  planSettings: StringsOverride<PlanSettingsStrings>;
  /** Passed to the Settings tab's app access. */
  appAccess: StringsOverride<AppAccessStrings>;
}

export const DEFAULT_CONSOLE_STRINGS: ConsoleStrings = {
  title: 'Customers',
  addCustomer: 'Add customer',
  addCustomerTitle: 'Add customer',
  cancel: 'Cancel',
  loadingForm: 'Loading the form…',
  formLoadError: 'The form could not be loaded',
  customerAdded: (name) => `${name} was added.`,
  urlProblemsIntro: 'Some filters in this link could not be used and were left out:',
  dismiss: 'Dismiss',
  noBackend: 'No backend configured: set the backend property or the api-base attribute.',

  backToList: 'Back to customers',
  loadingCustomer: 'Loading customer…',
  notFoundTitle: 'This customer does not exist',
  notFoundBody: (id) =>
    `There is no customer with User ID ${id}. It may have been deleted, or the address has a mistyped ID.`,
  notFoundAddress: 'There is no customer at this address. Check the link for a mistyped User ID.',
  errorTitle: 'The customer could not be loaded',
  retry: 'Retry',
  userId: 'User ID',
  externalId: 'External ID',
  plan: 'Plan',
  status: 'Status',
  joined: 'Date joined',
  tasks: 'Tasks used in billing period',
  connections: 'Connections',
  usage: (used, limit) => `${used} / ${limit}`,
  tasksOfLimit: (used, limit) => `${used} of ${limit} tasks`,
  connectionsOfLimit: (used, limit) => `${used} of ${limit} connections`,
  nearLimit: 'near the limit',
  overLimit: 'over the limit',
  statusLabels: STATUS_LABELS,
  tabsLabel: 'Customer sections',
  tabs: { dashboard: 'Dashboard', collaborators: 'Collaborators', settings: 'Settings' },
  customerDeleted: (name) => `${name} was deleted.`,
  leaveTitle: 'Leave without saving?',
  leaveBody: 'Some settings of this customer are changed but not saved. Leaving drops those changes.',
  stay: 'Stay',
  leave: 'Leave without saving',

  table: {},
  filters: {},
  dashboard: {},
  collaborators: {},
  switchButton: {},
  form: {},
  settings: {},
  planSettings: {},
  appAccess: {},
};
