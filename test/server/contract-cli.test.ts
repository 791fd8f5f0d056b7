/**
 * `customers-console-contract`, the checker CLI, run as a partner runs it (a child process, the
 * source entry through tsx as the repository runs its scripts) against the reference server on
 * 127.0.0.1, and against a broken backend: a proxy in front of the reference server that answers
 * the plans in a wrong shape and drops the ETag of a customer.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_CHECKS } from '../../src/contract/checks.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

const CLI = new URL('../../src/contract/cli.ts', import.meta.url).pathname;
const READ_ONLY = CONTRACT_CHECKS.filter((c) => !c.writes).length;
const ALL = CONTRACT_CHECKS.length;

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The reference server with two faults: `/plans` in a wrong shape, no ETag on a customer. */
function brokenProxy(upstream: string): Promise<{ api: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const name of ['authorization', 'content-type', 'if-match', 'idempotency-key']) if (req.headers[name]) headers.set(name, String(req.headers[name]));
    const answer = await fetch(upstream + req.url, { method: req.method!, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    let body = await answer.text();
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'etag', 'www-authenticate', 'location']) {
      const value = answer.headers.get(name);
      if (value !== null) out[name] = value;
    }
    if (req.url === '/api/plans' && answer.ok) body = JSON.stringify({ items: [{ id: 'free', name: 'Free', task_limit: '100', connection_limit: 2 }] });
    if (/^\/api\/customers\/\d+$/.test(req.url ?? '')) delete out.etag;
    res.writeHead(answer.status, out);
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ api: `http://127.0.0.1:${port}/api`, close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())) });
    }),
  );
}

let server: TestServer;
before(async () => {
  server = await startTestServer({ now: () => new Date() });
});
after(() => server.close());

describe('npx customers-console-contract', () => {
  it('read-only by default: every read check passes against the reference server, exit code 0', async () => {
    const { code, out } = await runCli(['--base-url', server.api, '--token', TEST_TOKEN]);
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`^${READ_ONLY} passed, 0 failed, ${ALL - READ_ONLY} skipped$`, 'm'));
    assert.match(out, /✓ GET \/customers: every sort, both directions, ties by User ID/);
    assert.match(out, /- PATCH: applies.*\(skipped: writes/);
  });

  it('with --write and a scratch customer, the writing checks run too (token from the environment)', async () => {
    const before = await (await server.call('/customers/7')).json();
    const { code, out } = await runCli(['--base-url', server.api, '--write', '--scratch-customer', '7'], { CUSTOMERS_CONSOLE_TOKEN: TEST_TOKEN });
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`^${ALL} passed, 0 failed, 0 skipped$`, 'm'));
    const afterwards = (await (await server.call('/customers/7')).json()) as typeof before;
    assert.equal(afterwards.name, before.name, 'the scratch customer has its name back');
    assert.equal(afterwards.plan_id, before.plan_id, 'and its plan');
    assert.deepEqual(await (await server.call('/customers/7/app-access')).json(), { mode: 'all' });
  });

  it('against a broken backend: exit code 1, and each failed check named with what was wrong', async () => {
    const broken = await brokenProxy(server.url);
    try {
      const { code, out } = await runCli(['--base-url', broken.api, '--token', TEST_TOKEN]);
      assert.equal(code, 1, out);
      assert.match(out, new RegExp(`^${READ_ONLY - 2} passed, 2 failed, ${ALL - READ_ONLY} skipped$`, 'm'));
      assert.match(out, /✗ GET \/plans fits, ids are unique and the free plan is among them\n\s+SchemaError: The plan list did not match the contract at items\[0\]\.task_limit/);
      assert.match(out, /✗ GET \/customers\/:id answers ETag "<version>"\n\s+ETag: expected "\\"\d+\\"", got null/);
    } finally {
      await broken.close();
    }
  });

  it('refuses to write without a scratch customer, and to run without a base URL or token (exit code 2)', async () => {
    for (const args of [['--base-url', server.api, '--token', TEST_TOKEN, '--write'], ['--token', TEST_TOKEN], ['--base-url', server.api]]) {
      const { code, out } = await runCli(args, { CUSTOMERS_CONSOLE_TOKEN: '' });
      assert.equal(code, 2, `${args.join(' ')}: ${out}`);
      assert.match(out, /^Usage: customers-console-contract/m);
    }
  });
});
