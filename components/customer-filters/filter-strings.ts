/**
 * Every text customer-filters shows, so a partner can translate it with the `strings` property.
 * Functions take what varies (a name, a date) and return the sentence.
 */
import type { JoinedPreset } from '../../src/query/types.js';
import type { Status } from '../../src/model/schemas.js';

export interface FilterStrings {
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  statusTabsLabel: string;
  statusAll: string;
  status: Record<Status, string>;
  planButton: string;
  /** The plan button's value when several plans are chosen. */
  plansChosen: (count: number) => string;
  plansLegend: string;
  appButton: string;
  appSearchLabel: string;
  appListLabel: string;
  anyApp: string;
  noAppMatches: string;
  joinedButton: string;
  anyTime: string;
  presets: Record<JoinedPreset, string>;
  customRange: string;
  from: string;
  to: string;
  apply: string;
  loading: string;
  loadFailed: string;
  retry: string;
  noPlans: string;
  dateIncomplete: string;
  rangeEmpty: string;
  rangeReversed: string;
  activeFilters: string;
  clearAll: string;
  removeFilter: (label: string) => string;
  chipSearch: (text: string) => string;
  chipStatus: (status: string) => string;
  chipPlan: (plan: string) => string;
  chipApp: (app: string) => string;
  chipJoined: (range: string) => string;
  rangeFrom: (date: string) => string;
  rangeTo: (date: string) => string;
  rangeBetween: (from: string, to: string) => string;
}

export const DEFAULT_FILTER_STRINGS: FilterStrings = {
  searchLabel: 'Search customers',
  searchPlaceholder: 'Search by name or external ID',
  clearSearch: 'Clear search',
  statusTabsLabel: 'Subscription status',
  statusAll: 'All',
  status: { active: 'Active', trial: 'In trial', expired: 'Expired subscription' },
  planButton: 'Plan',
  plansChosen: (count) => `${count} plans`,
  plansLegend: 'Show customers on these plans',
  appButton: 'App',
  appSearchLabel: 'Search apps',
  appListLabel: 'Apps',
  anyApp: 'Any app',
  noAppMatches: 'No app matches.',
  joinedButton: 'Date joined',
  anyTime: 'Any time',
  presets: { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', year: 'This year' },
  customRange: 'Custom range',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  loading: 'Loading…',
  loadFailed: 'Could not load the choices.',
  retry: 'Retry',
  noPlans: 'No plans yet.',
  dateIncomplete: 'Enter a complete date.',
  rangeEmpty: 'Enter a start date, an end date, or both.',
  rangeReversed: 'The end date is before the start date.',
  activeFilters: 'Active filters',
  clearAll: 'Clear all',
  removeFilter: (label) => `Remove filter: ${label}`,
  chipSearch: (text) => `Search: “${text}”`,
  chipStatus: (status) => `Status: ${status}`,
  chipPlan: (plan) => `Plan: ${plan}`,
  chipApp: (app) => `App: ${app}`,
  chipJoined: (range) => `Joined: ${range}`,
  rangeFrom: (date) => `from ${date}`,
  rangeTo: (date) => `until ${date}`,
  rangeBetween: (from, to) => `${from} – ${to}`,
};
