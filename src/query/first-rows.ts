/**
 * The first rows of a query straight from the customers as given: what client mode shows while its
 * CustomerIndex is still being built. One pass over the array with the rules the index's query
 * uses (customer-filter.ts decides what matches, `sortValue` gives the order, ties broken by id and
 * then by place in the array, as the index breaks them), keeping the first `count` matches in a
 * bounded heap. The same pass counts the total and the status counts, so those are exact at once.
 */
import { FREE_PLAN_ID } from '../model/constants.js';
import type { Customer, StatusCounts } from '../model/schemas.js';
import {
  ACTIVE,
  hasTopApp,
  hasWantedStatus,
  passesFilters,
  queryFilter,
  resolveFilter,
  searchMatches,
  statusCode,
  trialEndMs,
  TRIAL,
} from './customer-filter.js';
import { foldText } from './fold.js';
import { instantMs, utcDay } from './joined.js';
import { nameSortKeyOfFolded, sortValue } from './sort.js';
import type { CustomerQuery } from './types.js';

export interface FirstRows {
  /** The first `count` matches in sort order (every match when fewer match). */
  rows: Customer[];
  /** Every match, the status filter included. */
  total: number;
  /** Matches of everything but the status filter, by status. */
  counts: StatusCounts;
}

/** The first `count` rows of `query`'s result at `now`, with its total and counts. */
export function firstRows(customers: readonly Customer[], query: CustomerQuery, now: Date, count: number): FirstRows {
  const f = resolveFilter(queryFilter(query, now), now);
  const { needle, plans, app, nowMs } = f;
  const key = query.sort.key;
  const dated = f.fromDay !== -Infinity || f.toDay !== Infinity;
  // Folding is what a search or a name sort costs; names repeat, so each is folded once.
  const names = new Map<string, { folded: string; key: string | null }>();
  const nameOf = (name: string) => {
    let entry = names.get(name);
    if (entry === undefined) names.set(name, (entry = { folded: foldText(name), key: null }));
    return entry;
  };
  const top = new TopRows(customers, query.sort.dir === 'asc', count);

  let total = 0;
  let active = 0;
  let trial = 0;
  let expired = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    if (needle !== '' && !searchMatches(nameOf(c.name).folded, c.external_id === null ? '' : foldText(c.external_id), needle)) continue;
    const status = statusCode(c.in_trial, c.in_trial ? trialEndMs(c) : NaN, c.plan_id === FREE_PLAN_ID, nowMs);
    const day = dated ? utcDay(instantMs(c.created_at)) : 0;
    const onListedPlan = plans === null || plans.has(c.plan_id);
    if (!passesFilters(f, status, onListedPlan, day, app === null || hasTopApp(c.top_apps, app))) continue;
    if (status === ACTIVE) active++;
    else if (status === TRIAL) trial++;
    else expired++;
    if (!hasWantedStatus(f, status)) continue;
    total++;
    if (count <= 0) continue;
    if (key === 'name') {
      const entry = nameOf(c.name);
      top.offer((entry.key ??= nameSortKeyOfFolded(entry.folded)), i);
    } else {
      top.offer(sortValue(c, key), i);
    }
  }
  return { rows: top.rows(), total, counts: { all: active + trial + expired, active, trial, expired } };
}

/**
 * The first `count` rows offered, in order: by sort value (strings or numbers, never both), then
 * by id ascending, then by place in the list. A binary heap whose root is the kept row that comes
 * last, so a row that comes after it costs one comparison.
 */
class TopRows {
  readonly #customers: readonly Customer[];
  readonly #ascending: boolean;
  readonly #count: number;
  readonly #row: number[] = [];
  readonly #value: (string | number)[] = [];

  constructor(customers: readonly Customer[], ascending: boolean, count: number) {
    this.#customers = customers;
    this.#ascending = ascending;
    this.#count = count;
  }

  offer(value: string | number, row: number): void {
    const rows = this.#row;
    const values = this.#value;
    if (rows.length < this.#count) {
      // Sift up: a parent comes after its children.
      let at = rows.length;
      rows.push(row);
      values.push(value);
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.#before(values[parent]!, rows[parent]!, value, row)) break;
        this.#swap(at, parent);
        at = parent;
      }
      return;
    }
    if (!this.#before(value, row, values[0]!, rows[0]!)) return;
    // Takes the place of the last kept row; sift down.
    rows[0] = row;
    values[0] = value;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      if (left >= rows.length) break;
      const right = left + 1;
      const later = right < rows.length && this.#before(values[left]!, rows[left]!, values[right]!, rows[right]!) ? right : left;
      if (!this.#before(values[at]!, rows[at]!, values[later]!, rows[later]!)) break;
      this.#swap(at, later);
      at = later;
    }
  }

  /** The kept rows' customers, in order. */
  rows(): Customer[] {
    const kept = this.#row.map((_, k) => k);
    kept.sort((x, y) => (this.#before(this.#value[x]!, this.#row[x]!, this.#value[y]!, this.#row[y]!) ? -1 : 1));
    return kept.map((k) => this.#customers[this.#row[k]!]!);
  }

  /** Whether row a (sort value va) comes before row b (vb). */
  #before(va: string | number, a: number, vb: string | number, b: number): boolean {
    if (va !== vb) return va < vb === this.#ascending;
    const ida = this.#customers[a]!.id;
    const idb = this.#customers[b]!.id;
    return ida !== idb ? ida < idb : a < b;
  }

  #swap(x: number, y: number): void {
    const rows = this.#row;
    const values = this.#value;
    const row = rows[x]!;
    rows[x] = rows[y]!;
    rows[y] = row;
    const value = values[x]!;
    values[x] = values[y]!;
    values[y] = value;
  }
}
