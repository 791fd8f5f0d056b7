/**
 * The reference backend as a Hono app: every call of the backend contract (DESIGN.md) under
 * `apiBase`, the built demo pages at `/`, and the embed routes from embed.ts.
 *
 * Every write is decided by the domain commands of src/model/commands.ts, the ones MemoryBackend
 * calls (bodies validated with the shared zod schemas, answers built from the same rules); the
 * routes find the customer (404), read the request, store what the command returns and turn its
 * problems into answers. Checks run in the same order as MemoryBackend: 404 (unknown customer) →
 * 422 (body) → 412 (stale version) → 409 (external ID).
 *
 * Every write that changes a customer writes its history entry in the same transaction
 * (`customerChanges`/`appAccessChanges` of src/model/history.ts, as MemoryBackend records): what
 * changed from the customer as read, settled, to the customer as stored, by the caller
 * (`historyActor`). A write that changes nothing records nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  DASHBOARD_PERIODS,
  type App,
  type Customer,
  type DashboardPeriod,
  type HistoryAction,
  type Partner,
  type Plan,
  type Problem,
} from '../../src/model/schemas.js';
import { plansWithFree } from '../../src/model/rules.js';
import {
  addCustomer,
  changeAppAccess,
  changePlan,
  changeTrial,
  patchCustomer,
  removeCustomer,
  staleVersionProblem,
  valueOrThrow,
  versionCheck,
} from '../../src/model/commands.js';
import { appAccessChanges, customerChanges, historyPageParams } from '../../src/model/history.js';
import { parseCustomerPathSegment } from '../../src/backend/backend.js';
import { DEMO_PARTNER, DEMO_PLANS, generateApps } from '../../src/backend/generate.js';
import { orderTeam } from '../../src/backend/team-order.js';
import { switchIntoAccount } from '../../src/model/account-switch.js';
import { parseListParams } from '../../src/query/index.js';
import { adminTokenAuthenticator, historyActor, requireAdmin, requireAuth, requireCustomerAccess, type AppEnv } from './auth.js';
import type { ServerContext } from './context.js';
import { corsFor } from './cors.js';
import { customerFromRow, CustomerStore, type CustomerRow } from './customer-store.js';
import { DashboardStore } from './dashboard-store.js';
import { embedRoutes } from './embed.js';
import { fallbackPage } from './fallback-page.js';
import { HistoryStore } from './history-store.js';
import { badRequest, forbidden, notFound, ProblemError, problemResponse, responseFor, unprocessable } from './problems.js';
import { canonicalJson } from '../../src/backend/canonical-json.js';
import { limitRequestBodies } from './body-limit.js';
import { DEMO_CONFIG_PATH, demoConfig } from './demo-config.js';
import { etagOf, versionFromIfMatch } from './if-match.js';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from './json-nesting.js';
import { failFastOnHeldLocks, lockContentionProblem } from './write-lock.js';
import { buildOpenApiDocument } from '../../src/contract/openapi.js';

/** Bodies above this are refused with 413 (the largest valid body, 100 origins of 2 KB, fits). */
export const MAX_BODY_BYTES = 512 * 1024;
const SWITCH_URL_BASE = 'https://app.partner.example/switch/';
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

export interface ServerOptions {
  db: Database;
  now?: () => Date;
  seed?: number;
  partner?: Partner;
  plans?: readonly Plan[];
  apps?: readonly App[];
  adminToken?: string;
  staticDir?: string | null;
  apiBase?: string;
  /** The partner's own origins for CORS on the whole API (main.ts reads CUSTOMERS_CONSOLE_CORS_ORIGINS). */
  corsOrigins?: readonly string[];
}

export function createServerContext(options: ServerOptions): ServerContext {
  const context: ServerContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    seed: options.seed ?? 1,
    partner: structuredClone(options.partner ?? DEMO_PARTNER),
    plans: options.plans ?? DEMO_PLANS,
    apps: options.apps ?? generateApps(),
    adminToken: options.adminToken ?? 'dev-admin-token',
    authenticators: [],
    staticDir: options.staticDir ?? null,
    apiBase: options.apiBase ?? '/api',
    corsOrigins: [...(options.corsOrigins ?? [])],
  };
  context.authenticators.push(adminTokenAuthenticator(context));
  return context;
}

export interface AppOptions {
  /** Reuse status counts between requests until the data or the status boundaries change (default). */
  countCache?: boolean;
}

