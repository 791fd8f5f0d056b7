/**
 * What only the reference server's HTTP side can show: CORS by exact origin, the delete that removes
 * every row in one transaction, auth principals, the demo configuration and the pages at `/`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCustomers, startOfUtcDay } from '../../src/backend/generate.js';
import { openDatabase } from '../../demo/server/db.js';
import { createApp, createServerContext } from '../../demo/server/app.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

const seeded = generateCustomers({ seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
const withOrigins = seeded.find((c) => c.origins.length > 0)!;

let server: TestServer;
before(async () => {
  server = await startTestServer({
    // An embed session token for customer 5, as the embed routes would add one.
    configure: (context) => context.authenticators.push((token) => (token === 'session-for-5' ? { kind: 'embed-session', customerId: 5, origin: 'https://partner.example' } : null)),
  });
});
after(() => server.close());

const preflight = (origin: string) =>
  fetch(`${server.api}/customers`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });

const embedPreflight = (origin: string) =>
  fetch(`${server.api}/embed/session`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });

describe('CORS', () => {
  it('answers the partner origin on the whole API, exactly', async () => {
    const origin = 'https://partner.example';
    const pre = await preflight(origin);
    assert.equal(pre.status, 204, origin);
    assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /If-Match/);
    const res = await server.call('/plans', { headers: { Origin: origin } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    assert.match(res.headers.get('vary') ?? '', /Origin/);
  });

  // A customer-listed origin once got the whole admin API; now it reaches only the embed session's
  // calls (server-cors.test.ts has the rest).
  it("answers a customer-listed origin only on the embed session's calls, exactly", async () => {
    const origin = withOrigins.origins[0]!;
    const pre = await embedPreflight(origin);
    assert.equal(pre.status, 204, origin);
    assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    assert.match(pre.headers.get('vary') ?? '', /Origin/);
    assert.equal((await preflight(origin)).status, 403, 'the admin list call');
    const res = await server.call('/plans', { headers: { Origin: origin } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null, 'an admin-token answer');
  });

  it('refuses look-alikes, other ports and schemes, null, and never sends a wildcard', async () => {
    for (const origin of [
      'https://partner.example.evil.example',
      'https://evilpartner.example',
      'https://partner.example:8443',
      'http://partner.example',
      'null',
      'https://partner.example/path',
      'https://user@partner.example',
    ]) {
      const pre = await preflight(origin);
      assert.equal(pre.status, 403, origin);
      assert.equal(pre.headers.get('access-control-allow-origin'), null, origin);
      assert.equal((await embedPreflight(origin)).status, 403, origin);
      const res = await server.call('/plans', { headers: { Origin: origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  it('follows changes to a customer list', async () => {
    assert.equal((await embedPreflight('https://new-host.example')).status, 403);
    const patch = await server.call('/customers/12', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: JSON.stringify({ origins: ['https://NEW-host.example:443'] }),
    });
    assert.equal(patch.status, 200);
    assert.equal((await embedPreflight('https://new-host.example')).status, 204);
    assert.equal((await preflight('https://new-host.example')).status, 403, 'never the admin API');
    const del = await server.call('/customers/12', { method: 'DELETE', headers: { 'If-Match': '"2"' } });
    assert.equal(del.status, 204);
    assert.equal((await embedPreflight('https://new-host.example')).status, 403);
  });
});

describe('optimistic concurrency', () => {
  it('of eight PATCHes sent at once with one version, exactly one applies and seven get 412', async () => {
    const id = 40;
    const start = await (await server.call(`/customers/${id}`)).json();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.call(`/customers/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': `"${start.version}"` },
          body: JSON.stringify({ name: `Writer ${i}` }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412, 412, 412]);
    const winner = await responses.find((r) => r.status === 200)!.json();
    const stored = await (await server.call(`/customers/${id}`)).json();
    assert.deepEqual(stored, winner);
    assert.equal(stored.version, start.version + 1);
  });
});

describe('delete', () => {
  it('removes the customer and every row that belongs to it, search index included', async () => {
    const id = 30;
    const name = seeded[id - 1]!.name;
    const json = { 'Content-Type': 'application/json' };
    await server.call(`/customers/${id}/app-access`, { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'selected', app_ids: ['pipeline-crm'] }) });
    // The access change moved the version to 2.
    const patched = await server.call(`/customers/${id}`, { method: 'PATCH', headers: { ...json, 'If-Match': '"2"' }, body: JSON.stringify({ origins: ['https://thirty.example'] }) });
    assert.equal(patched.status, 200);
    const tables = ['customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators', 'customer_history'];
    const rows = () => tables.map((t) => server.db.prepare(`SELECT count(*) FROM ${t} WHERE customer_id = ?`).pluck().get(id) as number);
    assert.ok(rows().every((n) => n > 0) || seeded[id - 1]!.top_apps.length === 0, `rows before: ${rows()}`);
    const res = await server.call(`/customers/${id}`, { method: 'DELETE', headers: { 'If-Match': '"3"' } });
    assert.equal(res.status, 204);
    assert.deepEqual(rows(), [0, 0, 0, 0, 0]);
    assert.equal(server.db.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(id), 0);
    const found = server.db.prepare('SELECT count(*) FROM customer_search WHERE rowid = ?').pluck().get(id);
    assert.equal(found, 0);
    const search = await (await server.call(`/customers?q=${encodeURIComponent(name)}&per_page=200`)).json();
    assert.ok(!search.items.some((c: { id: number }) => c.id === id));
  });

  it('forgets the idempotency keys of the deleted customer', async () => {
    const body = JSON.stringify({ name: 'Keyed', notification_email: 'k@keyed.example', plan_id: 'starter' });
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': 'keyed-1' };
    const first = await server.call('/customers', { method: 'POST', headers, body });
    assert.equal(first.status, 201);
    const created = await first.json();
    assert.equal(first.headers.get('location'), `/api/customers/${created.id}`);
    const replay = await server.call('/customers', { method: 'POST', headers, body });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), created);
    await server.call(`/customers/${created.id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
    assert.equal(server.db.prepare('SELECT count(*) FROM idempotency_keys WHERE customer_id = ?').pluck().get(created.id), 0);
  });
});

describe('change history', () => {
  const json = { 'Content-Type': 'application/json' };
  const versionOf = (id: number) => server.db.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(id) as number;
  const entriesOf = (id: number) => server.db.prepare('SELECT count(*) FROM customer_history WHERE customer_id = ?').pluck().get(id) as number;

  it('is written in the transaction of the change: when the entry cannot be written, neither is the change', async (t) => {
    const id = 43;
    const [version, entries] = [versionOf(id), entriesOf(id)];
    t.mock.method(console, 'error', () => {});
    const writes: Array<[string, RequestInit]> = [
      ['/customers', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Unrecorded', notification_email: 'a@unrecorded.example', plan_id: 'starter' }) }],
      [`/customers/${id}`, { method: 'PATCH', headers: { ...json, 'If-Match': `"${version}"` }, body: JSON.stringify({ name: 'Unrecorded Rename' }) }],
      [`/customers/${id}/plan`, { method: 'PUT', headers: json, body: JSON.stringify({ plan_id: seeded[id - 1]!.plan_id === 'enterprise' ? 'starter' : 'enterprise' }) }],
      [`/customers/${id}/trial`, { method: 'PUT', headers: json, body: JSON.stringify({ enabled: true }) }],
      [`/customers/${id}/app-access`, { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'selected', app_ids: [] }) }],
    ];
    const customers = () => server.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const before = { customers: customers(), customer: server.db.prepare('SELECT * FROM customers WHERE id = ?').get(id), access: await (await server.call(`/customers/${id}/app-access`)).json() };
    server.db.exec("CREATE TEMP TRIGGER refuse_history BEFORE INSERT ON main.customer_history BEGIN SELECT RAISE(ABORT, 'history refused'); END");
    try {
      for (const [path, init] of writes) {
        const response = await server.call(path, init);
        assert.equal(response.status, 500, `${init.method} ${path}: ${await response.text()}`);
      }
    } finally {
      server.db.exec('DROP TRIGGER temp.refuse_history');
    }
    assert.equal(customers(), before.customers, 'no customer was created');
    assert.deepEqual(server.db.prepare('SELECT * FROM customers WHERE id = ?').get(id), before.customer, 'the customer row is as it was');
    assert.deepEqual(await (await server.call(`/customers/${id}/app-access`)).json(), before.access);
    assert.equal(entriesOf(id), entries);
    // And with the entry writable again, the same change goes through with its entry.
    const [path, init] = writes[2]!;
    assert.equal((await server.call(path, init)).status, 200);
    assert.deepEqual([versionOf(id), entriesOf(id)], [version + 1, entries + 1]);
  });

  it('app access answers the customer version as its ETag, on GET and PUT; an unchanged PUT keeps it', async () => {
    const id = 41;
    const put = (body: unknown, ifMatch?: string) =>
      server.call(`/customers/${id}/app-access`, { method: 'PUT', headers: { ...json, ...(ifMatch ? { 'If-Match': ifMatch } : {}) }, body: JSON.stringify(body) });
    assert.equal((await server.call(`/customers/${id}/app-access`)).headers.get('etag'), '"1"');
    const changed = await put({ mode: 'selected', app_ids: [] }, '"1"');
    assert.equal(changed.status, 200);
    assert.equal(changed.headers.get('etag'), '"2"');
    const same = await put({ mode: 'selected', app_ids: [] }, '"2"');
    assert.equal(same.headers.get('etag'), '"2"');
    assert.equal((await server.call(`/customers/${id}/app-access`)).headers.get('etag'), '"2"');
    assert.equal((await server.call(`/customers/${id}`)).headers.get('etag'), '"2"');
    assert.equal(entriesOf(id), 1);
  });

  it('plan and trial answer the new version as ETag, with or without If-Match', async () => {
    const id = 42;
    const plan = await server.call(`/customers/${id}/plan`, { method: 'PUT', headers: { ...json, 'If-Match': '"1"' }, body: JSON.stringify({ plan_id: 'business' }) });
    assert.equal(plan.headers.get('etag'), '"2"');
    const trial = await server.call(`/customers/${id}/trial`, { method: 'PUT', headers: json, body: JSON.stringify({ enabled: true }) });
    assert.equal(trial.headers.get('etag'), '"3"');
  });

  it("an embed session reads its own customer's history, and gets 403 for any other, existing or not", async () => {
    const as = (path: string) => fetch(server.api + path, { headers: { Authorization: 'Bearer session-for-5' } });
    const own = await as('/customers/5/history');
    assert.equal(own.status, 200);
    assert.deepEqual(await own.json(), { items: [], total: 0, page: 1, per_page: 20 });
    assert.equal((await as('/customers/6/history')).status, 403);
    assert.equal((await as('/customers/999999/history')).status, 403);
  });
});

describe('search', () => {
  it('treats quotes, operators and wildcards in the query as plain text', async () => {
    for (const q of ['"ltd" OR "inc"', 'ltd*', 'NEAR(ltd inc)', 'a"b', '^ltd', 'ltd AND', '-ltd', '""']) {
      const res = await server.call(`/customers?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
      const page = await res.json();
      const needle = q.toLowerCase();
      const want = seeded.filter((c) => c.name.toLowerCase().includes(needle) || (c.external_id ?? '').toLowerCase().includes(needle)).length;
      assert.equal(page.total, want, q);
    }
  });
});

describe('auth', () => {
  it('401 carries WWW-Authenticate: Bearer', async () => {
    const res = await fetch(`${server.api}/customers`);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
  });

  it('an embed session reaches only its own customer', async () => {
    const as = (path: string) => fetch(server.api + path, { headers: { Authorization: 'Bearer session-for-5' } });
    assert.equal((await as('/customers/5')).status, 200);
    assert.equal((await as('/customers/5/dashboard?period=7d')).status, 200);
    assert.equal((await as('/customers/6')).status, 403);
    assert.equal((await as('/customers')).status, 403);
    const sw = await fetch(`${server.api}/customers/5/switch`, { method: 'POST', headers: { Authorization: 'Bearer session-for-5' } });
    assert.equal(sw.status, 403);
  });

  it('/partner tells an embed session it may change nothing; the admin gets its own permissions', async () => {
    const session = await (await fetch(`${server.api}/partner`, { headers: { Authorization: 'Bearer session-for-5' } })).json();
    assert.deepEqual(session.admin.permissions, { manage_customers: false, delete_customers: false, rename_customers: false });
    const admin = await (await server.call('/partner')).json();
    assert.equal(admin.admin.permissions.manage_customers, true);
    assert.equal(admin.admin.permissions.delete_customers, true);
  });

  it('GET customer sends its version as ETag', async () => {
    const res = await server.call('/customers/3');
    assert.equal(res.headers.get('etag'), '"1"');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
});

describe('demo configuration and pages', () => {
  it('hands the token to loopback clients only', async () => {
    const res = await fetch(`${server.api}/demo-config.json`);
    assert.deepEqual(await res.json(), { api_base: '/api', token: TEST_TOKEN });
    // Without a socket (not a loopback connection) the token is refused.
    const db = openDatabase(':memory:');
    const app = createApp(createServerContext({ db }));
    assert.equal((await app.request('/api/demo-config.json')).status, 403);
    db.close();
  });

  it('serves the built-in list page without a build, and the built pages with one', async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /demo-config\.json/);

    const dir = mkdtempSync(join(tmpdir(), 'console-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><customer-console api-base="/api"></customer-console>');
    const db = openDatabase(':memory:');
    const app = createApp(createServerContext({ db, staticDir: dir }));
    const built = await app.request('/');
    assert.match(await built.text(), /<customer-console api-base="\/api">/);
    assert.equal((await app.request('/api/plans')).status, 401, 'the API is still behind auth');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
