/**
 * Opening the reference database and migrating it. Migrations are numbered SQL steps applied in
 * order, recorded in `PRAGMA user_version`, each in its own transaction.
 *
 * One database holds one partner's customers (the server is configured with that partner), so
 * "unique external ID per partner" is a unique index and no query pays for a partner column.
 *
 * Status is derived from the clock (see customerStatus in src/model/rules.ts), so it is not stored;
 * instead `in_trial`, `trial_ends_ms` and `plan_id` are indexed so each status is an index range.
 * Every sort has an index per direction whose implicit trailing rowid gives the `id ASC` tie-break
 * both ways. Search uses an FTS5 trigram index over the folded name and external ID.
 *
 * Exact status counts over many matches avoid a lookup per match: an app's top-app rows carry copies
 * of the customer's status key, plan and date joined (kept by triggers), and searches with many
 * matches, or of one or two characters, are counted on `customer_grams` (character pairs) or
 * `customer_chars` (characters), whose tokens carry the status group; both also hold the top apps and
 * the stored plan as tokens, so a search with an app or plan filter is counted there too. Each sort
 * index also holds the filter columns, so a filtered page walks it without reading rows (see
 * CustomerStore.list).
 *
 * Dashboards read `recipes` and the job rollups per recipe (`job_rollups_daily` for 90 days,
 * `job_rollups_hourly` for the last two), WITHOUT ROWID tables whose primary keys start with the
 * customer: a period is one key range per table (see dashboard-store.ts).
 *
 * Each customer's change history is `customer_history`, one row per write that changed something,
 * read newest first on (customer_id, id) (see history-store.ts).
 */
import Database from 'better-sqlite3';
import { FREE_PLAN_ID } from '../../src/model/schemas.js';

/** Keep the external-content search index in step with the customers table. */
const SEARCH_TRIGGERS = `
  CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search (rowid, name_folded, external_folded)
      VALUES (new.id, new.name_folded, new.external_folded);
  END;
  CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, name_folded, external_folded)
      VALUES ('delete', old.id, old.name_folded, old.external_folded);
  END;
  CREATE TRIGGER customers_search_update AFTER UPDATE OF name_folded, external_folded ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, name_folded, external_folded)
      VALUES ('delete', old.id, old.name_folded, old.external_folded);
    INSERT INTO customer_search (rowid, name_folded, external_folded)
      VALUES (new.id, new.name_folded, new.external_folded);
  END;
`;

/**
 * A customer's status as one number, so that at any clock `now` each status is one range:
 * trial = key > now; expired = key in [STATUS_KEY.free, now] (a trial ended, or on the free plan);
 * active = STATUS_KEY.active. In trial the key is the trial's end; the two markers lie below any
 * date a trial can end (the year -29,700).
 */
export const STATUS_KEY = { free: -1e15, active: -2e15 } as const;
const STATUS_KEY_SQL = `CASE WHEN in_trial = 1 THEN trial_ends_ms WHEN plan_id = '${FREE_PLAN_ID}' THEN ${STATUS_KEY.free} ELSE ${STATUS_KEY.active} END`;

/** Keep customer_top_apps.status_key equal to its customer's status_key. */
const TOP_APP_STATUS_TRIGGERS = `
  CREATE TRIGGER customer_top_apps_status_insert AFTER INSERT ON customer_top_apps BEGIN
    UPDATE customer_top_apps SET status_key = (SELECT c.status_key FROM customers c WHERE c.id = new.customer_id)
      WHERE customer_id = new.customer_id AND position = new.position;
  END;
  CREATE TRIGGER customers_status_update AFTER UPDATE OF in_trial, trial_ends_ms, plan_id ON customers BEGIN
    UPDATE customer_top_apps SET status_key = new.status_key WHERE customer_id = new.id;
  END;
`;

