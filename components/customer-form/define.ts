/** Registers `<customer-form>`. Importing the class alone (customer-form.js) registers nothing. */
import { CustomerForm } from './customer-form.js';

export { CustomerForm };
export type { CustomerCreatedDetail } from '../shared/events.js';
export { DEFAULT_FORM_STRINGS, type FormStrings } from './form-strings.js';

if (!customElements.get('customer-form')) customElements.define('customer-form', CustomerForm);
