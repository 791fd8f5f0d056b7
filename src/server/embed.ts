/// <reference types="node" />
/**
 * `customers-console/server` (Node only): the server side of framing the console, framework-neutral,
 * for a partner that runs its own console server. The reference server (demo/server) uses it too.
 *
 * - `mintEmbedToken`: what the partner's backend does for each frame (HS256, single-use `jti`).
 * - `checkEmbedRequest`: every check on a frame request, in order — the token's signature,
 *   audience and expiry; the canonical `sub`; issue time and lifetime measured by this server's
 *   clock; single use (through the store); the parent origin's syntax and that it matches the
 *   token's and the browser's; the customer exists; the origin is on its effective list (its own,
 *   or the partner's when its own is empty). It answers who may be framed by whom, or throws
 *   `EmbedRefused` naming the check.
 * - `framedPageHtml` / `consolePagePolicy`: the framed page with the session in it, and its
 *   `Content-Security-Policy` (`frame-ancestors <that origin>`); `refusalPage`: the page for a
 *   refusal, which tells the host SDK the code at once (posted to the claimed origin only).
 *
 * Opening the session itself (a random token you store, hashed, with its customer, origin and
 * expiry) is the caller's, as is where used token ids are kept: `claimTokenId` must be atomic.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { effectiveOrigins, isOriginAllowed, normaliseOrigin } from '../embed/origins.js';
import { frameAncestorsDirective } from '../embed/frame-ancestors.js';
import { FRAMED_SESSION_ELEMENT_ID, type FramedSession } from '../embed/framed-session.js';
import { wrap, type EmbedRefusal } from '../embed/messages.js';
import { CLOCK_SKEW_SECONDS, tokenTimeRefusal, userIdFromSubject } from './embed-claims.js';

export { CLOCK_SKEW_SECONDS, tokenTimeRefusal, userIdFromSubject } from './embed-claims.js';
export type { EmbedRefusal } from '../embed/messages.js';
export type { FramedSession } from '../embed/framed-session.js';

export const EMBED_AUDIENCE = 'customers-console/embed';
/** Tokens are for opening a frame now, not for storing: refuse ones that live longer than this. */
export const MAX_TOKEN_LIFETIME_SECONDS = 15 * 60;

const REFUSALS: Record<EmbedRefusal, { status: number; title: string; detail: string }> = {
  'token-missing': { status: 400, title: 'Embed token missing', detail: 'The request carries no embed token.' },
  'token-invalid': { status: 401, title: 'Embed token not valid', detail: 'The embed token is malformed, not signed with the embed secret, or not meant for the console.' },
  'token-expired': { status: 401, title: 'Embed token expired', detail: 'The embed token has expired; mint a new one for each frame.' },
  'token-too-long-lived': { status: 401, title: 'Embed token lives too long', detail: `Embed tokens may expire at most ${MAX_TOKEN_LIFETIME_SECONDS} seconds from now (by this server's clock).` },
  'token-issued-in-future': { status: 401, title: 'Embed token issued in the future', detail: `The embed token's iat is more than ${CLOCK_SKEW_SECONDS} seconds ahead of this server's clock; check the clock of the server that mints tokens.` },
  'token-reused': { status: 409, title: 'Embed token already used', detail: 'Each embed token opens one session only; mint a new one for each frame.' },
  'origin-invalid': { status: 400, title: 'Origin not valid', detail: 'The parent origin is missing or is not a valid origin (scheme://host[:port]).' },
  'origin-mismatch': { status: 403, title: 'Origin mismatch', detail: 'The parent origin differs from the origin the token or the browser names.' },
  'origin-not-allowed': { status: 403, title: 'Origin not allowed', detail: "The parent origin is not on the customer's origin list (or the partner's, which an empty customer list inherits)." },
  'customer-not-found': { status: 404, title: 'Customer not found', detail: 'The customer the token names does not exist.' },
};