/**
 * Search counting by status without reading customers: `customer_grams` holds, per customer, the
 * ordered character pairs (bigrams) of the folded name and folded external ID as tokens like
 * `g63x6fp` (U+0063 U+006F, then the status group: p paid, q free plan, t in trial), a `zz` token
 * between name and external ID; in-trial customers also get the same pairs in `days` suffixed with
 * the trial's end day (`w20419`, days since 1970, 0 for earlier ends). A two-character query is one
 * token per group; a longer one is a phrase of consecutive pairs, which matches exactly the texts
 * holding it. So each status count is a count of one phrase, and only the trials ending on the
 * current day need their end read (see CustomerStore).
 */
const pairTokens = (text: string, suffix: string) => `coalesce((
    WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(${text}) - 1)
    SELECT group_concat(printf('g%xx%x', unicode(substr(${text}, n, 1)), unicode(substr(${text}, n + 1, 1))) || ${suffix}, ' ' ORDER BY n)
    FROM p WHERE length(${text}) >= 2), '')`;
/** The `grams` and `days` values of a customers row; `row` is 'new.' in a trigger, '' in a SELECT. */
const gramColumns = (row: string) => {
  const group = `(CASE WHEN ${row}in_trial = 1 THEN 't' WHEN ${row}plan_id = '${FREE_PLAN_ID}' THEN 'q' ELSE 'p' END)`;
  const day = `('w' || max(0, ${row}trial_ends_ms / 86400000))`;
  const both = (suffix: string) => `${pairTokens(`${row}name_folded`, suffix)} || ' zz ' || ${pairTokens(`${row}external_folded`, suffix)}`;
  return { grams: both(group), days: `CASE WHEN ${row}in_trial = 1 THEN ${both(day)} ELSE '' END` };
};
const GRAMS_OF_NEW = gramColumns('new.');
const GRAMS_TRIGGERS = `
  CREATE TRIGGER customers_grams_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_grams (rowid, grams, days) VALUES (new.id, ${GRAMS_OF_NEW.grams}, ${GRAMS_OF_NEW.days});
  END;
  CREATE TRIGGER customers_grams_delete AFTER DELETE ON customers BEGIN
    DELETE FROM customer_grams WHERE rowid = old.id;
  END;
  CREATE TRIGGER customers_grams_update
  AFTER UPDATE OF name_folded, external_folded, in_trial, trial_ends_ms, plan_id ON customers BEGIN
    DELETE FROM customer_grams WHERE rowid = old.id;
    INSERT INTO customer_grams (rowid, grams, days) VALUES (new.id, ${GRAMS_OF_NEW.grams}, ${GRAMS_OF_NEW.days});
  END;
`;
/** The pair tokens of a text, each with `suffix`: the JavaScript twin of `pairTokens` in SQL above. */
export function pairTokensOf(text: string, suffix: string): string[] {
  const chars = [...text];
  return chars.slice(1).map((c, i) => `g${chars[i]!.codePointAt(0)!.toString(16)}x${c.codePointAt(0)!.toString(16)}${suffix}`);
}

/** The customer_grams row of a customer, as the triggers write it (the seeder writes it directly). */
export function gramsRowOf(c: { nameFolded: string; externalFolded: string; inTrial: boolean; planId: string; trialEndsMs: number | null }) {
  const both = (suffix: string) => `${pairTokensOf(c.nameFolded, suffix).join(' ')} zz ${pairTokensOf(c.externalFolded, suffix).join(' ')}`;
  const group = c.inTrial ? 't' : c.planId === FREE_PLAN_ID ? 'q' : 'p';
  return { grams: both(group), days: c.inTrial ? both(`w${Math.max(0, Math.trunc(c.trialEndsMs! / DAY_MS))}`) : '' };
}
const DAY_MS = 86_400_000;

/** Fills customer_grams from every customers row (a migration). */
export const FILL_CUSTOMER_GRAMS = `INSERT INTO customer_grams (rowid, grams, days) SELECT id, ${gramColumns('').grams}, ${gramColumns('').days} FROM customers`;

