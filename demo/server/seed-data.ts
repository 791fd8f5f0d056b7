/**
 * Fills a database from the same deterministic generator as MemoryBackend: customer `i` of seed `s`
 * is the same record in both. Rows are streamed in batches, each batch one transaction, so a
 * million customers never sit in memory at once.
 */
import type { Database } from 'better-sqlite3';
import { generateActivity, generateCollaborators, generateCustomer, startOfUtcDay } from '../../src/backend/generate.js';
import { CustomerStore } from './customer-store.js';
import { ActivityWriter } from './dashboard-store.js';
import { charsRowOf, FILL_TOP_APP_FILTER_COLUMNS, gramsRowOf, OPTIMIZE_CHARS_INDEX, OPTIMIZE_SEARCH_INDEXES, tagsColumnOf } from './db.js';
import { foldText } from '../../src/query/index.js';

export interface SeedOptions {
  seed: number;
  count: number;
  /** "Today" of the generated data; default the start of the current UTC day. */
  anchor?: Date;
  batchSize?: number;
  /** Called after each batch with the number of customers written so far. */
  onProgress?: (written: number) => void;
}

/**
 * Inserts customers with ids 1..count, their collaborators, and their recipes with 90 days of job
 * rollups (generateActivity), into an empty database.
 */
export function seedDatabase(db: Database, options: SeedOptions): void {
  const { seed, count, anchor = startOfUtcDay(), batchSize = 10_000, onProgress } = options;
  const existing = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  if (existing > 0) throw new Error(`The database already holds ${existing} customers; seed an empty one.`);
  // Bulk loading is several times faster without indexes, triggers and foreign-key checks: drop
  // them, insert, then recreate the indexes from their own SQL and build the search index once.
  const derived = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  db.pragma('foreign_keys = OFF');
  for (const { type, name } of derived) db.exec(`DROP ${type.toUpperCase()} "${name}"`);

  const store = new CustomerStore(db);
  // The pair and character index rows the insert triggers would write, computed here (twice as fast as in SQL).
  const insertGrams = db.prepare('INSERT INTO customer_grams (rowid, grams, days, tags) VALUES (?, ?, ?, ?)');
  const insertChars = db.prepare('INSERT INTO customer_chars (rowid, chars, days, tags) VALUES (?, ?, ?, ?)');
  const activity = new ActivityWriter(db);
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const customer = generateCustomer(seed, index, anchor);
      const id = store.insert(customer);
      const folded = {
        nameFolded: foldText(customer.name),
        externalFolded: customer.external_id === null ? '' : foldText(customer.external_id),
        inTrial: customer.in_trial,
        planId: customer.plan_id,
        trialEndsMs: customer.trial_ends_at === null ? null : Date.parse(customer.trial_ends_at),
      };
      const tags = tagsColumnOf(customer.top_apps, customer.plan_id);
      const grams = gramsRowOf(folded);
      insertGrams.run(id, grams.grams, grams.days, tags);
      const chars = charsRowOf(folded);
      insertChars.run(id, chars.chars, chars.days, tags);
      store.insertCollaborators(customer.id, generateCollaborators(seed, customer.id));
      activity.add(customer.id, generateActivity(seed, customer, anchor));
    }
    activity.flush();
  });
  try {
    for (let from = 0; from < count; from += batchSize) {
      const to = Math.min(count, from + batchSize);
      insertBatch(from, to);
      onProgress?.(to);
    }
  } finally {
    db.transaction(() => {
      // The top-app rows' copy of the status (kept by a trigger, dropped while loading)…
      db.exec('UPDATE customer_top_apps SET status_key = (SELECT c.status_key FROM customers c WHERE c.id = customer_id)');
      // …and of the plan and date joined.
      db.exec(FILL_TOP_APP_FILTER_COLUMNS);
      for (const { sql } of derived) db.exec(sql);
      db.exec("INSERT INTO customer_search (customer_search) VALUES ('rebuild')");
      db.exec(OPTIMIZE_SEARCH_INDEXES);
      db.exec(OPTIMIZE_CHARS_INDEX);
    })();
    db.pragma('foreign_keys = ON');
  }
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seed', ?), ('anchor', ?), ('activity', ?)").run(
    String(seed),
    anchor.toISOString(),
    // Databases seeded before recipes were stored lack this key (main.ts says so).
    'generated',
  );
  // Statistics let the planner choose between a sort index and a filter index.
  db.exec('ANALYZE');
}
