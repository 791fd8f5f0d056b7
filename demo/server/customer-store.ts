/**
 * SQL for customers: rows in and out, the list query, and the writes. Pure data access with no
 * HTTP in it; the routes in app.ts decide who may call what and turn results into answers.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AppAccess, Collaborator, Customer, CustomerPage, Plan, Status, StatusCounts } from '../../src/model/schemas.js';
import { FREE_PLAN_ID } from '../../src/model/schemas.js';
import { settledCustomer } from '../../src/model/rules.js';
import { foldText, nameSortKey } from '../../src/query/index.js';
import { foldQuery } from '../../src/query/search.js';
import { isoDateToDay } from '../../src/query/joined.js';
import { sortFromParam } from '../../src/query/sort.js';
import type { ValidListParams } from '../../src/query/list-params.js';
import { appTokenOf, charTokenOf, pairTokensOf, planTokenOf, STATUS_KEY } from './db.js';

const DAY_MS = 86_400_000;

/** A customers row as stored. */
export interface CustomerRow {
  id: number;
  name: string;
  external_id: string | null;
  notification_email: string;
  plan_id: string;
  in_trial: 0 | 1;
  trial_ends_at: string | null;
  created_at: string;
  tasks_used: number;
  task_limit: number;
  connections: number;
  connection_limit: number;
  top_apps: string;
  origins: string;
  version: number;
}

const CUSTOMER_COLUMNS =
  'id, name, external_id, notification_email, plan_id, in_trial, trial_ends_at, created_at, tasks_used, ' +
  'task_limit, connections, connection_limit, top_apps, origins, version';

/**
 * The customer a row describes at `now`, settled (settledCustomer, as MemoryBackend reads): a
 * trial that ended an hour ago already reads as the free plan with its limits, though the row
 * keeps its plan until the next write stores the settled record.
 */
export function customerFromRow(row: CustomerRow, plans: readonly Plan[], now: Date): Customer {
  return settledCustomer(
    {
      id: row.id,
      name: row.name,
      external_id: row.external_id,
      notification_email: row.notification_email,
      plan_id: row.plan_id,
      in_trial: row.in_trial === 1,
      trial_ends_at: row.trial_ends_at,
      created_at: row.created_at,
      tasks_used: row.tasks_used,
      task_limit: row.task_limit,
      connections: row.connections,
      connection_limit: row.connection_limit,
      top_apps: JSON.parse(row.top_apps) as string[],
      origins: JSON.parse(row.origins) as string[],
      version: row.version,
    },
    plans,
    now,
  );
}

/** The stored columns of a customer (derived ones included: folded text, sort key, epoch ms). */
function rowParams(c: Customer) {
  return {
    id: c.id,
    name: c.name,
    name_key: nameSortKey(c.name),
    name_folded: foldText(c.name),
    external_id: c.external_id,
    external_folded: c.external_id === null ? '' : foldText(c.external_id),
    notification_email: c.notification_email,
    plan_id: c.plan_id,
    in_trial: c.in_trial ? 1 : 0,
    trial_ends_at: c.trial_ends_at,
    trial_ends_ms: c.trial_ends_at === null ? null : Date.parse(c.trial_ends_at),
    created_at: c.created_at,
    created_ms: Date.parse(c.created_at),
    tasks_used: c.tasks_used,
    task_limit: c.task_limit,
    connections: c.connections,
    connection_limit: c.connection_limit,
    top_apps: JSON.stringify(c.top_apps),
    origins: JSON.stringify(c.origins),
    version: c.version,
  };
}

/** SQL conditions for each status, the same rule as customerStatus in src/model/rules.ts. */
const STATUS_SQL = {
  trial: '(c.in_trial = 1 AND c.trial_ends_ms > @now)',
  expired: `((c.in_trial = 1 AND c.trial_ends_ms <= @now) OR (c.in_trial = 0 AND c.plan_id = '${FREE_PLAN_ID}'))`,
  active: `(c.in_trial = 0 AND c.plan_id <> '${FREE_PLAN_ID}')`,
} as const;

/** The two disjoint halves of `expired`, so each can be counted on a covering index on its own. */
const EXPIRED_PARTS = [
  '(c.in_trial = 1 AND c.trial_ends_ms <= @now)',
  `(c.in_trial = 0 AND c.plan_id = '${FREE_PLAN_ID}')`,
] as const;

/**
 * The plan filter as SQL, on the plan each customer is on at @now (effectivePlanId in
 * src/model/rules.ts): Free once its trial has ended, its stored plan_id otherwise. Rows keep their
 * plan until a write settles them, so the test needs the clock, like the status.
 *
 * `any` is the whole condition, still a `plan_id IN (…)` range of customers_plan (and, with Free,
 * an OR with the ended-trial range of customers_trial). Within one status it is simpler: active and
 * trial customers are on their stored plan, expired ones all on Free. `byStatus` gives that per
 * status, so each status count stays one index range: a condition to add, `null` for every customer
 * of the status, `false` for none.
 */
interface PlanFilterSql {
  any: string;
  byStatus: Record<Status, string | null | false>;
  /** `c.plan_id IN (…)`, the test of the stored plan within `any` and `byStatus`. */
  stored: string;
  /**
   * `any` on a top-app row (alias t), whose status_key tells in_trial (above STATUS_KEY.free) and
   * the trial's end (the key itself), and whose plan_id is its customer's.
   */
  onTopApp: string;
  includesFree: boolean;
}

