/**
 * All SQL for dashboards: a customer's recipes and job rollups, read for a period at a clock, and
 * written in bulk by the seeder. The figures are the ones `dashboardStats` (src/model/dashboard.ts)
 * computes in memory, over the same rows: `periodWindow` says which day and hour ranges a period
 * reads, and every figure here is an aggregate over those two primary-key ranges.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { DashboardPeriod, DashboardStats } from '../../src/model/schemas.js';
import {
  periodWindow,
  seriesOf,
  TOP_FAILING_RECIPES,
  type CustomerActivity,
  type JobCounts,
} from '../../src/model/dashboard.js';

/**
 * The jobs a period reads, one row per rollup, `point` the series point it falls in (an integer
 * division: parameters arrive as REAL, hence the cast).
 */
const PERIOD_JOBS = `
  WITH jobs AS (
    SELECT recipe_id, day AS point, successful, failed FROM job_rollups_daily
     WHERE customer_id = @customer AND day BETWEEN @day_from AND @day_to
    UNION ALL
    SELECT recipe_id, hour / CAST(@hours_per_point AS INTEGER) AS point, successful, failed FROM job_rollups_hourly
     WHERE customer_id = @customer AND hour BETWEEN @hour_from AND @hour_to
  )`;

/** Every query a dashboard runs (exported so a test can check each one's plan searches primary keys). */
export const DASHBOARD_SQL = {
  recipeCounts: 'SELECT count(*) AS recipes, coalesce(sum(running), 0) AS active FROM recipes WHERE customer_id = @customer',
  totals: `${PERIOD_JOBS} SELECT coalesce(sum(successful), 0) AS successful, coalesce(sum(failed), 0) AS failed FROM jobs`,
  series: `${PERIOD_JOBS} SELECT point, sum(successful) AS successful, sum(failed) AS failed FROM jobs GROUP BY point`,
  // The five first, then their names: CROSS JOIN keeps the planner from starting at recipes.
  topFailing: `${PERIOD_JOBS}
    SELECT r.id, r.name, r.running, j.successful, j.failed
      FROM (SELECT recipe_id, sum(successful) AS successful, sum(failed) AS failed FROM jobs
             GROUP BY recipe_id HAVING sum(failed) > 0 ORDER BY failed DESC, recipe_id LIMIT ${TOP_FAILING_RECIPES}) AS j
      CROSS JOIN recipes AS r ON r.customer_id = @customer AND r.id = j.recipe_id
     ORDER BY j.failed DESC, r.id`,
} as const;

export class DashboardStore {
  private readonly recipeCounts: Statement;
  private readonly totals: Statement;
  private readonly series: Statement;
  private readonly topFailing: Statement;

  constructor(private readonly db: Database) {
    this.recipeCounts = db.prepare(DASHBOARD_SQL.recipeCounts);
    this.totals = db.prepare(DASHBOARD_SQL.totals);
    this.series = db.prepare(DASHBOARD_SQL.series);
    this.topFailing = db.prepare(DASHBOARD_SQL.topFailing);
  }

  /** The dashboard of a customer for `period` at `now`, read in one transaction. */
  stats(customerId: number, period: DashboardPeriod, now: Date): DashboardStats {
    const window = periodWindow(period, now);
    const params = {
      customer: customerId,
      day_from: window.dayFrom,
      day_to: window.dayTo,
      hour_from: window.hourFrom,
      hour_to: window.hourTo,
      hours_per_point: window.hoursPerPoint,
    };
    return this.db.transaction((): DashboardStats => {
      const counts = this.recipeCounts.get({ customer: customerId }) as { recipes: number; active: number };
      const totals = this.totals.get(params) as JobCounts;
      const points = this.series.all(params) as ({ point: number } & JobCounts)[];
      const failing = this.topFailing.all(params) as { id: number; name: string; running: number; successful: number; failed: number }[];
      return {
        period,
        recipes: counts.recipes,
        active_recipes: counts.active,
        successful_jobs: totals.successful,
        failed_jobs: totals.failed,
        series: seriesOf(window, new Map(points.map((p) => [p.point, p]))),
        top_failing_recipes: failing.map((r) => ({
          id: r.id,
          name: r.name,
          running: r.running === 1,
          successful_jobs: r.successful,
          failed_jobs: r.failed,
        })),
      };
    })();
  }

