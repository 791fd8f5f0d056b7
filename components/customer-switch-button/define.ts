/** Registers `<customer-switch-button>`. Importing the class alone (customer-switch-button.js) registers nothing. */
import { CustomerSwitchButton } from './customer-switch-button.js';

export { CustomerSwitchButton };
export type { CustomerSwitchDetail } from '../shared/events.js';
export { DEFAULT_SWITCH_BUTTON_STRINGS, type SwitchButtonStrings } from './switch-button-strings.js';

if (!customElements.get('customer-switch-button')) customElements.define('customer-switch-button', CustomerSwitchButton);
