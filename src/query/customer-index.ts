/**
 * A column-oriented index of customers for client mode: everything a query needs that does not
 * depend on the clock is computed once (folded text, dates as numbers, plan and app codes, one
 * search string), so a query is one linear walk. Sort orders live in sort-order.ts.
 */
import { FREE_PLAN_ID } from '../model/constants.js';
import type { Customer } from '../model/schemas.js';
import { searchMatches, TOP_APPS, trialEndMs as trialEndOf } from './customer-filter.js';
import { foldText } from './fold.js';
import { instantMs, utcDay } from './joined.js';
import { nameSortKeyOfFolded, type SortParam } from './sort.js';
import { denseNumberRankSteps, idRanks, sortByKeySteps } from './sort-order.js';

export { TOP_APPS } from './customer-filter.js';

export interface CustomerIndex {
  readonly customers: readonly Customer[];
  readonly size: number;
  readonly ids: Float64Array;
  /** `foldText(name)`. */
  readonly foldedName: readonly string[];
  /** `nameSortKey(name)` (the same string as `foldedName` for nearly every name). */
  readonly nameKey: readonly string[];
  /** `foldText(external_id)`, '' when there is none. */
  readonly foldedExternalId: readonly string[];
  readonly createdMs: Float64Array;
  /** Days since 1970-01-01 of `created_at`'s UTC date. */
  readonly createdDay: Int32Array;
  readonly tasksUsed: Float64Array;
  readonly connections: Float64Array;
  readonly inTrial: Uint8Array;
  /** `trial_ends_at` in epoch ms, NaN when there is none (a trial without an end has ended). */
  readonly trialEndMs: Float64Array;
  readonly onFreePlan: Uint8Array;
  /**
   * The stored plan's code. Not the plan a query filters on by itself: an expired customer is on
   * Free (effectivePlanId), which depends on the clock, so queryIndex decides it with the status.
   */
  readonly planCode: Int32Array;
  readonly planCodes: ReadonlyMap<string, number>;
  /** `TOP_APPS` app codes per customer, -1 for an empty slot. */
  readonly topApps: Int32Array;
  readonly appCodes: ReadonlyMap<string, number>;
  /**
   * Every row's folded name and external ID, each followed by U+0000, in one string: one native
   * `indexOf` scan over it is several times faster than an `includes` call per row.
   */
  readonly searchText: string;
  /** Where each row's part of `searchText` ends (exclusive). */
  readonly searchRowEnd: Uint32Array;
  /**
   * Dense ranks of the sort keys that need ranking before they pack into one float (see
   * sort-order.ts): equal keys share a rank. Tasks and connections are their own ranks.
   */
  readonly idRank: Uint32Array;
  readonly nameRank: Uint32Array;
  readonly createdRank: Uint32Array;
  /** Whole sort orders, built on first use. */
  readonly orders: Map<SortParam, Uint32Array>;
}

const SEPARATOR = '\u0000';

/** Builds the index in one go (about 2 ms per 1,000 customers; see bench/query.bench.ts). */
export function createCustomerIndex(customers: readonly Customer[]): CustomerIndex {
  return new CustomerIndexBuild(customers, Math.max(1, customers.length)).finish();
}

/**
 * An index build that runs a slice at a time: `step()` does one slice of the work, `finish()` the
 * rest at once, when the index is needed before the slices are through. Client mode paints its
 * first rows before the index exists and builds it like this between frames.
 */
export class CustomerIndexBuild {
  readonly #steps: Generator<void, CustomerIndex>;
  #index: CustomerIndex | null = null;

  /** `rowsPerSlice`: rows of the per-row pass per slice (the later passes have their own slices). */
  constructor(customers: readonly Customer[], rowsPerSlice = DEFAULT_ROWS_PER_SLICE) {
    this.#steps = buildSteps(customers, Math.max(1, rowsPerSlice));
  }

  /** The index once the build is through, else null. */
  get index(): CustomerIndex | null {
    return this.#index;
  }

