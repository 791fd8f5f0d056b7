// The OpenAPI document of the backend contract: valid OpenAPI 3.1 (checked by @readme/openapi-parser,
// which validates against the official 3.1 schema and resolves every $ref), and covering every route
// the reference server's router holds, read from the router itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '@readme/openapi-parser';
import { buildOpenApiDocument, COMPONENT_SCHEMAS, CONTRACT_OPERATIONS } from '../../src/contract/openapi.js';
import { createApp, createServerContext } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db.js';
import { DEMO_CONFIG_PATH } from '../../demo/server/demo-config.js';

type Json = { [key: string]: unknown };
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Json };

/** `METHOD /path` of every route the reference server answers under its API base, in OpenAPI form. */
function serverRoutes(): string[] {
  const db = openDatabase(':memory:');
  try {
    const context = createServerContext({ db, staticDir: null });
    const app = createApp(context);
    const routes = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith(`${context.apiBase}/`))
      // The demo page's own configuration (the dev token, loopback only) is no part of the contract.
      .filter((r) => r.path !== `${context.apiBase}${DEMO_CONFIG_PATH}`)
      .map((r) => `${r.method} ${r.path.slice(context.apiBase.length).replace(/:(\w+)/g, '{$1}')}`);
    return [...new Set(routes)].sort();
  } finally {
    db.close();
  }
}

function documentRoutes(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/** Every `$ref` in the document with where it stands. */
function refs(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refs(v, `${at}/${key}`)));
}

function resolve(pointer: string): unknown {
  assert.ok(pointer.startsWith('#/'), `a local reference: ${pointer}`);
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

describe('OpenAPI document of the backend contract', () => {
  it('is valid OpenAPI 3.1 by the official schema, every $ref resolving (@readme/openapi-parser)', async () => {
    assert.match(String(doc.openapi), /^3\.1\./);
    const result = await validate(structuredClone(doc) as never);
    assert.deepEqual(result.valid ? [] : result.errors, []);
    assert.equal(result.valid, true);
  });

  it('every $ref points at something in the document', () => {
    const all = refs(doc);
    assert.ok(all.length > 50, `${all.length} references`);
    for (const { at, ref } of all) assert.notEqual(resolve(ref), undefined, `${at} → ${ref}`);
  });

  it("has every route of the reference server's router, and no route the server lacks", () => {
    const server = serverRoutes();
    assert.ok(server.length >= 18, `${server.length} routes on the server`);
    assert.deepEqual(documentRoutes(), server);
  });

  it('every operation answers problems as application/problem+json, and names its success schema', () => {
    for (const op of CONTRACT_OPERATIONS) {
      const operation = doc.paths[op.path]![op.method]! as { responses: Record<string, Json> };
      const what = `${op.method.toUpperCase()} ${op.path}`;
      assert.ok(operation.responses.default, `${what}: a default problem answer`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!(status === 'default' || Number(status) >= 400)) continue;
        const target = (response.$ref ? resolve(response.$ref as string) : response) as { content: Json };
        assert.deepEqual(Object.keys(target.content), ['application/problem+json'], `${what} ${status}`);
      }
      if (op.ok.status !== 204) assert.ok(operation.responses[String(op.ok.status)], what);
    }
  });

  it('the schemas are the zod schemas: required fields, enums and strictness carried over', () => {
    const schemas = doc.components.schemas as Record<string, Json>;
    assert.deepEqual(Object.keys(schemas).sort(), Object.keys(COMPONENT_SCHEMAS).sort());
    assert.deepEqual((schemas.Customer!.required as string[]).sort(), Object.keys(COMPONENT_SCHEMAS.Customer.shape).sort());
    assert.equal(schemas.CustomerPatch!.additionalProperties, false, 'PATCH refuses unknown fields');
    assert.deepEqual(schemas.Status!.enum, ['active', 'trial', 'expired']);
    assert.deepEqual(schemas.CustomerPage!.properties, { ...(schemas.CustomerPage!.properties as Json), items: { type: 'array', items: { $ref: '#/components/schemas/Customer' } } });
    for (const [name, schema] of Object.entries(schemas)) {
      assert.equal(schema.$schema, undefined, `${name}: no dialect of its own`);
      assert.equal(schema.$id, undefined, `${name}: no fragment $id`);
    }
  });

  it('says which writes need If-Match and which take Idempotency-Key', () => {
    const headerParams = (path: string, method: string) =>
      ((doc.paths[path]![method]!.parameters ?? []) as Json[]).filter((p) => p.in === 'header').map((p) => `${p.name}${p.required ? '!' : '?'}`);
    assert.deepEqual(headerParams('/customers/{ref}', 'patch'), ['If-Match!']);
    assert.deepEqual(headerParams('/customers/{ref}', 'delete'), ['If-Match!']);
    assert.deepEqual(headerParams('/customers', 'post'), ['Idempotency-Key?']);
    const get = doc.paths['/customers/{ref}']!.get!.responses as Record<string, Json>;
    assert.deepEqual(get['200']!.headers, { ETag: { $ref: '#/components/headers/ETag' } });
    const busy = resolve('#/components/responses/ServiceUnavailable') as Json;
    assert.ok((busy.headers as Json)['Retry-After']);
  });
});