/** A frame request refused by one of the checks; `reason` names it, `status` is the HTTP answer. */
export class EmbedRefused extends Error {
  override readonly name = 'EmbedRefused';
  constructor(
    readonly reason: EmbedRefusal,
    /** The parent origin, once it was read (for the page that says why). */
    readonly origin?: string,
  ) {
    super(REFUSALS[reason].detail);
  }
  get status(): number {
    return REFUSALS[this.reason].status;
  }
  get title(): string {
    return REFUSALS[this.reason].title;
  }
}

export interface EmbedTokenClaims {
  customerId: number;
  /** When set, the token is only good for this parent origin. */
  origin?: string;
  /** Seconds; default 5 minutes (at most MAX_TOKEN_LIFETIME_SECONDS is accepted). */
  lifetimeSeconds?: number;
  now?: Date;
  /** The embed secret the console server knows (32 bytes or more). */
  secret: Uint8Array;
}

/** What a partner's backend does for each frame: a short-lived, single-use token for one customer. */
export function mintEmbedToken(claims: EmbedTokenClaims): Promise<string> {
  const now = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claims.origin === undefined ? {} : { origin: claims.origin })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.customerId))
    .setAudience(EMBED_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.lifetimeSeconds ?? 300))
    .sign(claims.secret);
}

/** Where the checks read and record what they need. */
export interface EmbedCheckStore {
  /**
   * Records a token id as used until `expiresAt`; false when it was used before. Must be atomic
   * (one INSERT … ON CONFLICT DO NOTHING, or a SETNX), so two frames racing with one token cannot
   * both open a session.
   */
  claimTokenId(jti: string, expiresAt: Date): boolean | Promise<boolean>;
  /** The customer's own iframe origins, or null when there is no such customer. */
  customerOrigins(customerId: number): readonly string[] | null | Promise<readonly string[] | null>;
  /** The partner's origins, which a customer with an empty list inherits. */
  partnerOrigins: readonly string[];
}

export interface EmbedRequest {
  /** The embed JWT (the frame URL's `token`). */
  token: string | undefined;
  /** The parent origin the host SDK names (the frame URL's `origin`). */
  origin: string | undefined;
  /** The browser's `Origin` header on a form POST, when there is one: it must agree. */
  browserOrigin?: string | undefined;
}

/** Who may be framed by whom: what a session is opened for. */
export interface EmbedGrant {
  customerId: number;
  /** The verified parent origin, normalised: the only one the framed page talks to. */
  origin: string;
  /** Whose list allowed it. */
  source: 'customer' | 'partner';
}

export interface EmbedCheckOptions {
  secret: Uint8Array;
  store: EmbedCheckStore;
  /** This server's clock. */
  now?: Date;
}

/** Every check on a frame request, in the order of the module comment; throws EmbedRefused. */
export async function checkEmbedRequest(request: EmbedRequest, options: EmbedCheckOptions): Promise<EmbedGrant> {
  const { token, origin, browserOrigin } = request;
  if (!token) throw new EmbedRefused('token-missing');
  const now = options.now ?? new Date();
  let payload;
  try {
    ({ payload } = await jwtVerify(token, options.secret, {
      algorithms: ['HS256'],
      audience: EMBED_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'jti'],
      currentDate: now,
    }));
  } catch (error) {
    throw new EmbedRefused(error instanceof joseErrors.JWTExpired ? 'token-expired' : 'token-invalid');
  }
  const customerId = userIdFromSubject(payload.sub);
  if (customerId === null || typeof payload.jti !== 'string') throw new EmbedRefused('token-invalid');
  // Lifetime by the server's clock, not the token's own `iat`.
  const timeRefusal = tokenTimeRefusal({ iat: payload.iat, exp: payload.exp! }, Math.floor(now.getTime() / 1000), MAX_TOKEN_LIFETIME_SECONDS);
  if (timeRefusal !== null) throw new EmbedRefused(timeRefusal);
  // Consumed by this attempt whatever follows: a token is tried once.
  if (!(await options.store.claimTokenId(payload.jti, new Date(payload.exp! * 1000)))) throw new EmbedRefused('token-reused');

  const parent = normaliseOrigin(origin ?? '');
  if (!parent.ok) throw new EmbedRefused('origin-invalid');
  const claimed = payload['origin'];
  if (claimed !== undefined && (typeof claimed !== 'string' || !isOriginAllowed(claimed, [parent.origin]))) {
    throw new EmbedRefused('origin-mismatch', parent.origin);
  }
  // A browser's Origin header on a POST is the truth about who is asking; "null" says nothing.
  if (browserOrigin !== undefined && browserOrigin !== 'null' && !isOriginAllowed(browserOrigin, [parent.origin])) {
    throw new EmbedRefused('origin-mismatch', parent.origin);
  }
  const own = await options.store.customerOrigins(customerId);
  if (own === null) throw new EmbedRefused('customer-not-found', parent.origin);
  const effective = effectiveOrigins({ origins: own }, { origins: options.store.partnerOrigins });
  if (!isOriginAllowed(parent.origin, effective.origins)) throw new EmbedRefused('origin-not-allowed', parent.origin);
  return { customerId, origin: parent.origin, source: effective.source };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** JSON that is safe inside a <script> element: no `</script>`, no HTML comment openers, no line separators. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The framed page's policy: only the verified parent may frame it, and it loads only from its own origin. */
