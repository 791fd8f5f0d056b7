/** Registers `<plan-settings>`. Importing the class alone (plan-settings.js) registers nothing. */
import { PlanSettings } from './plan-settings.js';

export { PlanSettings };
export type { CustomerChangeDetail, UnsavedChangesDetail } from '../shared/events.js';
export type { PlanAction } from '../../src/model/plan-changes.js';
export { DEFAULT_PLAN_SETTINGS_STRINGS, type PlanSettingsStrings } from './plan-settings-strings.js';

if (!customElements.get('plan-settings')) customElements.define('plan-settings', PlanSettings);
