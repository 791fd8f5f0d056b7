/**
 * Fuzz test of the reference server with fast-check: generated hostile requests to every route
 * (paths and customer references, query parameters, headers, bodies) over real HTTP. Every answer
 * must be below 500; every error answer from the console server a problem+json whose `status` is the
 * HTTP status (the framed console page answers its refusals as plain HTML pages by design); and
 * after each request a digest of every table must be unchanged. The generated writes are built so
 * that none may apply (a stale or malformed If-Match, a body that breaks the contract, a token no
 * one signed), so a changed digest is a write that got through.
 *
 * Bounded: a fixed number of generated requests (FUZZ_RUNS, default 400) and a time limit
 * (FUZZ_TIME_MS, default 20 s) for the whole run; each request times out after 5 s. The seed is
 * FUZZ_SEED, or a fresh one printed with the results (and in the failure message, with the
 * shrunk request) so any failure can be replayed: `FUZZ_SEED=<seed> node --import tsx --test
 * test/server/server-fuzz.test.ts`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../demo/server/app.js';
import { startPartnerHost, type RunningHost } from '../../demo/server/embed.js';
import { DEMO_PLANS, generateApps } from '../../src/backend/generate.js';
import { plansWithFree } from '../../src/model/rules.js';
import { Problem } from '../../src/model/schemas.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 20_000);
const SEED = process.env.FUZZ_SEED === undefined ? (Date.now() ^ (process.pid << 16)) | 0 : Number(process.env.FUZZ_SEED);
const REQUEST_TIMEOUT_MS = 5_000;

let server: TestServer;
let host: RunningHost;
let staticDir: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

before(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'console-fuzz-static-'));
  mkdirSync(join(staticDir, 'embed'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(staticDir, 'embed', 'console.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(join(staticDir, 'embed', 'host.html'), '<!doctype html><title>host</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
  server = await startTestServer({ staticDir });
  // Listed by the partner, so CORS answers are part of what is generated.
  server.context.partner.origins.push('http://127.0.0.2:4100');
  host = await startPartnerHost({ hostname: '127.0.0.1', consoleOrigin: server.url, staticDir, label: 'fuzz host', frames: [] });
});
after(async () => {
  agent.destroy();
  await host.close();
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

// -----------------------------------------------------------------------------------------------
// The database before and after

/** Every table, shadow tables of the search indexes included, value by value. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  const tables = server.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (server.db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    hash.update(`\u0000${table}\u0000`);
    for (const row of server.db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) hash.update(value);
        else hash.update(`${typeof value}:${String(value)}`);
        hash.update('\u0001');
      }
    }
  }
  return hash.digest('hex');
}

// -----------------------------------------------------------------------------------------------
// Generators

const KNOWN_PLANS = new Set(plansWithFree(DEMO_PLANS).map((p) => p.id));
const KNOWN_APPS = new Set(generateApps().map((a) => a.id));
const SIZE = CONTRACT_FIXTURE.size;

/** Strings that have broken code before: markup, SQL, FTS syntax, path tricks, controls, odd Unicode. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'acme\u0000ltd',
  '"',
  '""',
  '"ltd',
  "'; DROP TABLE customers; --",
  'ltd OR 1=1',
  'NEAR(a b)',
  '*',
  'a*',
  '^ltd',
  'name:ltd',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '\\',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u{1f600}\u{1f600}\u{1f600}',
  'ＡＣＭＥ',
  'Ǆ',
  'ß',
  'İ',
  'ς',
  '한국어',
  'x'.repeat(201),
  'x'.repeat(5000),
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  'Infinity',
  'true',
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => s.toUpperCase()) },
);

/** Values of any JSON type, hostile ones favoured. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 53, -(2 ** 63), 1e308)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.array(anyString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, anyString, { maxKeys: 3 }) },
);

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as a browser sends). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return percentEncode(text);
  }
};

/** A path segment: encoded text, raw characters Node lets through, or broken percent-encodings. */
const pathSegment = fc.oneof(
  anyString.map(encode),
  fc.stringMatching(/^[!-~]{0,12}$/).map((s) => s.replace(/[#?]/g, '')),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0%AF', '%ED%A0%80', '..', '.', '', '%2e%2e', '%2F', '%00', '%FF%FE'),
);

/** What names a customer in a path: real and missing User IDs, odd spellings of them, external IDs. */
const customerRef = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: SIZE }).map(String) },
  fc.constantFrom('0', '-1', `${SIZE + 1}`, '99999999999999999999', '1e0', '0x1', '+1', '%2B1', '01', '%201', '1%20', '1.0', 'E', 'e1'),
  anyString.map((s) => `E${encode(s)}`),
  pathSegment,
);

