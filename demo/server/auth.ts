/**
 * Bearer-token authentication. Each authenticator maps a token to a principal; the admin token is
 * one, and the embed routes add another for embed session tokens (scoped to one customer).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { HistoryEntry } from '../../src/model/schemas.js';
import type { Authenticator, Principal, ServerContext } from './context.js';
import { forbidden, ProblemError } from './problems.js';

export type AppEnv = { Variables: { principal: Principal } };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The partner admin, authenticated by the server's admin token. */
export function adminTokenAuthenticator(context: Pick<ServerContext, 'adminToken' | 'partner'>): Authenticator {
  return (token) =>
    sameSecret(token, context.adminToken)
      ? { kind: 'admin', adminId: context.partner.admin.id, email: context.partner.admin.email }
      : null;
}

export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer +([\x21-\x7e]{1,8192})\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Sets `principal` or answers 401 with `WWW-Authenticate: Bearer`. */
export function requireAuth(context: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    let principal: Principal | null = null;
    if (token !== null) {
      for (const authenticate of context.authenticators) {
        principal = authenticate(token);
        if (principal) break;
      }
    }
    if (!principal) {
      throw new ProblemError(
        401,
        'Unauthorized',
        token === null ? 'Send a bearer token in the Authorization header.' : 'The bearer token is not valid.',
        undefined,
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/** Partner-wide calls (list, create, delete, switch) are for the admin only. */
export function requireAdmin(c: Context<AppEnv>): Extract<Principal, { kind: 'admin' }> {
  const principal = c.get('principal');
  if (principal.kind !== 'admin') throw forbidden('This call needs the partner admin, not an embed session.');
  return principal;
}

/**
 * An embed session may only reach its own customer. `customerId` is undefined when the reference
 * names no customer: a session gets the same 403 for that as for a customer that exists, so it
 * cannot tell which other customers exist. Call this before answering 404.
 */
export function requireCustomerAccess(c: Context<AppEnv>, customerId: number | undefined): void {
  const principal = c.get('principal');
  if (principal.kind === 'embed-session' && principal.customerId !== customerId) {
    throw forbidden('This embed session reaches only its own customer.');
  }
}

/**
 * Who a principal is in a customer's change history. The partner admin (the admin token) is
 * `admin` under the admin's name, as the console shows it. Every other caller of the API is `api`:
 * an embed session (which may not write today, see requireAdmin, but would be recorded so if a
 * route ever let it) under a name saying which session it was. `system` is for changes no caller
 * made, such as a trial that ended, which no route writes.
 */
export function historyActor(principal: Principal, context: Pick<ServerContext, 'partner'>): HistoryEntry['actor'] {
  if (principal.kind === 'admin') return { kind: 'admin', name: context.partner.admin.name };
  return { kind: 'api', name: `Embed session of customer ${principal.customerId}` };
}
