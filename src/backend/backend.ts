/**
 * The Backend interface: the whole contract of DESIGN.md as one TypeScript type. HttpBackend speaks
 * it over HTTP; MemoryBackend keeps it in memory for stories and fast element tests.
 */
import type {
  App,
  AppAccess,
  Collaborator,
  Customer,
  CustomerPage,
  CustomerPatch,
  DashboardStats,
  EmbedSession,
  EmbedSessionRequest,
  HistoryPage,
  NewCustomer,
  Partner,
  Plan,
} from '../model/schemas.js';
import type { CustomerListParams } from '../query/types.js';

/** A customer is addressed by its User ID or by its external ID (`E` + external ID on the wire). */
export type CustomerRef = number | { externalId: string };

export interface CallOptions {
  signal?: AbortSignal;
}

/** A write that may say which version of the customer it was decided on. */
export interface WriteOptions extends CallOptions {
  /**
   * The customer's `version` the admin read, sent as `If-Match`: a write on a customer that has
   * changed since fails with HttpError 412 and nothing is written. Omitted, the write applies to
   * the customer as it is (the plain API call).
   */
  version?: number;
}

/** Which page of a customer's change history. */
export interface HistoryParams {
  page?: number;
  /** At most MAX_PER_PAGE; default 20. */
  per_page?: number;
}

export interface CreateOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; a retried create with the same key returns the first result. */
  idempotencyKey?: string;
}

export interface Backend {
  listCustomers(params: CustomerListParams, options?: CallOptions): Promise<CustomerPage>;
  createCustomer(input: NewCustomer, options?: CreateOptions): Promise<Customer>;
  getCustomer(ref: CustomerRef, options?: CallOptions): Promise<Customer>;
  /**
   * `version` is sent as `If-Match`; a stale one fails with HttpError 412. A patch that changes
   * nothing (`{}`, or every field already as given) is a no-op: the customer as it is, version
   * unchanged. A field the contract does not know fails with HttpError 422 naming it.
   */
  updateCustomer(ref: CustomerRef, patch: CustomerPatch, version: number, options?: CallOptions): Promise<Customer>;
  deleteCustomer(ref: CustomerRef, version: number, options?: CallOptions): Promise<void>;
  setPlan(ref: CustomerRef, planId: string, options?: WriteOptions): Promise<Customer>;
  setTrial(ref: CustomerRef, enabled: boolean, options?: WriteOptions): Promise<Customer>;
  getAppAccess(ref: CustomerRef, options?: CallOptions): Promise<AppAccess>;
  /**
   * App access is a change to the customer: it moves the customer's `version` one on (read the
   * customer again for the new one) and is written to its history. An access equal to the stored
   * one changes nothing.
   */
  setAppAccess(ref: CustomerRef, access: AppAccess, options?: WriteOptions): Promise<AppAccess>;
  /** The customer's changes, newest first (`GET /customers/:id/history`). */
  listHistory(ref: CustomerRef, params?: HistoryParams, options?: CallOptions): Promise<HistoryPage>;
  listCollaborators(ref: CustomerRef, options?: CallOptions): Promise<Collaborator[]>;
  getDashboard(ref: CustomerRef, period: DashboardStats['period'], options?: CallOptions): Promise<DashboardStats>;
  /** A URL that opens the customer's account; HttpError 403 when the admin may not switch. */
  switchToAccount(ref: CustomerRef, options?: CallOptions): Promise<{ url: string }>;
  /** The partner's plans, free plan included. */
  listPlans(options?: CallOptions): Promise<Plan[]>;
  listApps(options?: CallOptions): Promise<App[]>;
  getPartner(options?: CallOptions): Promise<Partner>;
  createEmbedSession(request: EmbedSessionRequest, options?: CallOptions): Promise<EmbedSession>;
}

/** The path segment for a customer: the User ID, or `E` + URL-encoded external ID. */
export function customerPathSegment(ref: CustomerRef): string {
  return typeof ref === 'number' ? String(ref) : `E${encodeURIComponent(ref.externalId)}`;
}

/** The inverse of customerPathSegment for an already-decoded segment; null when it is neither form. */
export function parseCustomerPathSegment(segment: string): CustomerRef | null {
  if (/^[1-9][0-9]{0,15}$/.test(segment)) return Number(segment);
  if (segment.startsWith('E') && segment.length > 1) return { externalId: segment.slice(1) };
  return null;
}
