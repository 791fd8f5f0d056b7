/**
 * The reference server's embed routes, in process (Hono's app.request, no socket): every check of
 * `GET /embed/console` and `POST /api/embed/session`, the session's scope, and sign-out.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createApp, createServerContext } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { EMBED_AUDIENCE, embedSecret, mintEmbedToken, prepareEmbedDemo } from '../../demo/server/embed.js';
import type { ServerContext } from '../../demo/server/context.js';
import type { Hono } from 'hono';

const HOST = 'http://127.0.0.2:4100';
const STRANGER = 'http://127.0.0.3:4100';
const PAGE_TEMPLATE = '<!doctype html><html><head><title>console</title></head><body><main id="console"></main></body></html>';

let dir: string;
let db: ReturnType<typeof openDatabase>;
let context: ServerContext;
let app: Hono<any>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'embed-server-'));
  mkdirSync(join(dir, 'static', 'embed'), { recursive: true });
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dir, 'static', 'embed', 'console.html'), PAGE_TEMPLATE);
  db = openDatabase(join(dir, 'db.sqlite'));
  seedDatabase(db, { seed: 7, count: 5 });
  context = createServerContext({ db, staticDir: join(dir, 'static') });
  app = createApp(context);
  // customer 1 lists HOST itself, customer 2 has an empty list (inherits the partner's, which gets
  // HOST), customer 3 lists only another origin.
  prepareEmbedDemo(context, HOST, 1, 2);
  const row = db.prepare('SELECT version FROM customers WHERE id = 3').get() as { version: number };
  db.prepare("UPDATE customers SET origins = '[\"https://three.example\"]', version = ? WHERE id = 3").run(row.version + 1);
  db.prepare('DELETE FROM customer_origins WHERE customer_id = 3').run();
  db.prepare("INSERT INTO customer_origins (customer_id, origin) VALUES (3, 'https://three.example')").run();
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const framePath = (token: string, origin: string) =>
  `/embed/console?token=${encodeURIComponent(token)}&origin=${encodeURIComponent(origin)}`;

async function openFrame(token: string, origin: string) {
  const response = await app.request(framePath(token, origin));
  return { response, html: await response.text() };
}

function sessionFrom(html: string): { session: string; customer_id: number; origin: string; origin_source: string } {
  const match = /<script type="application\/json" id="embed-session">(.*?)<\/script>/.exec(html);
  assert.ok(match, 'the page carries the session');
  return JSON.parse(match[1]!);
}

const api = (path: string, token: string, init: RequestInit = {}) =>
  app.request(`/api${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('GET /embed/console', () => {
  it('serves the page for a listed origin with frame-ancestors that origin, no X-Frame-Options, and the session injected', async () => {
    const { response, html } = await openFrame(await mintEmbedToken({ customerId: 1 }), HOST);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, new RegExp(`(^|; )frame-ancestors ${HOST.replace(/[.:/]/g, '\\$&')}(;|$)`));
    assert.equal(response.headers.get('x-frame-options'), null);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('set-cookie'), null, 'no cookie: the session lives in the frame');
    const session = sessionFrom(html);
    assert.equal(session.customer_id, 1);
    assert.equal(session.origin, HOST);
    assert.equal(session.origin_source, 'customer');
    assert.ok(session.session.length >= 32);
  });

  it('normalises the origin it keeps (case, default port)', async () => {
    const { response, html } = await openFrame(await mintEmbedToken({ customerId: 1 }), 'HTTP://127.0.0.2:4100/');
    assert.equal(response.status, 200);
    assert.equal(sessionFrom(html).origin, HOST);
  });

  it('lets a customer with an empty list inherit the partner list', async () => {
    const { response, html } = await openFrame(await mintEmbedToken({ customerId: 2 }), HOST);
    assert.equal(response.status, 200);
    assert.equal(sessionFrom(html).origin_source, 'partner');
  });

  const refusals: Array<[string, () => Promise<{ token: string; origin: string }>, number, string]> = [
    ['an origin not on the list', async () => ({ token: await mintEmbedToken({ customerId: 1 }), origin: STRANGER }), 403, 'origin-not-allowed'],
    ['a partner origin for a customer with its own list', async () => ({ token: await mintEmbedToken({ customerId: 3 }), origin: HOST }), 403, 'origin-not-allowed'],
    ['a lookalike of the listed origin', async () => ({ token: await mintEmbedToken({ customerId: 1 }), origin: 'http://127.0.0.2:41000' }), 403, 'origin-not-allowed'],
    ['the null origin', async () => ({ token: await mintEmbedToken({ customerId: 1 }), origin: 'null' }), 400, 'origin-invalid'],
    ['an origin with a path', async () => ({ token: await mintEmbedToken({ customerId: 1 }), origin: `${HOST}/x` }), 400, 'origin-invalid'],
    ['no token', async () => ({ token: '', origin: HOST }), 400, 'token-missing'],
    ['a token that is not a JWT', async () => ({ token: 'not-a-jwt', origin: HOST }), 401, 'token-invalid'],
    ['a token signed with another secret', async () => ({ token: await mintEmbedToken({ customerId: 1, secret: new TextEncoder().encode('x'.repeat(40)) }), origin: HOST }), 401, 'token-invalid'],
    ['an expired token', async () => ({ token: await mintEmbedToken({ customerId: 1, now: new Date(Date.now() - 3_600_000) }), origin: HOST }), 401, 'token-expired'],
    ['a token living longer than 15 minutes', async () => ({ token: await mintEmbedToken({ customerId: 1, lifetimeSeconds: 24 * 3600 }), origin: HOST }), 401, 'token-too-long-lived'],
    ['a token for another audience', async () => ({ token: await sign({ sub: '1', aud: 'someone-else', jti: 'a1' }), origin: HOST }), 401, 'token-invalid'],
    ['a token without jti', async () => ({ token: await sign({ sub: '1', aud: EMBED_AUDIENCE }), origin: HOST }), 401, 'token-invalid'],
    ['an unsigned (alg none) token', async () => ({ token: unsigned({ sub: '1', aud: EMBED_AUDIENCE, jti: 'n1' }), origin: HOST }), 401, 'token-invalid'],
    ['a token bound to another origin', async () => ({ token: await mintEmbedToken({ customerId: 2, origin: STRANGER }), origin: HOST }), 403, 'origin-mismatch'],
    ['a customer that does not exist', async () => ({ token: await mintEmbedToken({ customerId: 999 }), origin: HOST }), 404, 'customer-not-found'],
    // The 15-minute limit by the server's clock, not the token's own iat.
    ['a token "issued" a day ahead, expiring 10 minutes after that', async () => ({ token: await signAt({ sub: '1', aud: EMBED_AUDIENCE, jti: 'f1' }, DAY - 600, DAY), origin: HOST }), 401, 'token-issued-in-future'],
    ['a token issued two minutes ahead (beyond the clock skew)', async () => ({ token: await signAt({ sub: '1', aud: EMBED_AUDIENCE, jti: 'f2' }, 120, 300), origin: HOST }), 401, 'token-issued-in-future'],
    ['a token without iat expiring a day from now', async () => ({ token: await signAt({ sub: '1', aud: EMBED_AUDIENCE, jti: 'f3' }, undefined, DAY), origin: HOST }), 401, 'token-too-long-lived'],
    ['a token issued 30 s ahead expiring 16 minutes from now', async () => ({ token: await signAt({ sub: '1', aud: EMBED_AUDIENCE, jti: 'f4' }, 30, 16 * 60), origin: HOST }), 401, 'token-too-long-lived'],
    // `sub` names customer 1 only as "1".
    ...[' 1', '1 ', '1e0', '0x1', '+1', '01', '1.0', '1.', '١', '9007199254740993'].map(
      (sub, i): [string, () => Promise<{ token: string; origin: string }>, number, string] => [
        `sub ${JSON.stringify(sub)} (not the canonical User ID)`,
        async () => ({ token: await signAt({ sub, aud: EMBED_AUDIENCE, jti: `s${i}` }, 0, 300), origin: HOST }),
        401,
        'token-invalid',
      ],
    ),
  ];
  for (const [what, make, status, check] of refusals) {
    it(`refuses ${what} with a plain page naming the check (${check}) and no session`, async () => {
      const before = db.prepare('SELECT count(*) FROM embed_sessions').pluck().get();
      const { token, origin } = await make();
      const { response, html } = await openFrame(token, origin);
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.ok(html.includes(`<code>${check}</code>`), html);
      assert.ok(!html.includes('embed-session'));
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(db.prepare('SELECT count(*) FROM embed_sessions').pluck().get(), before);
    });
  }

  it('accepts a token issued a few seconds ahead (clock skew) that expires within 15 minutes of now', async () => {
    const { response } = await openFrame(await signAt({ sub: '1', aud: EMBED_AUDIENCE, jti: 'skew-ok' }, 20, 15 * 60), HOST);
    assert.equal(response.status, 200);
  });

  it('refuses a reused token, even for the same origin', async () => {
    const token = await mintEmbedToken({ customerId: 1 });
    assert.equal((await openFrame(token, HOST)).response.status, 200);
    const again = await openFrame(token, HOST);
    assert.equal(again.response.status, 409);
    assert.ok(again.html.includes('<code>token-reused</code>'));
  });

  it('spends the token on a refused attempt too (one attempt per token)', async () => {
    const token = await mintEmbedToken({ customerId: 1 });
    assert.equal((await openFrame(token, STRANGER)).response.status, 403);
    assert.equal((await openFrame(token, HOST)).response.status, 409);
  });

  it('escapes what it echoes: a hostile origin never becomes markup', async () => {
    const { html } = await openFrame(await mintEmbedToken({ customerId: 1 }), 'https://x"><script>alert(1)</script>');
    assert.ok(!html.includes('<script>alert(1)'));
  });

  it('also opens by form POST (token out of the URL), checking the browser Origin header against the claimed origin', async () => {
    const postForm = async (origin: string, browserOrigin: string) =>
      app.request('/embed/console', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: browserOrigin },
        body: new URLSearchParams({ token: await mintEmbedToken({ customerId: 1 }), origin }).toString(),
      });
    const ok = await postForm(HOST, HOST);
    assert.equal(ok.status, 200);
    assert.equal(sessionFrom(await ok.text()).origin, HOST);
    const lie = await postForm(HOST, STRANGER);
    assert.equal(lie.status, 403);
    assert.ok((await lie.text()).includes('<code>origin-mismatch</code>'));
  });

  it('never serves the static copy of the page (it has no frame-ancestors policy)', async () => {
    const response = await app.request('/embed/console.html');
    assert.equal(response.status, 404);
    assert.ok(!(await response.text()).includes('id="console"'));
  });
});

describe('the embed session', () => {
  it('reaches its own customer only, as a bearer token', async () => {
    const { session } = sessionFrom((await openFrame(await mintEmbedToken({ customerId: 1 }), HOST)).html);
    assert.equal((await api('/customers/1', session)).status, 200);
    assert.equal((await api('/customers/1/collaborators', session)).status, 200);
    assert.equal((await api('/customers/2', session)).status, 403);
    assert.equal((await api('/customers', session)).status, 403);
  });

  it('cannot tell whether another customer exists: the same answer for one that does and one that does not', async () => {
    const { session } = sessionFrom((await openFrame(await mintEmbedToken({ customerId: 1 }), HOST)).html);
    const external = (db.prepare('SELECT external_id FROM customers WHERE id = 2').pluck().get() as string | null) ?? null;
    assert.ok(external !== null, 'customer 2 has an external ID in this fixture');
    const pairs: Array<[exists: string, missing: string]> = [
      ['/customers/2', '/customers/999999'],
      [`/customers/E${encodeURIComponent(external)}`, '/customers/Eno-such-customer'],
      ['/customers/2/collaborators', '/customers/999999/collaborators'],
      ['/customers/2/dashboard?period=7d', '/customers/999999/dashboard?period=7d'],
    ];
    for (const [exists, missing] of pairs) {
      const a = await api(exists, session);
      const b = await api(missing, session);
      assert.equal(a.status, 403, exists);
      assert.deepEqual([b.status, await b.text()], [a.status, await a.text()], `${exists} and ${missing} answer alike`);
    }
  });

  it('reads its customer but may not change it: origins, plan, trial, app access and delete stay with the partner admin', async () => {
    const { session } = sessionFrom((await openFrame(await mintEmbedToken({ customerId: 1 }), HOST)).html);
    const before = (await (await api('/customers/1', session)).json()) as { version: number; origins: string[] };
    const json = (method: string, body: unknown) => ({
      method,
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${before.version}"` },
      body: JSON.stringify(body),
    });
    assert.equal((await api('/customers/1', session, json('PATCH', { origins: ['https://evil.example'] }))).status, 403);
    assert.equal((await api('/customers/1/plan', session, json('PUT', { plan_id: 'free' }))).status, 403);
    assert.equal((await api('/customers/1/trial', session, json('PUT', { enabled: true }))).status, 403);
    assert.equal((await api('/customers/1/app-access', session, json('PUT', { mode: 'all' }))).status, 403);
    assert.equal((await api('/customers/1', session, { method: 'DELETE', headers: { 'If-Match': `"${before.version}"` } })).status, 403);
    const after = (await (await api('/customers/1', session)).json()) as { version: number; origins: string[] };
    assert.deepEqual(after, before, 'nothing changed');
  });

  it('ends with DELETE /api/embed/session: afterwards the token is refused', async () => {
    const { session } = sessionFrom((await openFrame(await mintEmbedToken({ customerId: 1 }), HOST)).html);
    assert.equal((await api('/embed/session', session, { method: 'DELETE' })).status, 204);
    assert.equal((await api('/customers/1', session)).status, 401);
    assert.equal((await api('/embed/session', session, { method: 'DELETE' })).status, 401);
  });

  it('expires after its lifetime', async () => {
    let now = new Date();
    const clocked = createServerContext({ db, staticDir: join(dir, 'static'), now: () => now });
    prepareEmbedDemo(clocked, HOST, 1, 2);
    const clockedApp = createApp(clocked);
    const page = await clockedApp.request(framePath(await mintEmbedToken({ customerId: 1, now }), HOST));
    const { session } = sessionFrom(await page.text());
    const get = () => clockedApp.request('/api/customers/1', { headers: { Authorization: `Bearer ${session}` } });
    assert.equal((await get()).status, 200);
    now = new Date(now.getTime() + 61 * 60_000);
    assert.equal((await get()).status, 401);
  });

  it('is stored as a hash only', async () => {
    const { session } = sessionFrom((await openFrame(await mintEmbedToken({ customerId: 1 }), HOST)).html);
    const stored = db.prepare('SELECT token_hash FROM embed_sessions').pluck().all() as string[];
    assert.ok(!stored.includes(session));
  });
});

describe('POST /api/embed/session', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/embed/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers the session as JSON for a listed origin', async () => {
    const response = await post({ token: await mintEmbedToken({ customerId: 1 }), origin: HOST });
    assert.equal(response.status, 201);
    const body = (await response.json()) as { session: string; customer_id: number; origin: string; expires_at: string };
    assert.equal(body.customer_id, 1);
    assert.equal(body.origin, HOST);
    assert.equal((await api('/customers/1', body.session)).status, 200);
  });

  it('answers problem+json naming the check', async () => {
    const response = await post({ token: await mintEmbedToken({ customerId: 1 }), origin: STRANGER });
    assert.equal(response.status, 403);
    assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(((await response.json()) as { detail: string }).detail, /origin-not-allowed/);
  });

  it("refuses when the browser's Origin header contradicts the claimed origin", async () => {
    const response = await post({ token: await mintEmbedToken({ customerId: 1 }), origin: HOST }, { Origin: STRANGER });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { detail: string }).detail, /origin-mismatch/);
  });

  it('refuses a body that is not {token, origin}', async () => {
    assert.equal((await post({ token: 'x' })).status, 400);
  });
});

function sign(claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + 60).sign(embedSecret());
}

const DAY = 24 * 3600;

/** A token signed with the embed secret whose iat and exp are `iatOffset`/`expOffset` seconds from now (no iat when undefined). */
function signAt(claims: Record<string, unknown>, iatOffset: number | undefined, expOffset: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(now + expOffset);
  if (iatOffset !== undefined) jwt.setIssuedAt(now + iatOffset);
  return jwt.sign(embedSecret());
}

function unsigned(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 60 })}.`;
}
