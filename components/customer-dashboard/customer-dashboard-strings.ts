/**
 * Every piece of text customer-dashboard shows or announces, in English by default. A partner
 * translates by setting `strings` to a partial object (the `periods` group merges too); the rest
 * keep these defaults. Figures reach the functions already formatted for the locale.
 */
import type { DashboardPeriod } from '../../src/model/constants.js';

export interface CustomerDashboardStrings {
  /** The accessible name of the period control. */
  periodLabel: string;
  periods: Record<DashboardPeriod, string>;
  activeRecipes: string;
  /** Under the active recipes: how many recipes there are in all, running or stopped. */
  recipesInAll: (count: string) => string;
  successfulJobs: string;
  failedJobs: string;
  successRate: string;
  errorRate: string;
  /** In place of a rate when no job ran in the period. */
  noJobsRate: string;
  /** The chart's caption; `period` is one of `periods`. */
  chartCaptionHourly: (period: string) => string;
  chartCaptionDaily: (period: string) => string;
  /** The toggle before the chart that shows its numbers as a table instead. */
  showTable: string;
  /** Read after a bar's name: how to move between bars. */
  chartHint: string;
  columnHour: string;
  columnDay: string;
  /** The hour or day still running, whose bar is low because it is not over: "Fri, Nov 27 (so far)". */
  inProgress: (time: string) => string;
  /** A bar's accessible name and tooltip heading: "Mon, Nov 23: 120 successful, 3 failed". */
  barLabel: (time: string, successful: string, failed: string) => string;
  topFailingTitle: string;
  noFailures: string;
  /** "12 failed · 340 successful" for a recipe. */
  recipeJobs: (failed: string, successful: string) => string;
  stopped: string;
  noRecipesTitle: string;
  noRecipesBody: string;
  loading: string;
  errorTitle: string;
  retry: string;
}

export const DEFAULT_DASHBOARD_STRINGS: CustomerDashboardStrings = {
  periodLabel: 'Period',
  periods: { '1d': 'Last day', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' },
  activeRecipes: 'Active recipes',
  recipesInAll: (count) => `of ${count} recipes in all`,
  successfulJobs: 'Successful jobs',
  failedJobs: 'Failed jobs',
  successRate: 'Success rate',
  errorRate: 'Error rate',
  noJobsRate: 'No jobs',
  chartCaptionHourly: (period) => `Jobs per hour · ${period}`,
  chartCaptionDaily: (period) => `Jobs per day · ${period}`,
  showTable: 'Show as table',
  chartHint: 'Left and right arrow keys move between bars.',
  columnHour: 'Hour',
  columnDay: 'Day',
  inProgress: (time) => `${time} (so far)`,
  barLabel: (time, successful, failed) => `${time}: ${successful} successful, ${failed} failed`,
  topFailingTitle: 'Recipes with the most failures',
  noFailures: 'No job failed in this period.',
  recipeJobs: (failed, successful) => `${failed} failed · ${successful} successful`,
  stopped: 'Stopped',
  noRecipesTitle: 'No recipes yet',
  noRecipesBody:
    'A recipe is an automated workflow: a trigger in one app starts a job that carries out actions in others. Once this customer builds and starts a recipe, its jobs, success rate and failures appear here.',
  loading: 'Loading the dashboard…',
  errorTitle: 'The dashboard could not be loaded.',
  retry: 'Retry',
};