  /** Runs one slice; returns the index when that was the last one (or it was already built). */
  step(): CustomerIndex | null {
    if (this.#index === null) {
      const step = this.#steps.next();
      if (step.done) this.#index = step.value;
    }
    return this.#index;
  }

  /** Runs every slice left and returns the index. */
  finish(): CustomerIndex {
    while (this.#index === null) this.step();
    return this.#index;
  }
}

/** Rows per slice of work between yields; 5,000 keeps a slice near 10 ms on a laptop-class core. */
const DEFAULT_ROWS_PER_SLICE = 5_000;

export interface AsyncIndexOptions {
  /** Rows per slice of work between yields; 5,000 keeps a slice near 10 ms on a laptop-class core. */
  rowsPerSlice?: number;
  signal?: AbortSignal;
}

/**
 * Builds the same index in slices, yielding to the event loop between them, so a page loading
 * 100k customers never blocks input for the whole build. Rejects with the signal's reason when
 * aborted.
 */
export async function createCustomerIndexAsync(
  customers: readonly Customer[],
  { rowsPerSlice = DEFAULT_ROWS_PER_SLICE, signal }: AsyncIndexOptions = {},
): Promise<CustomerIndex> {
  const build = new CustomerIndexBuild(customers, rowsPerSlice);
  for (;;) {
    signal?.throwIfAborted();
    const index = build.step();
    if (index !== null) return index;
    await yieldToEventLoop();
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The build as a sequence of slices: `yield` marks where an async build may pause. */
function* buildSteps(customers: readonly Customer[], rowsPerSlice: number): Generator<void, CustomerIndex> {
  const n = customers.length;
  const ids = new Float64Array(n);
  const foldedName = new Array<string>(n);
  const nameKey = new Array<string>(n);
  const foldedExternalId = new Array<string>(n);
  const createdMs = new Float64Array(n);
  const createdDay = new Int32Array(n);
  const tasksUsed = new Float64Array(n);
  const connections = new Float64Array(n);
  const inTrial = new Uint8Array(n);
  const trialEndMs = new Float64Array(n);
  const onFreePlan = new Uint8Array(n);
  const planCode = new Int32Array(n);
  const planCodes = new Map<string, number>();
  const topApps = new Int32Array(n * TOP_APPS).fill(-1);
  const appCodes = new Map<string, number>();
  // The search text is joined a slice at a time (one join of 200k parts was a 30-50 ms task), then
  // the slices' strings at once.
  const searchChunks: string[] = [];
  let searchParts: string[] = [];
  const searchRowEnd = new Uint32Array(n);
  // Names repeat a lot in real lists (and folding non-ASCII text is the slow part): fold each once.
  // Each distinct name's entry later takes its rank, and each row keeps its entry to read it from.
  const foldedNames = new Map<string, NameEntry>();
  const nameEntry = new Array<NameEntry>(n);
  let searchLength = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % rowsPerSlice === 0) {
      searchChunks.push(searchParts.join(SEPARATOR));
      searchParts = [];
      yield;
    }
    const c = customers[i]!;
    ids[i] = c.id;
    let names = foldedNames.get(c.name);
    if (names === undefined) {
      const folded = foldText(c.name);
      foldedNames.set(c.name, (names = { folded, key: nameSortKeyOfFolded(folded), rank: 0 }));
    }
    nameEntry[i] = names;
    const name = names.folded;
    foldedName[i] = name;
    nameKey[i] = names.key;
    const externalId = c.external_id === null ? '' : foldText(c.external_id);
    foldedExternalId[i] = externalId;
    searchParts.push(name, externalId);
    searchLength += name.length + externalId.length + 2;
    searchRowEnd[i] = searchLength;
    const created = instantMs(c.created_at);
    createdMs[i] = created;
    createdDay[i] = utcDay(created);
    tasksUsed[i] = c.tasks_used;
    connections[i] = c.connections;
    inTrial[i] = c.in_trial ? 1 : 0;
    trialEndMs[i] = trialEndOf(c);
    onFreePlan[i] = c.plan_id === FREE_PLAN_ID ? 1 : 0;
    planCode[i] = codeOf(planCodes, c.plan_id);
    const apps = c.top_apps;
    for (let k = 0; k < apps.length && k < TOP_APPS; k++) topApps[i * TOP_APPS + k] = codeOf(appCodes, apps[k]!);
  }
  if (searchParts.length > 0) searchChunks.push(searchParts.join(SEPARATOR));
  yield;
  const searchText = n === 0 ? '' : searchChunks.join(SEPARATOR) + SEPARATOR;
  yield;
  const idRank = idRanks(ids);
  yield;
  const nameRank = yield* nameRankSteps(foldedNames, nameEntry, rowsPerSlice);
  yield;
  const createdRank = yield* denseNumberRankSteps(createdMs, rowsPerSlice);
  return {
    customers,
    size: n,
    ids,
    foldedName,
    nameKey,
    foldedExternalId,
    createdMs,
    createdDay,
    tasksUsed,
    connections,
    inTrial,
    trialEndMs,
    onFreePlan,
    planCode,
    planCodes,
    topApps,
    appCodes,
    searchText,
    searchRowEnd,
    idRank,
    nameRank,
    createdRank,
    orders: new Map(),
  };
}

interface NameEntry {
  folded: string;
  key: string;
  rank: number;
}

/**
 * Dense ranks of the rows' name keys in plain code-unit order (what `Array#sort` without a
 * comparator uses for strings), equal keys sharing a rank: the distinct names are sorted by key in
 * slices (a list of 100k different names took a 70-80 ms sort), then each row reads its name's rank.
 */
function* nameRankSteps(names: ReadonlyMap<string, NameEntry>, rowEntry: readonly NameEntry[], rowsPerSlice: number): Generator<void, Uint32Array> {
  const sorted = yield* sortByKeySteps([...names.values()], rowsPerSlice);
  let rank = -1;
  let previous: string | null = null;
  for (let r = 0; r < sorted.length; r++) {
    const entry = sorted[r]!;
    if (entry.key !== previous) {
      rank++;
      previous = entry.key;
    }
    entry.rank = rank;
  }
  yield;
  const ranks = new Uint32Array(rowEntry.length);
  for (let i = 0; i < rowEntry.length; i++) ranks[i] = rowEntry[i]!.rank;
  return ranks;
}

function codeOf(codes: Map<string, number>, value: string): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = codes.size;
    codes.set(value, code);
  }
  return code;
}

