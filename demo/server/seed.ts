/**
 * `npm run seed -- --customers N [--seed S] [--db path] [--anchor YYYY-MM-DD]`: creates (or replaces)
 * the reference server's SQLite database and fills it from the deterministic generator.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from './db.js';
import { seedDatabase } from './seed-data.js';
import { DEFAULT_DB_FILE } from './paths.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string', default: DEFAULT_DB_FILE },
    anchor: { type: 'string' },
  },
});

const count = Number(values.customers);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 0) throw new Error(`--customers must be a whole number, got ${values.customers}`);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
const anchor = values.anchor === undefined ? undefined : new Date(`${values.anchor}T00:00:00Z`);
if (anchor && Number.isNaN(anchor.getTime())) throw new Error(`--anchor must be YYYY-MM-DD, got ${values.anchor}`);

const file = values.db;
mkdirSync(dirname(file), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);

const started = performance.now();
const db = openDatabase(file);
seedDatabase(db, {
  seed,
  count,
  ...(anchor ? { anchor } : {}),
  onProgress: (written) => {
    if (written % 100_000 === 0 || written === count) process.stdout.write(`\r${written} / ${count} customers`);
  },
});
const rows = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const activity = `${rows('recipes')} recipes, ${rows('job_rollups_daily')} daily and ${rows('job_rollups_hourly')} hourly job rollups`;
db.close();
console.log(`\nSeeded ${count} customers (seed ${seed}; ${activity}) into ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
