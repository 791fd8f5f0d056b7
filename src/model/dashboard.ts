/**
 * A customer's dashboard from what a console stores: its recipes, and the results of their jobs
 * rolled up per recipe per day, and per hour for the last two days. One pure function computes a
 * period's figures at a clock; MemoryBackend answers with it, and the reference server computes the
 * same figures in SQL over the same windows (`periodWindow`), checked equal by a server test.
 *
 * Which rows a period reads:
 * - `1d` is the 24 hours ending with the hour that holds `now`, one point per hour, from the hourly
 *   rollups. A rolling day spans two calendar days, which is why two days of them are kept.
 * - `7d`, `30d`, `90d` are that many calendar days ending with today, one point per day: the days
 *   before today from the daily rollups, today from its hourly rollups up to the current hour, so no
 *   period ever counts a job of a later hour than the clock's.
 *
 * So a day's figures are the same in every period that shows it (7d is the tail of 30d), and a
 * stopped recipe keeps its past jobs while it no longer counts as active.
 */
import type { DashboardPeriod, DashboardRecipe, DashboardStats } from './schemas.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Calendar days each daily period covers (today included). */
export const PERIOD_DAYS: Readonly<Record<Exclude<DashboardPeriod, '1d'>, number>> = { '7d': 7, '30d': 30, '90d': 90 };
/** Days of daily rollups a store keeps: the longest period. */
export const DAILY_ROLLUP_DAYS = 90;
/** Days of hourly rollups a store keeps (today and yesterday): enough for any rolling 24 hours ending today. */
export const HOURLY_ROLLUP_DAYS = 2;
/** The most recipes `top_failing_recipes` lists. */
export const TOP_FAILING_RECIPES = 5;

/** A recipe as stored: two apps of the catalogue it connects, running (active) or stopped. */
export interface Recipe {
  id: number;
  name: string;
  source_app_id: string;
  target_app_id: string;
  running: boolean;
}

/** One recipe's jobs on one UTC day (`day`: days since 1970-01-01); stored only for days with jobs. */
export interface DailyJobRollup {
  recipe_id: number;
  day: number;
  successful: number;
  failed: number;
}

/** One recipe's jobs in one UTC hour (`hour`: hours since 1970-01-01T00:00Z); stored only for hours with jobs. */
export interface HourlyJobRollup {
  recipe_id: number;
  hour: number;
  successful: number;
  failed: number;
}

/** Everything a dashboard is computed from, for one customer. */
export interface CustomerActivity {
  recipes: Recipe[];
  daily: DailyJobRollup[];
  hourly: HourlyJobRollup[];
}

/**
 * The rollups a period reads at a clock, as inclusive ranges of bucket numbers, and its points.
 * Point numbers count hours since 1970 for `1d`, days otherwise; an hourly rollup belongs to point
 * `floor(hour / hoursPerPoint)`.
 */
export interface PeriodWindow {
  period: DashboardPeriod;
  /** Daily rollups read: `day` in [dayFrom, dayTo] (an empty range for 1d). */
  dayFrom: number;
  dayTo: number;
  /** Hourly rollups read: `hour` in [hourFrom, hourTo]. */
  hourFrom: number;
  hourTo: number;
  hoursPerPoint: 1 | 24;
  firstPoint: number;
  lastPoint: number;
  /** Milliseconds per point (an hour or a day). */
  pointMs: number;
}

export function periodWindow(period: DashboardPeriod, now: Date): PeriodWindow {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (period === '1d') {
    return { period, dayFrom: 1, dayTo: 0, hourFrom: hour - 23, hourTo: hour, hoursPerPoint: 1, firstPoint: hour - 23, lastPoint: hour, pointMs: HOUR_MS };
  }
  const today = Math.floor(hour / 24);
  const first = today - PERIOD_DAYS[period] + 1;
  return { period, dayFrom: first, dayTo: today - 1, hourFrom: today * 24, hourTo: hour, hoursPerPoint: 24, firstPoint: first, lastPoint: today, pointMs: DAY_MS };
}

export interface JobCounts {
  successful: number;
  failed: number;
}

/** Every point of the window, oldest first, zero where nothing ran. */
export function seriesOf(window: PeriodWindow, byPoint: ReadonlyMap<number, JobCounts>): DashboardStats['series'] {
  const series: DashboardStats['series'] = [];
  for (let point = window.firstPoint; point <= window.lastPoint; point++) {
    const jobs = byPoint.get(point);
    series.push({
      at: new Date(point * window.pointMs).toISOString(),
      successful_jobs: jobs?.successful ?? 0,
      failed_jobs: jobs?.failed ?? 0,
    });
  }
  return series;
}

/** Most failures first, then the lower id; at most five, only recipes that failed in the period. */
export function compareFailing(a: DashboardRecipe, b: DashboardRecipe): number {
  return b.failed_jobs - a.failed_jobs || a.id - b.id;
}

/** The dashboard of one customer for `period` at `now`, from its stored recipes and rollups. */
export function dashboardStats(activity: CustomerActivity, period: DashboardPeriod, now: Date): DashboardStats {
  const window = periodWindow(period, now);
  const byPoint = new Map<number, JobCounts>();
  const byRecipe = new Map<number, JobCounts>();
  const add = (into: Map<number, JobCounts>, key: number, rollup: JobCounts) => {
    const sum = into.get(key) ?? { successful: 0, failed: 0 };
    sum.successful += rollup.successful;
    sum.failed += rollup.failed;
    into.set(key, sum);
  };
  const count = (point: number, rollup: DailyJobRollup | HourlyJobRollup) => {
    add(byPoint, point, rollup);
    add(byRecipe, rollup.recipe_id, rollup);
  };
  for (const rollup of activity.daily) if (rollup.day >= window.dayFrom && rollup.day <= window.dayTo) count(rollup.day, rollup);
  for (const rollup of activity.hourly) {
    if (rollup.hour >= window.hourFrom && rollup.hour <= window.hourTo) count(Math.floor(rollup.hour / window.hoursPerPoint), rollup);
  }
  let successful = 0;
  let failed = 0;
  for (const jobs of byPoint.values()) {
    successful += jobs.successful;
    failed += jobs.failed;
  }
  const failing: DashboardRecipe[] = [];
  for (const recipe of activity.recipes) {
    const jobs = byRecipe.get(recipe.id);
    if (jobs && jobs.failed > 0) {
      failing.push({ id: recipe.id, name: recipe.name, running: recipe.running, successful_jobs: jobs.successful, failed_jobs: jobs.failed });
    }
  }
  return {
    period,
    recipes: activity.recipes.length,
    active_recipes: activity.recipes.filter((r) => r.running).length,
    successful_jobs: successful,
    failed_jobs: failed,
    series: seriesOf(window, byPoint),
    top_failing_recipes: failing.sort(compareFailing).slice(0, TOP_FAILING_RECIPES),
  };
}
