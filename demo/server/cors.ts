/**
 * CORS for the API, by exact normalised origin (no wildcard, no prefix or suffix matching), in two
 * tiers:
 * - **The partner's own origins** (the partner's list, plus `CUSTOMERS_CONSOLE_CORS_ORIGINS`): the
 *   whole API, as the elements on the partner's pages call it with the admin's token.
 * - **Origins on some customer's list** (where customers frame the console): only the framed
 *   session's calls — `POST`/`DELETE /embed/session` and the reads an embed session may make
 *   (`GET /customers/:ref[/…]`, `/plans`, `/apps`, `/partner`), and an answer to such a read only
 *   when it was made with an embed session opened for that very origin (or with no valid token, so
 *   the frame can see its 401). A customer adding a site to its list never opens the admin API to it.
 * Other origins get no CORS headers, so browsers keep the answers from the page; their preflights
 * get 403.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth.js';
import type { Principal, ServerContext } from './context.js';
import type { CustomerStore } from './customer-store.js';
import { isOriginAllowed, normaliseOrigin, parseOriginList } from '../../src/embed/origins.js';
import { problemResponse } from './problems.js';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const EMBED_SESSION_METHODS = 'GET, POST, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key';
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, Idempotent-Replayed';

/** The environment variable of the partner's own origins (comma-separated). */
export const CORS_ORIGINS_ENV = 'CUSTOMERS_CONSOLE_CORS_ORIGINS';

/**
 * The partner's own origins from the variable's text: entries separated by commas (or new lines),
 * each a whole origin by the rules of src/embed/origins.ts (https, or http on loopback; no path,
 * wildcard, user info or `null`). Throws naming every entry that is not one, so a typo stops the
 * server at start rather than silently leaving an origin out. Unset or blank: none.
 */
export function parseCorsOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  const { origins, rejected } = parseOriginList(text);
  if (rejected.length > 0) throw new Error(`${CORS_ORIGINS_ENV}: ${rejected.map((r) => r.message).join(' ')}`);
  return origins;
}

/** On the partner's list or the configured CORS origins: the whole API. */
export function isPartnerOrigin(origin: string, context: ServerContext): boolean {
  return isOriginAllowed(origin, context.partner.origins) || isOriginAllowed(origin, context.corsOrigins);
}

/** On some customer's list (stored normalised, so an exact lookup is an exact origin match). */
function isCustomerOrigin(origin: string, store: CustomerStore): boolean {
  const normalised = normaliseOrigin(origin);
  return normalised.ok && store.anyCustomerHasOrigin(normalised.origin);
}

/** Whether `method path` (under the API base) is a call of the framed session. */
export function isEmbedSessionCall(method: string, path: string): boolean {
  if (path === '/embed/session') return method === 'POST' || method === 'DELETE';
  // The reads the server lets an embed session make (anything else needs the admin, see app.ts).
  return method === 'GET' && (/^\/customers\/[^/]+(?:\/[a-z-]+)?$/.test(path) || ['/plans', '/apps', '/partner'].includes(path));
}

/** An answer a customer's origin may read: a session of that origin's, or no principal at all. */
function answersCustomerOrigin(c: Context<AppEnv>, origin: string): boolean {
  const principal = c.get('principal') as Principal | undefined;
  if (principal === undefined) return true;
  const normalised = normaliseOrigin(origin);
  return principal.kind === 'embed-session' && normalised.ok && principal.origin === normalised.origin;
}

/** `withoutPaths`: exact paths that never get CORS headers (the demo configuration, which holds a token). */
export function corsFor(context: ServerContext, store: CustomerStore, withoutPaths: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (withoutPaths.includes(c.req.path)) {
      await next();
      return;
    }
    const origin = c.req.header('origin');
    const requestedMethod = c.req.header('access-control-request-method');
    const preflight = c.req.method === 'OPTIONS' && requestedMethod !== undefined;
    if (origin === undefined) {
      if (preflight) return problemResponse(403, 'Forbidden', 'A preflight request must name its Origin.');
      await next();
      return;
    }
    const path = c.req.path.startsWith(context.apiBase) ? c.req.path.slice(context.apiBase.length) : c.req.path;
    const partner = isPartnerOrigin(origin, context);
    const customer = !partner && isCustomerOrigin(origin, store);
    if (preflight) {
      const allowed = partner || (customer && isEmbedSessionCall(requestedMethod.toUpperCase(), path));
      if (!allowed) {
        const detail = customer
          ? `Origin ${JSON.stringify(origin)} is on a customer's list: it reaches only the embed session's calls, not ${requestedMethod} ${path}.`
          : `Origin ${JSON.stringify(origin)} is not on the partner's or any customer's list.`;
        return problemResponse(403, 'Forbidden', detail, undefined, { Vary: 'Origin' });
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': partner ? ALLOWED_METHODS : EMBED_SESSION_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (partner || (customer && isEmbedSessionCall(c.req.method, path) && answersCustomerOrigin(c, origin))) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}
