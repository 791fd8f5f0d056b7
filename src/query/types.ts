import type { SortKey, Status } from '../model/schemas.js';

export type SortDirection = 'asc' | 'desc';
export interface CustomerSort {
  key: SortKey;
  dir: SortDirection;
}

export const JOINED_PRESETS = ['7d', '30d', '90d', 'year'] as const;
export type JoinedPreset = (typeof JOINED_PRESETS)[number];

/**
 * Date joined: a preset relative to the clock, or a custom inclusive range of UTC calendar dates
 * (`YYYY-MM-DD`), either end open.
 */
export type JoinedRange = { preset: JoinedPreset } | { from: string | null; to: string | null };

/** Everything the admin chose on the list screen, as one value. */
export interface CustomerQuery {
  /** Free text matched against name and external ID, case- and accent-insensitively. */
  q: string;
  /** Plan ids; empty means every plan. */
  plans: string[];
  status: Status | 'all';
  /** One app id the customer must have among its top apps, or null. */
  app: string | null;
  joined: JoinedRange | null;
  sort: CustomerSort;
  /** 1-based page number. */
  page: number;
}

export const DEFAULT_SORT: CustomerSort = { key: 'created_at', dir: 'desc' };

export const DEFAULT_QUERY: CustomerQuery = Object.freeze({
  q: '',
  plans: [],
  status: 'all',
  app: null,
  joined: null,
  sort: DEFAULT_SORT,
  page: 1,
}) as CustomerQuery;

/**
 * The wire form of a list request (`GET /customers`), with presets already resolved to dates.
 * `joined_from`/`joined_to` are inclusive UTC dates; `sort` is a key with `-` for descending.
 */
export interface CustomerListParams {
  q?: string;
  plan?: string[];
  status?: Status;
  app?: string;
  joined_from?: string;
  joined_to?: string;
  sort?: string;
  page?: number;
  per_page?: number;
}