/** An If-Match that must never match: every seeded customer is at version 1 and no write may apply. */
const ifMatch = fc
  .oneof(
    fc.constantFrom('"2"', '"0"', '"01"', '"1', '1"', '1', 'W/"1"', '*', '"1", "2"', '""', '"v1"', '"9007199254740993"', '"-1"', "'1'"),
    fc.integer({ min: 2, max: 2 ** 31 }).map((n) => `"${n}"`),
    fc.string({ maxLength: 12 }),
  )
  .filter((value) => value.trim() !== '"1"');

const headerValue = fc.oneof(
  fc.stringMatching(/^[\t\x20-\x7e]{0,60}$/),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
  nastyString.map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
);

interface Generated {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The demo partner host instead of the console server. */
  target?: 'host';
}

const authorization = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`Bearer ${TEST_TOKEN}`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', `bearer ${TEST_TOKEN}`, `Bearer ${TEST_TOKEN}x`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(9000)}`) },
  { weight: 1, arbitrary: headerValue.map((v) => `Bearer ${v}`) },
);
const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'application/merge-patch+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ''),
  },
);
/** Headers sent beside the route's own: origins (CORS), idempotency keys, junk. */
const extraHeaders = fc.record(
  {
    Origin: fc.constantFrom('http://127.0.0.2:4100', 'https://evil.example', 'null', 'http://127.0.0.1', 'https://app.customer.example:8443'),
    'Idempotency-Key': headerValue,
    'Access-Control-Request-Method': fc.constantFrom('GET', 'PATCH', 'DELETE', 'TRACE'),
    'X-Forwarded-For': fc.constantFrom('127.0.0.1', 'evil.example'),
    Accept: fc.constantFrom('*/*', 'text/html', 'application/problem+json'),
    Cookie: headerValue,
  },
  { requiredKeys: [] },
);

/** A JSON text: the value, or something that is not quite JSON, or nested past any limit. */
const jsonText = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'nul', '[1,]', '{"a":1}}', '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}') },
    { weight: 1, arbitrary: fc.integer({ min: 17, max: 50_000 }).map((depth) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 1) })) },
  );

/** A string that can never be a valid e-mail address (it has no @), or not a string at all. */
const notAnEmail = fc.oneof(anyString.map((s) => s.replaceAll('@', '')), fc.integer(), fc.constant(null), fc.array(anyString, { maxLength: 2 }));

/** Create bodies that can never be valid: the e-mail is never one, or the whole body is not an object of fields. */
const createBody = fc.oneof(
  fc.record({ name: jsonValue, notification_email: notAnEmail, plan_id: jsonValue, external_id: jsonValue }, { requiredKeys: ['notification_email'] }),
  jsonValue,
);

const patchBody = fc.oneof(
  fc.record({ name: jsonValue, notification_email: jsonValue, external_id: jsonValue, origins: fc.oneof(jsonValue, fc.array(anyString, { maxLength: 3 })) }, { requiredKeys: [] }),
  fc.dictionary(anyString, jsonValue, { maxKeys: 3 }),
  jsonValue,
);

