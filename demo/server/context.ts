/**
 * What every route of the reference server shares: the database, the clock, the partner's
 * configuration, where the built demo pages live, and how a bearer token becomes a principal.
 * The embed routes (embed.ts) receive the same object, so they can add an authenticator for
 * embed session tokens without touching the customer routes.
 */
import type { Database } from 'better-sqlite3';
import type { App, Partner, Plan } from '../../src/model/schemas.js';

/** Who is calling: the partner's admin, or an embed session scoped to one customer. */
export type Principal =
  | { kind: 'admin'; adminId: number; email: string }
  | { kind: 'embed-session'; customerId: number; origin: string };

/** Turns a bearer token into a principal, or null when the token is not one it knows. */
export type Authenticator = (token: string) => Principal | null;

export interface ServerContext {
  db: Database;
  /** The server's clock; tests pass a fixed one so derived status is deterministic. */
  now: () => Date;
  /** Seed of the deterministic generator the database was filled from. */
  seed: number;
  partner: Partner;
  /** The partner's own plans (the free plan is added by `plansWithFree`). */
  plans: readonly Plan[];
  apps: readonly App[];
  adminToken: string;
  /** Tried in order; the first non-null principal wins. The admin token is the first entry. */
  authenticators: Authenticator[];
  /** Built demo pages served at `/` (dist-demo), or null when there are none. */
  staticDir: string | null;
  /** Where the API is mounted, e.g. `/api`. */
  apiBase: string;
  /**
   * The partner's own origins that get CORS on the whole API besides the partner's list
   * (`CUSTOMERS_CONSOLE_CORS_ORIGINS`, normalised). Customers' origins never do (cors.ts).
   */
  corsOrigins: string[];
}