/**
 * One-character search counting without a scan: `customer_chars` holds, per customer, every
 * character of the folded name and folded external ID as a token like `u61p` (U+0061, then the
 * status group as in customer_grams: p paid, q free plan, t in trial), and for in-trial customers
 * the same characters in `days` suffixed with the trial's end day (`u61w20419`). Only whether a row
 * holds a token matters (a one-character needle matches a text holding that character), so the
 * index keeps no positions (detail = none). A one-character search's status counts are then the
 * vocabulary's row counts of a few tokens, and its rare matches are one token query away.
 */
const charTokens = (text: string, suffix: string) => `coalesce((
    WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(${text}))
    SELECT group_concat(printf('u%x', unicode(substr(${text}, n, 1))) || ${suffix}, ' ' ORDER BY n)
    FROM p WHERE length(${text}) >= 1), '')`;
const charColumns = (row: string) => {
  const group = `(CASE WHEN ${row}in_trial = 1 THEN 't' WHEN ${row}plan_id = '${FREE_PLAN_ID}' THEN 'q' ELSE 'p' END)`;
  const day = `('w' || max(0, ${row}trial_ends_ms / 86400000))`;
  const both = (suffix: string) => `${charTokens(`${row}name_folded`, suffix)} || ' ' || ${charTokens(`${row}external_folded`, suffix)}`;
  return { chars: both(group), days: `CASE WHEN ${row}in_trial = 1 THEN ${both(day)} ELSE '' END` };
};
const CHARS_OF_NEW = charColumns('new.');
const CHARS_TRIGGERS = `
  CREATE TRIGGER customers_chars_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_chars (rowid, chars, days) VALUES (new.id, ${CHARS_OF_NEW.chars}, ${CHARS_OF_NEW.days});
  END;
  CREATE TRIGGER customers_chars_delete AFTER DELETE ON customers BEGIN
    DELETE FROM customer_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER customers_chars_update
  AFTER UPDATE OF name_folded, external_folded, in_trial, trial_ends_ms, plan_id ON customers BEGIN
    DELETE FROM customer_chars WHERE rowid = old.id;
    INSERT INTO customer_chars (rowid, chars, days) VALUES (new.id, ${CHARS_OF_NEW.chars}, ${CHARS_OF_NEW.days});
  END;
`;
/** The character token of a one-character needle (without suffix): the JavaScript twin of `charTokens`. */
export function charTokenOf(char: string): string {
  return `u${char.codePointAt(0)!.toString(16)}`;
}

/** The customer_chars row of a customer, as the triggers write it (the seeder writes it directly). */
export function charsRowOf(c: { nameFolded: string; externalFolded: string; inTrial: boolean; planId: string; trialEndsMs: number | null }) {
  const both = (suffix: string) =>
    [...[...c.nameFolded].map((ch) => charTokenOf(ch) + suffix), ...[...c.externalFolded].map((ch) => charTokenOf(ch) + suffix)].join(' ');
  const group = c.inTrial ? 't' : c.planId === FREE_PLAN_ID ? 'q' : 'p';
  return { chars: both(group), days: c.inTrial ? both(`w${Math.max(0, Math.trunc(c.trialEndsMs! / DAY_MS))}`) : '' };
}

/**
 * A search with an app or plan filter, counted and found on the pair or character index alone: from
 * migration 16 both also hold a `tags` column, a token per top app (`a`, then the app id's UTF-8
 * bytes in hex, so one token whatever the id holds) and one for the stored plan (`b`, then the plan
 * id's bytes in hex), so "holds the needle and uses the app" or "… and is on these plans" is one
 * FTS5 query (`… AND a…`, `… AND (b… OR b…)`) that FTS5 merges without reading a row. (No column
 * filter: the character index keeps no columns, `detail = none`; a tag starts with `a` or `b`, a
 * pair token with `g`, a character token with `u`, so none is another.) The app tokens follow the
 * top-app rows, which say who uses an app: triggers on customer_top_apps write the customer's
 * index rows again, as the customer triggers do for its name, status, plan and trial end.
 */