/** Plan, trial and app-access bodies, without the ones the contract accepts (those would apply). */
const planBody = fc.oneof(fc.record({ plan_id: jsonValue }), jsonValue).filter(
  (b) => !(isObject(b) && typeof b.plan_id === 'string' && KNOWN_PLANS.has(b.plan_id.trim())),
);
const trialBody = fc.oneof(fc.record({ enabled: jsonValue }), jsonValue).filter((b) => !(isObject(b) && typeof b.enabled === 'boolean'));
const appAccessBody = fc
  .oneof(
    fc.record({ mode: fc.oneof(fc.constantFrom('all', 'selected', 'some', 'ALL'), jsonValue), app_ids: fc.oneof(fc.array(anyString, { maxLength: 3 }), jsonValue) }, { requiredKeys: ['mode'] }),
    jsonValue,
  )
  .filter(
    (b) =>
      !(isObject(b) && (b.mode === 'all' || (b.mode === 'selected' && Array.isArray(b.app_ids) && b.app_ids.every((id) => typeof id === 'string' && KNOWN_APPS.has(id.trim()))))),
  );

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LIST_PARAMS = ['q', 'plan', 'status', 'app', 'joined_from', 'joined_to', 'sort', 'page', 'per_page'];
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LIST_PARAMS) }, { weight: 1, arbitrary: anyString }),
      fc.oneof(
        anyString,
        fc.constantFrom('name', '-name', '--name', 'trial', 'all', 'growth', 'free', '2026-02-30', '2026-06-15', '0', '-1', '200', '201', '1e2', '1.5'),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));

const withQuery = (path: string, query: string) => (query === '' ? path : `${path}?${query}`);

/** One generated request to one route (or a path of none), with its own method. */
const routeRequest: fc.Arbitrary<Omit<Generated, 'headers'> & { headers?: Record<string, string> }> = fc.oneof(
  queryString.map((q) => ({ method: 'GET', path: withQuery('/api/customers', q) })),
  fc.tuple(createBody, fc.option(headerValue)).map(([body, key]) => ({
    method: 'POST',
    path: '/api/customers',
    ...(key === null ? {} : { headers: { 'Idempotency-Key': key } }),
    body: JSON.stringify(body) ?? 'null',
  })),
  customerRef.map((ref) => ({ method: 'GET', path: `/api/customers/${ref}` })),
  fc.tuple(customerRef, patchBody, fc.option(ifMatch)).chain(([ref, body, tag]) =>
    jsonText(fc.constant(body)).map((text) => ({ method: 'PATCH', path: `/api/customers/${ref}`, ...(tag === null ? {} : { headers: { 'If-Match': tag } }), body: text })),
  ),
  fc.tuple(customerRef, fc.option(ifMatch)).map(([ref, tag]) => ({ method: 'DELETE', path: `/api/customers/${ref}`, ...(tag === null ? {} : { headers: { 'If-Match': tag } }) })),
  fc.tuple(customerRef, planBody).chain(([ref, body]) => jsonText(fc.constant(body)).map((text) => ({ method: 'PUT', path: `/api/customers/${ref}/plan`, body: text }))),
  fc.tuple(customerRef, trialBody).chain(([ref, body]) => jsonText(fc.constant(body)).map((text) => ({ method: 'PUT', path: `/api/customers/${ref}/trial`, body: text }))),
  fc.tuple(customerRef, appAccessBody).chain(([ref, body]) => jsonText(fc.constant(body)).map((text) => ({ method: 'PUT', path: `/api/customers/${ref}/app-access`, body: text }))),
  fc.tuple(customerRef, fc.constantFrom('app-access', 'collaborators', 'dashboard', 'history', 'switch', 'plan'), fc.option(anyString)).map(([ref, sub, period]) => ({
    method: sub === 'switch' ? 'POST' : 'GET',
    path: withQuery(`/api/customers/${ref}/${sub}`, period === null ? '' : `period=${encode(period)}`),
  })),
  // History paging: page and per_page are among the generated names.
  fc.tuple(customerRef, queryString).map(([ref, q]) => ({ method: 'GET', path: withQuery(`/api/customers/${ref}/history`, q) })),
  fc.constantFrom('/api/plans', '/api/apps', '/api/partner', '/api/demo-config.json', '/api/openapi.json').map((path) => ({ method: 'GET', path })),
  fc.record({ token: jsonValue, origin: jsonValue }, { requiredKeys: [] }).chain((body) =>
    jsonText(fc.constant(body)).map((text) => ({ method: 'POST', path: '/api/embed/session', body: text })),
  ),
  fc.constant({ method: 'DELETE', path: '/api/embed/session' }),
  fc.tuple(anyString, anyString).map(([token, origin]) => ({ method: 'GET', path: `/embed/console?token=${encode(token)}&origin=${encode(origin)}` })),
  fc.tuple(anyString, anyString).map(([token, origin]) => ({
    method: 'POST',
    path: '/embed/console',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `token=${encode(token)}&origin=${encode(origin)}`,
  })),
  fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((segments) => ({ method: 'GET', path: `/${segments.join('/')}` })),
  fc.tuple(fc.constantFrom('/api', '/api/customers', '/embed', ''), fc.array(pathSegment, { minLength: 1, maxLength: 3 })).map(([base, segments]) => ({
    method: 'GET',
    path: `${base}/${segments.join('/')}`,
  })),
  // The demo partner host: its assets, its token endpoint, any other path.
  fc.tuple(fc.constantFrom('/assets/', '/partner/token?customer=', '/'), pathSegment).map(([base, segment]) => ({ method: 'GET', path: base + segment, target: 'host' as const })),
);

