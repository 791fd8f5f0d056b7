/**
 * Sort rules shared by client mode, MemoryBackend and the SQLite server: names compare by their
 * folded form in plain code-unit order (reproducible in SQLite, unlike Intl.Collator), and every
 * sort breaks ties by id ascending whatever the direction (`ORDER BY key dir, id ASC`).
 */
import { SORT_KEYS, type SortKey } from '../model/constants.js';
import type { Customer } from '../model/schemas.js';
import type { CustomerSort } from './types.js';
import { DEFAULT_SORT } from './types.js';
import { foldText } from './fold.js';
import { instantMs } from './joined.js';

const AT_OR_ABOVE_SURROGATES = /[\ud800-\uffff]/;

/**
 * The key names are ordered by: compare keys with `<` (code units), never localeCompare. It is
 * `foldText(name)`, ordered by code point. SQLite's BINARY collation compares UTF-8 bytes, which is
 * code point order; JavaScript's `<` compares UTF-16 code units, which differs once text mixes
 * characters above U+FFFF (emoji) with ones from U+E000 to U+FFFF (e.g. halfwidth katakana). So
 * those characters are re-encoded as two order-preserving characters below the surrogates' range
 * (from U+E000 up), which makes both comparisons agree. Everything else is left as folded.
 */
export function nameSortKey(name: string): string {
  return nameSortKeyOfFolded(foldText(name));
}

/** `nameSortKey` for a name that is already folded. */
export function nameSortKeyOfFolded(folded: string): string {
  return AT_OR_ABOVE_SURROGATES.test(folded) ? codePointOrderKey(folded) : folded;
}

function codePointOrderKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // Below U+D800 a character is its own key. From there on, (cp >> 10, cp & 0x3ff) as two
    // characters: the first (U+E036 to U+E43F) sorts after every one-character key.
    out += cp < 0xd800 ? String.fromCharCode(cp) : String.fromCharCode(0xe000 + (cp >> 10), 0x100 + (cp & 0x3ff));
  }
  return out;
}

/** A second click on the same key reverses; a new key starts ascending for name, descending otherwise. */
export function nextSort(current: CustomerSort, key: SortKey): CustomerSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' ? 'asc' : 'desc' };
}

/** The wire form of a sort: `name` ascending, `-name` descending. */
export type SortParam = SortKey | `-${SortKey}`;

export function sortToParam(sort: CustomerSort): SortParam {
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** The sort a wire value names, or null when it names none. */
export function sortFromParam(value: string): CustomerSort | null {
  const desc = value.startsWith('-');
  const key = desc ? value.slice(1) : value;
  if (!(SORT_KEYS as readonly string[]).includes(key)) return null;
  return { key: key as SortKey, dir: desc ? 'desc' : 'asc' };
}

export const DEFAULT_SORT_PARAM: SortParam = sortToParam(DEFAULT_SORT);

/**
 * The value a customer is sorted by for a key (name: its sort key; created_at: epoch ms), the same
 * values a CustomerIndex orders its rows by.
 */
export function sortValue(customer: Customer, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return nameSortKey(customer.name);
    case 'created_at':
      return instantMs(customer.created_at);
    case 'tasks_used':
      return customer.tasks_used;
    case 'connections':
      return customer.connections;
  }
}

/**
 * Sorts customers by a sort, ties by id ascending. Computes each key once; for large lists that are
 * queried repeatedly use `createCustomerIndex`, which caches whole orders.
 */
export function sortCustomers(customers: readonly Customer[], sort: CustomerSort): Customer[] {
  const keyed = customers.map((c) => ({ c, k: sortValue(c, sort.key) }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.c.id - b.c.id));
  return keyed.map((x) => x.c);
}