function planFilterSql(names: readonly string[], includesFree: boolean): PlanFilterSql {
  const stored = `c.plan_id IN (${names.join(', ')})`;
  const onTop = `t.plan_id IN (${names.join(', ')})`;
  return {
    any: includesFree ? `(${stored} OR ${EXPIRED_PARTS[0]})` : `(${stored} AND (c.in_trial = 0 OR c.trial_ends_ms > @now))`,
    onTopApp: includesFree
      ? `(${onTop} OR (t.status_key > ${STATUS_KEY.free} AND t.status_key <= @now))`
      : `(${onTop} AND (t.status_key <= ${STATUS_KEY.free} OR t.status_key > @now))`,
    byStatus: { active: stored, trial: stored, expired: includesFree ? null : false },
    stored,
    includesFree,
  };
}

const SORT_COLUMNS = {
  name: 'c.name_key',
  created_at: 'c.created_ms',
  tasks_used: 'c.tasks_used',
  connections: 'c.connections',
} as const;

/**
 * The index of each sort, per direction: its key, the id tie-break, then the columns the status,
 * plan and date filters test (db.ts), so a walk in sort order tests those without reading rows.
 */
const SORT_INDEXES = {
  name: { asc: 'customers_name_asc', desc: 'customers_name_desc' },
  created_at: { asc: 'customers_created_status', desc: 'customers_created_desc' },
  tasks_used: { asc: 'customers_tasks_asc', desc: 'customers_tasks_desc' },
  connections: { asc: 'customers_connections_asc', desc: 'customers_connections_desc' },
} as const;

/**
 * Relative costs of finding a page (see `list`): an entry of a sort index tested there, an entry
 * that also needs its row or top-app rows read (a search or app test), and a match gathered from a
 * filter index and sorted.
 */
const WALK_INDEX_COST = 0.1;
const WALK_ROW_COST = 1;
const GATHER_COST = 1;
/**
 * A third way for a search whose walk would read many rows: the walk tests each entry's id against
 * the search index's matches, which SQLite gathers into a set once per query (a match costs about a
 * tenth of a row read, measured at 1M: 111k matches of "ltd" in 18 ms), and a probe of that set
 * costs far less than reading the row for the substring test (0.28 µs against 1.8 µs an entry).
 */
const SET_BUILD_COST = 0.1;
const SET_PROBE_COST = 0.15;

/**
 * One- and two-character needles have no trigram: their rows are found on the character index
 * (customer_chars) or the pair index (customer_grams), as an OR of the needle's token in each
 * status group; below this many matches that beats the substring test of every row.
 */
const SHORT_CANDIDATES_UNDER = 50_000;

/**
 * Relative costs of counting a search under a plan or date filter: a match's status looked up by id,
 * against an entry of the plan or date range tested on an index that holds the folded texts.
 */
const LOOKUP_COST = 1;
const RANGE_ENTRY_COST = 0.3;
/** How many customers the estimate of a plan or date range's size looks at (estimateRows). */
const RANGE_SAMPLE = 1024;

/** Shorter queries have no trigram; they fall back to scanning the folded columns. */
const TRIGRAM_LENGTH = 3;
const STATEMENT_CACHE_SIZE = 500;
/** Future trial-end days one pair count may name; past it, in-trial matches are read one by one. */
const MAX_DAY_TERMS = 400;
/** Filters whose status counts are kept (least recently used dropped first). */
const COUNT_CACHE_SIZE = 200;

/**
 * Whether the FTS5 indexes can be asked for `folded` at all: FTS5 reads its query as a C string,
 * which ends at the first NUL (an "unterminated string" error), and the pair index's triggers stop
 * at one (SQL's length() counts to the first NUL). A needle holding one is searched and counted by
 * the substring scan, like a short one: every character a client sends is searched.
 */
function ftsCanMatch(folded: string): boolean {
  return !folded.includes('\u0000');
}

/** An FTS5 string literal: the whole query as one phrase, quotes doubled, no operators. */
function ftsPhrase(folded: string): string {
  return `"${folded.replaceAll('"', '""')}"`;
}

/**
 * How a page is found: the sort index walked with every visited entry tested there (reading its row
 * for a search or app test), walked with the search tested as membership of its index's matches
 * (`walk-set`; a search without an index set walks plainly), or every match gathered and sorted.
 */
type PageStrategy = 'walk' | 'walk-set' | 'gather';

export class CustomerStore {
  private readonly statements = new Map<string, Statement>();
  /** Status counts by filter; see cachedCounts. */
  private readonly counts = new Map<string, { counts: StatusCounts; generation: string; validFrom: number; validUntil: number }>();
  /** Whether status counts are reused between requests (the benchmark measures both ways). */
  countCache = true;
  /**
   * From how many trigram matches a search is counted on the pair index rather than by looking up
   * each match's status (about 0.3 µs a match, against a few phrase counts).
   */
  pairCountsFrom = 40_000;
  /** Below how many matches a short needle's rows are found on its character or pair index. */
  shortCandidatesUnder = SHORT_CANDIDATES_UNDER;
  /**
   * How a page is found: by cost (walk the sort index or gather the matches, whichever is cheaper),
   * or always one way. Every way gives the same answer; tests compare them.
   */
  pageStrategy: 'cost' | PageStrategy = 'cost';
  /** How a search under a plan or date filter is counted: by cost, on the range, or by looking up each match. */
  rangeCounts: 'cost' | 'range' | 'lookup' = 'cost';

  /** `partnerId` names the partner whose database this is; one database holds one partner's customers. */
  constructor(
    readonly db: Database,
    readonly partnerId = 1,
  ) {}

