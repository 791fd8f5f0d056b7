/**
 * HttpBackend: the Backend contract over fetch. It never trusts the server: every answer is parsed
 * with the shared schemas, and whatever goes wrong becomes one of the typed errors in errors.ts.
 *
 * Retries are limited to calls that are safe to repeat (GET, PUT, DELETE, and a create carrying an
 * Idempotency-Key, sent unchanged on every attempt) and to failures that say nothing happened or the
 * server is briefly unavailable: network errors and 502/503/504. A timeout is not retried: the
 * admin has already waited the whole timeout once.
 */
import * as z from 'zod/mini';
import {
  AppAccess,
  AppList,
  CollaboratorList,
  Customer,
  CustomerPage,
  DashboardStats,
  EmbedSession,
  HistoryPage,
  Partner,
  PlanList,
  Problem,
  SwitchResult,
} from '../model/schemas.js';
import type { App, Collaborator, CustomerPatch, EmbedSessionRequest, NewCustomer, Plan } from '../model/schemas.js';
import type { CustomerListParams } from '../query/types.js';
import {
  customerPathSegment,
  type Backend,
  type CallOptions,
  type CreateOptions,
  type CustomerRef,
  type HistoryParams,
  type WriteOptions,
} from './backend.js';
import { HttpError, NetworkError, SchemaError, TimeoutError, problem } from './errors.js';
import { abortableDelay, abortError } from './abort.js';

export interface HttpBackendOptions {
  /** The API root, e.g. `https://api.partner.example/v1` or `http://127.0.0.1:4100/api`. */
  baseUrl: string;
  /** Called before every attempt; the result is sent as `Authorization: Bearer <token>` (none when empty). */
  getToken?: () => string | Promise<string>;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Per attempt, covering the whole answer (headers and body). Default 15000. */
  timeoutMs?: number;
  /** Extra attempts for retryable failures. Default 2. */
  retries?: number;
  /** Base of the exponential backoff (with jitter). Default 300. */
  retryDelayMs?: number;
}

/** A Retry-After longer than this is not waited for: the error goes to the caller instead. */
const MAX_RETRY_AFTER_MS = 5_000;
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestSpec<T> {
  method: Method;
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  /** null for answers without a body (204). */
  schema: z.ZodMiniType<T> | null;
  /** Names the answer in a SchemaError message. */
  what: string;
  retryable: boolean;
  signal: AbortSignal | undefined;
}

/**
 * A PUT that may carry the version it was decided on. Without one it is idempotent and retried;
 * with one it is not (a retry after a lost answer would meet its own write and fail with 412).
 */
function versioned(options: WriteOptions | undefined): { headers?: Record<string, string>; retryable: boolean } {
  return options?.version === undefined ? { retryable: true } : { headers: { 'If-Match': `"${options.version}"` }, retryable: false };
}

/** Retry-After in ms (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The query string of `GET /customers`; `plan` is repeated, empty values are left out. */
export function customerListQuery(params: CustomerListParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const plan of params.plan ?? []) query.append('plan', plan);
  if (params.status) query.set('status', params.status);
  if (params.app) query.set('app', params.app);
  if (params.joined_from) query.set('joined_from', params.joined_from);
  if (params.joined_to) query.set('joined_to', params.joined_to);
  if (params.sort) query.set('sort', params.sort);
  if (params.page !== undefined) query.set('page', String(params.page));
  if (params.per_page !== undefined) query.set('per_page', String(params.per_page));
  return query;
}

/** What one attempt ended with, before deciding whether to try again. */
type Attempt =
  | { kind: 'response'; status: number; statusText: string; text: string; retryAfter: string | null }
  | { kind: 'network'; error: NetworkError };

export class HttpBackend implements Backend {
  readonly baseUrl: string;
  private readonly getToken: (() => string | Promise<string>) | undefined;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(options: HttpBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.getToken = options.getToken;
    // Bound so that a window.fetch passed in is not called with the wrong `this`.
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 300;
  }

  listCustomers(params: CustomerListParams, options?: CallOptions): Promise<CustomerPage> {
    return this.request({
      method: 'GET',
      path: '/customers',
      query: customerListQuery(params),
      schema: CustomerPage,
      what: 'The customer list',
      retryable: true,
      signal: options?.signal,
    });
  }