export function consolePagePolicy(origin: string): string {
  return [
    frameAncestorsDirective([origin]),
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A page to send: status, headers and HTML, for whatever framework serves it. */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The framed page: `template` (your built page that calls `customers-console/frame`) with the
 * session in a JSON script element before `</head>`, served with the policy for the session's
 * origin, never cached and sending no Referer.
 */
export function framedPageHtml(template: string, session: FramedSession): PageAnswer {
  const injected = `<script type="application/json" id="${FRAMED_SESSION_ELEMENT_ID}">${scriptJson(session)}</script>`;
  const body = template.includes('</head>')
    ? template.replace('</head>', () => `${injected}\n</head>`) // a function: `$` in the JSON stays literal
    : injected + template;
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': consolePagePolicy(session.origin),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
    body,
  };
}

/**
 * A plain page saying why the console cannot open. It may be framed anywhere (`frame-ancestors
 * *`): it holds no data and nothing to click, and a partner engineer should see in the frame which
 * check failed rather than a blank browser error. It loads nothing. With a `notify` target, one
 * inline script (allowed by its nonce, nothing else runs) posts the refusal's code to that origin
 * only: the browser delivers it only when the framing page really has that origin.
 */
export function plainPage(
  status: number,
  title: string,
  detail: string,
  check?: string,
  origin?: string,
  notify?: { code: EmbedRefusal; target: string },
): PageAnswer {
  const nonce = randomBytes(16).toString('base64');
  const script = notify
    ? `<script nonce="${nonce}">parent.postMessage(${scriptJson(wrap({ type: 'error', code: notify.code, message: detail }))}, ${scriptJson(notify.target)});</script>\n`
    : '';
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font:14px/1.4 system-ui,sans-serif;margin:1rem">
<h1 style="font-size:1.1rem">The console cannot open: ${escapeHtml(title.toLowerCase())}</h1>
<p>${escapeHtml(detail)}</p>
${check ? `<p>Check: <code>${escapeHtml(check)}</code>${origin ? ` · origin <code>${escapeHtml(origin)}</code>` : ''}</p>\n<p>No session was opened.</p>` : ''}
${script}</body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; ${notify ? `script-src 'nonce-${nonce}'; ` : ''}frame-ancestors *`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
    body,
  };
}

/**
 * The page for a refused frame request. `parentOrigin` is the origin the framing page claimed (the
 * request's `origin`): when it is an origin at all, the host SDK there hears the code at once.
 */
export function refusalPage(refusal: EmbedRefused, parentOrigin: string | undefined): PageAnswer {
  const target = normaliseOrigin(parentOrigin ?? '');
  const notify = target.ok ? { code: refusal.reason, target: target.origin } : undefined;
  return plainPage(refusal.status, refusal.title, refusal.message, refusal.reason, refusal.origin, notify);
}