  /** Everything stored for a customer, as `dashboardStats` takes it (tests compare the two ways). */
  activity(customerId: number): CustomerActivity {
    const recipes = this.db
      .prepare('SELECT id, name, source_app_id, target_app_id, running FROM recipes WHERE customer_id = ? ORDER BY id')
      .all(customerId) as (Omit<CustomerActivity['recipes'][number], 'running'> & { running: number })[];
    return {
      recipes: recipes.map((r) => ({ ...r, running: r.running === 1 })),
      daily: this.db
        .prepare('SELECT recipe_id, day, successful, failed FROM job_rollups_daily WHERE customer_id = ? ORDER BY day, recipe_id')
        .all(customerId) as CustomerActivity['daily'],
      hourly: this.db
        .prepare('SELECT recipe_id, hour, successful, failed FROM job_rollups_hourly WHERE customer_id = ? ORDER BY hour, recipe_id')
        .all(customerId) as CustomerActivity['hourly'],
    };
  }
}

/** Rows per multi-row INSERT: one call into SQLite per batch rather than per row (about twice as fast). */
const ROWS_PER_INSERT = 100;

/** Rows for one table, inserted ROWS_PER_INSERT at a time. */
class BufferedInsert {
  private readonly columns: number;
  private readonly full: Statement;
  private readonly pending: (string | number)[] = [];

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly names: readonly string[],
  ) {
    this.columns = names.length;
    this.full = db.prepare(this.sql(ROWS_PER_INSERT));
  }

  push(...values: (string | number)[]): void {
    for (const value of values) this.pending.push(value);
    if (this.pending.length === ROWS_PER_INSERT * this.columns) {
      this.full.run(this.pending);
      this.pending.length = 0;
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.db.prepare(this.sql(this.pending.length / this.columns)).run(this.pending);
    this.pending.length = 0;
  }

  private sql(rows: number): string {
    const row = `(${this.names.map(() => '?').join(',')})`;
    return `INSERT INTO ${this.table} (${this.names.join(',')}) VALUES ${Array(rows).fill(row).join(',')}`;
  }
}

/**
 * Writes the activity of many customers fast, for the seeder (which loads with foreign keys off, as
 * a full buffer of rollups may be written before its recipes): rows are buffered and inserted many
 * per statement. Add customers in id order (each one's rollups sorted by bucket, then recipe, as the
 * generator makes them), so every insert appends at the end of its table's key order; `flush()`
 * before the surrounding transaction commits.
 */
export class ActivityWriter {
  private readonly recipes: BufferedInsert;
  private readonly daily: BufferedInsert;
  private readonly hourly: BufferedInsert;

  constructor(db: Database) {
    this.recipes = new BufferedInsert(db, 'recipes', ['customer_id', 'id', 'name', 'source_app_id', 'target_app_id', 'running']);
    this.daily = new BufferedInsert(db, 'job_rollups_daily', ['customer_id', 'day', 'recipe_id', 'successful', 'failed']);
    this.hourly = new BufferedInsert(db, 'job_rollups_hourly', ['customer_id', 'hour', 'recipe_id', 'successful', 'failed']);
  }

  add(customerId: number, activity: CustomerActivity): void {
    for (const r of activity.recipes) this.recipes.push(customerId, r.id, r.name, r.source_app_id, r.target_app_id, r.running ? 1 : 0);
    for (const r of activity.daily) this.daily.push(customerId, r.day, r.recipe_id, r.successful, r.failed);
    for (const r of activity.hourly) this.hourly.push(customerId, r.hour, r.recipe_id, r.successful, r.failed);
  }

  flush(): void {
    this.recipes.flush();
    this.daily.flush();
    this.hourly.flush();
  }
}