  createCustomer(input: NewCustomer, options?: CreateOptions): Promise<Customer> {
    const key = options?.idempotencyKey ?? crypto.randomUUID();
    return this.request({
      method: 'POST',
      path: '/customers',
      body: input,
      headers: { 'Idempotency-Key': key },
      schema: Customer,
      what: 'The created customer',
      retryable: true,
      signal: options?.signal,
    });
  }

  getCustomer(ref: CustomerRef, options?: CallOptions): Promise<Customer> {
    return this.request({
      method: 'GET',
      path: this.customerPath(ref),
      schema: Customer,
      what: 'The customer',
      retryable: true,
      signal: options?.signal,
    });
  }

  updateCustomer(ref: CustomerRef, patch: CustomerPatch, version: number, options?: CallOptions): Promise<Customer> {
    return this.request({
      method: 'PATCH',
      path: this.customerPath(ref),
      body: patch,
      headers: { 'If-Match': `"${version}"` },
      schema: Customer,
      what: 'The updated customer',
      retryable: false,
      signal: options?.signal,
    });
  }

  async deleteCustomer(ref: CustomerRef, version: number, options?: CallOptions): Promise<void> {
    await this.request({
      method: 'DELETE',
      path: this.customerPath(ref),
      headers: { 'If-Match': `"${version}"` },
      schema: null,
      what: 'The delete answer',
      retryable: true,
      signal: options?.signal,
    });
  }

  setPlan(ref: CustomerRef, planId: string, options?: WriteOptions): Promise<Customer> {
    return this.request({
      method: 'PUT',
      path: `${this.customerPath(ref)}/plan`,
      body: { plan_id: planId },
      ...versioned(options),
      schema: Customer,
      what: 'The customer',
      signal: options?.signal,
    });
  }

  setTrial(ref: CustomerRef, enabled: boolean, options?: WriteOptions): Promise<Customer> {
    return this.request({
      method: 'PUT',
      path: `${this.customerPath(ref)}/trial`,
      body: { enabled },
      ...versioned(options),
      schema: Customer,
      what: 'The customer',
      signal: options?.signal,
    });
  }

  getAppAccess(ref: CustomerRef, options?: CallOptions): Promise<AppAccess> {
    return this.request({
      method: 'GET',
      path: `${this.customerPath(ref)}/app-access`,
      schema: AppAccess,
      what: 'The app access',
      retryable: true,
      signal: options?.signal,
    });
  }

  setAppAccess(ref: CustomerRef, access: AppAccess, options?: WriteOptions): Promise<AppAccess> {
    return this.request({
      method: 'PUT',
      path: `${this.customerPath(ref)}/app-access`,
      body: access,
      ...versioned(options),
      schema: AppAccess,
      what: 'The app access',
      signal: options?.signal,
    });
  }

  listHistory(ref: CustomerRef, params: HistoryParams = {}, options?: CallOptions): Promise<HistoryPage> {
    const query = new URLSearchParams();
    if (params.page !== undefined) query.set('page', String(params.page));
    if (params.per_page !== undefined) query.set('per_page', String(params.per_page));
    return this.request({
      method: 'GET',
      path: `${this.customerPath(ref)}/history`,
      query,
      schema: HistoryPage,
      what: 'The change history',
      retryable: true,
      signal: options?.signal,
    });
  }

  async listCollaborators(ref: CustomerRef, options?: CallOptions): Promise<Collaborator[]> {
    const list = await this.request({
      method: 'GET',
      path: `${this.customerPath(ref)}/collaborators`,
      schema: CollaboratorList,
      what: 'The collaborator list',
      retryable: true,
      signal: options?.signal,
    });
    return list.items;
  }

  getDashboard(ref: CustomerRef, period: DashboardStats['period'], options?: CallOptions): Promise<DashboardStats> {
    return this.request({
      method: 'GET',
      path: `${this.customerPath(ref)}/dashboard`,
      query: new URLSearchParams({ period }),
      schema: DashboardStats,
      what: 'The dashboard',
      retryable: true,
      signal: options?.signal,
    });
  }

  switchToAccount(ref: CustomerRef, options?: CallOptions): Promise<{ url: string }> {
    return this.request({
      method: 'POST',
      path: `${this.customerPath(ref)}/switch`,
      schema: SwitchResult,
      what: 'The switch answer',
      retryable: false,
      signal: options?.signal,
    });
  }