const tagTokens = (row: string) =>
  `coalesce((SELECT group_concat('a' || lower(hex(t.app_id)), ' ' ORDER BY t.position) || ' ' FROM customer_top_apps t WHERE t.customer_id = ${row}id), '') || ` +
  `'b' || lower(hex(${row}plan_id))`;
/** The tag of an app in the `tags` column: the JavaScript twin of `tagTokens`. */
export function appTokenOf(appId: string): string {
  return `a${Buffer.from(appId, 'utf8').toString('hex')}`;
}
/** The tag of a stored plan in the `tags` column. */
export function planTokenOf(planId: string): string {
  return `b${Buffer.from(planId, 'utf8').toString('hex')}`;
}
/** The `tags` value of a customer's pair and character index rows: its distinct top apps in order, then its plan (the seeder writes it directly). */
export function tagsColumnOf(topApps: readonly string[], planId: string): string {
  return [...[...new Set(topApps)].map(appTokenOf), planTokenOf(planId)].join(' ');
}

/** The pair or character index row of customers row `row` ('new.' in a trigger, 'c.' in a SELECT from customers c). */
const tokenIndexValues = (kind: 'grams' | 'chars', row: string) =>
  kind === 'grams'
    ? `${gramColumns(row).grams}, ${gramColumns(row).days}, ${tagTokens(row)}`
    : `${charColumns(row).chars}, ${charColumns(row).days}, ${tagTokens(row)}`;
/** Writes the pair and character index rows of one customer again (its old ones deleted first). */
const rewriteTokenRows = (customerId: string) =>
  (['grams', 'chars'] as const)
    .map(
      (kind) => `
    DELETE FROM customer_${kind} WHERE rowid = ${customerId};
    INSERT INTO customer_${kind} (rowid, ${kind}, days, tags) SELECT c.id, ${tokenIndexValues(kind, 'c.')} FROM customers c WHERE c.id = ${customerId};`,
    )
    .join('');
/** The pair and character index triggers from migration 16 on. */
const TOKEN_INDEX_TRIGGERS = `
  ${(['grams', 'chars'] as const)
    .map((kind) => {
      const insert = `INSERT INTO customer_${kind} (rowid, ${kind}, days, tags) VALUES (new.id, ${tokenIndexValues(kind, 'new.')});`;
      return `
  CREATE TRIGGER customers_${kind}_insert AFTER INSERT ON customers BEGIN
    ${insert}
  END;
  CREATE TRIGGER customers_${kind}_delete AFTER DELETE ON customers BEGIN
    DELETE FROM customer_${kind} WHERE rowid = old.id;
  END;
  CREATE TRIGGER customers_${kind}_update
  AFTER UPDATE OF name_folded, external_folded, in_trial, trial_ends_ms, plan_id ON customers BEGIN
    DELETE FROM customer_${kind} WHERE rowid = old.id;
    ${insert}
  END;`;
    })
    .join('')}
  CREATE TRIGGER customer_top_apps_tokens_insert AFTER INSERT ON customer_top_apps BEGIN${rewriteTokenRows('new.customer_id')}
  END;
  CREATE TRIGGER customer_top_apps_tokens_delete AFTER DELETE ON customer_top_apps BEGIN${rewriteTokenRows('old.customer_id')}
  END;
  CREATE TRIGGER customer_top_apps_tokens_update AFTER UPDATE OF customer_id, app_id, position ON customer_top_apps BEGIN${rewriteTokenRows('old.customer_id')}${rewriteTokenRows('new.customer_id')}
  END;
`;

