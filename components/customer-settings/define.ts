/** Registers `<customer-settings>`. Importing the class alone (customer-settings.js) registers nothing. */
import { CustomerSettings } from './customer-settings.js';

export { CustomerSettings };
export type { CustomerChangeDetail, CustomerDeletedDetail, UnsavedChangesDetail } from '../shared/events.js';
export { DEFAULT_CUSTOMER_SETTINGS_STRINGS, type CustomerSettingsStrings } from './customer-settings-strings.js';

if (!customElements.get('customer-settings')) customElements.define('customer-settings', CustomerSettings);
