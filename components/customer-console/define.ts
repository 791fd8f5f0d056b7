/**
 * Registers `<customer-console>` with the elements it is made of. Importing the class alone
 * (customer-console.js) registers nothing; importing this twice is harmless.
 */
import '../customer-filters/define.js';
import '../customer-table/define.js';
import { CustomerConsole } from './customer-console.js';

export { CustomerConsole };
// The detail of its other event, customer-select, comes with the table's define module.
export type { QueryChangeDetail } from '../shared/events.js';
export { DEFAULT_CONSOLE_STRINGS, type ConsoleStrings } from './console-strings.js';

if (!customElements.get('customer-console')) customElements.define('customer-console', CustomerConsole);
