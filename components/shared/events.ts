/**
 * Every event the kit's elements fire: one typed factory each, with its exported detail type. All
 * are bubbling, composed `CustomEvent`s, declared in the global event maps of elements, `document`
 * and `window`, so `document.addEventListener('customer-select', (e) => e.detail.id)` is typed.
 */
import type { AppAccess, Customer, DashboardPeriod, StatusCounts } from '../../src/model/schemas.js';
import type { CustomerQuery, CustomerSort } from '../../src/query/types.js';

export interface QueryChangeDetail {
  /** The whole new query (its page back to 1 after a filter change). */
  query: CustomerQuery;
}

export interface CustomerSelectDetail {
  /** The customer's User ID. */
  id: number;
}

export interface SortChangeDetail {
  sort: CustomerSort;
}

export interface ResultsChangeDetail {
  /** Customers matching the query (null while unknown). */
  total: number | null;
  /** Status counts for the query without its status filter (null while unknown). */
  counts: StatusCounts | null;
  mode: 'client' | 'server';
}

export interface PeriodChangeDetail {
  period: DashboardPeriod;
}

export interface CustomerSwitchDetail {
  /** The customer's User ID. */
  id: number;
  /** Where the backend says the account opens. */
  url: string;
}

export interface CustomerCreatedDetail {
  customer: Customer;
}

/** A saved change to a customer: the record as the backend answered it (its new version included). */
export interface CustomerChangeDetail {
  customer: Customer;
  /** What was saved: a PATCH of fields, the plan, the trial. */
  change: 'fields' | 'plan' | 'trial';
}

export interface AppAccessChangeDetail {
  /** The customer's User ID. */
  id: number;
  access: AppAccess;
}

export interface CustomerDeletedDetail {
  /** The deleted customer's User ID. */
  id: number;
  name: string;
}

export interface CustomerTabChangeDetail {
  /** The customer's User ID. */
  id: number;
  /** The tab now shown: `dashboard`, `collaborators` or `settings`. */
  tab: string;
}

export interface UnsavedChangesDetail {
  /** Whether the element now holds edits that are not saved. */
  unsaved: boolean;
}

function kitEvent<T>(type: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}

/** `query-change`: the admin changed the list's query. */
export function createQueryChangeEvent(detail: QueryChangeDetail): CustomEvent<QueryChangeDetail> {
  return kitEvent('query-change', detail, false);
}

/** `customer-select`: a customer was opened. Cancelable: a page that routes itself cancels it. */
export function createCustomerSelectEvent(detail: CustomerSelectDetail): CustomEvent<CustomerSelectDetail> {
  return kitEvent('customer-select', detail, true);
}

/** `sort-change`: a sortable header was activated. Cancelable: the table then leaves its own query alone. */
export function createSortChangeEvent(detail: SortChangeDetail): CustomEvent<SortChangeDetail> {
  return kitEvent('sort-change', detail, true);
}

/** `clear-filters-request`: the admin chose "Clear filters". */
export function createClearFiltersRequestEvent(): CustomEvent<undefined> {
  return kitEvent('clear-filters-request', undefined, false);
}

/** `results-change`: the total or the status counts of the shown query changed. */
export function createResultsChangeEvent(detail: ResultsChangeDetail): CustomEvent<ResultsChangeDetail> {
  return kitEvent('results-change', detail, false);
}

/** `customer-create-request`: the admin chose "Add customer". Cancelable: the page shows its own form. */
export function createCustomerCreateRequestEvent(): CustomEvent<undefined> {
  return kitEvent('customer-create-request', undefined, true);
}

/** `period-change`: the admin chose another dashboard period. */
export function createPeriodChangeEvent(detail: PeriodChangeDetail): CustomEvent<PeriodChangeDetail> {
  return kitEvent('period-change', detail, false);
}

/**
 * `customer-switch`: the backend allowed switching into the account and gave its URL. Cancelable:
 * a page that opens the account its own way cancels it, else the element opens the URL.
 */
export function createCustomerSwitchEvent(detail: CustomerSwitchDetail): CustomEvent<CustomerSwitchDetail> {
  return kitEvent('customer-switch', detail, true);
}

/** `customer-created`: a customer was added. */
export function createCustomerCreatedEvent(detail: CustomerCreatedDetail): CustomEvent<CustomerCreatedDetail> {
  return kitEvent('customer-created', detail, false);
}

/** `customer-change`: a change to the customer was saved (plan-settings, customer-settings). */
export function createCustomerChangeEvent(detail: CustomerChangeDetail): CustomEvent<CustomerChangeDetail> {
  return kitEvent('customer-change', detail, false);
}

/** `app-access-change`: the customer's app access was saved (app-access-editor). */
export function createAppAccessChangeEvent(detail: AppAccessChangeDetail): CustomEvent<AppAccessChangeDetail> {
  return kitEvent('app-access-change', detail, false);
}

/** `customer-deleted`: the customer was deleted (customer-settings). */
export function createCustomerDeletedEvent(detail: CustomerDeletedDetail): CustomEvent<CustomerDeletedDetail> {
  return kitEvent('customer-deleted', detail, false);
}

/**
 * `unsaved-changes`: an editing element started or stopped holding unsaved edits (it also says so
 * in its `hasUnsavedChanges` property), so a page can ask before navigating away.
 */
export function createUnsavedChangesEvent(detail: UnsavedChangesDetail): CustomEvent<UnsavedChangesDetail> {
  return kitEvent('unsaved-changes', detail, false);
}

/** `customer-tab-change`: the admin chose another tab of a customer's page (customer-console). */
export function createCustomerTabChangeEvent(detail: CustomerTabChangeDetail): CustomEvent<CustomerTabChangeDetail> {
  return kitEvent('customer-tab-change', detail, false);
}

/** Each event of the kit and its type. */
export interface CustomersConsoleEventMap {
  'query-change': CustomEvent<QueryChangeDetail>;
  'customer-select': CustomEvent<CustomerSelectDetail>;
  'sort-change': CustomEvent<SortChangeDetail>;
  'clear-filters-request': CustomEvent<undefined>;
  'results-change': CustomEvent<ResultsChangeDetail>;
  'customer-create-request': CustomEvent<undefined>;
  'period-change': CustomEvent<PeriodChangeDetail>;
  'customer-switch': CustomEvent<CustomerSwitchDetail>;
  'customer-created': CustomEvent<CustomerCreatedDetail>;
  'customer-change': CustomEvent<CustomerChangeDetail>;
  'app-access-change': CustomEvent<AppAccessChangeDetail>;
  'customer-deleted': CustomEvent<CustomerDeletedDetail>;
  'unsaved-changes': CustomEvent<UnsavedChangesDetail>;
  'customer-tab-change': CustomEvent<CustomerTabChangeDetail>;
}

declare global {
  interface HTMLElementEventMap extends CustomersConsoleEventMap {}
  interface DocumentEventMap extends CustomersConsoleEventMap {}
  interface WindowEventMap extends CustomersConsoleEventMap {}
}
