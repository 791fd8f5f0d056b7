/**
 * CORS in two tiers, over real HTTP: the partner's own origins (its list and
 * CUSTOMERS_CONSOLE_CORS_ORIGINS) reach the whole API; an origin on a customer's list reaches only
 * the framed session's calls, and reads only the answers of a session opened for it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateCustomers, startOfUtcDay } from '../../src/backend/generate.js';
import { CORS_ORIGINS_ENV, parseCorsOrigins } from '../../demo/server/cors.js';
import { mintEmbedToken } from '../../demo/server/embed.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const seeded = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
const [framed, other] = seeded.filter((c) => c.origins.length > 0 && !c.origins.some((o) => seeded.some((d) => d.id !== c.id && d.origins.includes(o))));
const CUSTOMER_ORIGIN = framed!.origins[0]!;
const OTHER_CUSTOMER_ORIGIN = other!.origins[0]!;
const PARTNER_ORIGINS = `https://Admin.Partner-Two.example:443, http://localhost:5173`;

let server: TestServer;
before(async () => {
  // The real clock: embed tokens are checked against it.
  server = await startTestServer({ now: () => new Date(), corsOrigins: parseCorsOrigins(PARTNER_ORIGINS) });
});
after(() => server.close());

const preflight = (path: string, origin: string, method = 'GET') =>
  fetch(`${server.api}${path}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, content-type' } });
const allowOrigin = (res: Response) => res.headers.get('access-control-allow-origin');

async function openSession(customerId: number, origin: string): Promise<Response> {
  const token = await mintEmbedToken({ customerId, origin });
  return fetch(`${server.api}/embed/session`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ token, origin }) });
}

describe(`${CORS_ORIGINS_ENV}`, () => {
  it('is parsed by the origin rules: normalised, comma-separated; a bad entry is named', () => {
    assert.deepEqual(parseCorsOrigins(PARTNER_ORIGINS), ['https://admin.partner-two.example', 'http://localhost:5173']);
    assert.deepEqual(parseCorsOrigins(undefined), []);
    assert.deepEqual(parseCorsOrigins('  '), []);
    assert.throws(() => parseCorsOrigins('https://ok.example, https://*.partner.example, http://plain.example'), (error: Error) => {
      assert.match(error.message, new RegExp(`^${CORS_ORIGINS_ENV}: `));
      assert.match(error.message, /"https:\/\/\*\.partner\.example"/);
      assert.match(error.message, /"http:\/\/plain\.example"/);
      assert.doesNotMatch(error.message, /ok\.example/);
      return true;
    });
  });

  it('a configured partner origin reaches the whole API: preflights and answers', async () => {
    for (const origin of ['https://admin.partner-two.example', 'http://localhost:5173']) {
      for (const [path, method] of [['/customers', 'GET'], ['/customers/3', 'PATCH'], ['/customers', 'POST']] as const) {
        const pre = await preflight(path, origin, method);
        assert.equal(pre.status, 204, `${origin} ${method} ${path}`);
        assert.equal(allowOrigin(pre), origin);
        assert.match(pre.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
      }
      const res = await server.call('/customers?per_page=1', { headers: { Origin: origin } });
      assert.equal(res.status, 200);
      assert.equal(allowOrigin(res), origin);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/);
    }
  });
});

describe("a customer's iframe origin", () => {
  it('gets no CORS on the admin API: preflights refused, admin answers without Access-Control-Allow-Origin', async () => {
    for (const [path, method] of [['/customers', 'GET'], ['/customers', 'POST'], [`/customers/${framed!.id}`, 'PATCH'], [`/customers/${framed!.id}`, 'DELETE'], [`/customers/${framed!.id}/plan`, 'PUT'], [`/customers/${framed!.id}/switch`, 'POST']] as const) {
      const pre = await preflight(path, CUSTOMER_ORIGIN, method);
      assert.equal(pre.status, 403, `${method} ${path}`);
      assert.equal(allowOrigin(pre), null);
      assert.match(await pre.text(), /embed session/);
    }
    for (const path of ['/customers?per_page=1', `/customers/${framed!.id}`, `/customers/${framed!.id}/collaborators`, '/partner']) {
      const res = await server.call(path, { headers: { Origin: CUSTOMER_ORIGIN } });
      assert.equal(res.status, 200, path);
      assert.equal(allowOrigin(res), null, `${path} with the admin token`);
    }
  });

  it('reaches the embed session endpoint, and the reads of a session opened for it', async () => {
    const pre = await preflight('/embed/session', CUSTOMER_ORIGIN, 'POST');
    assert.equal(pre.status, 204);
    assert.equal(allowOrigin(pre), CUSTOMER_ORIGIN);
    const opened = await openSession(framed!.id, CUSTOMER_ORIGIN);
    assert.equal(opened.status, 201, await opened.clone().text());
    assert.equal(allowOrigin(opened), CUSTOMER_ORIGIN);
    const { session } = (await opened.json()) as { session: string };
    const asSession = { Authorization: `Bearer ${session}` };

    assert.equal((await preflight(`/customers/${framed!.id}/dashboard`, CUSTOMER_ORIGIN)).status, 204, 'a read preflight');
    for (const path of [`/customers/${framed!.id}`, `/customers/${framed!.id}/dashboard?period=7d`, `/customers/${framed!.id}/app-access`, '/plans']) {
      const res = await fetch(`${server.api}${path}`, { headers: { ...asSession, Origin: CUSTOMER_ORIGIN } });
      assert.equal(res.status, 200, path);
      assert.equal(allowOrigin(res), CUSTOMER_ORIGIN, path);
    }
    // The same session's answers are not for another customer's origin.
    const elsewhere = await fetch(`${server.api}/customers/${framed!.id}`, { headers: { ...asSession, Origin: OTHER_CUSTOMER_ORIGIN } });
    assert.equal(allowOrigin(elsewhere), null);
    // A refused write still gets no CORS (the session may not write anyway).
    const write = await fetch(`${server.api}/customers/${framed!.id}`, { method: 'PATCH', headers: { ...asSession, Origin: CUSTOMER_ORIGIN, 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: '{}' });
    assert.equal(write.status, 403);
    assert.equal(allowOrigin(write), null);

    const ended = await fetch(`${server.api}/embed/session`, { method: 'DELETE', headers: { ...asSession, Origin: CUSTOMER_ORIGIN } });
    assert.equal(ended.status, 204);
    assert.equal(allowOrigin(ended), CUSTOMER_ORIGIN);
    const expired = await fetch(`${server.api}/customers/${framed!.id}`, { headers: { ...asSession, Origin: CUSTOMER_ORIGIN } });
    assert.equal(expired.status, 401);
    assert.equal(allowOrigin(expired), CUSTOMER_ORIGIN, 'the frame can read that its session ended');
  });

  it("is refused a session for a customer whose list does not hold it, and the refusal is readable", async () => {
    const refused = await openSession(framed!.id, OTHER_CUSTOMER_ORIGIN);
    assert.equal(refused.status, 403);
    assert.equal(allowOrigin(refused), OTHER_CUSTOMER_ORIGIN);
    assert.match(await refused.text(), /origin-not-allowed/);
  });
});
