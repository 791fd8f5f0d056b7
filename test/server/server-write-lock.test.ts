/**
 * Another connection holds SQLite's write lock (`BEGIN IMMEDIATE`, as a second process or a long
 * import would). Every write answers 503 with Retry-After at once and changes nothing; reads keep
 * being answered at their usual pace meanwhile (better-sqlite3 is synchronous, so a write waiting
 * on a busy timeout would stall the whole server); HttpBackend's retry of an idempotent call on 503
 * succeeds once the lock is gone; the framed console page says it is busy without spending the
 * embed token; and after it, writes apply again.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mintEmbedToken } from '../../demo/server/embed.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { Problem } from '../../src/model/schemas.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

let server: TestServer;
let other: Database.Database;
let staticDir: string;
/** On the partner's origin list, so the framed console page opens for it. */
const HOST = 'http://127.0.0.2:4100';
before(async () => {
  // With the built console page, so the framed page is among what the lock meets.
  staticDir = mkdtempSync(join(tmpdir(), 'console-static-'));
  mkdirSync(join(staticDir, 'embed'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(staticDir, 'embed', 'console.html'), '<!doctype html><html><head></head><body></body></html>');
  server = await startTestServer({ staticDir, configure: (context) => void context.partner.origins.push(HOST) });
  other = new Database(server.db.name);
});
after(async () => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const hold = () => other.exec('BEGIN IMMEDIATE');
const release = () => {
  if (other.inTransaction) other.exec('ROLLBACK');
};

/** Far below the 5 s busy timeout that used to stall the server, far above a normal answer. */
const QUICKLY_MS = 1_000;

function digest(): string {
  const hash = createHash('sha256');
  for (const table of ['customers', 'customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators', 'idempotency_keys', 'customer_history']) {
    for (const row of server.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const json = { 'Content-Type': 'application/json' };
const WRITES: Array<[string, string, RequestInit]> = [
  ['add a customer', '/customers', { method: 'POST', headers: { ...json, 'Idempotency-Key': 'locked-1' }, body: JSON.stringify({ name: 'Locked Out Ltd', notification_email: 'a@locked.example', plan_id: 'starter' }) }],
  ['edit a customer', '/customers/3', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: JSON.stringify({ name: 'Renamed Under Lock' }) }],
  ['change the plan', '/customers/3/plan', { method: 'PUT', headers: json, body: JSON.stringify({ plan_id: 'enterprise' }) }],
  ['start a trial', '/customers/3/trial', { method: 'PUT', headers: json, body: JSON.stringify({ enabled: true }) }],
  ['restrict app access', '/customers/3/app-access', { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'selected', app_ids: [] }) }],
  ['change the plan with If-Match', '/customers/3/plan', { method: 'PUT', headers: { ...json, 'If-Match': '"1"' }, body: JSON.stringify({ plan_id: 'business' }) }],
  ['restrict app access with If-Match', '/customers/3/app-access', { method: 'PUT', headers: { ...json, 'If-Match': '"1"' }, body: JSON.stringify({ mode: 'selected', app_ids: [] }) }],
  ['delete a customer', '/customers/4', { method: 'DELETE', headers: { 'If-Match': '"1"' } }],
];

describe('while another connection holds the write lock', () => {
  beforeEach(hold);
  afterEach(release);

  for (const [what, path, init] of WRITES) {
    it(`${what}: 503 with Retry-After at once, nothing changed`, async () => {
      const before = digest();
      const started = performance.now();
      const response = await server.call(path, init);
      const elapsed = performance.now() - started;
      const text = await response.text();
      assert.equal(response.status, 503, text);
      assert.equal(response.headers.get('retry-after'), '1');
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(Problem.parse(JSON.parse(text)).status, 503);
      assert.ok(elapsed < QUICKLY_MS, `answered in ${elapsed.toFixed(0)} ms`);
      assert.equal(digest(), before);
    });
  }

  it('reads are answered meanwhile, while writes are refused beside them', async () => {
    const started = performance.now();
    const writes = WRITES.map(([, path, init]) => server.call(path, init));
    const reads = ['/customers?q=ltd', '/customers/1', '/customers?sort=name&page=2', '/customers/2/collaborators', '/plans'].map(async (path) => {
      const response = await server.call(path);
      await response.arrayBuffer();
      return [path, response.status, performance.now() - started] as const;
    });
    for (const [path, status, at] of await Promise.all(reads)) {
      assert.equal(status, 200, path);
      assert.ok(at < QUICKLY_MS, `${path} answered after ${at.toFixed(0)} ms`);
    }
    assert.deepEqual((await Promise.all(writes)).map((r) => r.status), WRITES.map(() => 503));
  });

  it("HttpBackend retries an idempotent call after the Retry-After, and it applies once the lock is gone", async () => {
    const statuses: number[] = [];
    const backend = new HttpBackend({
      baseUrl: server.api,
      getToken: () => TEST_TOKEN,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        // The other writer finishes while the client waits the Retry-After.
        if (response.status === 503) release();
        return response;
      },
    });
    const changed = await backend.setPlan(5, 'business');
    assert.equal(changed.plan_id, 'business');
    assert.deepEqual(statuses, [503, 200]);
  });
});

describe('the framed console page under the lock', () => {
  it('is a plain 503 page, and the same embed token opens it once the lock is gone (it was not spent)', async () => {
    const token = await mintEmbedToken({ customerId: 1, now: server.context.now() });
    const open = () => fetch(`${server.url}/embed/console?token=${encodeURIComponent(token)}&origin=${encodeURIComponent(HOST)}`);
    hold();
    const busy = await open();
    assert.equal(busy.status, 503);
    assert.match(busy.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await busy.text(), /The console cannot open: console busy/);
    release();
    const opened = await open();
    assert.equal(opened.status, 200, await opened.clone().text());
    assert.match(await opened.text(), /id="embed-session"/);
  });
});

describe('once the lock is released', () => {
  it('writes apply again', async () => {
    hold();
    assert.equal((await server.call('/customers/6', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: '{"name":"After The Lock"}' })).status, 503);
    release();
    const response = await server.call('/customers/6', { method: 'PATCH', headers: { ...json, 'If-Match': '"1"' }, body: '{"name":"After The Lock"}' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { version: number }).version, 2);
  });
});
