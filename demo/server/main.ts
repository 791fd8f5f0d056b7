/**
 * The reference server as `npm start` runs it: opens (and on first run creates and seeds) the
 * default database, serves the API under /api and the built demo pages at /, on loopback only.
 *
 * Environment: PORT (default 4100), CONSOLE_ADMIN_TOKEN (default dev-admin-token), CONSOLE_DB (the
 * SQLite file, default demo/server/data/console.sqlite), CONSOLE_SEED_CUSTOMERS (first-run size,
 * default 5000), CUSTOMERS_CONSOLE_CORS_ORIGINS (the partner's own origins that may call the whole API
 * cross-origin, comma-separated, each a whole https origin or a loopback http one; a bad entry stops
 * the server, named).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from './db.js';
import { DEFAULT_DB_FILE, DEMO_DIST_DIR } from './paths.js';
import { seedDatabase } from './seed-data.js';
import { startServer, type RunningServer } from './server.js';
import { startEmbedDemoHosts } from './embed.js'; // embed demo (issue 5)
import { CORS_ORIGINS_ENV, parseCorsOrigins } from './cors.js';

const SEED = 1;

export async function main(): Promise<RunningServer> {
  const port = Number(process.env.PORT ?? 4100);
  const adminToken = process.env.CONSOLE_ADMIN_TOKEN ?? 'dev-admin-token';
  const file = process.env.CONSOLE_DB ?? DEFAULT_DB_FILE;
  const firstRunSize = Number(process.env.CONSOLE_SEED_CUSTOMERS ?? 5000);
  const corsOrigins = parseCorsOrigins(process.env[CORS_ORIGINS_ENV]);

  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  if (customers === 0) {
    console.log(`Creating ${file} with ${firstRunSize} demo customers…`);
    seedDatabase(db, { seed: SEED, count: firstRunSize });
  } else {
    console.log(`Using ${file} (${customers} customers).`);
    const activity = db.prepare("SELECT value FROM meta WHERE key = 'activity'").pluck().get();
    if (activity === undefined) console.log('It was seeded before recipes were stored: dashboards read empty. `npm run seed` refills it.');
  }

  const staticDir = existsSync(join(DEMO_DIST_DIR, 'index.html')) ? DEMO_DIST_DIR : null;
  const server = await startServer({ db, seed: SEED, adminToken, staticDir, corsOrigins, hostname: '127.0.0.1', port });

  // --- embed demo (issue 5): partner host page on 127.0.0.2, a stranger's on 127.0.0.3 ---
  const embedDemo = staticDir
    ? await startEmbedDemoHosts(server.context, server.url, staticDir, port).catch((error: Error) => {
        console.log(`Embed demo hosts not started: ${error.message}`);
        return null;
      })
    : null;
  if (embedDemo) console.log(`Embed demo: partner ${embedDemo.partnerUrl}/   stranger ${embedDemo.strangerUrl}/`);
  // --- end embed demo ---

  console.log(`\nCustomers console demo: ${server.url}/`);
  console.log(`API: ${server.url}/api   (Authorization: Bearer ${adminToken})`);
  if (corsOrigins.length > 0) console.log(`CORS on the whole API for: ${corsOrigins.join(', ')}`);
  if (!staticDir) console.log('dist-demo is missing: serving the built-in customer list page instead of the console.');
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await embedDemo?.close(); // embed demo (issue 5)
    await server.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