/** Copies each customer's plan and date joined onto its top-app rows (a migration, and the seeder after its load). */
export const FILL_TOP_APP_FILTER_COLUMNS =
  'UPDATE customer_top_apps SET (plan_id, created_ms) = (SELECT c.plan_id, c.created_ms FROM customers c WHERE c.id = customer_id)';

/** Merges the one-character index into one segment (after a bulk load). */
export const OPTIMIZE_CHARS_INDEX = `INSERT INTO customer_chars (customer_chars) VALUES ('optimize');`;

/** Merges each FTS5 index into one segment; worth it after a bulk load (a few seconds at 1M rows). */
export const OPTIMIZE_SEARCH_INDEXES = `
  INSERT INTO customer_search (customer_search) VALUES ('optimize');
  INSERT INTO customer_grams (customer_grams) VALUES ('optimize');
`;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE customers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    external_id TEXT,
    external_folded TEXT NOT NULL DEFAULT '',
    notification_email TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    in_trial INTEGER NOT NULL CHECK (in_trial IN (0, 1)),
    trial_ends_at TEXT,
    trial_ends_ms INTEGER,
    created_at TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    tasks_used INTEGER NOT NULL,
    task_limit INTEGER NOT NULL,
    connections INTEGER NOT NULL,
    connection_limit INTEGER NOT NULL,
    top_apps TEXT NOT NULL DEFAULT '[]',
    origins TEXT NOT NULL DEFAULT '[]',
    app_access_mode TEXT NOT NULL DEFAULT 'all' CHECK (app_access_mode IN ('all', 'selected')),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (in_trial = 0 OR trial_ends_ms IS NOT NULL)
  );
  CREATE UNIQUE INDEX customers_external_id ON customers (external_id) WHERE external_id IS NOT NULL;
  CREATE INDEX customers_name_asc ON customers (name_key COLLATE BINARY);
  CREATE INDEX customers_name_desc ON customers (name_key COLLATE BINARY DESC);
  CREATE INDEX customers_created_asc ON customers (created_ms);
  CREATE INDEX customers_created_desc ON customers (created_ms DESC);
  CREATE INDEX customers_tasks_asc ON customers (tasks_used);
  CREATE INDEX customers_tasks_desc ON customers (tasks_used DESC);
  CREATE INDEX customers_connections_asc ON customers (connections);
  CREATE INDEX customers_connections_desc ON customers (connections DESC);
  CREATE INDEX customers_trial ON customers (in_trial, trial_ends_ms);
  CREATE INDEX customers_plan ON customers (plan_id, in_trial, created_ms);

  -- Top apps (most used first) as rows, so "uses app X" is an index lookup.
  CREATE TABLE customer_top_apps (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    position INTEGER NOT NULL,
    app_id TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX customer_top_apps_app ON customer_top_apps (app_id, customer_id);

  -- Own iframe origins, indexed by origin for CORS ("is this origin on any customer's list").
  CREATE TABLE customer_origins (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    origin TEXT NOT NULL,
    PRIMARY KEY (customer_id, origin)
  ) WITHOUT ROWID;
  CREATE INDEX customer_origins_origin ON customer_origins (origin);

  -- Apps selected when app_access_mode = 'selected'.
  CREATE TABLE customer_app_access (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    position INTEGER NOT NULL,
    app_id TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE collaborators (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    customer_manager INTEGER NOT NULL CHECK (customer_manager IN (0, 1))
  );
  CREATE INDEX collaborators_customer ON collaborators (customer_id);

  -- Idempotency-Key of creates: the first answer, replayed for a retry with the same key and body.
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX idempotency_keys_customer ON idempotency_keys (customer_id);

  -- Substring search: trigrams of the folded name and folded external ID.
  CREATE VIRTUAL TABLE customer_search USING fts5 (
    name_folded, external_folded, content = 'customers', content_rowid = 'id', tokenize = 'trigram'
  );
  ${SEARCH_TRIGGERS}
  `,
  // Status counts under a plan or date filter read only these indexes, never the table rows.
  `
  DROP INDEX customers_plan;
  CREATE INDEX customers_plan ON customers (plan_id, created_ms, in_trial, trial_ends_ms);
  CREATE INDEX customers_created_status ON customers (created_ms, in_trial, trial_ends_ms, plan_id);
  DROP INDEX customers_trial;
  CREATE INDEX customers_trial ON customers (in_trial, trial_ends_ms, plan_id, created_ms);
  `,
  // Trigrams compared exactly (the columns are folded already), so a match needs no second check;
  // and the status columns by id, so counting a search's matches never reads whole rows.
  `
  DROP TRIGGER customers_search_insert;
  DROP TRIGGER customers_search_delete;
  DROP TRIGGER customers_search_update;
  DROP TABLE customer_search;
  CREATE VIRTUAL TABLE customer_search USING fts5 (
    name_folded, external_folded, content = 'customers', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
  );
  ${SEARCH_TRIGGERS}
  INSERT INTO customer_search (customer_search) VALUES ('rebuild');
  CREATE INDEX customers_status_by_id ON customers (id, in_trial, trial_ends_ms, plan_id);
  `,
  // Queries under three characters have no trigram and are scanned: scan this narrow index (folded
  // text and status columns only) rather than whole rows.
  `
  CREATE INDEX customers_search_scan ON customers (name_folded, external_folded, in_trial, trial_ends_ms, plan_id);
  `,
  // One number per customer that orders its status at any clock (see STATUS_KEY), copied onto its
  // top-app rows so the status counts of an app filter are three ranges of one index, never a
  // lookup per matching customer. Triggers keep the copy in step with every write, whoever makes it.
  `
  ALTER TABLE customers ADD COLUMN status_key INTEGER GENERATED ALWAYS AS (${STATUS_KEY_SQL}) VIRTUAL;
  ALTER TABLE customer_top_apps ADD COLUMN status_key INTEGER NOT NULL DEFAULT ${STATUS_KEY.active};
  UPDATE customer_top_apps SET status_key = (SELECT c.status_key FROM customers c WHERE c.id = customer_id);
  CREATE INDEX customer_top_apps_status ON customer_top_apps (app_id, status_key);
  ${TOP_APP_STATUS_TRIGGERS}
  `,
  `
  CREATE VIRTUAL TABLE customer_grams USING fts5 (
    grams, days, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
  );
  ${GRAMS_TRIGGERS}
  ${FILL_CUSTOMER_GRAMS};
  `,
  // How many rows hold each pair token (deleted rows excluded), for two-character queries.
  `
  CREATE VIRTUAL TABLE customer_grams_rows USING fts5vocab (customer_grams, 'row');
  `,
  // One segment per search index after the bulk fills: each token's rows are read in one run.
  `
  ${OPTIMIZE_SEARCH_INDEXES}
  `,
  // Recipes and their jobs rolled up per recipe, per UTC day (days since 1970) and, for the last two
  // days, per UTC hour (hours since 1970): rows only for buckets with jobs, clustered by customer so
  // a dashboard period is one primary-key range per table. Deleting a customer deletes them first.
  `
  CREATE TABLE recipes (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    source_app_id TEXT NOT NULL,
    target_app_id TEXT NOT NULL,
    running INTEGER NOT NULL CHECK (running IN (0, 1)),
    PRIMARY KEY (customer_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE job_rollups_daily (
    customer_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    recipe_id INTEGER NOT NULL,
    successful INTEGER NOT NULL CHECK (successful >= 0),
    failed INTEGER NOT NULL CHECK (failed >= 0),
    PRIMARY KEY (customer_id, day, recipe_id),
    FOREIGN KEY (customer_id, recipe_id) REFERENCES recipes (customer_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE job_rollups_hourly (
    customer_id INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    recipe_id INTEGER NOT NULL,
    successful INTEGER NOT NULL CHECK (successful >= 0),
    failed INTEGER NOT NULL CHECK (failed >= 0),
    PRIMARY KEY (customer_id, hour, recipe_id),
    FOREIGN KEY (customer_id, recipe_id) REFERENCES recipes (customer_id, id)
  ) WITHOUT ROWID;
  CREATE TRIGGER customers_activity_delete BEFORE DELETE ON customers BEGIN
    DELETE FROM job_rollups_hourly WHERE customer_id = old.id;
    DELETE FROM job_rollups_daily WHERE customer_id = old.id;
    DELETE FROM recipes WHERE customer_id = old.id;
  END;
  `,
  // Every change to a customer (GET /customers/:id/history), written in the transaction of the
  // change itself: who (actor_kind 'admin' | 'api' | 'system', and a name), when (ISO instant), the
  // call (`action`), the customer's version after it, and `changes`, the JSON list of
  // {field, from, to}. Ids only grow (AUTOINCREMENT), so newest first is `id DESC` on the index, and
  // an entry's id is never reused after its customer is deleted. Deleting a customer deletes its
  // history (CustomerStore.delete, and the cascade for any other delete). `action` and `actor_kind`
  // hold HISTORY_ACTIONS and HISTORY_ACTOR_KINDS (src/model/constants.ts) without a CHECK, so a new
  // kind of change needs no table rebuild.
  `
  CREATE TABLE customer_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    changes TEXT NOT NULL CHECK (json_valid(changes))
  );
  CREATE INDEX customer_history_customer ON customer_history (customer_id, id);
  `,
  // Each sort index also holds the columns the status, plan and date filters test, after the id
  // tie-break (so ties stay in id order both ways): a page of a filtered list walks the sort index
  // and tests each entry there, reading a row only for what the index lacks (a search, an app).
  // created_ms ascending is customers_created_status, which already held them.
  `
  DROP INDEX customers_name_asc;
  DROP INDEX customers_name_desc;
  DROP INDEX customers_created_asc;
  DROP INDEX customers_created_desc;
  DROP INDEX customers_tasks_asc;
  DROP INDEX customers_tasks_desc;
  DROP INDEX customers_connections_asc;
  DROP INDEX customers_connections_desc;
  CREATE INDEX customers_name_asc ON customers (name_key COLLATE BINARY, id, in_trial, trial_ends_ms, plan_id, created_ms);
  CREATE INDEX customers_name_desc ON customers (name_key COLLATE BINARY DESC, id, in_trial, trial_ends_ms, plan_id, created_ms);
  CREATE INDEX customers_created_desc ON customers (created_ms DESC, id, in_trial, trial_ends_ms, plan_id);
  CREATE INDEX customers_tasks_asc ON customers (tasks_used, id, in_trial, trial_ends_ms, plan_id, created_ms);
  CREATE INDEX customers_tasks_desc ON customers (tasks_used DESC, id, in_trial, trial_ends_ms, plan_id, created_ms);
  CREATE INDEX customers_connections_asc ON customers (connections, id, in_trial, trial_ends_ms, plan_id, created_ms);
  CREATE INDEX customers_connections_desc ON customers (connections DESC, id, in_trial, trial_ends_ms, plan_id, created_ms);
  ANALYZE customers;
  `,
  // One-character searches counted and found without a scan (see customer_chars above).
  `
  CREATE VIRTUAL TABLE customer_chars USING fts5 (
    chars, days, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 0'
  );
  ${CHARS_TRIGGERS}
  INSERT INTO customer_chars (rowid, chars, days) SELECT id, ${charColumns('').chars}, ${charColumns('').days} FROM customers;
  CREATE VIRTUAL TABLE customer_chars_rows USING fts5vocab (customer_chars, 'row');
  ${OPTIMIZE_CHARS_INDEX}
  `,
  // A search's or an app's matches are counted by looking up each one's status by id; with the
  // date joined beside it, a search or app combined with a date range is counted on this index too,
  // never on whole rows. It replaces customers_status_by_id, its prefix.
  `
  CREATE INDEX customers_filter_by_id ON customers (id, in_trial, trial_ends_ms, plan_id, created_ms);
  DROP INDEX customers_status_by_id;
  ANALYZE customers;
  `,
  // An app's top-app rows also carry their customer's plan and date joined (beside the status
  // key), so an app combined with a plan or date filter is counted on one index range, never a
  // lookup per customer. Triggers keep the copies in step, as for status_key.
  `
  ALTER TABLE customer_top_apps ADD COLUMN plan_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE customer_top_apps ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
  ${FILL_TOP_APP_FILTER_COLUMNS};
  CREATE INDEX customer_top_apps_filter ON customer_top_apps (app_id, created_ms, status_key, plan_id);
  CREATE TRIGGER customer_top_apps_filter_insert AFTER INSERT ON customer_top_apps BEGIN
    UPDATE customer_top_apps SET (plan_id, created_ms) = (SELECT c.plan_id, c.created_ms FROM customers c WHERE c.id = new.customer_id)
      WHERE customer_id = new.customer_id AND position = new.position;
  END;
  CREATE TRIGGER customers_top_apps_filter_update AFTER UPDATE OF plan_id, created_ms ON customers BEGIN
    UPDATE customer_top_apps SET plan_id = new.plan_id, created_ms = new.created_ms WHERE customer_id = new.id;
  END;
  ANALYZE customer_top_apps;
  `,
  // A short or common search under a plan or date filter is counted by walking that range and
  // testing the folded texts on the index, when the range holds fewer entries than the search has
  // matches to look up (CustomerStore.list). Plans without Free are ranges of customers_plan_text
  // (customers_plan stays narrow for the counts of plan filters alone).
  `
  CREATE INDEX customers_plan_text ON customers (plan_id, created_ms, in_trial, trial_ends_ms, name_folded, external_folded);
  CREATE INDEX customers_created_text ON customers (created_ms, in_trial, trial_ends_ms, plan_id, name_folded, external_folded);
  ANALYZE customers;
  `,
  // A search with an app or plan filter on the pair and character indexes alone (see tagTokens):
  // both are rebuilt with a tags column (at 1M, about two and a half minutes on first open).
  `
  ${['grams', 'chars'].map((kind) => `DROP TRIGGER customers_${kind}_insert; DROP TRIGGER customers_${kind}_delete; DROP TRIGGER customers_${kind}_update;`).join('\n  ')}
  DROP TABLE customer_grams_rows;
  DROP TABLE customer_grams;
  DROP TABLE customer_chars_rows;
  DROP TABLE customer_chars;
  CREATE VIRTUAL TABLE customer_grams USING fts5 (
    grams, days, tags, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE VIRTUAL TABLE customer_chars USING fts5 (
    chars, days, tags, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 0'
  );
  ${TOKEN_INDEX_TRIGGERS}
  INSERT INTO customer_grams (rowid, grams, days, tags) SELECT c.id, ${tokenIndexValues('grams', 'c.')} FROM customers c;
  INSERT INTO customer_chars (rowid, chars, days, tags) SELECT c.id, ${tokenIndexValues('chars', 'c.')} FROM customers c;
  CREATE VIRTUAL TABLE customer_grams_rows USING fts5vocab (customer_grams, 'row');
  CREATE VIRTUAL TABLE customer_chars_rows USING fts5vocab (customer_chars, 'row');
  ${OPTIMIZE_SEARCH_INDEXES}
  ${OPTIMIZE_CHARS_INDEX}
  `,
];

/** Applies the migrations the database has not seen yet. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Opens (creating if needed) and migrates a database file; `:memory:` works too. */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 1073741824');
  migrate(db);
  return db;
}