  /**
   * Prepared once per distinct SQL text. The list query has a shape per combination of filters (and
   * per number of plans), so the oldest statements are dropped past a bound.
   */
  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
      if (this.statements.size > STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    return stmt;
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  /**
   * Status counts depend on the rows and on the clock only through trial ends. So counts for a filter
   * stay exact until the data changes (any write on this connection, or a commit by another) or the clock
   * reaches the next trial end; until then paging and re-sorting reuse them instead of counting
   * every match again.
   */
  private cachedCounts(
    where: string,
    bind: Record<string, string | number>,
    now: Date,
    compute: () => StatusCounts,
  ): StatusCounts {
    const { now: _clock, ...filterBindings } = bind;
    const key = `${where}\u0000${JSON.stringify(filterBindings)}`;
    // total_changes() moves with every write on this connection (whichever code made it);
    // data_version moves when another connection commits.
    const changes = this.statement('SELECT total_changes()').pluck().get() as number;
    const generation = `${changes}:${this.db.pragma('data_version', { simple: true }) as number}`;
    const at = now.getTime();
    const hit = this.counts.get(key);
    if (hit && hit.generation === generation && at < hit.validUntil && at >= hit.validFrom) {
      this.counts.delete(key);
      this.counts.set(key, hit); // most recently used last
      return hit.counts;
    }
    const counts = compute();
    const nextEnd = this.statement('SELECT min(trial_ends_ms) FROM customers WHERE in_trial = 1 AND trial_ends_ms > ?')
      .pluck()
      .get(at) as number | null;
    this.counts.set(key, { counts, generation, validFrom: at, validUntil: nextEnd ?? Number.POSITIVE_INFINITY });
    if (this.counts.size > COUNT_CACHE_SIZE) this.counts.delete(this.counts.keys().next().value!);
    return counts;
  }

  findRowById(id: number): CustomerRow | undefined {
    return this.statement(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`).get(id) as
      | CustomerRow
      | undefined;
  }

  findRowByExternalId(externalId: string): CustomerRow | undefined {
    return this.statement(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE external_id = ?`).get(externalId) as CustomerRow | undefined;
  }

  externalIdTaken(externalId: string, exceptId: number | null): boolean {
    const row = this.statement('SELECT id FROM customers WHERE external_id = ?').get(externalId) as
      | { id: number }
      | undefined;
    return row !== undefined && row.id !== exceptId;
  }

  /**
   * One page of customers: counts by status (ignoring the status filter), the total (with it), and
   * the page's rows. The page is found on the sort index first (ids only), then its rows are read,
   * so a deep page skips index entries rather than whole rows.
   */
  list(params: ValidListParams, plans: readonly Plan[], now: Date): CustomerPage {
    const where: string[] = [];
    const bind: Record<string, string | number> = { now: now.getTime() };

    const needle = foldQuery(params.q ?? '');
    const needleLength = [...needle].length;
    /** The search as an index subquery (trigram, character or pair index), swapped for the substring test when a page walks. */
    let ftsCondition: string | null = null;
    let substringCondition = '';
    let appCondition: string | null = null;
    /** How many customers hold a needle of three characters or more, on the trigram index (asked once). */
    let trigramCount: number | undefined;
    const trigramMatches = () => (trigramCount ??= this.statement('SELECT count(*) FROM customer_search WHERE customer_search MATCH ?').pluck().get(bind.fts) as number);
    /** About how many customers a short needle matches, once asked (estimateRows: a choice of strategy). */
    let shortMatches: number | undefined;
    /** The full-text table and MATCH parameter behind ftsCondition. */
    let searchIndex: { table: string; query: string } | null = null;
    if (needle !== '') {
      bind.needle = needle;
      const match = '(instr(c.name_folded, @needle) > 0 OR instr(c.external_folded, @needle) > 0)';
      if (needleLength >= TRIGRAM_LENGTH && ftsCanMatch(needle)) {
        // The trigram index is case-sensitive over already folded text: a phrase match is exactly a
        // substring match, the same test as `match`.
        bind.fts = ftsPhrase(needle);
        ftsCondition = 'c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH @fts)';
        searchIndex = { table: 'customer_search', query: '@fts' };
        where.push(ftsCondition);
      } else if (
        ftsCanMatch(needle) &&
        (params.plan !== undefined || params.app !== undefined || params.joined_from !== undefined || params.joined_to !== undefined) &&
        (shortMatches = this.estimateRows([match], bind)) < this.shortCandidatesUnder
      ) {
        // A rare short needle among other filters: its rows are the customers holding its token in
        // any status group. (Alone, it is counted on that index and its page walks or gathers below.)
        bind.short = this.shortNeedleQuery(needle);
        ftsCondition = this.shortNeedleCondition(needle);
        searchIndex = { table: [...needle].length === 1 ? 'customer_chars' : 'customer_grams', query: '@short' };
        where.push(ftsCondition);
      } else {
        where.push(match);
      }
      substringCondition = match;
    }
    let plan: PlanFilterSql | null = null;
    if (params.plan && params.plan.length > 0) {
      const names = params.plan.map((id, i) => {
        bind[`plan${i}`] = id;
        return `@plan${i}`;
      });
      plan = planFilterSql(names, params.plan.includes(FREE_PLAN_ID));
      where.push(plan.any);
    }
    if (params.app !== undefined) {
      bind.app = params.app;
      appCondition = 'c.id IN (SELECT customer_id FROM customer_top_apps WHERE app_id = @app)';
      where.push(appCondition);
    }
    /** A search and an app together as one set on the pair or character index (its tags), on @search_app. */
    const searchApp = needle !== '' && ftsCanMatch(needle) && params.app !== undefined ? this.searchWithAppSet(needle, params.app) : null;
    if (searchApp !== null) bind.search_app = searchApp.query;
    const fromDay = params.joined_from === undefined ? null : isoDateToDay(params.joined_from);
    const toDay = params.joined_to === undefined ? null : isoDateToDay(params.joined_to);
    if (fromDay !== null) {
      bind.from_ms = fromDay * DAY_MS;
      where.push('c.created_ms >= @from_ms');
    }
    if (toDay !== null) {
      bind.to_ms = (toDay + 1) * DAY_MS;
      where.push('c.created_ms < @to_ms');
    }

    const whereOf = (conditions: readonly string[]) => (conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`);
    const whereSql = (extra: string | null) => whereOf(extra === null ? where : [...where, extra]);
    /**
     * The conditions for the customers of one status: the plan filter as it reads within that
     * status, and the status; null when no customer of that status can match.
     */
    const withinStatus = (status: Status, statusSql: string, base: readonly string[] = where): string[] | null => {
      if (plan === null) return [...base, statusSql];
      const onPlan = plan.byStatus[status];
      if (onPlan === false) return null;
      const rest = base.filter((w) => w !== plan!.any);
      return onPlan === null ? [...rest, statusSql] : [...rest, onPlan, statusSql];
    };
    const computeCounts = (): StatusCounts => {
      if (params.app !== undefined && where.length === 1) {
        // Only the app narrows: its top-app rows carry the status key, so each status is a range of
        // one index and no customer row is read.
        const row = this.statement(
          `SELECT (SELECT count(*) FROM customer_top_apps WHERE app_id = @app AND status_key = ${STATUS_KEY.active}) AS active,
             (SELECT count(*) FROM customer_top_apps WHERE app_id = @app AND status_key > @now) AS trial,
             (SELECT count(*) FROM customer_top_apps WHERE app_id = @app AND status_key BETWEEN ${STATUS_KEY.free} AND @now) AS expired`,
        ).get({ app: params.app, now: bind.now }) as { active: number; trial: number; expired: number };
        return { all: row.active + row.trial + row.expired, ...row };
      }
      if (
        needle !== '' &&
        (params.app !== undefined || plan !== null) &&
        fromDay === null &&
        toDay === null &&
        ftsCanMatch(needle) &&
        (needleLength < TRIGRAM_LENGTH || trigramMatches() >= this.pairCountsFrom)
      ) {
        // A search with many matches and an app or plan filter (no dates): the pair and character
        // indexes hold the top apps and the stored plan as tags (tagTokens in db.ts), so every status
        // count is an FTS5 query there, no row read. Within a plan filter, active and in-trial
        // customers are on their stored plan and every expired one is on Free: the stored plans'
        // tags give active and trial; expired is the search's own (with the app) when Free is
        // named, none otherwise.
        const nowMs = now.getTime();
        const app = params.app === undefined ? null : appTokenOf(params.app);
        if (plan === null) return this.countOnTokens(needle, nowMs, { also: app! });
        const plans = `(${params.plan!.map(planTokenOf).join(' OR ')})`;
        const onPlans = this.countOnTokens(needle, nowMs, { also: app === null ? plans : `${app} AND ${plans}` });
        const expired = !plan.includesFree
          ? 0
          : this.countOnTokens(needle, nowMs, app !== null ? { also: app } : needleLength >= TRIGRAM_LENGTH ? { knownAll: trigramMatches() } : {}).expired;
        return { all: onPlans.active + onPlans.trial + expired, active: onPlans.active, trial: onPlans.trial, expired };
      }
      if (params.app !== undefined && needle !== '') {
        // With a plan or date filter too: the top-app rows hold the status, plan and date joined, so
        // each match of the search index is one seek of its customer's top-app rows (CROSS JOIN keeps
        // that order, NOT INDEXED the primary key) — for a common trigram search, only the matches
        // that use the app (the pair index's set). A common short needle is the other way round:
        // the app's rows in the plan or date range, each probing that set.
        const on: string[] = ['t.app_id = @app'];
        if (plan !== null) on.push(plan.onTopApp);
        if (fromDay !== null) on.push('t.created_ms >= @from_ms');
        if (toDay !== null) on.push('t.created_ms < @to_ms');
        const select =
          `SELECT count(*) AS n, coalesce(sum(t.status_key > @now), 0) AS trial, ` +
          `coalesce(sum(t.status_key BETWEEN ${STATUS_KEY.free} AND @now), 0) AS expired `;
        let driver = searchIndex;
        if (searchApp !== null && searchIndex?.table === 'customer_search') {
          if (trigramMatches() >= this.pairCountsFrom) driver = { table: 'customer_grams', query: '@search_app' };
        }
        const sql =
          driver !== null
            ? `${select}FROM ${driver.table} s CROSS JOIN customer_top_apps t NOT INDEXED ON t.customer_id = s.rowid ` +
              `WHERE ${driver.table} MATCH ${driver.query} AND ${on.join(' AND ')}`
            : searchApp !== null
              ? `${select}FROM customer_top_apps t INDEXED BY customer_top_apps_filter ` +
                `WHERE ${[...on, `t.customer_id IN (${searchApp.ids})`].join(' AND ')}`
              : `${select}FROM customer_top_apps t INDEXED BY customer_top_apps_filter CROSS JOIN customers c ON c.id = t.customer_id ` +
                `WHERE ${[...on, substringCondition].join(' AND ')}`;
        const row = this.statement(sql).get(pickBindings(sql, bind)) as { n: number; trial: number; expired: number };
        return { all: row.n, active: row.n - row.trial - row.expired, trial: row.trial, expired: row.expired };
      }
      if (params.app !== undefined && needle === '') {
        // The app with a plan or date filter: its top-app rows carry the customer's status key, plan
        // and date joined, so the count is one range of customer_top_apps_filter, no customer read.
        const on: string[] = ['t.app_id = @app'];
        if (plan !== null) on.push(plan.onTopApp);
        if (fromDay !== null) on.push('t.created_ms >= @from_ms');
        if (toDay !== null) on.push('t.created_ms < @to_ms');
        const sql =
          `SELECT count(*) AS n, coalesce(sum(t.status_key > @now), 0) AS trial, ` +
          `coalesce(sum(t.status_key BETWEEN ${STATUS_KEY.free} AND @now), 0) AS expired ` +
          `FROM customer_top_apps t INDEXED BY customer_top_apps_filter WHERE ${on.join(' AND ')}`;
        const row = this.statement(sql).get(pickBindings(sql, bind)) as { n: number; trial: number; expired: number };
        return { all: row.n, active: row.n - row.trial - row.expired, trial: row.trial, expired: row.expired };
      }
      if (needle !== '' && where.length === 1) {
        // Only the search narrows. One or two characters have no trigram, and many trigram matches
        // would each cost a lookup of their status: count them by status on the character or pair
        // index instead.
        if (needleLength <= 2 && ftsCanMatch(needle)) return this.countOnTokens(needle, now.getTime());
        if (ftsCondition !== null) {
          const all = trigramMatches();
          if (all === 0) return { all: 0, active: 0, trial: 0, expired: 0 };
          if (all >= this.pairCountsFrom) return this.countOnTokens(needle, now.getTime(), { knownAll: all });
        }
      }
      if (needle !== '' || params.app !== undefined) {
        // The search or app subquery already narrows the rows: count every status in one pass over
        // them, each match's status (and plan, date joined) looked up by id. A search matching many
        // more customers than a plan or date range holds is counted the other way round: that range
        // walked on an index holding the folded texts, each entry tested for the needle there.
        let from = 'customers c';
        let conditions = where;
        const range = where.filter((w) => w !== ftsCondition && w !== substringCondition);
        if (needle !== '' && params.app === undefined && range.length > 0 && !(plan?.includesFree ?? false)) {
          const matches =
            ftsCondition === null || bind.fts === undefined
              ? ftsCanMatch(needle)
                ? (shortMatches ??= this.estimateRows([substringCondition], bind))
                : Number.POSITIVE_INFINITY
              : trigramMatches();
          // The range's size, estimated (counting it would cost about as much as walking it) on a
          // sample of customers spread evenly over the ids: dates joined and plans are far from
          // even (a quarter of the customers at 1M joined in the last 90 days). (A needle holding NUL
          // has no index to count its matches on: it is tested on the range.)
          const rangeRows = this.estimateRows(range, bind);
          const onRange = this.rangeCounts === 'cost' ? rangeRows * RANGE_ENTRY_COST < matches * LOOKUP_COST : this.rangeCounts === 'range';
          if (onRange) {
            from = `customers c INDEXED BY ${plan !== null ? 'customers_plan_text' : 'customers_created_text'}`;
            conditions = [...range, substringCondition];
          }
        }
        const sql =
          `SELECT count(*) AS n, coalesce(sum(${STATUS_SQL.trial}), 0) AS trial, coalesce(sum(${STATUS_SQL.expired}), 0) AS expired ` +
          `FROM ${from}${whereOf(conditions)}`;
        const row = this.statement(sql).get(pickBindings(sql, bind)) as { n: number; trial: number; expired: number };
        return { all: row.n, active: row.n - row.trial - row.expired, trial: row.trial, expired: row.expired };
      } else {
        // Otherwise each status is an index range of its own.
        const count = (conditions: readonly string[] | null): number => {
          if (conditions === null) return 0;
          const sql = `SELECT count(*) AS n FROM customers c${whereOf(conditions)}`;
          return (this.statement(sql).get(pickBindings(sql, bind)) as { n: number }).n;
        };
        if (plan !== null) {
          // Under a plan filter each status reads the plan its own way (planFilterSql): count each.
          const active = count(withinStatus('active', STATUS_SQL.active));
          const trial = count(withinStatus('trial', STATUS_SQL.trial));
          const expired = count(withinStatus('expired', EXPIRED_PARTS[0])) + count(withinStatus('expired', EXPIRED_PARTS[1]));
          return { all: active + trial + expired, active, trial, expired };
        }
        const all = count(where);
        const trial = all === 0 ? 0 : count([...where, STATUS_SQL.trial]);
        const expired = all === 0 ? 0 : count([...where, EXPIRED_PARTS[0]]) + count([...where, EXPIRED_PARTS[1]]);
        return { all, active: all - trial - expired, trial, expired };
      }
    };
    const counts = this.countCache ? this.cachedCounts(whereSql(null), bind, now, computeCounts) : computeCounts();
    const total = params.status === undefined ? counts.all : counts[params.status];

    const offset = (params.page - 1) * params.per_page;
    let items: Customer[] = [];
    if (offset < total) {
      const sort = sortFromParam(params.sort)!;
      // A page can be found two ways: every match gathered from a filter index (the trigram,
      // character, pair or app index, or the status, plan or date ranges) and sorted; or the sort
      // index walked in order, testing each entry, until the page is full. The walk visits about
      // (offset + page) × rows / total entries, tested on the index itself (status, plan and date
      // are in every sort index) unless a search or app test needs more; the gather handles every
      // candidate. Take the cheaper; SQLite's planner, which does not know how rare the matches
      // are, is told which.
      const rows = this.statement('SELECT max(id) FROM customers').pluck().get() as number;
      const visits = ((offset + params.per_page) * rows) / total;
      const walkCost = visits * (needle !== '' || appCondition !== null ? WALK_ROW_COST : WALK_INDEX_COST);
      const candidates = ftsCondition !== null || appCondition !== null ? counts.all : total;
      const gatherCost = candidates * GATHER_COST;
      // The search's matches as a set the walk can probe or the gather read: a trigram, character or
      // pair index query, with an app the pair or character index's set of both.
      const searchSet = needle !== '' && ftsCanMatch(needle);
      let strategy: PageStrategy;
      if (this.pageStrategy !== 'cost') {
        strategy = this.pageStrategy === 'walk-set' && !searchSet ? 'walk' : this.pageStrategy;
      } else {
        strategy = walkCost < gatherCost ? 'walk' : 'gather';
        const cheapest = Math.min(walkCost, gatherCost);
        // The set holds at least the filtered matches; ask its size only when it could pay.
        if (searchSet && counts.all * SET_BUILD_COST + visits * SET_PROBE_COST < cheapest) {
          const setSize =
            where.length === (searchApp === null ? 1 : 2)
              ? counts.all
              : searchApp !== null
                ? Number.POSITIVE_INFINITY // not known without another count: walk or gather
                : ftsCondition !== null && bind.fts !== undefined
                  ? trigramMatches()
                  : (shortMatches ??= this.estimateRows([substringCondition], bind));
          if (setSize * SET_BUILD_COST + visits * SET_PROBE_COST < cheapest) strategy = 'walk-set';
        }
      }
      const pageWhere = [...where];
      if (strategy === 'walk') {
        // Each visited entry tested on its row: the substring, the app's top-app rows.
        if (ftsCondition !== null) pageWhere[pageWhere.indexOf(ftsCondition)] = substringCondition;
        if (appCondition !== null) {
          pageWhere[pageWhere.indexOf(appCondition)] =
            'EXISTS (SELECT 1 FROM customer_top_apps t WHERE t.customer_id = c.id AND t.app_id = @app)';
        }
      } else if (needle !== '') {
        // The search's matches as a set, gathered or probed: with an app, the pair or character
        // index's set of both; a short needle tested by substring so far (alone, counted on its
        // index; or common, among plan or date filters) on its character or pair index.
        let set: string | null = ftsCondition;
        if (searchApp !== null) {
          set = `c.id IN (${searchApp.ids})`;
        } else if (set === null && searchSet && (strategy === 'walk-set' || where.length === 1)) {
          bind.short = this.shortNeedleQuery(needle);
          set = this.shortNeedleCondition(needle);
        }
        // A walk probes the set: the unary + keeps SQLite from turning it into id lookups on the
        // sort index (a skip-scan over every key value: 0.5 s at 1M for a set of 6k).
        if (set !== null) pageWhere[pageWhere.indexOf(ftsCondition ?? substringCondition)] = strategy === 'walk-set' ? `+${set}` : set;
        if (searchApp !== null) pageWhere.splice(pageWhere.indexOf(appCondition!), 1);
      }
      // total > 0, so a status filter leaves some customer: withinStatus is not null.
      const conditions = params.status === undefined ? pageWhere : withinStatus(params.status, STATUS_SQL[params.status], pageWhere)!;
      const from = strategy === 'gather' ? 'customers c' : `customers c INDEXED BY ${SORT_INDEXES[sort.key][sort.dir]}`;
      const sql =
        `SELECT c.id FROM ${from}${whereOf(conditions)} ` +
        `ORDER BY ${SORT_COLUMNS[sort.key]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, c.id ASC LIMIT @limit OFFSET @offset`;
      const ids = (
        this.statement(sql)
          .pluck()
          .all({ ...pickBindings(sql, bind), limit: params.per_page, offset }) as number[]
      );
      items = this.customersByIds(ids, plans, now);
    }
    return { items, total, page: params.page, per_page: params.per_page, counts };
  }

  /**
   * Status counts of every customer whose folded name or external ID holds `needle`, from the
   * character index (one character, customer_chars in db.ts) or the pair index (two or more,
   * customer_grams) alone: one count per status group (p paid, q free plan, t in trial), and the
   * in-trial matches split by their trial-end day, so only trials ending today are read. A needle of
   * one token is counted from the vocabulary's row counts; longer needles are phrases of consecutive
   * pairs, and take `knownAll` (their trigram count) for the total when given. `also` narrows every
   * count by another condition on the same index (app and plan tags, `a…`, `b…`), merged inside FTS5.
   */
  private countOnTokens(needle: string, nowMs: number, options: { knownAll?: number; also?: string } = {}): StatusCounts {
    const { knownAll, also } = options;
    const index = this.tokenIndexOf(needle);
    const today = Math.floor(nowMs / DAY_MS);
    const lastEnd = this.statement('SELECT max(trial_ends_ms) FROM customers WHERE in_trial = 1').pluck().get() as number | null;
    const lastDay = lastEnd === null ? today : Math.floor(lastEnd / DAY_MS);
    // Day tokens clamp ends before 1970 to day 0; and many future days would make a long query.
    const byDay = today >= 1 && lastDay - today <= MAX_DAY_TERMS;
    const laterDays: number[] = [];
    for (let day = today + 1; byDay && day <= lastDay; day++) laterDays.push(day);
    const narrowed = (match: string) => (also === undefined ? match : `(${match}) AND ${also}`);

    let active: number | undefined;
    let free: number;
    let inTrial: number;
    let endingLater = 0;
    if (index.tokens.length === 1 && also === undefined) {
      // One token per group: the vocabulary table knows how many rows hold each (deleted rows excluded).
      const [token] = index.tokens;
      const terms = [`${token}p`, `${token}q`, `${token}t`, ...laterDays.map((day) => `${token}w${day}`)];
      const rows = this.statement(`SELECT term, doc FROM ${index.table}_rows WHERE term IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(terms)) as { term: string; doc: number }[];
      const docs = new Map(rows.map((r) => [r.term, r.doc]));
      active = docs.get(terms[0]!) ?? 0;
      free = docs.get(terms[1]!) ?? 0;
      inTrial = docs.get(terms[2]!) ?? 0;
      for (const term of terms.slice(3)) endingLater += docs.get(term) ?? 0;
    } else {
      const count = (match: string) =>
        this.statement(`SELECT count(*) FROM ${index.table} WHERE ${index.table} MATCH ?`).pluck().get(narrowed(match)) as number;
      // With the trigram count known, active is what the other groups leave.
      if (knownAll === undefined || also !== undefined) active = count(index.phrase('p'));
      free = count(index.phrase('q'));
      inTrial = count(index.phrase('t'));
      if (inTrial > 0 && laterDays.length > 0) endingLater = count(laterDays.map((day) => index.phrase(`w${day}`)).join(' OR '));
    }
    let trial = 0;
    if (inTrial > 0) {
      // The trials whose end must be read: those ending today, or all of them without day tokens.
      trial =
        (this.statement(
          `SELECT count(*) FROM ${index.table} g JOIN customers c ON c.id = g.rowid WHERE ${index.table} MATCH ? AND c.trial_ends_ms > ?`,
        )
          .pluck()
          .get(narrowed(index.phrase(byDay ? `w${today}` : 't')), nowMs) as number) + (byDay ? endingLater : 0);
    }
    const all = active === undefined ? knownAll! : active + free + inTrial;
    return { all, active: all - free - inTrial, trial, expired: free + inTrial - trial };
  }

  /**
   * Where a needle FTS5 can read (ftsCanMatch) is counted by status group: one character on
   * customer_chars, more on customer_grams as pairs; `phrase(suffix)` is the needle's tokens, each
   * with the suffix (a status group or a trial-end day), as one FTS5 phrase, and `anyGroup` the
   * needle in any of the three status groups (every customer holding it).
   */
  private tokenIndexOf(needle: string): {
    table: 'customer_chars' | 'customer_grams';
    tokens: string[];
    phrase: (suffix: string) => string;
    anyGroup: string;
  } {
    const chars = [...needle].length === 1;
    const tokens = chars ? [charTokenOf(needle)] : pairTokensOf(needle, '');
    const phrase = (suffix: string) => `"${tokens.map((t) => t + suffix).join(' ')}"`;
    return { table: chars ? 'customer_chars' : 'customer_grams', tokens, phrase, anyGroup: ['p', 'q', 't'].map(phrase).join(' OR ') };
  }

  /**
   * The ids of the customers holding `needle` and using `app`, as a subquery on @search_app (the
   * pair or character index's tags; see tagTokens in db.ts), and that parameter.
   */
  private searchWithAppSet(needle: string, app: string): { ids: string; query: string } {
    const index = this.tokenIndexOf(needle);
    return {
      ids: `SELECT rowid FROM ${index.table} WHERE ${index.table} MATCH @search_app`,
      query: `(${index.anyGroup}) AND ${appTokenOf(app)}`,
    };
  }

  /**
   * The customers holding a one- or two-character needle (ftsCanMatch) as an FTS5 query on the
   * character or pair index: its token in any of the three status groups.
   */
  private shortNeedleQuery(needle: string): string {
    return this.tokenIndexOf(needle).anyGroup;
  }

  /** The customers holding a one- or two-character needle, as a subquery on @short (shortNeedleQuery). */
  private shortNeedleCondition(needle: string): string {
    const { table } = this.tokenIndexOf(needle);
    return `c.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @short)`;
  }

  /**
   * About how many customers meet `conditions`: the share of RANGE_SAMPLE ids spread evenly up to
   * the largest id that meet them, times that id (deleted ids count as not meeting them). A thousand
   * lookups, 1–2 ms at 1M, where counting a common short needle's matches on its index reads their
   * whole doclists (12–18 ms for "a").
   */
  private estimateRows(conditions: readonly string[], bind: Record<string, string | number>): number {
    const last = (this.statement('SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0;
    if (last === 0) return 0;
    const ids = Array.from({ length: RANGE_SAMPLE }, (_, i) => 1 + Math.floor((i * last) / RANGE_SAMPLE));
    const sql =
      `SELECT count(*) FROM customers c WHERE c.id IN (SELECT value FROM json_each(@sample)) AND ${conditions.join(' AND ')}`;
    const hits = this.statement(sql).pluck().get({ ...pickBindings(sql, bind), sample: JSON.stringify(ids) }) as number;
    return (hits * last) / RANGE_SAMPLE;
  }

  /** Customers for ids, in the order of `ids`. */
  customersByIds(ids: readonly number[], plans: readonly Plan[], now: Date): Customer[] {
    if (ids.length === 0) return [];
    const rows = this.statement(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as CustomerRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [customerFromRow(row, plans, now)] : [];
    });
  }

  appAccess(customerId: number): AppAccess {
    const mode = this.statement('SELECT app_access_mode FROM customers WHERE id = ?').pluck().get(customerId) as string;
    if (mode !== 'selected') return { mode: 'all' };
    const appIds = this.statement('SELECT app_id FROM customer_app_access WHERE customer_id = ? ORDER BY position')
      .pluck()
      .all(customerId) as string[];
    return { mode: 'selected', app_ids: appIds };
  }

  collaborators(customerId: number): Collaborator[] {
    const rows = this.statement(
      'SELECT id, name, email, role, customer_manager FROM collaborators WHERE customer_id = ? ORDER BY id',
    ).all(customerId) as (Omit<Collaborator, 'customer_manager'> & { customer_manager: number })[];
    return rows.map((r) => ({ ...r, customer_manager: r.customer_manager === 1 }));
  }

  /** Whether any customer lists this (normalised) origin. */
  anyCustomerHasOrigin(origin: string): boolean {
    return (
      this.statement(
        'SELECT 1 FROM customer_origins WHERE origin = ? LIMIT 1').get(origin) !== undefined
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Writes (callers wrap them in transactions)

  /** Inserts a customer with its top apps and origins; `id` 0 lets SQLite assign the next id. */
  insert(customer: Customer): number {
    const params = rowParams(customer);
    const withId = customer.id > 0;
    const result = this.statement(
      `INSERT INTO customers (${withId ? 'id, ' : ''}name, name_key, name_folded, external_id, external_folded,
        notification_email, plan_id, in_trial, trial_ends_at, trial_ends_ms, created_at, created_ms, tasks_used, task_limit,
        connections, connection_limit, top_apps, origins, version)
       VALUES (${withId ? '@id, ' : ''}@name, @name_key, @name_folded, @external_id, @external_folded,
        @notification_email, @plan_id, @in_trial, @trial_ends_at, @trial_ends_ms, @created_at, @created_ms, @tasks_used,
        @task_limit, @connections, @connection_limit, @top_apps, @origins, @version)`,
    ).run(withId ? params : omitId(params));
    const id = Number(result.lastInsertRowid);
    // One row per distinct app: "uses app X" counts customers, so a repeated app must not count twice.
    const topApp = this.statement('INSERT INTO customer_top_apps (customer_id, position, app_id) VALUES (?, ?, ?)');
    [...new Set(customer.top_apps)].forEach((app, position) => topApp.run(id, position, app));
    this.replaceOrigins(id, customer.origins);
    return id;
  }

  insertCollaborators(customerId: number, people: readonly Collaborator[]): void {
    const stmt = this.statement(
      'INSERT INTO collaborators (id, customer_id, name, email, role, customer_manager) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const p of people) stmt.run(p.id, customerId, p.name, p.email, p.role, p.customer_manager ? 1 : 0);
  }

  /**
   * Writes every stored field of `next` if the row is still at `expectedVersion`; false when
   * someone else got there first (the check and the write are one statement).
   */
  update(next: Customer, expectedVersion: number): boolean {
    const params = rowParams(next);
    const result = this.statement(
      `UPDATE customers SET name = @name, name_key = @name_key, name_folded = @name_folded, external_id = @external_id,
        external_folded = @external_folded, notification_email = @notification_email, plan_id = @plan_id,
        in_trial = @in_trial, trial_ends_at = @trial_ends_at, trial_ends_ms = @trial_ends_ms, task_limit = @task_limit,
        connection_limit = @connection_limit, origins = @origins, version = @version
       WHERE id = @id AND version = @expected_version`,
    ).run({ ...omit(params, ['created_at', 'created_ms', 'tasks_used', 'connections', 'top_apps']), expected_version: expectedVersion });
    if (result.changes !== 1) return false;
    this.replaceOrigins(next.id, next.origins);
    return true;
  }

  replaceOrigins(customerId: number, origins: readonly string[]): void {
    this.statement('DELETE FROM customer_origins WHERE customer_id = ?').run(customerId);
    const stmt = this.statement('INSERT OR IGNORE INTO customer_origins (customer_id, origin) VALUES (?, ?)');
    for (const origin of origins) stmt.run(customerId, origin);
  }

  /**
   * Stores the customer's app access and moves its version one on, if the row is still at
   * `expectedVersion` (false otherwise: the check and the write are one statement, as in `update`).
   */
  setAppAccess(customerId: number, access: AppAccess, expectedVersion: number): boolean {
    const result = this.statement('UPDATE customers SET app_access_mode = ?, version = version + 1 WHERE id = ? AND version = ?').run(
      access.mode,
      customerId,
      expectedVersion,
    );
    if (result.changes !== 1) return false;
    this.statement('DELETE FROM customer_app_access WHERE customer_id = ?').run(customerId);
    if (access.mode === 'selected') {
      const stmt = this.statement('INSERT INTO customer_app_access (customer_id, position, app_id) VALUES (?, ?, ?)');
      access.app_ids.forEach((app, position) => stmt.run(customerId, position, app));
    }
    return true;
  }

  /** Deletes the customer and every row that belongs to it, if still at `expectedVersion`. */
  delete(customerId: number, expectedVersion: number): boolean {
    const current = this.statement('SELECT version FROM customers WHERE id = ?').pluck().get(customerId) as number | undefined;
    if (current !== expectedVersion) return false;
    for (const table of ['customer_top_apps', 'customer_origins', 'customer_app_access', 'collaborators', 'idempotency_keys', 'customer_history']) {
      this.statement(`DELETE FROM ${table} WHERE customer_id = ?`).run(customerId);
    }
    this.statement('DELETE FROM customers WHERE id = ?').run(customerId);
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency keys

  idempotentCreate(key: string): { request_hash: string; status: number; body: string } | undefined {
    return this.statement('SELECT request_hash, status, body FROM idempotency_keys WHERE key = ?').get(key) as { request_hash: string; status: number; body: string } | undefined;
  }

  rememberCreate(key: string, requestHash: string, customerId: number, status: number, body: string, nowMs: number): void {
    this.statement(
      'INSERT INTO idempotency_keys (key, request_hash, customer_id, status, body, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(key, requestHash, customerId, status, body, nowMs);
  }
}

/** The named parameters a statement uses; better-sqlite3 refuses an object with parameters the SQL does not name. */
function pickBindings(sql: string, bind: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(bind)) if (sql.includes(`@${k}`)) out[k] = v;
  return out;
}

function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const k of keys) delete copy[k];
  return copy;
}

function omitId<T extends { id: number }>(value: T): Omit<T, 'id'> {
  return omit(value, ['id']);
}
