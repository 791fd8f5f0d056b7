/**
 * A column-oriented index of customers for client mode: everything a query needs that does not
 * depend on the clock is computed once (folded text, dates as numbers, plan and app codes, one
 * search string), so a query is one linear walk. Sort orders live in sort-order.ts.
 */
import { FREE_PLAN_ID } from '../model/constants.js';
import type { Customer } from '../model/schemas.js';
import { foldText } from './fold.js';
import { instantMs, utcDay } from './joined.js';
import { nameSortKeyOfFolded, type SortParam } from './sort.js';
import { denseNumberRanks, denseStringRanks, idRanks } from './sort-order.js';

/** How many top apps a customer lists at most (the schema's limit). */
export const TOP_APPS = 5;

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
  const steps = buildSteps(customers, customers.length);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

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
  { rowsPerSlice = 5_000, signal }: AsyncIndexOptions = {},
): Promise<CustomerIndex> {
  const steps = buildSteps(customers, Math.max(1, rowsPerSlice));
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
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
  const searchParts = new Array<string>(2 * n);
  const searchRowEnd = new Uint32Array(n);
  // Names repeat a lot in real lists (and folding non-ASCII text is the slow part): fold each once.
  const foldedNames = new Map<string, { folded: string; key: string }>();
  let searchLength = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % rowsPerSlice === 0) yield;
    const c = customers[i]!;
    ids[i] = c.id;
    let names = foldedNames.get(c.name);
    if (names === undefined) {
      const folded = foldText(c.name);
      foldedNames.set(c.name, (names = { folded, key: nameSortKeyOfFolded(folded) }));
    }
    const name = names.folded;
    foldedName[i] = name;
    nameKey[i] = names.key;
    const externalId = c.external_id === null ? '' : foldText(c.external_id);
    foldedExternalId[i] = externalId;
    searchParts[2 * i] = name;
    searchParts[2 * i + 1] = externalId;
    searchLength += name.length + externalId.length + 2;
    searchRowEnd[i] = searchLength;
    const created = instantMs(c.created_at);
    createdMs[i] = created;
    createdDay[i] = utcDay(created);
    tasksUsed[i] = c.tasks_used;
    connections[i] = c.connections;
    inTrial[i] = c.in_trial ? 1 : 0;
    trialEndMs[i] = c.trial_ends_at === null ? NaN : instantMs(c.trial_ends_at);
    onFreePlan[i] = c.plan_id === FREE_PLAN_ID ? 1 : 0;
    planCode[i] = codeOf(planCodes, c.plan_id);
    const apps = c.top_apps;
    for (let k = 0; k < apps.length && k < TOP_APPS; k++) topApps[i * TOP_APPS + k] = codeOf(appCodes, apps[k]!);
  }
  yield;
  const searchText = n === 0 ? '' : searchParts.join(SEPARATOR) + SEPARATOR;
  yield;
  const idRank = idRanks(ids);
  yield;
  const nameRank = denseStringRanks(nameKey);
  yield;
  const createdRank = denseNumberRanks(createdMs);
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
    for (let i = 0; i < index.size; i++) {
      if (foldedName[i]!.includes(needle) || foldedExternalId[i]!.includes(needle)) hits[i] = 1;
    }
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
