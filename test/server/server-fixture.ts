/**
 * A reference server for tests: a fresh SQLite file in a temp directory, seeded like the contract
 * fixture, listening on a random loopback port, with a fixed clock. `close()` stops it and deletes
 * the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { startOfUtcDay } from '../../src/backend/generate.js';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { startServer, type ListenOptions, type RunningServer } from '../../demo/server/server.js';
import { CONTRACT_FIXTURE } from './contract.js';

export const TEST_TOKEN = 'test-admin-token';

export interface TestServer extends RunningServer {
  db: Database;
  api: string;
  /** fetch against the API with the admin token (unless headers override it). */
  call(path: string, init?: RequestInit): Promise<Response>;
}

export async function startTestServer(options: Partial<ListenOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'console-server-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  seedDatabase(db, { seed: CONTRACT_FIXTURE.seed, count: CONTRACT_FIXTURE.size, anchor: startOfUtcDay(CONTRACT_FIXTURE.now) });
  const running = await startServer({
    db,
    seed: CONTRACT_FIXTURE.seed,
    now: () => CONTRACT_FIXTURE.now,
    adminToken: TEST_TOKEN,
    hostname: '127.0.0.1',
    port: 0,
    ...options,
  });
  const api = `${running.url}/api`;
  return {
    ...running,
    db,
    api,
    call: (path, init = {}) =>
      fetch(api + path, { ...init, headers: { Authorization: `Bearer ${TEST_TOKEN}`, ...(init.headers as Record<string, string>) } }),
    close: async () => {
      await running.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
