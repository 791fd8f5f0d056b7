/**
 * Embedding on the reference server: embed tokens, embed sessions, the framed console page, and the
 * demo partner host pages.
 *
 * Flow: the partner's backend mints a short-lived HS256 JWT naming a customer (`sub`) with a
 * single-use `jti`; the partner page frames `GET /embed/console?token=…&origin=<its origin>` (the
 * host SDK does this). The server verifies the token, consumes its `jti`, checks the origin against
 * the customer's effective origins (own list, or the partner's when the customer's is empty), and
 * opens a session bound to that customer and origin. The console page is served with that session
 * token injected into it (it lives in the frame's memory and is sent as a bearer header, so no
 * third-party cookie is involved) and with `Content-Security-Policy: frame-ancestors <origin>`, so
 * the browser refuses to render it inside any other page even if someone lied about the origin.
 * `POST /api/embed/session` does the same checks and answers the session as JSON (for partners
 * that serve their own console page); `DELETE /api/embed/session` ends the calling session.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono, type Context } from 'hono';
import { serve } from '@hono/node-server';
import { EmbedSessionRequest, type Customer, type EmbedSession } from '../../src/model/schemas.js';
import type { FramedSession } from '../../src/embed/framed-session.js';
import {
  EMBED_AUDIENCE,
  EmbedRefused,
  MAX_TOKEN_LIFETIME_SECONDS,
  checkEmbedRequest,
  framedPageHtml,
  mintEmbedToken as mintToken,
  plainPage as plainPageAnswer,
  refusalPage,
  type EmbedTokenClaims as TokenClaims,
  type PageAnswer,
} from '../../src/server/embed.js';
import { bearerToken } from './auth.js';
import type { Principal, ServerContext } from './context.js';
import { CustomerStore, customerFromRow } from './customer-store.js';
import { problemResponse } from './problems.js';
import { limitRequestBodies } from './body-limit.js';
import { lockContentionProblem } from './write-lock.js';

export { EMBED_AUDIENCE, EmbedRefused, MAX_TOKEN_LIFETIME_SECONDS, consolePagePolicy } from '../../src/server/embed.js';
export type { EmbedRefusal } from '../../src/server/embed.js';

/** The dev default; set CONSOLE_EMBED_SECRET (32+ bytes) anywhere but on your own machine. */
const DEV_EMBED_SECRET = 'dev-embed-secret-do-not-use-in-production-0123456789';
export const SESSION_LIFETIME_SECONDS = 60 * 60;
/** The framed console's form POST carries a token and an origin: a few KB at most. */
export const MAX_CONSOLE_FORM_BYTES = 32 * 1024;
/** The framed console page inside the built demo pages (dist-demo). */
const CONSOLE_PAGE = join('embed', 'console.html');
const HOST_PAGE = join('embed', 'host.html');

export function embedSecret(): Uint8Array {
  const secret = new TextEncoder().encode(process.env.CONSOLE_EMBED_SECRET ?? DEV_EMBED_SECRET);
  // HS256 with a short secret can be brute-forced from one token.
  if (secret.length < 32) throw new Error('CONSOLE_EMBED_SECRET must be at least 32 bytes.');
  return secret;
}

/** The demo partner's token minting (the package's mintEmbedToken), with the server's secret by default. */
export type EmbedTokenClaims = Omit<TokenClaims, 'secret'> & { secret?: Uint8Array };

/** What a partner's backend does: mint a single-use embed token for one customer. */
export function mintEmbedToken(claims: EmbedTokenClaims): Promise<string> {
  return mintToken({ ...claims, secret: claims.secret ?? embedSecret() });
}

interface OpenedSession {
  token: string;
  customer: Customer;
  origin: string;
  expiresAt: Date;
  /** Whose origin list allowed it. */
  source: 'customer' | 'partner';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Sessions and used token ids in SQLite, so they survive restarts and the single use holds. */
export class EmbedSessions {
  private readonly store: CustomerStore;

