/** The dashboard's figures that are not geometry: rates, and whether a point's hour or day is still running. */

/** Success and error rates of a period's jobs, as shares (0–1); null when no job ran, since 0 of 0 is no rate at all. */
export function jobRates(successful: number, failed: number): { success: number; error: number } | null {
  const total = successful + failed;
  if (total === 0) return null;
  return { success: successful / total, error: failed / total };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Whether the hour (hourly points) or UTC day starting at `at` contains `now`: its bar is low
 * because it is not over yet, and says so.
 */
export function isInProgress(at: string, hourly: boolean, now: Date): boolean {
  const start = Date.parse(at);
  const time = now.getTime();
  return start <= time && time < start + (hourly ? HOUR_MS : DAY_MS);
}