  async listPlans(options?: CallOptions): Promise<Plan[]> {
    const list = await this.request({
      method: 'GET',
      path: '/plans',
      schema: PlanList,
      what: 'The plan list',
      retryable: true,
      signal: options?.signal,
    });
    return list.items;
  }

  async listApps(options?: CallOptions): Promise<App[]> {
    const list = await this.request({
      method: 'GET',
      path: '/apps',
      schema: AppList,
      what: 'The app catalogue',
      retryable: true,
      signal: options?.signal,
    });
    return list.items;
  }

  getPartner(options?: CallOptions): Promise<Partner> {
    return this.request({
      method: 'GET',
      path: '/partner',
      schema: Partner,
      what: 'The partner',
      retryable: true,
      signal: options?.signal,
    });
  }

  createEmbedSession(request: EmbedSessionRequest, options?: CallOptions): Promise<EmbedSession> {
    return this.request({
      method: 'POST',
      path: '/embed/session',
      body: request,
      schema: EmbedSession,
      what: 'The embed session',
      retryable: false,
      signal: options?.signal,
    });
  }

  private customerPath(ref: CustomerRef): string {
    return `/customers/${customerPathSegment(ref)}`;
  }

  private async request<T>(spec: RequestSpec<T>): Promise<T> {
    const url = this.baseUrl + spec.path + (spec.query && `${spec.query}` ? `?${spec.query}` : '');
    let sawNetworkError = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(url, spec);
      const canRetry = spec.retryable && attempt < this.retries;
      if (outcome.kind === 'network') {
        if (!canRetry) throw outcome.error;
        sawNetworkError = true;
        await abortableDelay(this.backoff(attempt), spec.signal);
        continue;
      }
      if (RETRYABLE_STATUSES.has(outcome.status) && canRetry) {
        const asked = retryAfterMs(outcome.retryAfter);
        if (asked === null || asked <= MAX_RETRY_AFTER_MS) {
          await abortableDelay(asked ?? this.backoff(attempt), spec.signal);
          continue;
        }
      }
      // A DELETE whose earlier attempt may have reached the server before the connection broke:
      // "not found" now means that attempt did the deleting, which is what the caller asked for.
      if (spec.method === 'DELETE' && outcome.status === 404 && sawNetworkError) return undefined as T;
      return this.interpret(outcome, spec);
    }
  }

  /** Exponential backoff with jitter: base · 2^attempt · [0.5, 1.5). */
  private backoff(attempt: number): number {
    return this.retryDelayMs * 2 ** attempt * (0.5 + Math.random());
  }

  /** One fetch, its body read in full, under the caller's signal and the per-attempt timeout. */
  private async attempt<T>(url: string, spec: RequestSpec<T>): Promise<Attempt> {
    const { signal } = spec;
    if (signal?.aborted) throw abortError(signal);
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...spec.headers,
    };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.getToken) {
      // No token yet (signed out, session not started) means no header rather than "Bearer ".
      const token = await this.getToken();
      if (token) headers['Authorization'] = `Bearer ${token}`;
    }
    if (signal?.aborted) throw abortError(signal);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      const text = await response.text();
      return {
        kind: 'response',
        status: response.status,
        statusText: response.statusText,
        text,
        retryAfter: response.headers.get('Retry-After'),
      };
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      if (timedOut) throw new TimeoutError(this.timeoutMs);
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'network', error: new NetworkError(`${spec.method} ${url} failed: ${reason}`, { cause: error }) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Turns a final answer into the value or the typed error. */
  private interpret<T>(outcome: Extract<Attempt, { kind: 'response' }>, spec: RequestSpec<T>): T {
    const { status, statusText, text } = outcome;
    if (status >= 400) throw new HttpError(problemFrom(status, statusText, text));
    if (spec.schema === null) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const start = text.slice(0, 40).replace(/\s+/g, ' ');
      throw new SchemaError(spec.what, [
        { path: [], message: `the body was not JSON (HTTP ${status}, starts with ${JSON.stringify(start)})` },
      ]);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) throw new SchemaError(spec.what, parsed.error.issues);
    return parsed.data;
  }
}

/** The problem+json body of an error answer; a body that is not one gets a problem made up for it. */
function problemFrom(status: number, statusText: string, text: string): Problem {
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    // The HTTP status wins over whatever the body claims.
    if (parsed.success) return { ...parsed.data, status };
  } catch {
    // Not JSON: fall through to a synthesized problem.
  }
  return problem(status, statusText || `HTTP ${status}`);
}
