/**
 * Whole sort orders over a CustomerIndex, built on first use and cached on it. Each order is one
 * native numeric sort: every row becomes the float `rank(key) * 2^21 + rank(id)`, which sorts
 * exactly like `ORDER BY key, id` with no JavaScript comparator (several times faster). The ranks
 * are computed with the index; only the packing and the sort happen on first use.
 */
import type { SortKey } from '../model/schemas.js';
import type { CustomerSort } from './types.js';
import type { CustomerIndex } from './customer-index.js';
import { sortToParam } from './sort.js';

/** Rows that fit the packing; larger lists fall back to a comparator sort. */
const ROW_SPACE = 2 ** 21;
/** Integer keys below this pack directly, without ranking (2^31 * 2^21 = 2^52, still exact). */
const DIRECT_KEY_LIMIT = 2 ** 31;

/** Every row of the index in a sort's order (ties by id ascending), cached on the index. */
export function sortOrder(index: CustomerIndex, sort: CustomerSort): Uint32Array {
  const param = sortToParam(sort);
  let order = index.orders.get(param);
  if (order) return order;
  order =
    sort.dir === 'asc'
      ? ascendingOrder(index, sort.key)
      : descendingFrom(sortOrder(index, { key: sort.key, dir: 'asc' }), keyRanks(index, sort.key));
  index.orders.set(param, order);
  return order;
}

/** Builds every sort order now (e.g. while the browser is idle) so no first click pays for it. */
export function prepareSortOrders(index: CustomerIndex): void {
  for (const key of ['created_at', 'name', 'tasks_used', 'connections'] as const) {
    sortOrder(index, { key, dir: 'asc' });
    sortOrder(index, { key, dir: 'desc' });
  }
}

/** Sorts a subset of rows in place by a sort, ties by id ascending (then row, for duplicate ids). */
export function sortRows(index: CustomerIndex, rows: Uint32Array, sort: CustomerSort): Uint32Array {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const ids = index.ids;
  if (sort.key === 'name') {
    const keys = index.nameKey;
    return rows.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -sign : x > y ? sign : ids[a]! - ids[b]! || a - b;
    });
  }
  const values = numericColumn(index, sort.key);
  return rows.sort((a, b) => sign * (values[a]! - values[b]!) || ids[a]! - ids[b]! || a - b);
}

function numericColumn(index: CustomerIndex, key: Exclude<SortKey, 'name'>): Float64Array {
  return key === 'created_at' ? index.createdMs : key === 'tasks_used' ? index.tasksUsed : index.connections;
}

function ascendingOrder(index: CustomerIndex, key: SortKey): Uint32Array {
  const n = index.size;
  if (n > ROW_SPACE) {
    const rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    return sortRows(index, rows, { key, dir: 'asc' });
  }
  return packedOrder(keyRanks(index, key), index.idRank);
}

/** Rows ordered by (rank, tieRank): tieRanks a permutation of 0..n-1, n and ranks within the packing. */
function packedOrder(ranks: ArrayLike<number>, tieRanks: Uint32Array): Uint32Array {
  const n = tieRanks.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ranks[i]! * ROW_SPACE + tieRanks[i]!;
  packed.sort();
  // Invert the tie ranks to get back from a tie rank to its row.
  const rowOfTie = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowOfTie[tieRanks[i]!] = i;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = rowOfTie[packed[k]! % ROW_SPACE]!;
  return order;
}

/** Each row's position when ordered by id, then row (a permutation of 0..n-1). */
export function idRanks(ids: Float64Array): Uint32Array {
  const n = ids.length;
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  // Equal ids (which should not happen) fall back to row order: rows are their own tie rank.
  const byId = isDirectKey(ids) && n <= ROW_SPACE ? packedOrder(ids, rows) : rows.sort((a, b) => ids[a]! - ids[b]! || a - b);
  const ranks = new Uint32Array(n);
  for (let k = 0; k < n; k++) ranks[byId[k]!] = k;
  return ranks;
}

/** What a key packs as: its value when small whole numbers, otherwise its rank from the index. */
function keyRanks(index: CustomerIndex, key: SortKey): ArrayLike<number> {
  switch (key) {
    case 'name':
      return index.nameRank;
    case 'created_at':
      return index.createdRank;
    default: {
      const values = numericColumn(index, key);
      return isDirectKey(values) ? values : denseNumberRanks(values);
    }
  }
}

/** Whether every value is a non-negative integer small enough to pack as its own rank. */
function isDirectKey(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v < DIRECT_KEY_LIMIT && Math.floor(v) === v)) return false;
  }
  return true;
}

export function denseNumberRanks(values: Float64Array): Uint32Array {
  return complete(denseNumberRankSteps(values, Infinity));
}

/** `denseNumberRanks` a slice at a time: the sort, then `rowsPerSlice` rows' ranks per slice. */
export function* denseNumberRankSteps(values: Float64Array, rowsPerSlice: number): Generator<void, Uint32Array> {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let k = 0; k < sorted.length; k++) if (m === 0 || sorted[k] !== sorted[m - 1]) sorted[m++] = sorted[k]!;
  const ranks = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && i % rowsPerSlice === 0) yield;
    const value = values[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return ranks;
}

/**
 * Sorts values by their string `key` in plain code-unit order (what `Array#sort` without a
 * comparator uses), equal keys in their given order, a slice at a time: runs of `rowsPerSlice`
 * sorted natively, then merged pairwise, `MERGE_FACTOR` times as many values per slice (a merge
 * step is far cheaper than a sort's). Sorts the array given.
 */
export function* sortByKeySteps<T extends { readonly key: string }>(values: T[], rowsPerSlice: number): Generator<void, T[]> {
  const byKey = (a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (values.length <= rowsPerSlice) return values.sort(byKey);
  let runs: T[][] = [];
  for (let start = 0; start < values.length; start += rowsPerSlice) {
    if (start > 0) yield;
    runs.push(values.slice(start, start + rowsPerSlice).sort(byKey));
  }
  let budget = rowsPerSlice * MERGE_FACTOR;
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (b === undefined) {
        merged.push(a);
        continue;
      }
      const out = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        // The earlier run first on equal keys: stable.
        out[k++] = b[j]!.key < a[i]!.key ? b[j++]! : a[i++]!;
        if (--budget === 0) {
          budget = rowsPerSlice * MERGE_FACTOR;
          yield;
        }
      }
      while (i < a.length) out[k++] = a[i++]!;
      while (j < b.length) out[k++] = b[j++]!;
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0]!;
}

const MERGE_FACTOR = 4;

/** Runs a sequence of slices to its end. */
export function complete<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Descending by key with ties still by id ascending: reverse, then restore each run of equal keys. */
function descendingFrom(asc: Uint32Array, ranks: ArrayLike<number>): Uint32Array {
  const order = asc.slice().reverse();
  for (let start = 0; start < order.length; ) {
    const rank = ranks[order[start]!];
    let end = start + 1;
    while (end < order.length && ranks[order[end]!] === rank) end++;
    if (end - start > 1) order.subarray(start, end).reverse();
    start = end;
  }
  return order;
}
