/**
 * Registers `<customer-console>` with the elements of its list (filters, table). The add-customer
 * form and the customer page's elements (switch button, dashboard, collaborators, settings) are
 * loaded and registered the first time they are needed (page-elements.ts). Importing the class
 * alone (customer-console.js) registers nothing; importing this twice is harmless.
 */
import '../customer-filters/define.js';
import '../customer-table/define.js';
import { CustomerConsole } from './customer-console.js';

export { CustomerConsole };
// The detail of customer-select comes with the table's define module, customer-created's with the form's.
export type { QueryChangeDetail } from '../shared/events.js';
export { DEFAULT_CONSOLE_STRINGS, type ConsoleStrings } from './console-strings.js';
export {
  CUSTOMER_TABS,
  defaultBasePath,
  parseRoute,
  routeHref,
  routePath,
  type ConsoleRoute,
  type CustomerTab,
} from './route.js';

if (!customElements.get('customer-console')) customElements.define('customer-console', CustomerConsole);
