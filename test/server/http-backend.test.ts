/**
 * HttpBackend against a real node:http server on 127.0.0.1 that misbehaves on purpose, route by
 * route: slow, briefly unavailable, cut connections, malformed or off-contract bodies, errors.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpBackend, type HttpBackendOptions } from '../../src/backend/http-backend.js';
import { HttpError, NetworkError, SchemaError, TimeoutError, isAbortError, problem } from '../../src/backend/errors.js';
import { DEMO_PARTNER, DEMO_PLANS, generateCustomer } from '../../src/backend/generate.js';
import { plansWithFree } from '../../src/model/rules.js';
import { rejection } from '../support/rejection.js';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: SeenRequest, res: ServerResponse, nth: number) => void;

const anchor = new Date('2026-03-15T00:00:00.000Z');
const customer = generateCustomer(7, 0, anchor);

let server: Server;
let baseUrl: string;
let seen: SeenRequest[] = [];
let handler: Handler = (_req, res) => json(res, 404, problem(404, 'Not Found'));

function json(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(JSON.stringify(body));
}

function backend(options: Partial<HttpBackendOptions> = {}): HttpBackend {
  return new HttpBackend({ baseUrl, retryDelayMs: 1, timeoutMs: 2_000, ...options });
}


const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(request);
      handler(request, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  // One warm-up round trip, so the first test does not pay for module loading and connecting.
  handler = (_req, res) => json(res, 200, DEMO_PARTNER);
  await backend().getPartner();
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

describe('timeouts and retries', () => {
  test('an answer slower than the timeout is a TimeoutError, not retried', async () => {
    handler = (_req, res) => {
      const timer = setTimeout(() => json(res, 200, customer), 5_000);
      res.on('close', () => clearTimeout(timer));
    };
    // Long enough for the request to reach the server even on a busy machine.
    const error = await rejection(backend({ timeoutMs: 400 }).getCustomer(1));
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.timeoutMs, 400);
    await pause(50);
    assert.equal(seen.length, 1);
  });

  test('a body that stalls after the headers also times out', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id": 1,');
    };
    const error = await rejection(backend({ timeoutMs: 100 }).getCustomer(1));
    assert.ok(error instanceof TimeoutError, String(error));
  });

  test('a GET answered 503 then 200 succeeds after one retry', async () => {
    handler = (_req, res, nth) => (nth === 1 ? json(res, 503, problem(503, 'Service Unavailable')) : json(res, 200, customer));
    assert.deepEqual(await backend().getCustomer(1), customer);
    assert.equal(seen.length, 2);
  });

  test('502 and 504 are retried too, up to `retries` extra attempts, then the HttpError surfaces', async () => {
    handler = (_req, res, nth) => json(res, nth % 2 ? 502 : 504, problem(nth % 2 ? 502 : 504, 'Bad Gateway'));
    const error = await rejection(backend({ retries: 3 }).listPlans());
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 504, 'the last answer (the fourth) was a 504');
    assert.equal(seen.length, 4);
  });

  test('500 is not retried', async () => {
    handler = (_req, res) => json(res, 500, problem(500, 'Internal Server Error'));
    const error = await rejection(backend().listApps());
    assert.ok(error instanceof HttpError && error.status === 500);
    assert.equal(seen.length, 1);
  });

  test('a PATCH answered 503 is not retried', async () => {
    handler = (_req, res) => json(res, 503, problem(503, 'Service Unavailable'));
    const error = await rejection(backend().updateCustomer(1, { name: 'New' }, 1));
    assert.ok(error instanceof HttpError && error.status === 503);
    assert.equal(seen.length, 1);
  });

  test('a plan, trial or app-access PUT without a version is retried on 503; with one (If-Match) it is not', async () => {
    handler = (req, res, nth) => {
      // Busy for every versioned attempt, and for the first attempt of each unversioned one.
      if (req.headers['if-match'] !== undefined || nth % 2 === 1) return json(res, 503, problem(503, 'Service Unavailable'));
      return json(res, 200, req.url.endsWith('/app-access') ? { mode: 'all' } : customer);
    };
    await backend().setPlan(1, 'growth');
    await backend().setTrial(1, true);
    await backend().setAppAccess(1, { mode: 'all' });
    assert.equal(seen.length, 6, 'each unversioned PUT: a 503, then the retry');
    seen = [];
    for (const call of [
      backend().setPlan(1, 'growth', { version: 3 }),
      backend().setTrial(1, true, { version: 3 }),
      backend().setAppAccess(1, { mode: 'all' }, { version: 3 }),
    ]) {
      const error = await rejection(call);
      assert.ok(error instanceof HttpError && error.status === 503, String(error));
    }
    // A retry could meet its own first write and fail with 412, so the caller decides.
    assert.equal(seen.length, 3);
  });

  test('a switch (POST without idempotency key) answered 503 is not retried', async () => {
    handler = (_req, res) => json(res, 503, problem(503, 'Service Unavailable'));
    await rejection(backend().switchToAccount(1));
    assert.equal(seen.length, 1);
  });

  test('a create whose connection is cut is retried with the same Idempotency-Key', async () => {
    handler = (req, res, nth) => {
      if (nth === 1) res.socket?.destroy();
      else json(res, 201, customer);
    };
    const created = await backend().createCustomer({
      name: customer.name,
      notification_email: customer.notification_email,
      plan_id: 'starter',
    });
    assert.deepEqual(created, customer);
    assert.equal(seen.length, 2);
    const [first, second] = seen.map((r) => r.headers['idempotency-key']);
    assert.match(String(first), /^[0-9a-f-]{36}$/);
    assert.equal(second, first);
    assert.equal(seen[1]!.body, seen[0]!.body);
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.headers['content-type'], 'application/json');
  });

  test('a given idempotency key is sent as is; two creates get different generated keys', async () => {
    handler = (_req, res) => json(res, 201, customer);
    const input = { name: 'A', notification_email: 'a@b.example', plan_id: 'starter' };
    await backend().createCustomer(input, { idempotencyKey: 'my-key-1' });
    await backend().createCustomer(input);
    await backend().createCustomer(input);
    assert.equal(seen[0]!.headers['idempotency-key'], 'my-key-1');
    assert.notEqual(seen[1]!.headers['idempotency-key'], seen[2]!.headers['idempotency-key']);
  });

  test('Retry-After within a few seconds is honoured; a long one is not waited for', async () => {
    handler = (_req, res, nth) => {
      if (nth === 1) {
        res.writeHead(503, { 'Retry-After': '0', 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify(problem(503, 'Service Unavailable')));
      } else json(res, 200, { items: DEMO_PLANS });
    };
    assert.equal((await backend().listPlans()).length, DEMO_PLANS.length);
    assert.equal(seen.length, 2);

    seen = [];
    handler = (_req, res) => {
      res.writeHead(503, { 'Retry-After': '120' });
      res.end();
    };
    const error = await rejection(backend().listPlans());
    assert.ok(error instanceof HttpError && error.status === 503);
    assert.equal(seen.length, 1);
  });

  test('a refused connection is a NetworkError after the retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(new HttpBackend({ baseUrl: `http://127.0.0.1:${port}`, retryDelayMs: 1 }).getPartner());
    assert.ok(error instanceof NetworkError, String(error));
  });

  test('a DELETE whose first attempt was cut and whose retry finds nothing counts as done', async () => {
    handler = (_req, res, nth) => {
      if (nth === 1) res.socket?.destroy();
      else json(res, 404, problem(404, 'Not Found'), 'application/problem+json');
    };
    await backend().deleteCustomer(1, 1);
    assert.equal(seen.length, 2);
  });

  test('a DELETE that finds nothing on its first attempt is a 404', async () => {
    handler = (_req, res) => json(res, 404, problem(404, 'Not Found'), 'application/problem+json');
    const error = await rejection(backend().deleteCustomer(1, 1));
    assert.ok(error instanceof HttpError && error.status === 404);
  });
});

describe('cancellation', () => {
  test('aborting mid-request rejects with an AbortError and nothing is retried', async () => {
    const controller = new AbortController();
    handler = (_req, res) => {
      const timer = setTimeout(() => json(res, 200, customer), 5_000);
      res.on('close', () => clearTimeout(timer));
      // The caller gives up while the server is still working on the answer.
      controller.abort();
    };
    const call = backend().getCustomer(1, { signal: controller.signal });
    const error = await rejection(call);
    assert.ok(isAbortError(error), String(error));
    await pause(100);
    assert.equal(seen.length, 1);
  });

  test('aborting during the backoff rejects with an AbortError before the next attempt', async () => {
    const controller = new AbortController();
    handler = (_req, res) => {
      json(res, 503, problem(503, 'Service Unavailable'));
      // The backoff is at least 250 ms (500 × 0.5); the abort lands well inside it.
      setTimeout(() => controller.abort(), 50);
    };
    const call = backend({ retryDelayMs: 500 }).listPlans({ signal: controller.signal });
    const error = await rejection(call);
    assert.ok(isAbortError(error), String(error));
    await pause(800);
    assert.equal(seen.length, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const error = await rejection(backend().getPartner({ signal: AbortSignal.abort() }));
    assert.ok(isAbortError(error));
    assert.equal(seen.length, 0);
  });
});

describe('answers that do not fit the contract', () => {
  test('malformed JSON is a SchemaError at the root saying it was not JSON', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"items": [');
    };
    const error = await rejection(backend().listPlans());
    assert.ok(error instanceof SchemaError, String(error));
    assert.equal(error.path, '');
    assert.match(error.message, /\(root\)/);
    assert.match(error.message, /not JSON/);
  });

  test('an HTML page instead of JSON is a SchemaError', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Login</title>');
    };
    const error = await rejection(backend().getPartner());
    assert.ok(error instanceof SchemaError);
    assert.match(error.message, /not JSON/);
  });

  test('a page with total -1 is a SchemaError at `total`', async () => {
    handler = (_req, res) =>
      json(res, 200, { items: [], total: -1, page: 1, per_page: 50, counts: { all: 0, active: 0, trial: 0, expired: 0 } });
    const error = await rejection(backend().listCustomers({}));
    assert.ok(error instanceof SchemaError);
    assert.equal(error.path, 'total');
  });

  test('a listed customer missing its name is a SchemaError at `items[1].name`', async () => {
    const { name: _name, ...nameless } = customer;
    handler = (_req, res) =>
      json(res, 200, {
        items: [customer, nameless],
        total: 2,
        page: 1,
        per_page: 50,
        counts: { all: 2, active: 2, trial: 0, expired: 0 },
      });
    const error = await rejection(backend().listCustomers({}));
    assert.ok(error instanceof SchemaError);
    assert.equal(error.path, 'items[1].name');
  });

  test('an app icon with a javascript: URL is refused', async () => {
    handler = (_req, res) => json(res, 200, { items: [{ id: 'x', name: 'X', icon: 'javascript:alert(1)' }] });
    const error = await rejection(backend().listApps());
    assert.ok(error instanceof SchemaError);
    assert.equal(error.path, 'items[0].icon');
  });
});

describe('error answers', () => {
  for (const status of [409, 412] as const) {
    test(`${status} problem+json becomes an HttpError with its problem`, async () => {
      handler = (_req, res) => json(res, status, problem(status, 'Conflict', 'someone changed it'), 'application/problem+json');
      const error = await rejection(backend().updateCustomer(1, { name: 'X' }, 3));
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, status);
      assert.equal(error.problem.detail, 'someone changed it');
      assert.equal(error.message, 'someone changed it');
    });
  }

  test('422 carries the field errors', async () => {
    const errors = { name: ['Too long'], notification_email: ['Invalid email address'] };
    handler = (_req, res) => json(res, 422, problem(422, 'Unprocessable Content', 'Check the fields', errors), 'application/problem+json');
    const error = await rejection(backend().createCustomer({ name: 'x', notification_email: 'bad', plan_id: 'starter' }));
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 422);
    assert.deepEqual(error.fieldErrors, errors);
  });

  test('an error answer that is not problem+json still becomes an HttpError with the status', async () => {
    handler = (_req, res) => {
      res.writeHead(403, 'Forbidden', { 'Content-Type': 'text/html' });
      res.end('<h1>Forbidden</h1>');
    };
    const error = await rejection(backend().switchToAccount(1));
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 403);
    assert.equal(error.problem.title, 'Forbidden');
    assert.deepEqual(error.fieldErrors, {});
  });

  test('the HTTP status wins over a problem body that claims another', async () => {
    handler = (_req, res) => json(res, 409, problem(400, 'Bad Request'), 'application/problem+json');
    const error = await rejection(backend().getCustomer(1));
    assert.ok(error instanceof HttpError && error.status === 409);
  });
});

describe('what goes on the wire', () => {
  test('the bearer token from getToken is sent on every attempt', async () => {
    let calls = 0;
    handler = (_req, res, nth) => (nth === 1 ? json(res, 503, {}) : json(res, 200, DEMO_PARTNER));
    const partner = await backend({ getToken: async () => `token-${++calls}` }).getPartner();
    assert.deepEqual(partner, DEMO_PARTNER);
    assert.deepEqual(
      seen.map((r) => r.headers.authorization),
      ['Bearer token-1', 'Bearer token-2'],
    );
  });

  test('no Authorization header without getToken, or when it gives an empty token', async () => {
    handler = (_req, res) => json(res, 200, DEMO_PARTNER);
    await backend().getPartner();
    await backend({ getToken: () => '' }).getPartner();
    assert.equal(seen[0]!.headers.authorization, undefined);
    assert.equal(seen[1]!.headers.authorization, undefined);
  });

  test('PATCH and DELETE send If-Match with the quoted version; DELETE takes 204', async () => {
    handler = (req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204);
        res.end();
      } else json(res, 200, { ...customer, name: 'Renamed', version: 5 });
    };
    const updated = await backend().updateCustomer(1, { name: 'Renamed' }, 4);
    assert.equal(updated.version, 5);
    assert.equal(await backend().deleteCustomer(1, 5), undefined);
    assert.deepEqual(
      seen.map((r) => [r.method, r.url, r.headers['if-match']]),
      [
        ['PATCH', '/api/customers/1', '"4"'],
        ['DELETE', '/api/customers/1', '"5"'],
      ],
    );
    assert.deepEqual(JSON.parse(seen[0]!.body), { name: 'Renamed' });
  });

  test('plan, trial and app access send If-Match with the quoted version only when given one', async () => {
    handler = (req, res) => json(res, 200, req.url.endsWith('/app-access') ? JSON.parse(req.body) : customer);
    await backend().setPlan(1, 'growth', { version: 4 });
    await backend().setTrial(1, false, { version: 5 });
    await backend().setAppAccess(1, { mode: 'all' }, { version: 6 });
    await backend().setPlan(1, 'growth');
    await backend().setTrial(1, false, {});
    await backend().setAppAccess(1, { mode: 'all' });
    assert.deepEqual(
      seen.map((r) => [r.method, r.url, r.headers['if-match']]),
      [
        ['PUT', '/api/customers/1/plan', '"4"'],
        ['PUT', '/api/customers/1/trial', '"5"'],
        ['PUT', '/api/customers/1/app-access', '"6"'],
        ['PUT', '/api/customers/1/plan', undefined],
        ['PUT', '/api/customers/1/trial', undefined],
        ['PUT', '/api/customers/1/app-access', undefined],
      ],
    );
  });

  test('history: page and per_page in the query only when given; an entry off the contract is a SchemaError', async () => {
    const entry = {
      id: 9,
      at: anchor.toISOString(),
      action: 'plan',
      actor: { kind: 'admin', name: DEMO_PARTNER.admin.name },
      version: 3,
      changes: [{ field: 'plan_id', from: 'starter', to: 'growth' }],
    };
    handler = (_req, res) => json(res, 200, { items: [entry], total: 1, page: 1, per_page: 20 });
    assert.deepEqual((await backend().listHistory(3)).items, [entry]);
    await backend().listHistory({ externalId: 'acct/7' }, { page: 2, per_page: 50 });
    assert.deepEqual(seen.map((r) => r.url), ['/api/customers/3/history', '/api/customers/E' + encodeURIComponent('acct/7') + '/history?page=2&per_page=50']);
    handler = (_req, res) => json(res, 200, { items: [{ ...entry, changes: [{ field: 'password', from: null, to: 'x' }] }], total: 1, page: 1, per_page: 20 });
    assert.ok((await rejection(backend().listHistory(3))) instanceof SchemaError);
  });

  test('list parameters: plan repeated, text and dates encoded, empty ones left out', async () => {
    handler = (_req, res) =>
      json(res, 200, { items: [customer], total: 1, page: 2, per_page: 50, counts: { all: 1, active: 1, trial: 0, expired: 0 } });
    const page = await backend().listCustomers({
      q: 'Müller & Söhne #1',
      plan: ['starter', 'growth'],
      status: 'active',
      app: 'pipeline-crm',
      joined_from: '2025-01-01',
      joined_to: '2025-12-31',
      sort: '-tasks_used',
      page: 2,
      per_page: 50,
    });
    assert.equal(page.items.length, 1);
    const url = new URL(seen[0]!.url, 'http://x');
    assert.equal(url.pathname, '/api/customers');
    assert.deepEqual(url.searchParams.getAll('plan'), ['starter', 'growth']);
    assert.equal(url.searchParams.get('q'), 'Müller & Söhne #1');
    assert.equal(url.searchParams.get('sort'), '-tasks_used');
    assert.equal(url.searchParams.get('joined_to'), '2025-12-31');
    assert.equal(url.searchParams.get('per_page'), '50');

    seen = [];
    await backend().listCustomers({ q: '', plan: [] });
    assert.equal(seen[0]!.url, '/api/customers');
  });

  test('external IDs with slash, hash, space and unicode travel as one encoded path segment', async () => {
    handler = (_req, res) => json(res, 200, customer);
    for (const externalId of ['acct/2024/7', 'team #7', 'client 7 ref', '顧客-7', '100%-7', 'a+b=7?x&y']) {
      seen = [];
      await backend().getCustomer({ externalId });
      const path = seen[0]!.url;
      assert.ok(path.startsWith('/api/customers/E'), path);
      const segment = path.slice('/api/customers/'.length);
      assert.ok(!segment.includes('/') && !segment.includes('?') && !segment.includes('#'), segment);
      assert.equal(decodeURIComponent(segment), `E${externalId}`);
    }
  });

  test('sub-resources use the right method, path and body', async () => {
    handler = (req, res) => {
      const path = req.url.replace(/\?.*/, '');
      if (path.endsWith('/app-access')) return json(res, 200, req.method === 'PUT' ? JSON.parse(req.body) : { mode: 'all' });
      if (path.endsWith('/collaborators')) return json(res, 200, { items: [] });
      if (path.endsWith('/switch')) return json(res, 200, { url: 'https://app.partner.example/switch/3' });
      if (path.endsWith('/dashboard'))
        return json(res, 200, { period: '7d', recipes: 0, active_recipes: 0, successful_jobs: 0, failed_jobs: 0, series: [], top_failing_recipes: [] });
      if (path === '/api/plans') return json(res, 200, { items: plansWithFree(DEMO_PLANS) });
      if (path === '/api/embed/session')
        return json(res, 200, { session: 's'.repeat(32), customer_id: 3, origin: 'https://partner.example', expires_at: anchor.toISOString() });
      return json(res, 200, customer);
    };
    const http = backend({ baseUrl: `${baseUrl}/` });
    await http.setPlan(3, 'growth');
    await http.setTrial(3, true);
    assert.deepEqual(await http.getAppAccess(3), { mode: 'all' });
    assert.deepEqual(await http.setAppAccess(3, { mode: 'selected', app_ids: ['a'] }), { mode: 'selected', app_ids: ['a'] });
    assert.deepEqual(await http.listCollaborators(3), []);
    assert.equal((await http.getDashboard(3, '7d')).period, '7d');
    assert.equal((await http.switchToAccount(3)).url, 'https://app.partner.example/switch/3');
    assert.equal((await http.listPlans()).at(-1)!.id, 'free');
    assert.equal((await http.createEmbedSession({ token: 'jwt', origin: 'https://partner.example' })).customer_id, 3);
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.url} ${r.body}`),
      [
        'PUT /api/customers/3/plan {"plan_id":"growth"}',
        'PUT /api/customers/3/trial {"enabled":true}',
        'GET /api/customers/3/app-access ',
        'PUT /api/customers/3/app-access {"mode":"selected","app_ids":["a"]}',
        'GET /api/customers/3/collaborators ',
        'GET /api/customers/3/dashboard?period=7d ',
        'POST /api/customers/3/switch ',
        'GET /api/plans ',
        'POST /api/embed/session {"token":"jwt","origin":"https://partner.example"}',
      ],
    );
  });
});
