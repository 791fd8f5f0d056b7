/**
 * Every route has a body limit, the framed console's form POST included: a body over it is a 413
 * problem+json answered before the body has been sent (the server reads no further) whether the
 * size is declared (Content-Length) or not (chunked), and the server then closes the connection.
 * A raw socket sends only the start of each body, so a server that waited for all of it would never
 * answer: each test is bounded by its timeout.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES } from '../../demo/server/app.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

let server: TestServer;
let staticDir: string;
before(async () => {
  // With the built pages present, so that /embed/console reaches its token checks.
  staticDir = mkdtempSync(join(tmpdir(), 'console-static-'));
  mkdirSync(join(staticDir, 'embed'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(staticDir, 'embed', 'console.html'), '<!doctype html><html><head></head><body></body></html>');
  server = await startTestServer({ staticDir });
});
after(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const DECLARED = 200 * 1024 * 1024;
const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

const ROUTES: Array<[method: string, path: string, type: string]> = [
  ['POST', '/api/customers', json],
  ['PATCH', '/api/customers/1', json],
  ['DELETE', '/api/customers/1', json],
  ['PUT', '/api/customers/1/plan', json],
  ['PUT', '/api/customers/1/trial', json],
  ['PUT', '/api/customers/1/app-access', json],
  ['POST', '/api/customers/1/switch', json],
  ['POST', '/api/embed/session', json],
  ['POST', '/embed/console', form],
  ['POST', '/embed/console', 'multipart/form-data; boundary=x'],
  ['POST', '/', form],
  ['PUT', '/nowhere/at/all', json],
];

interface RawAnswer {
  head: string;
  body: string;
  /** Body bytes this client had written when the answer's first byte arrived. */
  sentBeforeAnswer: number;
  /** The server closed the connection after answering. */
  closed: Promise<void>;
}

/**
 * Sends a request head and then `bodyBytes` of body (of the `declared` length, or chunked) and
 * stops without finishing it; resolves with the answer, which must come before the body is done.
 */
function sendPartialBody(method: string, path: string, type: string, bodyBytes: number, declared: number | 'chunked'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    let sent = 0;
    let sentBeforeAnswer = -1;
    let received = '';
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while this client is still writing: that is the point.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('data', (chunk) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.slice(0, end);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      if (received.length - end - 4 >= length) {
        resolve({ head, body: received.slice(end + 4, end + 4 + length), sentBeforeAnswer, closed });
      }
    });
    socket.once('connect', () => {
      const framing = declared === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${declared}`;
      socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n` +
          `Content-Type: ${type}\r\nIf-Match: "1"\r\n${framing}\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 'a'.charCodeAt(0));
      const writeNext = () => {
        while (sent < bodyBytes && sentBeforeAnswer < 0 && !socket.destroyed) {
          const piece = declared === 'chunked' ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
          sent += chunk.length;
          if (!socket.write(piece)) return void socket.once('drain', writeNext);
        }
      };
      writeNext();
    });
  });
}

function assertTooLarge(answer: RawAnswer, what: string) {
  assert.match(answer.head, /^HTTP\/1\.1 413 /, `${what}: ${answer.head}\n${answer.body.slice(0, 200)}`);
  assert.match(answer.head, /\r\ncontent-type: application\/problem\+json/i);
  assert.equal(JSON.parse(answer.body).status, 413);
  assert.match(answer.head, /\r\nconnection: close/i);
}

describe('request bodies over the limit', () => {
  for (const [method, path, type] of ROUTES) {
    it(`${method} ${path} (${type.split(';')[0]}) declaring 200 MB: 413 before the body is sent, then the connection closes`, { timeout: 10_000 }, async () => {
      const answer = await sendPartialBody(method, path, type, 1024 * 1024, DECLARED);
      assertTooLarge(answer, `${method} ${path}`);
      assert.ok(answer.sentBeforeAnswer < DECLARED);
      await answer.closed;
    });

    it(`${method} ${path} (${type.split(';')[0]}) chunked without a length: 413 once past the limit, before the body ends`, { timeout: 10_000 }, async () => {
      const answer = await sendPartialBody(method, path, type, MAX_BODY_BYTES + 1024 * 1024, 'chunked');
      assertTooLarge(answer, `${method} ${path}`);
      await answer.closed;
    });
  }

  it('a body of exactly the API limit is read (and judged on its content)', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES - 80), notification_email: 'a@b.example', plan_id: 'starter' });
    const padded = body + ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(body));
    assert.equal(Buffer.byteLength(padded), MAX_BODY_BYTES);
    const response = await server.call('/customers', { method: 'POST', headers: { 'Content-Type': json }, body: padded });
    assert.equal(response.status, 422, 'the name is too long, which needs the body read');
  });

  it('the framed console form, a few KB, is read and its token checked', async () => {
    const response = await fetch(`${server.url}/embed/console`, {
      method: 'POST',
      headers: { 'Content-Type': form },
      body: new URLSearchParams({ token: 'x'.repeat(8 * 1024), origin: 'https://app.example' }).toString(),
    });
    assert.equal(response.status, 401);
    assert.match(await response.text(), /token-invalid/);
  });
});
