/**
 * A backend that asks for plans and apps once and shares the answer with every caller: under one
 * `<customer-console>` both the filters and the table need them, and two requests each would be waste.
 * A failed load is forgotten, so a retry asks again; one caller's abort rejects only its own promise,
 * never the shared request. Every other call goes straight through.
 */
import { abortError } from './abort.js';
import type { Backend, CallOptions, CreateOptions, CustomerRef, HistoryParams, WriteOptions } from './backend.js';
import type { App, AppAccess, CustomerPatch, DashboardStats, EmbedSessionRequest, NewCustomer, Plan } from '../model/schemas.js';
import type { CustomerListParams } from '../query/types.js';

export class SharedLookupsBackend implements Backend {
  readonly #backend: Backend;
  readonly #plans: (signal?: AbortSignal) => Promise<Plan[]>;
  readonly #apps: (signal?: AbortSignal) => Promise<App[]>;

  constructor(backend: Backend) {
    this.#backend = backend;
    this.#plans = loadOnce(() => backend.listPlans());
    this.#apps = loadOnce(() => backend.listApps());
  }

  /** The backend this one shares lookups for. */
  get source(): Backend {
    return this.#backend;
  }

  listPlans(options?: CallOptions) {
    return this.#plans(options?.signal);
  }
  listApps(options?: CallOptions) {
    return this.#apps(options?.signal);
  }

  listCustomers(params: CustomerListParams, options?: CallOptions) {
    return this.#backend.listCustomers(params, options);
  }
  createCustomer(input: NewCustomer, options?: CreateOptions) {
    return this.#backend.createCustomer(input, options);
  }
  getCustomer(ref: CustomerRef, options?: CallOptions) {
    return this.#backend.getCustomer(ref, options);
  }
  updateCustomer(ref: CustomerRef, patch: CustomerPatch, version: number, options?: CallOptions) {
    return this.#backend.updateCustomer(ref, patch, version, options);
  }
  deleteCustomer(ref: CustomerRef, version: number, options?: CallOptions) {
    return this.#backend.deleteCustomer(ref, version, options);
  }
  setPlan(ref: CustomerRef, planId: string, options?: WriteOptions) {
    return this.#backend.setPlan(ref, planId, options);
  }
  setTrial(ref: CustomerRef, enabled: boolean, options?: WriteOptions) {
    return this.#backend.setTrial(ref, enabled, options);
  }
  getAppAccess(ref: CustomerRef, options?: CallOptions) {
    return this.#backend.getAppAccess(ref, options);
  }
  setAppAccess(ref: CustomerRef, access: AppAccess, options?: WriteOptions) {
    return this.#backend.setAppAccess(ref, access, options);
  }
  listHistory(ref: CustomerRef, params?: HistoryParams, options?: CallOptions) {
    return this.#backend.listHistory(ref, params, options);
  }
  listCollaborators(ref: CustomerRef, options?: CallOptions) {
    return this.#backend.listCollaborators(ref, options);
  }
  getDashboard(ref: CustomerRef, period: DashboardStats['period'], options?: CallOptions) {
    return this.#backend.getDashboard(ref, period, options);
  }
  switchToAccount(ref: CustomerRef, options?: CallOptions) {
    return this.#backend.switchToAccount(ref, options);
  }
  getPartner(options?: CallOptions) {
    return this.#backend.getPartner(options);
  }
  createEmbedSession(request: EmbedSessionRequest, options?: CallOptions) {
    return this.#backend.createEmbedSession(request, options);
  }
}

/** Runs `load` once for all callers until it fails; each caller may stop waiting with its own signal. */
function loadOnce<T>(load: () => Promise<T>): (signal?: AbortSignal) => Promise<T> {
  let shared: Promise<T> | null = null;
  return (signal) => {
    if (shared === null) {
      const attempt = load();
      shared = attempt;
      attempt.catch(() => {
        if (shared === attempt) shared = null;
      });
    }
    return signal ? untilAborted(shared, signal) : shared;
  };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
