import type { App } from '../../src/model/schemas.js';
import { foldText } from '../../src/query/fold.js';

/** Apps whose name contains the typed text, ignoring case and accents; all apps for empty text. */
export function matchingApps(apps: readonly App[], text: string): App[] {
  const needle = foldText(text.trim());
  if (needle === '') return [...apps];
  return apps.filter((app) => foldText(app.name).includes(needle));
}
