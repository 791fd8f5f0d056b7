/**
 * Registers `<customer-table>`. Importing the class alone (`./customer-table.js`) registers nothing;
 * importing this module twice, or next to another copy that already defined the tag, is harmless.
 */
import { CustomerTable } from './customer-table.js';

export { CustomerTable };
export type { CustomerSelectDetail, SortChangeDetail, ResultsChangeDetail } from './customer-table.js';
export type { CustomerTableStrings } from './table-strings.js';
export type { TableMode } from './table-data.js';

if (!customElements.get('customer-table')) customElements.define('customer-table', CustomerTable);
