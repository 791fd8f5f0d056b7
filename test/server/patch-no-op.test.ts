/**
 * A PATCH that changes nothing is a no-op, on both backends (HttpBackend → the SQLite reference
 * server, and MemoryBackend): `{}` or fields already as given answer the customer as it is, version
 * unchanged, so another editor's save from the same version still applies. A field the contract
 * does not know is a 422 naming it, and changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError } from '../../src/backend/errors.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { CustomerPatch } from '../../src/model/schemas.js';
import { rejection } from '../support/rejection.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, TEST_TOKEN } from './server-fixture.js';

interface Subject {
  backend: Backend;
  close(): Promise<void>;
}

const subjects: Array<[string, () => Promise<Subject>]> = [
  [
    'HttpBackend → reference server (SQLite)',
    async () => {
      const server = await startTestServer();
      return { backend: new HttpBackend({ baseUrl: server.api, getToken: () => TEST_TOKEN, retries: 0 }), close: () => server.close() };
    },
  ],
  [
    'MemoryBackend',
    async () => ({
      backend: new MemoryBackend({ seed: CONTRACT_FIXTURE.seed, size: CONTRACT_FIXTURE.size, now: () => CONTRACT_FIXTURE.now }),
      close: async () => {},
    }),
  ],
];

/** A patch with a field the contract does not have (what a client with a typo sends). */
const withUnknown = (patch: Record<string, unknown>) => patch as CustomerPatch;

for (const [name, open] of subjects) {
  describe(`PATCH that changes nothing: ${name}`, () => {
    const test = (title: string, body: (backend: Backend) => Promise<void>) =>
      it(title, async () => {
        const subject = await open();
        try {
          await body(subject.backend);
        } finally {
          await subject.close();
        }
      });

    test('{} answers the customer as it is, version unchanged; another editor still saves from that version', async (backend) => {
      const before = await backend.getCustomer(5);
      assert.deepEqual(await backend.updateCustomer(5, {}, before.version), before);
      assert.deepEqual(await backend.getCustomer(5), before);
      const other = await backend.updateCustomer(5, { name: 'Saved By The Other Editor' }, before.version);
      assert.equal(other.version, before.version + 1);
    });

    test('fields already as given are a no-op too (origins compared after normalising)', async (backend) => {
      const start = await backend.getCustomer(6);
      const withOrigin = await backend.updateCustomer(6, { origins: ['https://app.same.example'] }, start.version);
      const same = await backend.updateCustomer(
        6,
        { name: withOrigin.name, notification_email: withOrigin.notification_email, external_id: withOrigin.external_id, origins: [' HTTPS://App.Same.Example:443 '] },
        withOrigin.version,
      );
      assert.deepEqual(same, withOrigin);
      assert.equal((await backend.getCustomer(6)).version, withOrigin.version);
    });

    test('a no-op with a stale version is still 412', async (backend) => {
      const before = await backend.getCustomer(7);
      const error = await rejection(backend.updateCustomer(7, {}, before.version + 1));
      assert.ok(error instanceof HttpError && error.status === 412, String(error));
    });

    test('an unknown field is a 422 naming it, alone or beside a real change, and nothing changes', async (backend) => {
      const before = await backend.getCustomer(8);
      for (const patch of [{ nickname: 'Nick' }, { name: 'Renamed', nickname: 'Nick' }, { Name: 'Renamed' }]) {
        const error = await rejection(backend.updateCustomer(8, withUnknown(patch), before.version));
        assert.ok(error instanceof HttpError && error.status === 422, `${JSON.stringify(patch)}: ${String(error)}`);
        const unknown = Object.keys(patch).find((k) => !['name', 'notification_email', 'external_id', 'origins'].includes(k))!;
        assert.ok(
          Object.values(error.fieldErrors).some((messages) => messages.some((m) => m.includes(JSON.stringify(unknown)))),
          `the errors name ${unknown}: ${JSON.stringify(error.fieldErrors)}`,
        );
      }
      assert.deepEqual(await backend.getCustomer(8), before);
    });
  });
}