  constructor(private readonly context: ServerContext) {
    this.store = new CustomerStore(context.db, context.partner.id);
    context.db.exec(`
      CREATE TABLE IF NOT EXISTS embed_token_uses (
        jti TEXT PRIMARY KEY,
        expires_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS embed_sessions (
        token_hash TEXT PRIMARY KEY,
        customer_id INTEGER NOT NULL,
        origin TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        ended_ms INTEGER
      ) WITHOUT ROWID;
    `);
  }

  /**
   * The package's checks (`checkEmbedRequest`, src/server/embed.ts: token, `sub`, lifetime by this
   * clock, single use, origin syntax and agreement, customer, effective list) on this database, then
   * a session row: a random token, stored hashed, bound to the customer and the verified origin.
   */
  async open(token: string | undefined, origin: string | undefined, browserOrigin?: string): Promise<OpenedSession> {
    const now = this.context.now();
    const nowMs = now.getTime();
    const grant = await checkEmbedRequest(
      { token, origin, browserOrigin },
      {
        secret: embedSecret(),
        now,
        store: {
          claimTokenId: (jti, expiresAt) => {
            this.context.db.prepare('DELETE FROM embed_token_uses WHERE expires_ms < ?').run(nowMs);
            const used = this.context.db.prepare('INSERT OR IGNORE INTO embed_token_uses (jti, expires_ms) VALUES (?, ?)').run(jti, expiresAt.getTime());
            return used.changes === 1;
          },
          customerOrigins: (id) => {
            const row = this.store.findRowById(id);
            return row ? customerFromRow(row, this.context.plans, now).origins : null;
          },
          partnerOrigins: this.context.partner.origins,
        },
      },
    );
    const customer = customerFromRow(this.store.findRowById(grant.customerId)!, this.context.plans, now);
    const session = randomBytes(32).toString('base64url');
    const expiresMs = nowMs + SESSION_LIFETIME_SECONDS * 1000;
    this.context.db
      .prepare('INSERT INTO embed_sessions (token_hash, customer_id, origin, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(session), grant.customerId, grant.origin, nowMs, expiresMs);
    return { token: session, customer, origin: grant.origin, expiresAt: new Date(expiresMs), source: grant.source };
  }

  /** The principal of a live session token, or null (unknown, ended or expired). */
  readonly authenticate = (token: string): Principal | null => {
    const row = this.context.db
      .prepare('SELECT customer_id, origin, expires_ms, ended_ms FROM embed_sessions WHERE token_hash = ?')
      .get(sha256(token)) as { customer_id: number; origin: string; expires_ms: number; ended_ms: number | null } | undefined;
    if (!row || row.ended_ms !== null || row.expires_ms <= this.context.now().getTime()) return null;
    return { kind: 'embed-session', customerId: row.customer_id, origin: row.origin };
  };

  /** Ends a live session; false when the token names none. */
  end(token: string): boolean {
    const result = this.context.db
      .prepare('UPDATE embed_sessions SET ended_ms = ? WHERE token_hash = ? AND ended_ms IS NULL AND expires_ms > ?')
      .run(this.context.now().getTime(), sha256(token), this.context.now().getTime());
    return result.changes === 1;
  }
}

/** A page answer of the package's server module as a Response. */
const respond = (page: PageAnswer) => new Response(page.body, { status: page.status, headers: page.headers });
const plainPage = (...args: Parameters<typeof plainPageAnswer>) => respond(plainPageAnswer(...args));

/** What the console page is given: the framed page's session (src/embed/framed-session.ts). */
export type EmbedPageSession = FramedSession;

/** The routes; mounted at `/` by the app (API routes use `context.apiBase`). */
export function embedRoutes(context: ServerContext): Hono {
  const sessions = new EmbedSessions(context);
  context.authenticators.push(sessions.authenticate);
  const app = new Hono();
  const api = context.apiBase;

  const asProblem = (error: unknown) => {
    if (!(error instanceof EmbedRefused)) throw error;
    return problemResponse(error.status, error.title, `${error.message} (check: ${error.reason})`);
  };

  app.post(`${api}/embed/session`, async (c) => {
    const body = EmbedSessionRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return problemResponse(400, 'Bad Request', 'Send JSON {"token": "<embed JWT>", "origin": "<parent origin>"}.');
    try {
      const opened = await sessions.open(body.data.token, body.data.origin, c.req.header('origin'));
      const answer: EmbedSession = {
        session: opened.token,
        customer_id: opened.customer.id,
        origin: opened.origin,
        expires_at: opened.expiresAt.toISOString(),
      };
      return c.json(answer, 201);
    } catch (error) {
      return asProblem(error);
    }
  });

  app.delete(`${api}/embed/session`, (c) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === null || !sessions.end(token)) {
      return problemResponse(401, 'Unauthorized', 'Send the live embed session token as a bearer token.', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    return c.body(null, 204);
  });

  const consolePage = async (c: Context, token: string | undefined, origin: string | undefined, browserOrigin?: string) => {
    const template = context.staticDir ? readPage(context.staticDir, CONSOLE_PAGE) : null;
    // Checked before opening a session so a missing build does not burn the partner's token.
    if (template === null) {
      return plainPage(503, 'Console page not built', 'The framed console page is missing: run `npx vite build --mode demo`.');
    }
    let opened: OpenedSession;
    try {
      opened = await sessions.open(token, origin, browserOrigin);
    } catch (error) {
      if (error instanceof EmbedRefused) return respond(refusalPage(error, origin));
      // Another writer holds the database: nothing was written, so the token is still unused.
      if (lockContentionProblem(error)) return plainPage(503, 'Console busy', 'The console server is busy with another writer; reload the page in a moment.');
      throw error;
    }
    const session: EmbedPageSession = {
      session: opened.token,
      customer_id: opened.customer.id,
      origin: opened.origin,
      expires_at: opened.expiresAt.toISOString(),
      api_base: context.apiBase,
      origin_source: opened.source,
    };
    return respond(framedPageHtml(template, session));
  };

  app.get('/embed/console', (c) => consolePage(c, c.req.query('token'), c.req.query('origin')));
  app.post('/embed/console', limitRequestBodies(MAX_CONSOLE_FORM_BYTES), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    return consolePage(c, field('token'), field('origin'), c.req.header('origin'));
  });
  // The static copy of the page has no session and no frame-ancestors policy: never serve it.
  app.get('/embed/console.html', () => plainPage(404, 'Not here', 'Open the console through /embed/console with an embed token.'));
  return app;
}

/** Reads a built page, or null when it is not there. */
function readPage(root: string, page: string): string | null {
  const path = join(root, page);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

// -------------------------------------------------------------------------------------------------
// Demo partner host pages (`npm start` and the end-to-end tests)

export interface PartnerHostOptions {
  /** Loopback address to listen on, e.g. 127.0.0.2 (the partner) or 127.0.0.3 (a stranger). */
  hostname: string;
  port?: number;
  /** The console server's origin, e.g. http://127.0.0.1:4100. */
  consoleOrigin: string;
  /** Built demo pages (dist-demo): serves embed/host.html and its assets. */
  staticDir: string;
  /** Shown on the page: what this host is. */
  label: string;
  /** Customers the page frames on load: id, a note, and optionally an origin to claim instead of its own. */
  frames: Array<{ customerId: number; note: string; claimOrigin?: string }>;
  secret?: Uint8Array;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

/**
 * A stand-in for a partner's product on another site: serves the host page, and mints embed tokens
 * (`GET /partner/token?customer=ID`) the way a partner's backend would, with the shared secret.
 */
export function startPartnerHost(options: PartnerHostOptions): Promise<RunningHost> {
  const app = new Hono();
  const page = () => readPage(options.staticDir, HOST_PAGE);
  app.get('/', (c) => {
    const html = page();
    return html === null ? c.text('The host page is not built: run `npx vite build --mode demo`.', 503) : c.html(html);
  });
  app.get('/host-config.json', (c) =>
    c.json({ console_url: `${options.consoleOrigin}/embed/console`, label: options.label, frames: options.frames }),
  );
  app.get('/partner/token', async (c) => {
    const customerId = Number(c.req.query('customer'));
    if (!Number.isSafeInteger(customerId) || customerId < 1) return c.json({ error: 'customer must be a User ID' }, 400);
    const claim = c.req.query('origin');
    const token = await mintEmbedToken({ customerId, ...(claim ? { origin: claim } : {}), ...(options.secret ? { secret: options.secret } : {}) });
    c.header('Cache-Control', 'no-store');
    return c.json({ token });
  });
  // Built assets only (scripts, styles), never another page.
  app.get('/assets/*', (c) => {
    const root = normalize(join(options.staticDir, 'assets')) + sep;
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return c.text('Bad Request: the path is not valid percent-encoding', 400);
    }
    const path = normalize(join(options.staticDir, decoded));
    // A file, not the assets folder itself (reading a directory throws).
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return c.text('Not found', 404);
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : path.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
    return c.body(readFileSync(path), 200, { 'Content-Type': type });
  });
  // Any other path is a blank page of this origin (the tests open one as "another window").
  app.get('*', (c) => c.html('<!doctype html><title>blank</title><p>Another page of this origin.</p>'));

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.hostname, port: options.port ?? 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://${info.address}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeAllConnections();
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}

/**
 * Demo data for embedding: customer `ownListId` lists the partner host's origin itself; customer
 * `inheritingId` has an empty list and so inherits the partner's, to which the host origin is added.
 */
export function prepareEmbedDemo(context: ServerContext, hostOrigin: string, ownListId = 1, inheritingId = 2): void {
  if (!context.partner.origins.includes(hostOrigin)) context.partner.origins.push(hostOrigin);
  const store = new CustomerStore(context.db, context.partner.id);
  const setOrigins = (id: number, origins: string[]) => {
    const row = store.findRowById(id);
    if (!row) return;
    const current = customerFromRow(row, context.plans, context.now());
    if (JSON.stringify(current.origins) === JSON.stringify(origins)) return;
    context.db.transaction(() => store.update({ ...current, origins, version: current.version + 1 }, current.version))();
  };
  setOrigins(ownListId, [hostOrigin, 'https://app.customer-one.example']);
  setOrigins(inheritingId, []);
}

export interface EmbedDemoHosts {
  partnerUrl: string;
  strangerUrl: string;
  close(): Promise<void>;
}

/**
 * `npm start`'s embed demo: the partner's product on 127.0.0.2 and a stranger's on 127.0.0.3 (same
 * port as the console, other loopback hosts, so each is its own site), with the demo customers
 * prepared: customer 1 lists the partner's origin, customer 2 inherits the partner's list.
 */
export async function startEmbedDemoHosts(context: ServerContext, consoleOrigin: string, staticDir: string, port: number): Promise<EmbedDemoHosts> {
  const partner = await startPartnerHost({
    hostname: '127.0.0.2',
    port,
    consoleOrigin,
    staticDir,
    label: 'Partner product (on the lists)',
    frames: [
      { customerId: 1, note: 'its own origin list includes this page' },
      { customerId: 2, note: "empty origin list: inherits the partner's, which includes this page" },
    ],
  });
  prepareEmbedDemo(context, partner.url, 1, 2);
  const stranger = await startPartnerHost({
    hostname: '127.0.0.3',
    port,
    consoleOrigin,
    staticDir,
    label: 'Stranger (on no list)',
    frames: [
      { customerId: 1, note: 'honest about its origin: the server refuses' },
      { customerId: 1, note: "claims the partner's origin: the browser refuses (frame-ancestors)", claimOrigin: partner.url },
    ],
  });
  return {
    partnerUrl: partner.url,
    strangerUrl: stranger.url,
    close: async () => {
      await Promise.all([partner.close(), stranger.close()]);
    },
  };
}
