/**
 * The demo as `npm start` serves it, for the end-to-end tests: demo/index.html built with Vite into
 * a temp dir, a seeded SQLite database, the reference server on a loopback port, Chromium, and an
 * HttpBackend from Node to compare the page with the API. `close()` stops and removes it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { startServer, type RunningServer } from '../../demo/server/server.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

const REPO = join(import.meta.dirname, '..', '..');

export interface DemoFixture {
  server: RunningServer;
  browser: Browser;
  /** The API as the page's admin sees it. */
  api: HttpBackend;
  close(): Promise<void>;
}

export async function startDemo({ name, token, seed = 5, count = 600 }: { name: string; token: string; seed?: number; count?: number }): Promise<DemoFixture> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const staticDir = join(dir, 'dist');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(REPO, 'demo'),
    base: '/',
    build: { outDir: staticDir, emptyOutDir: true, rollupOptions: { input: { index: join(REPO, 'demo/index.html') } } },
  });
  const db = openDatabase(join(dir, 'console.sqlite'));
  seedDatabase(db, { seed, count });
  const server = await startServer({ db, staticDir, adminToken: token, hostname: '127.0.0.1', port: 0 });
  const api = new HttpBackend({ baseUrl: `${server.url}/api`, getToken: () => token });
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    api,
    async close() {
      await browser.close();
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
