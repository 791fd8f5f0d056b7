/**
 * Bad input never breaks the reference server: each case is a clear problem+json 4xx, never a 500,
 * and leaves every row as it was.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Problem } from '../../src/model/schemas.js';
import { startTestServer, type TestServer } from './server-fixture.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A digest of every table, so "nothing changed" covers customers and everything that hangs off them. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  for (const table of ['customers', 'customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators', 'idempotency_keys']) {
    for (const row of server.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const json = { 'Content-Type': 'application/json' };
const big = (n: number) => 'x'.repeat(n);

type Case = [title: string, status: number, path: string, init?: RequestInit, field?: string];

const CASES: Case[] = [
  ['unknown sort key', 422, '/customers?sort=email', undefined, 'sort'],
  ['sort with two minus signs', 422, '/customers?sort=--name', undefined, 'sort'],
  ['negative page', 422, '/customers?page=-1', undefined, 'page'],
  ['page zero', 422, '/customers?page=0', undefined, 'page'],
  ['page that is not a number', 422, '/customers?page=two', undefined, 'page'],
  ['page beyond safe integers', 422, '/customers?page=99999999999999999999', undefined, 'page'],
  ['per_page of a million', 422, '/customers?per_page=1000000', undefined, 'per_page'],
  ['per_page zero', 422, '/customers?per_page=0', undefined, 'per_page'],
  ['unknown status', 422, '/customers?status=deleted', undefined, 'status'],
  ['status given twice', 422, '/customers?status=trial&status=active', undefined, 'status'],
  ['impossible date', 422, '/customers?joined_from=2026-02-30', undefined, 'joined_from'],
  ['date range backwards', 422, '/customers?joined_from=2026-03-02&joined_to=2026-03-01', undefined, 'joined_to'],
  ['too many plans', 422, `/customers?${Array.from({ length: 51 }, (_, i) => `plan=p${i}`).join('&')}`, undefined, 'plan'],
  ['search of 201 characters', 422, `/customers?q=${big(201)}`, undefined, 'q'],
  ['search of 1 MB', 431, `/customers?q=${big(1_000_000)}`],
  ['customer id that does not exist', 404, '/customers/999999'],
  ['customer id zero', 404, '/customers/0'],
  ['negative customer id', 404, '/customers/-1'],
  ['customer id with an exponent', 404, '/customers/1e3'],
  ['customer id beyond safe integers', 404, '/customers/99999999999999999999'],
  ['bare E', 404, '/customers/E'],
  ['external ID that does not exist', 404, `/customers/E${encodeURIComponent('nobody/../1')}`],
  ['broken percent-encoding', 404, '/customers/E%E0%A4%A'],
  ['malformed JSON', 400, '/customers', { method: 'POST', headers: json, body: '{"name": "x",' }],
  ['wrong content type', 415, '/customers', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }],
  ['form body', 415, '/customers', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=x' }],
  ['no content type', 415, '/customers', { method: 'POST', body: new Uint8Array([123, 125]) }],
  ['JSON array instead of an object', 422, '/customers', { method: 'POST', headers: json, body: '[]' }],
  ['JSON null', 422, '/customers', { method: 'POST', headers: json, body: 'null' }],
  ['name of 1 MB', 413, '/customers', { method: 'POST', headers: json, body: JSON.stringify({ name: big(1_048_576), notification_email: 'a@b.example', plan_id: 'starter' }) }],
  ['name of 300 KB', 422, '/customers', { method: 'POST', headers: json, body: JSON.stringify({ name: big(300_000), notification_email: 'a@b.example', plan_id: 'starter' }) }, 'name'],
  ['name that is a number', 422, '/customers', { method: 'POST', headers: json, body: JSON.stringify({ name: 42, notification_email: 'a@b.example', plan_id: 'starter' }) }, 'name'],
  ['external ID with a control character', 422, '/customers', { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', notification_email: 'a@b.example', plan_id: 'starter', external_id: 'a\u0000b' }) }, 'external_id'],
  ['Idempotency-Key of 300 characters', 400, '/customers', { method: 'POST', headers: { ...json, 'Idempotency-Key': big(300) }, body: JSON.stringify({ name: 'A', notification_email: 'a@b.example', plan_id: 'starter' }) }, 'Idempotency-Key'],
  ['PATCH without If-Match', 428, '/customers/1', { method: 'PATCH', headers: json, body: '{"name":"Changed"}' }],
  ['PATCH with an unreadable If-Match', 400, '/customers/1', { method: 'PATCH', headers: { ...json, 'If-Match': '"v-one"' }, body: '{"name":"Changed"}' }],
  ['PATCH with a stale If-Match', 412, '/customers/1', { method: 'PATCH', headers: { ...json, 'If-Match': '"7"' }, body: '{"name":"Changed"}' }],
  ['PATCH with an invalid e-mail', 422, '/customers/1', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: '{"notification_email":"nope"}' }, 'notification_email'],
  ['PATCH with a wildcard origin', 422, '/customers/1', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: '{"origins":["https://*.example.com"]}' }, 'origins[0]'],
  ['PATCH with 101 origins', 422, '/customers/1', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: JSON.stringify({ origins: Array.from({ length: 101 }, (_, i) => `https://o${i}.example`) }) }, 'origins'],
  ['DELETE without If-Match', 428, '/customers/1', { method: 'DELETE' }],
  ['DELETE with a stale If-Match', 412, '/customers/1', { method: 'DELETE', headers: { 'If-Match': '"2"' } }],
  ['plan id that is a list', 422, '/customers/1/plan', { method: 'PUT', headers: json, body: '{"plan_id":["growth"]}' }, 'plan_id'],
  ['unknown plan', 422, '/customers/1/plan', { method: 'PUT', headers: json, body: '{"plan_id":"platinum"}' }, 'plan_id'],
  ['trial flag that is a string', 422, '/customers/1/trial', { method: 'PUT', headers: json, body: '{"enabled":"yes"}' }, 'enabled'],
  ['unknown app access mode', 422, '/customers/1/app-access', { method: 'PUT', headers: json, body: '{"mode":"some"}' }],
  ['1001 selected apps', 422, '/customers/1/app-access', { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'selected', app_ids: Array.from({ length: 1001 }, (_, i) => `a${i}`) }) }, 'app_ids'],
  ['unknown dashboard period', 422, '/customers/1/dashboard?period=forever', undefined, 'period'],
  ['unknown route', 404, '/customers/1/invoices'],
  ['wrong method', 404, '/plans', { method: 'POST', headers: json, body: '{}' }],
  ['missing token', 401, '/customers', { headers: { Authorization: '' } }],
  ['wrong token', 401, '/customers', { headers: { Authorization: 'Bearer not-the-token' } }],
  ['basic auth instead of a bearer token', 401, '/customers', { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } }],
  ['header of 20 KB', 431, '/customers', { headers: { 'X-Padding': big(20_000) } }],
];

describe('bad input gets a problem+json 4xx and changes nothing', () => {
  for (const [title, status, path, init, field] of CASES) {
    it(`${title} → ${status}`, async () => {
      const before = databaseDigest();
      const response = await server.call(path, init);
      const text = await response.text();
      assert.equal(response.status, status, text.slice(0, 300));
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = Problem.parse(JSON.parse(text));
      assert.equal(body.status, status);
      assert.ok(body.title.length > 0);
      if (field !== undefined) assert.ok(body.errors?.[field]?.length, `errors.${field} in ${text.slice(0, 300)}`);
      assert.equal(databaseDigest(), before, 'no row changed');
    });
  }

  it('the server still answers normally afterwards', async () => {
    const response = await server.call('/customers/1');
    assert.equal(response.status, 200);
    assert.equal((await response.json()).version, 1);
  });
});
