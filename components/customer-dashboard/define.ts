/**
 * Registers `<customer-dashboard>`. Importing the class alone (`./customer-dashboard.js`) registers
 * nothing; importing this module twice, or next to another copy that already defined the tag, is harmless.
 */
import { CustomerDashboard } from './customer-dashboard.js';

export { CustomerDashboard };
export type { PeriodChangeDetail } from '../shared/events.js';
export type { DashboardPeriod } from '../../src/model/constants.js';
export { DEFAULT_DASHBOARD_STRINGS, type CustomerDashboardStrings } from './customer-dashboard-strings.js';

if (!customElements.get('customer-dashboard')) customElements.define('customer-dashboard', CustomerDashboard);
