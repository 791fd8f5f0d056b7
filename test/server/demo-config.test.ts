/**
 * `GET /api/demo-config.json` hands out the admin token, so it goes only to pages of this server on
 * this machine: the exact loopback host the server listens on (DNS rebinding sends another Host),
 * never with CORS headers (not even for origins on the partner's or a customer's list), and never
 * to a request a browser marks as coming from another site.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

let server: TestServer;
let port: number;
/** On the partner's origin list, so the rest of the API answers it with CORS. */
const LISTED_ORIGIN = 'http://127.0.0.2:4100';

before(async () => {
  server = await startTestServer();
  port = server.port;
  server.context.partner.origins.push(LISTED_ORIGIN);
});
after(() => server.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with exactly these headers (fetch would not let a test choose the Host). */
function get(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const CONFIG = '/api/demo-config.json';

describe('the demo configuration', () => {
  it('is served for the loopback host and port the server listens on, and for localhost on that port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await get(CONFIG, { Host: host });
      assert.equal(answer.status, 200, `${host}: ${answer.body}`);
      assert.deepEqual(JSON.parse(answer.body), { api_base: '/api', token: TEST_TOKEN });
    }
  });

  it('is refused for any other Host (DNS rebinding), with no token in the answer', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `127.0.0.2:${port}`, `[::1]:${port}`]) {
      const answer = await get(CONFIG, { Host: host });
      assert.equal(answer.status, 403, `Host ${JSON.stringify(host)}: ${answer.body}`);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      assert.ok(!answer.body.includes(TEST_TOKEN));
    }
  });

  it('never carries CORS headers, even for an origin the rest of the API answers with CORS', async () => {
    const api = await get('/api/plans', { Host: `127.0.0.1:${port}`, Origin: LISTED_ORIGIN, Authorization: `Bearer ${TEST_TOKEN}` });
    assert.equal(api.headers['access-control-allow-origin'], LISTED_ORIGIN, 'the origin is listed: the API answers it with CORS');
    const answer = await get(CONFIG, { Host: `127.0.0.1:${port}`, Origin: LISTED_ORIGIN });
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
    assert.equal(answer.status, 403);
    assert.ok(!answer.body.includes(TEST_TOKEN));
  });

  it('is refused to a request a browser marks as cross-site or from another origin', async () => {
    const refused: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
    ];
    for (const headers of refused) {
      const answer = await get(CONFIG, { Host: `127.0.0.1:${port}`, ...headers });
      assert.equal(answer.status, 403, JSON.stringify(headers));
    }
    const sameOrigin = await get(CONFIG, { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' });
    assert.equal(sameOrigin.status, 200);
  });
});
