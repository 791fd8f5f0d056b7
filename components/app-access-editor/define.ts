/** Registers `<app-access-editor>`. Importing the class alone (app-access-editor.js) registers nothing. */
import { AppAccessEditor } from './app-access-editor.js';

export { AppAccessEditor };
export type { AppAccessChangeDetail, UnsavedChangesDetail } from '../shared/events.js';
export { DEFAULT_APP_ACCESS_STRINGS, type AppAccessStrings } from './app-access-strings.js';

if (!customElements.get('app-access-editor')) customElements.define('app-access-editor', AppAccessEditor);
