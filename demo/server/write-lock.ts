/**
 * Writes while another connection holds SQLite's write lock (another process in `BEGIN IMMEDIATE`,
 * a long import, a second server on the same file).
 *
 * better-sqlite3 is synchronous: with a busy timeout, a write that meets a held lock makes SQLite
 * sleep and retry inside the call, and the whole event loop sleeps with it: every other request,
 * reads included, waits too. So the serving connection does not wait at all (busy_timeout 0): a
 * write that meets the lock fails at once and is answered 503 with Retry-After, and reads, which
 * WAL lets proceed beside a writer, keep being answered meanwhile. Within one server process all
 * writes go through this one connection and are synchronous transactions, so the server never
 * contends with itself; only other connections make it answer 503.
 *
 * HttpBackend retries idempotent calls (GET, PUT, DELETE, creates with an Idempotency-Key) on 503,
 * waiting what Retry-After asks when it is at most 5 s: one second is the smallest wait the header
 * can say in delta-seconds, long enough for a short foreign transaction to end, and with its 2
 * retries a client rides out a lock held for about two seconds before the admin sees the error.
 */
import Database from 'better-sqlite3';
import { ProblemError } from './problems.js';

/** Seconds a client is asked to wait before retrying a write refused for lock contention. */
export const LOCK_RETRY_AFTER_SECONDS = 1;

/** Makes `db` fail fast on a held lock instead of blocking the event loop while it waits. */
export function failFastOnHeldLocks(db: Database.Database): void {
  db.pragma('busy_timeout = 0');
}

/**
 * SQLITE_BUSY (and its extended codes, e.g. SQLITE_BUSY_SNAPSHOT) as a 503 with Retry-After; null
 * for any other error. Nothing was written: the statement that met the lock failed, and
 * better-sqlite3 rolled its transaction back.
 */
export function lockContentionProblem(error: unknown): ProblemError | null {
  if (!(error instanceof Database.SqliteError) || !error.code.startsWith('SQLITE_BUSY')) return null;
  return new ProblemError(
    503,
    'Service Unavailable',
    'The database is busy with another writer; nothing was changed. Try again shortly.',
    undefined,
    { 'Retry-After': String(LOCK_RETRY_AFTER_SECONDS) },
  );
}
