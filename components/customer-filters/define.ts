/** Registers `<customer-filters>`. Importing the class alone (customer-filters.js) registers nothing. */
import { CustomerFilters } from './customer-filters.js';

export { CustomerFilters };
export type { QueryChangeDetail } from '../shared/events.js';
export { DEFAULT_FILTER_STRINGS, type FilterStrings } from './filter-strings.js';

if (!customElements.get('customer-filters')) customElements.define('customer-filters', CustomerFilters);