/**
 * Which rows' folded name or external ID contains `needle` (already folded, not empty), as a
 * 0/1 flag per row.
 */
export function searchRows(index: CustomerIndex, needle: string): Uint8Array {
  const hits = new Uint8Array(index.size);
  const { foldedName, foldedExternalId, searchText, searchRowEnd: rowEnd } = index;
  if (needle.includes(SEPARATOR)) {
    // A match could span two fields; only a per-row check is right. (Names rarely hold U+0000.)
    for (let i = 0; i < index.size; i++) if (searchMatches(foldedName[i]!, foldedExternalId[i]!, needle)) hits[i] = 1;
    return hits;
  }
  const last = index.size - 1;
  let row = 0;
  for (let at = searchText.indexOf(needle); at !== -1; at = searchText.indexOf(needle, rowEnd[row]!)) {
    // Hits come in row order: step forward while close, binary-search when far.
    while (row < last && rowEnd[row]! <= at && (row + 8 > last || rowEnd[row + 8]! > at)) row++;
    if (rowEnd[row]! <= at) {
      let lo = row;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rowEnd[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      row = lo;
    }
    hits[row] = 1;
  }
  return hits;
}

// Sort orders are built over the index; re-exported here for modules that import them with it.
export { sortOrder, prepareSortOrders } from './sort-order.js';
