/** dashboardStats: a period's figures from stored recipes and rollups, at a clock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardStats, periodWindow, type CustomerActivity } from '../../src/model/dashboard.js';
import { DASHBOARD_PERIODS, DashboardStats } from '../../src/model/schemas.js';
import { generateActivity, generateCustomer, startOfUtcDay } from '../../src/backend/generate.js';

const DAY = 86_400_000;
const now = new Date('2026-03-15T13:45:00.000Z');
const today = Math.floor(now.getTime() / DAY);
const hourNow = Math.floor(now.getTime() / 3_600_000);

const recipe = (id: number, running = true) => ({ id, name: `Recipe ${id}`, source_app_id: 'a', target_app_id: 'b', running });

test('hourly for 1d, daily otherwise; totals are the sums; days agree across periods (generated customers)', () => {
  const expectedPoints = { '1d': 24, '7d': 7, '30d': 30, '90d': 90 } as const;
  const anchor = startOfUtcDay(now);
  let withJobs = 0;
  for (let index = 0; index < 50; index++) {
    const activity = generateActivity(42, generateCustomer(42, index, anchor), anchor);
    const by = Object.fromEntries(DASHBOARD_PERIODS.map((p) => [p, dashboardStats(activity, p, now)])) as Record<string, DashboardStats>;
    for (const period of DASHBOARD_PERIODS) {
      const stats = by[period]!;
      assert.ok(DashboardStats.safeParse(stats).success);
      assert.equal(stats.series.length, expectedPoints[period]);
      assert.equal(stats.successful_jobs, stats.series.reduce((s, p) => s + p.successful_jobs, 0));
      assert.equal(stats.failed_jobs, stats.series.reduce((s, p) => s + p.failed_jobs, 0));
    }
    assert.deepEqual(by['30d']!.series.slice(-7), by['7d']!.series);
    assert.deepEqual(by['90d']!.series.slice(-30), by['30d']!.series);
    if (by['90d']!.successful_jobs > 0) withJobs++;
  }
  assert.ok(withJobs >= 5, `${withJobs} of 50 customers have jobs`);
  const day = dashboardStats({ recipes: [], daily: [], hourly: [] }, '1d', now);
  assert.equal(day.series.at(-1)!.at, '2026-03-15T13:00:00.000Z');
  assert.equal(Date.parse(day.series[1]!.at) - Date.parse(day.series[0]!.at), 3_600_000);
  assert.equal(dashboardStats({ recipes: [], daily: [], hourly: [] }, '7d', now).series.at(-1)!.at, '2026-03-15T00:00:00.000Z');
});

test('the days before today come from daily rollups, today from its hours up to the clock', () => {
  const activity: CustomerActivity = {
    recipes: [recipe(1), recipe(2, false)],
    daily: [
      { recipe_id: 1, day: today - 7, successful: 1000, failed: 0 }, // outside 7d
      { recipe_id: 1, day: today - 6, successful: 10, failed: 1 },
      { recipe_id: 2, day: today - 1, successful: 5, failed: 2 }, // stopped since, keeps its jobs
      { recipe_id: 1, day: today, successful: 999, failed: 999 }, // today's daily row is not read
    ],
    hourly: [
      { recipe_id: 1, hour: today * 24 - 1, successful: 3, failed: 0 }, // yesterday 23:00: in 1d only
      { recipe_id: 1, hour: today * 24 + 2, successful: 4, failed: 1 },
      { recipe_id: 1, hour: hourNow, successful: 6, failed: 0 },
      { recipe_id: 1, hour: hourNow + 1, successful: 50, failed: 50 }, // after the clock
    ],
  };
  const week = dashboardStats(activity, '7d', now);
  assert.deepEqual([week.recipes, week.active_recipes], [2, 1]);
  assert.deepEqual([week.successful_jobs, week.failed_jobs], [10 + 5 + 4 + 6, 1 + 2 + 1]);
  assert.deepEqual(week.series.map((p) => p.successful_jobs), [10, 0, 0, 0, 0, 5, 10]);
  assert.deepEqual(week.top_failing_recipes, [
    { id: 1, name: 'Recipe 1', running: true, successful_jobs: 20, failed_jobs: 2 },
    { id: 2, name: 'Recipe 2', running: false, successful_jobs: 5, failed_jobs: 2 },
  ]);
  const day = dashboardStats(activity, '1d', now);
  assert.deepEqual([day.successful_jobs, day.failed_jobs], [3 + 4 + 6, 1]);
  assert.equal(day.series.find((p) => p.at === '2026-03-14T23:00:00.000Z')!.successful_jobs, 3);
  assert.deepEqual(day.top_failing_recipes.map((r) => r.id), [1]);
});

test('top failing: at most five, most failures first, then the lower id; recipes without failures left out', () => {
  const recipes = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => recipe(id));
  const failures = [3, 9, 0, 3, 7, 1, 3, 2];
  const activity: CustomerActivity = {
    recipes,
    daily: recipes.map((r, i) => ({ recipe_id: r.id, day: today - 2, successful: 1, failed: failures[i]! })),
    hourly: [],
  };
  const stats = dashboardStats(activity, '30d', now);
  assert.deepEqual(stats.top_failing_recipes.map((r) => [r.id, r.failed_jobs]), [[2, 9], [5, 7], [1, 3], [4, 3], [7, 3]]);
  assert.deepEqual(dashboardStats({ ...activity, daily: activity.daily.map((r) => ({ ...r, failed: 0 })) }, '30d', now).top_failing_recipes, []);
});

test('periodWindow: 1d reads 24 hours and no daily rows; 7d reads six days before today and today up to this hour', () => {
  const day = periodWindow('1d', now);
  assert.deepEqual([day.hourFrom, day.hourTo, day.dayFrom > day.dayTo], [hourNow - 23, hourNow, true]);
  const week = periodWindow('7d', now);
  assert.deepEqual([week.dayFrom, week.dayTo, week.hourFrom, week.hourTo], [today - 6, today - 1, today * 24, hourNow]);
});
