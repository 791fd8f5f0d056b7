/**
 * Registers `<customer-table>`. Importing the class alone (`./customer-table.js`) registers nothing;
 * importing this module twice, or next to another copy that already defined the tag, is harmless.
 * Everything another module may use of the table comes from here: the class, its public types and
 * its default strings (a translator starts from `DEFAULT_TABLE_STRINGS`).
 */
import { CustomerTable } from './customer-table.js';

export { CustomerTable };
export { DEFAULT_TABLE_STRINGS } from './table-strings.js';
export type { CustomerTableStrings } from './table-strings.js';
export type { TableMode } from './row-source.js';
export type { CustomerSelectDetail, ResultsChangeDetail, SortChangeDetail } from '../shared/events.js';

if (!customElements.get('customer-table')) customElements.define('customer-table', CustomerTable);