const request$ = fc
  .tuple(
    routeRequest,
    authorization,
    contentType,
    extraHeaders,
    fc.option(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), { freq: 8 }),
  )
  .map(([route, auth, type, extra, otherMethod]): Generated => ({
    ...route,
    method: otherMethod ?? route.method,
    headers: {
      ...extra,
      ...(auth === '' ? {} : { Authorization: auth }),
      ...(route.body !== undefined && type !== '' ? { 'Content-Type': type } : {}),
      ...route.headers,
    },
  }));

// -----------------------------------------------------------------------------------------------
// Sending

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(generated: Generated): Promise<Answer> {
  const base = new URL(generated.target === 'host' ? host.url : server.url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: base.hostname, port: base.port, method: generated.method, path: generated.path, headers: generated.headers, agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A 413 may close the connection while a large body is still being written.
      if (!answered) reject(error);
    });
    req.end(generated.body);
  });
}

/** What every answer must be; throws with the request and the answer when it is not. */
function check(generated: Generated, answer: Answer, digestBefore: string): void {
  const where = `${generated.method} ${generated.path} → ${answer.status} ${answer.contentType} ${answer.body.slice(0, 300)}`;
  assert.ok(answer.status < 500, `a 5xx: ${where}`);
  if (answer.status >= 400 && generated.target !== 'host' && generated.method !== 'HEAD') {
    const framedPage = /^\/embed\/console(\?|$)/.test(generated.path);
    if (framedPage && /^text\/html/.test(answer.contentType)) {
      assert.match(answer.body, /The console cannot open/, `a refusal page names the failed check: ${where}`);
    } else {
      assert.match(answer.contentType, /^application\/problem\+json/, `an error that is not problem+json: ${where}`);
      const problem = Problem.safeParse(JSON.parse(answer.body));
      assert.ok(problem.success, `a problem that does not fit the schema: ${where}`);
      assert.equal(problem.data.status, answer.status, where);
    }
  }
  assert.equal(databaseDigest(), digestBefore, `the database changed: ${where}`);
}

describe('fuzz: hostile requests to every route', () => {
  it('never a 5xx, errors as problem+json, no table changed', { timeout: TIME_LIMIT_MS + 60_000 }, async (t) => {
    const digest = databaseDigest();
    const statuses = new Map<number, number>();
    const details = await fc.check(
      fc.asyncProperty(request$, async (generated) => {
        const answer = await send(generated);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        check(generated, answer, digest);
      }),
      { seed: SEED, numRuns: RUNS, includeErrorInReport: true, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS), fc.timeout(REQUEST_TIMEOUT_MS * 2)] },
    );
    const byStatus = [...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n}`).join(' ');
    t.diagnostic(`fuzz: ${details.numRuns} generated requests (seed ${SEED}${details.interrupted ? ', stopped at the time limit' : ''}); answers ${byStatus}`);
    if (details.failed) assert.fail(`${fc.defaultReportMessage(details)}\nReplay with FUZZ_SEED=${SEED}`);
    assert.ok(details.numRuns >= Math.min(RUNS, 50), `only ${details.numRuns} requests ran in ${TIME_LIMIT_MS} ms`);
  });
});