export function createApp(context: ServerContext, options: AppOptions = {}): Hono<AppEnv> {
  failFastOnHeldLocks(context.db);
  const store = new CustomerStore(context.db);
  store.countCache = options.countCache ?? true;
  const dashboards = new DashboardStore(context.db);
  const history = new HistoryStore(context.db);
  const app = new Hono<AppEnv>();

  app.onError((error) => {
    if (error instanceof ProblemError) return responseFor(error);
    const busy = lockContentionProblem(error);
    if (busy) return responseFor(busy);
    console.error(error);
    return problemResponse(500, 'Internal Server Error', 'The server failed; the request may not have been applied.');
  });
  app.notFound((c) => problemResponse(404, 'Not Found', `Nothing at ${c.req.method} ${c.req.path}.`));

  app.use(`${context.apiBase}/*`, corsFor(context, store, [`${context.apiBase}${DEMO_CONFIG_PATH}`]));
  app.use(`${context.apiBase}/*`, async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // Every route, not only the API: the framed console's form POST and unknown paths too.
  app.use('*', limitRequestBodies(MAX_BODY_BYTES));

  // Hands the demo page its API base and token; only to pages of this server on this machine.
  app.get(`${context.apiBase}${DEMO_CONFIG_PATH}`, demoConfig(context));

  app.route(context.apiBase, apiRoutes(context, store, dashboards, history));
  app.route('/', embedRoutes(context));

  if (context.staticDir && existsSync(join(context.staticDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: context.staticDir }));
    // The console on the list page routes itself: `/customers/<id>/<tab>` is that page too, so a
    // reload or a shared link of a customer's page finds it.
    app.get('/customers/*', serveStatic({ root: context.staticDir, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.html(fallbackPage(context.apiBase)));
  }
  return app;
}

function apiRoutes(context: ServerContext, store: CustomerStore, dashboards: DashboardStore, history: HistoryStore): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const auth = requireAuth(context);
  for (const path of ['/customers', '/customers/*', '/plans', '/apps', '/partner']) api.use(path, auth);

  const now = () => context.now();
  const customer = (row: CustomerRow) => customerFromRow(row, context.plans, now());
  const withEtag = (c: Context<AppEnv>, value: Customer, status: 200 | 201 = 200) => {
    c.header('ETag', etagOf(value.version));
    return c.json(value, status);
  };

  /** The customer a `:ref` path segment names (User ID or `E` + external ID), or 404. */
  const findCustomer = (c: Context<AppEnv>): CustomerRow => {
    const segment = c.req.param('ref') ?? '';
    const ref = parseCustomerPathSegment(segment);
    const row =
      ref === null ? undefined : typeof ref === 'number' ? store.findRowById(ref) : store.findRowByExternalId(ref.externalId);
    // Before the 404: an embed session gets the same 403 whether another customer exists or not.
    requireCustomerAccess(c, row?.id);
    if (!row) {
      throw notFound(
        ref !== null && typeof ref !== 'number'
          ? `No customer with external ID ${JSON.stringify(ref.externalId)}.`
          : `No customer with User ID ${JSON.stringify(segment)}.`,
      );
    }
    return row;
  };

  /**
   * The customer as it is at `at`, read again once the body has arrived: reading it was an await,
   * in which another request may have written it. Everything from here to the write is synchronous,
   * so within this process nothing lands in between; other connections are caught by the version
   * check in the write itself.
   */
  const currentCustomer = (id: number, at: Date): Customer => {
    const row = store.findRowById(id);
    if (!row) throw notFound('The customer no longer exists.');
    return customerFromRow(row, context.plans, at);
  };

  /**
   * A customer write and its history entry, in one transaction: `next` is stored only if the row is
   * still at `current`'s version, and the entry lists the fields that differ between `current` (as
   * read, settled) and the customer as stored. A change that changes nothing (the command kept the
   * version) writes nothing.
   */
  const save = (c: Context<AppEnv>, current: Customer, next: Customer, action: HistoryAction, at: Date): Customer => {
    if (next.version === current.version) {
      const row = store.findRowById(next.id);
      if (row?.version !== current.version) throw stale(row?.version);
      return customerFromRow(row, context.plans, at);
    }
    return context.db.transaction(() => {
      if (!store.update(next, current.version)) throw stale(store.findRowById(next.id)?.version);
      const saved = customerFromRow(store.findRowById(next.id)!, context.plans, at);
      const changes = customerChanges(current, saved);
      history.record(saved.id, { at, action, actor: historyActor(c.get('principal'), context), version: saved.version, changes });
      return saved;
    })();
  };

  api.get('/customers', (c) => {
    requireAdmin(c);
    const parsed = parseListParams(new URL(c.req.url).searchParams);
    if (!parsed.success) throw unprocessable('The list parameters are not valid.', parsed.errors);
    return c.json(store.list(parsed.data, context.plans, now()));
  });

  api.post('/customers', async (c) => {
    requireAdmin(c);
    const key = idempotencyKey(c);
    const raw = await readJson(c);
    const requestHash = createHash('sha256').update(canonicalJson(raw)).digest('hex');
    if (key !== null) {
      const earlier = store.idempotentCreate(key);
      if (earlier) {
        if (earlier.request_hash !== requestHash) {
          throw unprocessable('This Idempotency-Key was already used with a different body.', {
            'Idempotency-Key': ['was already used with a different body'],
          });
        }
        return new Response(earlier.body, {
          status: earlier.status,
          headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
        });
      }
    }
    const at = now();
    const created = context.db.transaction(() => {
      // In the transaction, so no other create takes the external ID in between. The store assigns the id.
      const draft = valueOrThrow(
        addCustomer(raw, { id: 0, plans: context.plans, now: at, isExternalIdTaken: (id) => store.externalIdTaken(id, null) }),
        problemError,
      );
      const id = store.insert(draft);
      const result = customerFromRow(store.findRowById(id)!, context.plans, at);
      const actor = historyActor(c.get('principal'), context);
      history.record(id, { at, action: 'create', actor, version: result.version, changes: customerChanges(null, result) });
      if (key !== null) store.rememberCreate(key, requestHash, id, 201, JSON.stringify(result), at.getTime());
      return result;
    })();
    c.header('Location', `${context.apiBase}/customers/${created.id}`);
    return withEtag(c, created, 201);
  });

  api.get('/customers/:ref', (c) => withEtag(c, customer(findCustomer(c))));

  // Writes are the partner admin's: an embed session reads its own customer but could otherwise,
  // for one, add any site to its own origin list.
  api.patch('/customers/:ref', async (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const body = await readJson(c);
    const at = now();
    const current = currentCustomer(row.id, at);
    const next = valueOrThrow(
      patchCustomer(current, body, {
        plans: context.plans,
        now: at,
        // Read only once the body is valid: 422 comes before 428.
        expectedVersion: () => ifMatchVersion(c),
        isExternalIdTaken: (id) => store.externalIdTaken(id, current.id),
      }),
      problemError,
    );
    return withEtag(c, save(c, current, next, 'update', at));
  });

  api.delete('/customers/:ref', (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const version = ifMatchVersion(c);
    valueOrThrow(removeCustomer(row, version), problemError);
    // The store checks the version again in the transaction, for a write that came in between.
    const deleted = context.db.transaction(() => store.delete(row.id, version))();
    if (!deleted) throw stale(store.findRowById(row.id)?.version);
    return c.body(null, 204);
  });

  // Plan and trial take an optional If-Match: without one the change applies to the customer as it
  // is (the plain API call); with one it applies only to that version. The header is read after the
  // body, as PATCH reads it: 422 before 400 (unreadable) before 412 (stale).
  api.put('/customers/:ref/plan', async (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const body = await readJson(c);
    const at = now();
    const current = currentCustomer(row.id, at);
    const next = valueOrThrow(changePlan(current, body, { plans: context.plans, now: at }), problemError);
    valueOrThrow(versionCheck(current, optionalIfMatchVersion(c)), problemError);
    return withEtag(c, save(c, current, next, 'plan', at));
  });

  api.put('/customers/:ref/trial', async (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const body = await readJson(c);
    const at = now();
    const current = currentCustomer(row.id, at);
    const next = valueOrThrow(changeTrial(current, body, { plans: context.plans, now: at }), problemError);
    valueOrThrow(versionCheck(current, optionalIfMatchVersion(c)), problemError);
    return withEtag(c, save(c, current, next, 'trial', at));
  });

  // App access answers the customer's version as its ETag, so a client can send it back as If-Match.
  api.get('/customers/:ref/app-access', (c) => {
    const row = findCustomer(c);
    c.header('ETag', etagOf(row.version));
    return c.json(store.appAccess(row.id));
  });

  // A changed access moves the customer's version one on and is written to its history, in one
  // transaction; the same access again changes nothing (but a stale If-Match is still a 412).
  api.put('/customers/:ref/app-access', async (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const access = valueOrThrow(changeAppAccess(await readJson(c), context.apps), problemError);
    const expectedVersion = optionalIfMatchVersion(c);
    const at = now();
    const version = context.db.transaction(() => {
      const current = store.findRowById(row.id);
      if (!current) throw notFound('The customer no longer exists.');
      valueOrThrow(versionCheck(current, expectedVersion), problemError);
      const changes = appAccessChanges(store.appAccess(row.id), access);
      if (changes.length === 0) return current.version;
      if (!store.setAppAccess(row.id, access, current.version)) throw stale(store.findRowById(row.id)?.version);
      const actor = historyActor(c.get('principal'), context);
      history.record(row.id, { at, action: 'app_access', actor, version: current.version + 1, changes });
      return current.version + 1;
    })();
    c.header('ETag', etagOf(version));
    return c.json(store.appAccess(row.id));
  });

  // Newest first; the same 403/404 as every customer route, then 422 for the paging.
  api.get('/customers/:ref/history', (c) => {
    const row = findCustomer(c);
    const params = valueOrThrow(historyPageParams(new URL(c.req.url).searchParams), problemError);
    return c.json(history.page(row.id, params));
  });

  // Customer managers first, then by name: the order MemoryBackend lists them in.
  api.get('/customers/:ref/collaborators', (c) => c.json({ items: orderTeam(store.collaborators(findCustomer(c).id)) }));

  api.get('/customers/:ref/dashboard', (c) => {
    const row = findCustomer(c);
    const period = c.req.query('period') ?? '';
    if (!(DASHBOARD_PERIODS as readonly string[]).includes(period)) {
      throw unprocessable('The period is not valid.', { period: [`must be one of ${DASHBOARD_PERIODS.join(', ')}`] });
    }
    return c.json(dashboards.stats(row.id, period as DashboardPeriod, now()));
  });

  api.post('/customers/:ref/switch', (c) => {
    const row = findCustomer(c);
    const admin = requireAdmin(c);
    const team = store.collaborators(row.id);
    return c.json(valueOrThrow(switchIntoAccount(row, admin.email, team, `${SWITCH_URL_BASE}${row.id}`), problemError));
  });

  // The contract itself, public like any API description (no auth: it holds no data).
  const openApiDocument = JSON.stringify(buildOpenApiDocument({ servers: [{ url: context.apiBase, description: 'This server' }] }));
  api.get('/openapi.json', (c) => c.body(openApiDocument, 200, { 'Content-Type': 'application/json' }));

  api.get('/plans', (c) => c.json({ items: plansWithFree(context.plans) }));
  api.get('/apps', (c) => c.json({ items: context.apps }));
  // An embed session is read-only: it hears that it may change nothing, whatever the admin may.
  api.get('/partner', (c) =>
    c.json(
      c.get('principal').kind === 'admin'
        ? context.partner
        : { ...context.partner, admin: { ...context.partner.admin, permissions: { manage_customers: false, delete_customers: false, rename_customers: false } } },
    ),
  );
  return api;
}

// -----------------------------------------------------------------------------------------------
// Request reading

/**
 * The JSON body: 415 unless it is declared JSON, 400 when it nests deeper than any body of the
 * contract (checked before anything parses or walks it) or does not parse. Its size is bounded
 * already (limitRequestBodies).
 */
async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ProblemError(415, 'Unsupported Media Type', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  if (jsonNestsDeeperThan(text, MAX_JSON_NESTING)) {
    throw badRequest(`The body nests objects and arrays deeper than ${MAX_JSON_NESTING} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
}

/** The version in `If-Match`, exactly the ETag form (`"3"`, see if-match.ts): 428 when missing, 400 otherwise. */
function ifMatchVersion(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '') {
    throw new ProblemError(428, 'Precondition Required', 'Send If-Match with the version you last read.');
  }
  const version = versionFromIfMatch(header.trim());
  if (version === null) throw badRequest('If-Match must be the ETag of the customer as sent, e.g. "3" with the quotes.');
  return version;
}

/** An optional If-Match (PUT plan, trial, app access): undefined when absent or empty, else as ifMatchVersion. */
function optionalIfMatchVersion(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('if-match');
  return header === undefined || header.trim() === '' ? undefined : ifMatchVersion(c);
}

function idempotencyKey(c: Context<AppEnv>): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      'Idempotency-Key': ['must be 1 to 255 printable ASCII characters'],
    });
  }
  return key;
}

/** A write lost the race to another in between: 412, or 404 when that one deleted the customer. */
function stale(currentVersion: number | undefined): ProblemError {
  return currentVersion === undefined ? notFound('The customer no longer exists.') : problemError(staleVersionProblem(currentVersion));
}

/** A domain command's refusal, thrown to become its problem+json answer. */
function problemError(refusal: Problem): ProblemError {
  return new ProblemError(refusal.status, refusal.title, refusal.detail, refusal.errors);
}

