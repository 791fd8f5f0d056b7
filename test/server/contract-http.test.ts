/** The contract suite against HttpBackend talking over real HTTP to the SQLite reference server. */
import { HttpBackend } from '../../src/backend/http-backend.js';
import { contractSuite } from './contract.js';
import { startTestServer, TEST_TOKEN } from './server-fixture.js';

contractSuite('HttpBackend → reference server (SQLite)', async (clock) => {
  const server = await startTestServer({ now: clock });
  return {
    backend: new HttpBackend({ baseUrl: server.api, getToken: () => TEST_TOKEN, retries: 0, retryDelayMs: 1 }),
    close: () => server.close(),
  };
});
