/**
 * The reference backend as a Hono app: every call of the backend contract (DESIGN.md) under
 * `apiBase`, the built demo pages at `/`, and the embed routes from embed.ts.
 *
 * Every request body is validated with the shared zod schemas of src/model; every answer is built
 * from the same rules (src/model/rules.ts) MemoryBackend uses. Checks run in the same order as
 * MemoryBackend: 404 (unknown customer) → 422 (body) → 412 (stale version) → 409 (external ID).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { z } from 'zod/mini';
import {
  AppAccess,
  CustomerPatch,
  DASHBOARD_PERIODS,
  NewCustomer,
  PlanChange,
  TrialChange,
  type App,
  type Customer,
  type DashboardPeriod,
  type Partner,
  type Plan,
} from '../../src/model/schemas.js';
import { applyCustomerChanges, newCustomerRecord, disableTrial, enableTrial, findPlan, plansWithFree, settleTrial, withLimits } from '../../src/model/rules.js';
import { fieldErrorsFrom } from '../../src/backend/errors.js';
import { parseCustomerPathSegment } from '../../src/backend/backend.js';
import { DEMO_PARTNER, DEMO_PLANS, generateApps, generateDashboard } from '../../src/backend/generate.js';
import { parseListParams } from '../../src/query/index.js';
import { validateOriginEntries } from '../../src/embed/origins.js';
import { adminTokenAuthenticator, requireAdmin, requireAuth, requireCustomerAccess, type AppEnv } from './auth.js';
import type { ServerContext } from './context.js';
import { corsFor } from './cors.js';
import { customerFromRow, CustomerStore, type CustomerRow } from './customer-store.js';
import { embedRoutes } from './embed.js';
import { fallbackPage } from './fallback-page.js';
import { badRequest, forbidden, notFound, ProblemError, problemResponse, responseFor, unprocessable } from './problems.js';
import { canonicalJson } from '../../src/backend/canonical-json.js';
import { limitRequestBodies } from './body-limit.js';
import { DEMO_CONFIG_PATH, demoConfig } from './demo-config.js';
import { etagOf, versionFromIfMatch } from './if-match.js';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from './json-nesting.js';
import { failFastOnHeldLocks, lockContentionProblem } from './write-lock.js';

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

  app.route(context.apiBase, apiRoutes(context, store));
  app.route('/', embedRoutes(context));

  if (context.staticDir && existsSync(join(context.staticDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: context.staticDir }));
  } else {
    app.get('/', (c) => c.html(fallbackPage(context.apiBase)));
  }
  return app;
}

function apiRoutes(context: ServerContext, store: CustomerStore): Hono<AppEnv> {
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

  /** A customer write: re-read, apply, and store only if nobody changed it in between. */
  const save = (next: Customer, expectedVersion: number): Customer => {
    if (next.version === expectedVersion) {
      // A change that changes nothing (applyCustomerChanges kept the version): nothing to write.
      const row = store.findRowById(next.id);
      if (row?.version !== expectedVersion) throw stale(row?.version);
      return customer(row);
    }
    const saved = context.db.transaction(() => store.update(next, expectedVersion))();
    if (!saved) throw stale(store.findRowById(next.id)?.version);
    return customer(store.findRowById(next.id)!);
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
    const fields = validate(NewCustomer, raw, 'The customer is not valid.');
    if (!findPlan(fields.plan_id, context.plans)) {
      throw unprocessable('The plan does not exist.', { plan_id: [`unknown plan ${JSON.stringify(fields.plan_id)}`] });
    }
    const externalId = fields.external_id ?? null;
    const at = now();
    const created = context.db.transaction(() => {
      if (externalId !== null && store.externalIdTaken(externalId, null)) throw externalIdTaken(externalId);
      // The store assigns the id.
      const draft = newCustomerRecord(0, { ...fields, external_id: externalId }, context.plans, at);
      const id = store.insert(draft);
      const result = customer(store.findRowById(id)!);
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
    const current = customer(findCustomer(c));
    requireAdmin(c);
    const changes = validate(CustomerPatch, await readJson(c), 'The changes are not valid.');
    const origins = changes.origins === undefined ? undefined : validOrigins(changes.origins);
    const version = ifMatchVersion(c);
    if (version !== current.version) throw stale(current.version);
    const externalId = changes.external_id === undefined ? current.external_id : changes.external_id;
    if (externalId !== null && externalId !== current.external_id && store.externalIdTaken(externalId, current.id)) {
      throw externalIdTaken(externalId);
    }
    const next = applyCustomerChanges(current, { ...changes, external_id: externalId, ...(origins === undefined ? {} : { origins }) });
    return withEtag(c, save(next, version));
  });

  api.delete('/customers/:ref', (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const version = ifMatchVersion(c);
    const deleted = context.db.transaction(() => store.delete(row.id, version))();
    if (!deleted) throw stale(store.findRowById(row.id)?.version);
    return c.body(null, 204);
  });

  api.put('/customers/:ref/plan', async (c) => {
    const current = customer(findCustomer(c));
    requireAdmin(c);
    const { plan_id } = validate(PlanChange, await readJson(c), 'The plan is not valid.');
    if (!findPlan(plan_id, context.plans)) {
      throw unprocessable('The plan does not exist.', { plan_id: [`unknown plan ${JSON.stringify(plan_id)}`] });
    }
    const at = now();
    const settled = settleTrial(current, at);
    return withEtag(c, save(withLimits({ ...settled, plan_id, version: current.version + 1 }, context.plans, at), current.version));
  });

  api.put('/customers/:ref/trial', async (c) => {
    const current = customer(findCustomer(c));
    requireAdmin(c);
    const { enabled } = validate(TrialChange, await readJson(c), 'The trial change is not valid.');
    const at = now();
    const changed = enabled ? enableTrial(current, at) : disableTrial(current);
    return withEtag(c, save(withLimits({ ...changed, version: current.version + 1 }, context.plans, at), current.version));
  });

  api.get('/customers/:ref/app-access', (c) => c.json(store.appAccess(findCustomer(c).id)));

  api.put('/customers/:ref/app-access', async (c) => {
    const row = findCustomer(c);
    requireAdmin(c);
    const access = validate(AppAccess, await readJson(c), 'The app access is not valid.');
    let stored: AppAccess = { mode: 'all' };
    if (access.mode === 'selected') {
      const known = new Set(context.apps.map((a) => a.id));
      const unknown = access.app_ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw unprocessable('Some apps are not in the catalogue.', {
          app_ids: unknown.map((id) => `unknown app ${JSON.stringify(id)}`),
        });
      }
      stored = { mode: 'selected', app_ids: [...new Set(access.app_ids)] };
    }
    context.db.transaction(() => store.setAppAccess(row.id, stored))();
    return c.json(store.appAccess(row.id));
  });

  api.get('/customers/:ref/collaborators', (c) => c.json({ items: store.collaborators(findCustomer(c).id) }));

  api.get('/customers/:ref/dashboard', (c) => {
    const row = findCustomer(c);
    const period = c.req.query('period') ?? '';
    if (!(DASHBOARD_PERIODS as readonly string[]).includes(period)) {
      throw unprocessable('The period is not valid.', { period: [`must be one of ${DASHBOARD_PERIODS.join(', ')}`] });
    }
    return c.json(generateDashboard(context.seed, row.id, period as DashboardPeriod, now()));
  });

  api.post('/customers/:ref/switch', (c) => {
    const row = findCustomer(c);
    const admin = requireAdmin(c);
    if (!store.isCollaborator(row.id, admin.email)) {
      throw forbidden("Only customer managers and collaborators of this customer's workspace may switch into the account.");
    }
    return c.json({ url: `${SWITCH_URL_BASE}${row.id}` });
  });

  api.get('/plans', (c) => c.json({ items: plansWithFree(context.plans) }));
  api.get('/apps', (c) => c.json({ items: context.apps }));
  api.get('/partner', (c) => c.json(context.partner));
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

function validate<T extends z.ZodMiniType>(schema: T, value: unknown, detail: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw unprocessable(detail, fieldErrorsFrom(result.error.issues));
  return result.data as z.infer<T>;
}

/**
 * Each origin must be one valid origin by the embed rules (src/embed/origins.ts), surrounding spaces
 * ignored; stored normalised, duplicates dropped; a bad one is a 422 on `origins[i]` naming it.
 */
function validOrigins(origins: readonly string[]): string[] {
  const result = validateOriginEntries(origins);
  if (!result.ok) throw unprocessable('Some origins are not valid.', result.errors);
  return result.origins;
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

function stale(currentVersion: number | undefined): ProblemError {
  return currentVersion === undefined
    ? notFound('The customer no longer exists.')
    : new ProblemError(
        412,
        'Precondition Failed',
        `The customer was changed by someone else (now version ${currentVersion}); reload it and try again.`,
      );
}

function externalIdTaken(externalId: string): ProblemError {
  return new ProblemError(409, 'Conflict', `External ID ${JSON.stringify(externalId)} is already used by another customer.`, {
    external_id: ['is already used by another customer'],
  });
}

