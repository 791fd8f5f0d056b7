/** The reference server serves the contract's OpenAPI document under its API base, without a token. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOpenApiDocument } from '../../src/contract/openapi.js';
import { startTestServer, type TestServer } from './server-fixture.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('GET /api/openapi.json', () => {
  it('answers the document, with this server as its server, to a caller without a token', async () => {
    const res = await fetch(`${server.api}/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
    assert.deepEqual(body, buildOpenApiDocument({ servers: [{ url: '/api', description: 'This server' }] }));
    assert.equal(body.openapi, '3.1.0');
    assert.ok(body.paths['/customers/{ref}']);
  });
});
