/**
 * SQL for customers' change history (`customer_history`, see db.ts): an entry written by the route
 * that made the change, inside that change's transaction, and a customer's entries read back a
 * page at a time, newest first. What an entry holds is decided by the routes with
 * `customerChanges`/`appAccessChanges` (src/model/history.ts), the functions MemoryBackend records
 * with, so both backends list the same changes.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { HistoryAction, HistoryChange, HistoryEntry, HistoryPage } from '../../src/model/schemas.js';
import type { HistoryPageParams } from '../../src/model/history.js';

/** What a route records; the store adds the id. */
export interface NewHistoryEntry {
  at: Date;
  action: HistoryAction;
  actor: HistoryEntry['actor'];
  /** The customer's version after the change. */
  version: number;
  changes: HistoryChange[];
}

interface HistoryRow {
  id: number;
  at: string;
  action: HistoryAction;
  actor_kind: HistoryEntry['actor']['kind'];
  actor_name: string;
  version: number;
  changes: string;
}

export class HistoryStore {
  private readonly insertEntry: Statement;
  private readonly countEntries: Statement;
  private readonly pageEntries: Statement;

  constructor(readonly db: Database) {
    this.insertEntry = db.prepare(
      `INSERT INTO customer_history (customer_id, at, action, actor_kind, actor_name, version, changes)
       VALUES (@customer_id, @at, @action, @actor_kind, @actor_name, @version, @changes)`,
    );
    this.countEntries = db.prepare('SELECT count(*) FROM customer_history WHERE customer_id = ?').pluck();
    this.pageEntries = db.prepare(
      `SELECT id, at, action, actor_kind, actor_name, version, changes FROM customer_history
        WHERE customer_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
    );
  }

  /**
   * Writes an entry for a change to the customer; a change with no changed field writes none. The
   * caller runs it in the transaction of the change.
   */
  record(customerId: number, entry: NewHistoryEntry): void {
    if (entry.changes.length === 0) return;
    this.insertEntry.run({
      customer_id: customerId,
      at: entry.at.toISOString(),
      action: entry.action,
      actor_kind: entry.actor.kind,
      actor_name: entry.actor.name,
      version: entry.version,
      changes: JSON.stringify(entry.changes),
    });
  }

  /** One page of the customer's entries, newest first, with the total; past the end, no items. */
  page(customerId: number, params: HistoryPageParams): HistoryPage {
    const total = this.countEntries.get(customerId) as number;
    const offset = (params.page - 1) * params.per_page;
    const rows = offset < total ? (this.pageEntries.all(customerId, params.per_page, offset) as HistoryRow[]) : [];
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: row.at,
        action: row.action,
        actor: { kind: row.actor_kind, name: row.actor_name },
        version: row.version,
        changes: JSON.parse(row.changes) as HistoryChange[],
      })),
      total,
      page: params.page,
      per_page: params.per_page,
    };
  }
}
