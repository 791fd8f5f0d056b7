/**
 * CORS for the API: answered only for origins on the partner's list or on some customer's list,
 * compared as whole normalised origins (no wildcard, no prefix or suffix matching). Other origins
 * get no CORS headers, so browsers keep their answers from the page; their preflights get 403.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth.js';
import type { ServerContext } from './context.js';
import type { CustomerStore } from './customer-store.js';
import { isOriginAllowed, normaliseOrigin } from '../../src/embed/origins.js';
import { problemResponse } from './problems.js';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key';
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, Idempotent-Replayed';

export function isAllowedOrigin(origin: string, context: ServerContext, store: CustomerStore): boolean {
  const normalised = normaliseOrigin(origin);
  if (!normalised.ok) return false;
  // Customers' lists are stored normalised, so an exact lookup is an exact origin match.
  return isOriginAllowed(origin, context.partner.origins) || store.anyCustomerHasOrigin(normalised.origin);
}

/** `withoutPaths`: exact paths that never get CORS headers (the demo configuration, which holds a token). */
export function corsFor(context: ServerContext, store: CustomerStore, withoutPaths: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (withoutPaths.includes(c.req.path)) {
      await next();
      return;
    }
    const origin = c.req.header('origin');
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (origin === undefined) {
      if (preflight) return problemResponse(403, 'Forbidden', 'A preflight request must name its Origin.');
      await next();
      return;
    }
    const allowed = isAllowedOrigin(origin, context, store);
    if (preflight) {
      if (!allowed) {
        return problemResponse(403, 'Forbidden', `Origin ${JSON.stringify(origin)} is not on the partner's or any customer's list.`, undefined, {
          Vary: 'Origin',
        });
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}
