/**
 * Bad input never breaks the reference server: each case is a clear problem+json 4xx, never a 500,
 * and leaves every row as it was. Then: every character a search may hold, and malformed
 * percent-encodings in paths (of the console server and of the demo host pages).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Problem } from '../../src/model/schemas.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPartnerHost, type RunningHost } from '../../demo/server/embed.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A digest of every table, so "nothing changed" covers customers and everything that hangs off them. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  for (const table of ['customers', 'customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators', 'idempotency_keys', 'customer_history']) {
    for (const row of server.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const json = { 'Content-Type': 'application/json' };
const big = (n: number) => 'x'.repeat(n);
/** A JSON array nested `depth` levels deep: a few KB of text, deep enough to overflow a recursive walk. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const patchAt = (ifMatch: string, body = '{"name":"Changed"}'): RequestInit => ({ method: 'PATCH', headers: { ...json, 'If-Match': ifMatch }, body });

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
  ['create body nested 20,000 levels deep', 400, '/customers', { method: 'POST', headers: json, body: `{"name":${nested(20_000)},"notification_email":"a@b.example","plan_id":"starter"}` }],
  ['create with an Idempotency-Key, body nested 20,000 levels deep', 400, '/customers', { method: 'POST', headers: { ...json, 'Idempotency-Key': 'deep-1' }, body: nested(20_000) }],
  ['PATCH body nested 20,000 levels deep', 400, '/customers/1', patchAt('"1"', `{"origins":${nested(20_000)}}`)],
  ['app access nested 20,000 levels deep', 400, '/customers/1/app-access', { method: 'PUT', headers: json, body: `{"mode":"selected","app_ids":${nested(20_000)}}` }],
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
  ['PATCH with If-Match "1 (no closing quote)', 400, '/customers/1', patchAt('"1')],
  ['PATCH with If-Match 1" (no opening quote)', 400, '/customers/1', patchAt('1"')],
  ['PATCH with a weak If-Match W/"1"', 400, '/customers/1', patchAt('W/"1"')],
  ['PATCH with a bare If-Match 1', 400, '/customers/1', patchAt('1')],
  ['PATCH with If-Match *', 400, '/customers/1', patchAt('*')],
  ['PATCH with an If-Match list', 400, '/customers/1', patchAt('"1", "2"')],
  ['PATCH with a zero-padded If-Match "01"', 400, '/customers/1', patchAt('"01"')],
  ['DELETE with a weak If-Match W/"1"', 400, '/customers/1', { method: 'DELETE', headers: { 'If-Match': 'W/"1"' } }],
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
  ['history per_page over 200', 422, '/customers/1/history?per_page=201', undefined, 'per_page'],
  ['history per_page zero', 422, '/customers/1/history?per_page=0', undefined, 'per_page'],
  ['history page zero', 422, '/customers/1/history?page=0', undefined, 'page'],
  ['history page that is not a number', 422, '/customers/1/history?page=two', undefined, 'page'],
  ['history page with a leading zero', 422, '/customers/1/history?page=01', undefined, 'page'],
  ['history page with an exponent', 422, '/customers/1/history?page=1e1', undefined, 'page'],
  ['history page beyond safe integers', 422, '/customers/1/history?page=99999999999999999999', undefined, 'page'],
  ['history page given twice', 422, '/customers/1/history?page=1&page=2', undefined, 'page'],
  ['history of a customer that does not exist', 404, '/customers/999999/history?page=0'],
  ['plan with an unreadable If-Match', 400, '/customers/1/plan', { method: 'PUT', headers: { ...json, 'If-Match': 'W/"1"' }, body: '{"plan_id":"enterprise"}' }],
  ['trial with a bare If-Match', 400, '/customers/1/trial', { method: 'PUT', headers: { ...json, 'If-Match': '1' }, body: '{"enabled":true}' }],
  ['app access with If-Match *', 400, '/customers/1/app-access', { method: 'PUT', headers: { ...json, 'If-Match': '*' }, body: '{"mode":"selected","app_ids":[]}' }],
  ['plan with a stale If-Match', 412, '/customers/1/plan', { method: 'PUT', headers: { ...json, 'If-Match': '"2"' }, body: '{"plan_id":"enterprise"}' }],
  ['trial with a stale If-Match', 412, '/customers/1/trial', { method: 'PUT', headers: { ...json, 'If-Match': '"9"' }, body: '{"enabled":true}' }],
  ['app access with a stale If-Match', 412, '/customers/1/app-access', { method: 'PUT', headers: { ...json, 'If-Match': '"2"' }, body: '{"mode":"selected","app_ids":[]}' }],
  ['app access unchanged, with a stale If-Match', 412, '/customers/1/app-access', { method: 'PUT', headers: { ...json, 'If-Match': '"2"' }, body: '{"mode":"all"}' }],
  ['plan with an unknown plan and an unreadable If-Match: the body first', 422, '/customers/1/plan', { method: 'PUT', headers: { ...json, 'If-Match': 'W/"1"' }, body: '{"plan_id":"platinum"}' }, 'plan_id'],
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

describe('every character a search may hold is searched (or refused with a 4xx), never a 500', () => {
  /** Each C0 and C1 control, every printable ASCII character, and a few that break naive code. */
  const characters = [
    ...Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)),
    '\u00ad', '\u200b', '\u2028', '\u2029', '\u202e', '\ufeff', '\ufffd', '\uffff', '\u{10ffff}', '\u{1f600}',
  ];
  const shapes = (ch: string) => [ch, `${ch}${ch}`, `${ch}${ch}${ch}`, `ab${ch}`, `a${ch}b`, `${ch}abc`, `acme${ch}ltd`];

  it(`${characters.length} characters in searches of 1 to 8 characters`, async () => {
    const failures: string[] = [];
    for (const ch of characters) {
      for (const q of shapes(ch)) {
        const response = await server.call(`/customers?q=${encodeURIComponent(q)}`);
        const text = await response.text();
        const answered = response.status === 200 || (response.status >= 400 && response.status < 500 && /problem\+json/.test(response.headers.get('content-type') ?? ''));
        if (!answered) failures.push(`${JSON.stringify(q)} → ${response.status} ${text.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('invalid UTF-8 in the query string is searched as U+FFFD, not a 500', async () => {
    for (const raw of ['%ED%A0%80abc', 'ab%FF%FEcd', '%C0%AFzzz', '%E0%A4%A']) {
      const response = await server.call(`/customers?q=${raw}`);
      assert.equal(response.status, 200, `${raw}: ${await response.text()}`);
    }
  });

  it('a search holding a NUL finds the customer whose name holds it, in both search paths', async () => {
    const created = await server.call('/customers', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Nul\u0000Byte Works', notification_email: 'nul@byte.example', plan_id: 'starter' }),
    });
    const createdText = await created.text();
    assert.equal(created.status, 201, createdText);
    const { id } = JSON.parse(createdText) as { id: number };
    for (const q of ['\u0000b', 'l\u0000b', 'NUL\u0000BYTE', '\u0000byte works']) {
      const response = await server.call(`/customers?q=${encodeURIComponent(q)}`);
      const text = await response.text();
      assert.equal(response.status, 200, `${JSON.stringify(q)}: ${text.slice(0, 200)}`);
      const page = JSON.parse(text) as { items: { id: number }[]; total: number; counts: { all: number } };
      assert.deepEqual(page.items.map((c) => c.id), [id], JSON.stringify(q));
      assert.equal(page.total, 1);
      assert.equal(page.counts.all, 1);
    }
  });
});

describe("a malformed percent-encoding in a path is a 4xx, never a 500", () => {
  let host: RunningHost;
  let staticDir: string;
  before(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'console-host-pages-'));
    mkdirSync(join(staticDir, 'assets'));
    mkdirSync(join(staticDir, 'embed'));
    writeFileSync(join(staticDir, 'assets', 'host.js'), 'export {};');
    writeFileSync(join(staticDir, 'embed', 'host.html'), '<!doctype html><title>host</title>');
    host = await startPartnerHost({ hostname: '127.0.0.1', consoleOrigin: server.url, staticDir, label: 'test host', frames: [] });
  });
  after(async () => {
    await host.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  for (const path of ['/assets/%E0%A4%A', '/assets/%', '/assets/%zz.js', '/assets/host.js%']) {
    it(`the demo host page server answers ${path} with 400`, async () => {
      const response = await fetch(host.url + path);
      assert.equal(response.status, 400, await response.text());
    });
  }

  it('the demo host answers its assets folder itself with 404, not 500 (found by the fuzz test)', async () => {
    for (const path of ['/assets/', '/assets/%2E', '/assets//']) {
      assert.equal((await fetch(host.url + path)).status, 404, path);
    }
  });

  it('the demo host still serves its assets', async () => {
    const response = await fetch(`${host.url}/assets/host.js`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'export {};');
  });

  it('the console server answers a path holding a backslash with a 400 problem (fetch would send it as a slash)', async () => {
    for (const path of ['/a\\b', '/api/customers/1\\plan', '/\\/']) {
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, agent: false }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(answer.status, 400, path);
      assert.match(answer.type, /^application\/problem\+json/, path);
      assert.equal(Problem.parse(JSON.parse(answer.body)).status, 400);
    }
  });

  for (const path of ['/%E0%A4%A', '/embed/%', '/embed/console%zz', '/api/customers/%E0%A4%A', '/api/customers/1%/plan']) {
    it(`the console server answers ${path} with a 4xx`, async () => {
      const response = await fetch(server.url + path, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
      assert.ok(response.status >= 400 && response.status < 500, `${response.status} ${await response.text()}`);
    });
  }
});
