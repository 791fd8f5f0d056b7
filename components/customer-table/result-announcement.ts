/**
 * What customer-table's live region says when its result changed: a pure function of the result
 * it last spoke of and the one it shows now, so the element only keeps the two and a timer.
 */
import type { CustomerQuery } from '../../src/query/types.js';
import { COLUMNS, errorText, type TableContext } from './row-templates.js';

export interface ResultState {
  query: CustomerQuery;
  view: 'empty' | 'no-match' | 'error' | 'rows';
  /** The error shown (a new one after a failed Retry is news), else null. */
  error: unknown;
}

/** What narrows the result (everything but sort and page). */
const filtersOf = (q: CustomerQuery) => JSON.stringify([q.q, q.status, q.plans, q.app, q.joined]);

/**
 * The sentence for `now` after `said` (null: `now` is the first result, which only an error
 * speaks for), or null when nothing a listener cares about changed.
 */
export function resultAnnouncement(said: ResultState | null, now: ResultState, total: number, c: Pick<TableContext, 'text' | 'numbers'>): string | null {
  const t = c.text;
  if (now.view === 'error') return said?.error === now.error ? null : `${t.errorTitle}. ${errorText(now.error)}`;
  if (said === null) return null;
  const filtered = said.view !== now.view || filtersOf(said.query) !== filtersOf(now.query);
  if (now.view !== 'rows') return filtered ? (now.view === 'empty' ? t.emptyTitle : t.noMatchTitle) : null;
  const { key, dir } = now.query.sort;
  const sorted = key !== said.query.sort.key || dir !== said.query.sort.dir;
  const column = COLUMNS.find((col) => col.sortKey === key);
  const parts = [
    filtered ? t.resultCount(total, c.numbers.format(total)) : '',
    sorted && column ? (dir === 'asc' ? t.sortedAscending : t.sortedDescending)(t[column.label]) : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join('. ') : null;
}
