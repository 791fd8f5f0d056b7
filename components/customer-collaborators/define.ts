/** Registers `<customer-collaborators>`. Importing the class alone (customer-collaborators.js) registers nothing. */
import { CustomerCollaborators } from './customer-collaborators.js';

export { CustomerCollaborators };
export { DEFAULT_COLLABORATORS_STRINGS, type CollaboratorsStrings } from './collaborators-strings.js';

if (!customElements.get('customer-collaborators')) customElements.define('customer-collaborators', CustomerCollaborators);
