/**
 * The partner-runnable contract checks (src/contract/checks.ts, what `npx customers-console-contract`
 * runs), each as a test: against the reference server over real HTTP (HttpBackend and raw requests)
 * and against MemoryBackend (the checks that need HTTP are skipped there). Every writing check runs,
 * on one scratch customer, in the order the CLI runs them; they put back what they change, so later
 * checks see the data as it was. The clock is the real one, as on a partner's backend.
 */
import { after, before, describe, it } from 'node:test';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { CONTRACT_CHECKS, httpTarget, type CheckTarget } from '../../src/contract/checks.js';
import { CONTRACT_FIXTURE } from './contract.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './server-fixture.js';

const SCRATCH = 5;

function suite(name: string, open: () => Promise<{ target: CheckTarget; close(): Promise<void> }>) {
  describe(`contract checks: ${name}`, () => {
    let subject: { target: CheckTarget; close(): Promise<void> };
    before(async () => {
      subject = await open();
    });
    after(() => subject.close());
    for (const check of CONTRACT_CHECKS) {
      it(check.title, async (t) => {
        if (check.http && !subject.target.http) return t.skip('needs HTTP');
        await check.run(subject.target);
      });
    }
  });
}

suite('HttpBackend → reference server (SQLite)', async () => {
  const server: TestServer = await startTestServer({ now: () => new Date() });
  return { target: httpTarget({ baseUrl: server.api, token: TEST_TOKEN, scratchCustomer: SCRATCH }), close: () => server.close() };
});

suite('MemoryBackend', async () => ({
  target: { backend: new MemoryBackend({ seed: CONTRACT_FIXTURE.seed, size: CONTRACT_FIXTURE.size }), scratchCustomer: SCRATCH },
  close: async () => {},
}));
