/**
 * The list request (`GET /customers`) in both directions: a query becomes wire params, and wire
 * params (a URL's search params or an object) are validated into `ValidListParams`. MemoryBackend
 * and the SQLite server both validate with `parseListParams`, so their 422 answers agree.
 */
import { isIdValue, MAX_PER_PAGE, STATUSES, type Status } from '../model/constants.js';
import type { FieldErrors } from '../model/problems.js';
import type { CustomerListParams, CustomerQuery } from './types.js';
import { isoDateToDay, resolveJoinedRange } from './joined.js';
import { DEFAULT_SORT_PARAM, sortFromParam, sortToParam, type SortParam } from './sort.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PLANS = 50;
export const DEFAULT_PER_PAGE = 50;

/** List params after validation: sort, page and per_page always present. */
export interface ValidListParams extends Omit<CustomerListParams, 'sort' | 'page' | 'per_page'> {
  sort: SortParam;
  page: number;
  per_page: number;
}

export type ParseListParamsResult = { success: true; data: ValidListParams } | { success: false; errors: FieldErrors };

/** The list request for a query; presets are resolved against `now`, empty fields left out. */
export function queryToListParams(query: CustomerQuery, now: Date, perPage: number): CustomerListParams {
  const params: CustomerListParams = {};
  const q = query.q.trim();
  if (q !== '') params.q = q;
  if (query.plans.length > 0) params.plan = [...query.plans];
  if (query.status !== 'all') params.status = query.status;
  if (query.app !== null) params.app = query.app;
  const { from, to } = resolveJoinedRange(query.joined, now);
  if (from !== undefined) params.joined_from = from;
  if (to !== undefined) params.joined_to = to;
  params.sort = sortToParam(query.sort);
  params.page = query.page;
  params.per_page = perPage;
  return params;
}

/**
 * The request behind the status tabs' counts: the query's filters without its status (the counts
 * ignore it), and one row, since only `counts` is read.
 */
export function countsListParams(query: CustomerQuery, now: Date): CustomerListParams {
  const { status: _status, sort: _sort, ...params } = queryToListParams({ ...query, page: 1 }, now, 1);
  return params;
}

type RawValue = string | number | string[] | undefined | null | unknown;

/**
 * Validates list params. Never throws: every problem is a field error. Empty values count as absent
 * (an HTML form sends `status=` for "any"); `status=all` means no status filter; unknown names are
 * ignored; `plan` may repeat.
 */
export function parseListParams(input: URLSearchParams | CustomerListParams): ParseListParamsResult {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => void (errors[field] ??= []).push(message);
  const raw = readRaw(input);
  const data: ValidListParams = { sort: DEFAULT_SORT_PARAM, page: 1, per_page: DEFAULT_PER_PAGE };

  const q = single(raw.q, 'q', fail);
  if (q !== undefined) {
    if (q.length > MAX_QUERY_LENGTH) fail('q', `must be at most ${MAX_QUERY_LENGTH} characters`);
    else if (q.trim() !== '') data.q = q;
  }

  const plans = raw.plan;
  if (plans !== undefined && plans !== null) {
    const given: unknown = typeof plans === 'string' ? [plans] : plans;
    const list = Array.isArray(given) ? given.filter((p) => p !== '') : null;
    if (list === null || list.some((p) => typeof p !== 'string')) fail('plan', 'must be a list of plan ids');
    else if (list.length > MAX_PLANS) fail('plan', `must name at most ${MAX_PLANS} plans`);
    else {
      const bad = list.filter((p) => !isIdValue(p));
      if (bad.length > 0) fail('plan', `not a plan id: ${bad.map((p) => JSON.stringify(p)).join(', ')}`);
      else if (list.length > 0) data.plan = [...list];
    }
  }

  const status = single(raw.status, 'status', fail);
  if (status !== undefined && status !== 'all') {
    if ((STATUSES as readonly string[]).includes(status)) data.status = status as Status;
    else fail('status', `must be one of all, ${STATUSES.join(', ')}`);
  }

  const app = single(raw.app, 'app', fail);
  if (app !== undefined) {
    if (isIdValue(app)) data.app = app;
    else fail('app', 'not an app id');
  }

  const from = single(raw.joined_from, 'joined_from', fail);
  const to = single(raw.joined_to, 'joined_to', fail);
  const fromDay = from === undefined ? null : isoDateToDay(from);
  const toDay = to === undefined ? null : isoDateToDay(to);
  if (from !== undefined && fromDay === null) fail('joined_from', 'must be a date written YYYY-MM-DD');
  if (to !== undefined && toDay === null) fail('joined_to', 'must be a date written YYYY-MM-DD');
  if (fromDay !== null && toDay !== null && fromDay > toDay) fail('joined_to', 'must not be before joined_from');
  if (fromDay !== null) data.joined_from = from;
  if (toDay !== null) data.joined_to = to;

  const sort = single(raw.sort, 'sort', fail);
  if (sort !== undefined) {
    const parsed = sortFromParam(sort);
    if (parsed) data.sort = sortToParam(parsed);
    else fail('sort', 'must be name, created_at, tasks_used or connections, with - for descending');
  }

  const page = positiveInt(raw.page, 'page', fail);
  if (page !== undefined) data.page = page;
  const perPage = positiveInt(raw.per_page, 'per_page', fail);
  if (perPage !== undefined) {
    if (perPage > MAX_PER_PAGE) fail('per_page', `must be between 1 and ${MAX_PER_PAGE}`);
    else data.per_page = perPage;
  }

  return Object.keys(errors).length > 0 ? { success: false, errors } : { success: true, data };
}

const PARAM_NAMES = ['q', 'plan', 'status', 'app', 'joined_from', 'joined_to', 'sort', 'page', 'per_page'] as const;

function readRaw(input: URLSearchParams | CustomerListParams): Record<(typeof PARAM_NAMES)[number], RawValue> {
  const out = {} as Record<(typeof PARAM_NAMES)[number], RawValue>;
  if (input instanceof URLSearchParams) {
    for (const name of PARAM_NAMES) {
      const all = input.getAll(name);
      out[name] = name === 'plan' ? (all.length > 0 ? all : undefined) : all.length > 1 ? all : all[0];
    }
  } else {
    for (const name of PARAM_NAMES) out[name] = (input as Record<string, unknown>)[name];
  }
  return out;
}

/** One string value, or undefined when absent or empty; numbers are accepted as their text. */
function single(value: RawValue, field: string, fail: (f: string, m: string) => void): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  fail(field, Array.isArray(value) ? 'must be given once' : 'must be text');
  return undefined;
}

function positiveInt(value: RawValue, field: string, fail: (f: string, m: string) => void): number | undefined {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 1) return value;
    fail(field, 'must be a positive whole number');
    return undefined;
  }
  const text = single(value, field, fail);
  if (text === undefined) return undefined;
  const n = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n)) return n;
  fail(field, 'must be a positive whole number');
  return undefined;
}

