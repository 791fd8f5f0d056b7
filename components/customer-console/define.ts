/**
 * Registers `<customer-console>` with the elements it is made of. Importing the class alone
 * (customer-console.js) registers nothing; importing this twice is harmless.
 */
import '../customer-filters/define.js';
import '../customer-table/define.js';
import { CustomerConsole } from './customer-console.js';

export { CustomerConsole };
export type { ConsoleStrings } from './console-strings.js';

if (!customElements.get('customer-console')) customElements.define('customer-console', CustomerConsole);
