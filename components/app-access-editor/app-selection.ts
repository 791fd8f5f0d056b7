/**
 * The app-access editor's logic as pure functions: searching the catalogue, the draft as an
 * AppAccess, and the change it makes (+added / −removed). The element calls them; they hold no
 * state, so a 1,000-app catalogue costs one pass over an array per keystroke or toggle.
 */
import type { App, AppAccess } from '../../src/model/schemas.js';
import { foldText } from '../../src/query/fold.js';

export type AccessMode = AppAccess['mode'];

/** The catalogue's names folded for search (case and accents ignored), in catalogue order: fold once, search often. */
export function foldedNames(apps: readonly App[]): string[] {
  return apps.map((app) => foldText(app.name));
}

/** The catalogue indexes a search shows, in catalogue order: every index for blank text. */
export function matchingIndexes(folded: readonly string[], text: string): number[] {
  const needle = foldText(text.trim());
  const shown: number[] = [];
  for (let i = 0; i < folded.length; i++) if (needle === '' || folded[i]!.includes(needle)) shown.push(i);
  return shown;
}

/** The apps an access selects, limited to the catalogue (an app no longer in it cannot be stored again). */
export function selectedIds(access: AppAccess, apps: readonly App[]): Set<string> {
  if (access.mode === 'all') return new Set();
  const known = new Set(apps.map((app) => app.id));
  return new Set(access.app_ids.filter((id) => known.has(id)));
}

/** The draft as the access to send: "all", or the selected ids in catalogue order. */
export function draftAccess(mode: AccessMode, selected: ReadonlySet<string>, apps: readonly App[]): AppAccess {
  if (mode === 'all') return { mode: 'all' };
  return { mode: 'selected', app_ids: apps.filter((app) => selected.has(app.id)).map((app) => app.id) };
}

/** Whether two accesses allow the same apps (the order of selected ids does not matter). */
export function sameAccess(a: AppAccess, b: AppAccess): boolean {
  if (a.mode === 'all' || b.mode === 'all') return a.mode === b.mode;
  if (a.app_ids.length !== b.app_ids.length) return false;
  const ids = new Set(a.app_ids);
  return ids.size === new Set(b.app_ids).size && b.app_ids.every((id) => ids.has(id));
}

export interface AccessChange {
  from: AccessMode;
  to: AccessMode;
  /** Catalogue apps the customer can use after the change and could not before, in catalogue order. */
  added: App[];
  /** Catalogue apps the customer could use before and cannot after, in catalogue order. */
  removed: App[];
}

/** What going from `before` to `after` changes, "all" counting as the whole catalogue. */
export function accessChange(before: AppAccess, after: AppAccess, apps: readonly App[]): AccessChange {
  const allowed = (access: AppAccess) => (access.mode === 'all' ? null : new Set(access.app_ids));
  const was = allowed(before);
  const will = allowed(after);
  const has = (set: Set<string> | null, id: string) => set === null || set.has(id);
  const added: App[] = [];
  const removed: App[] = [];
  for (const app of apps) {
    const a = has(was, app.id);
    const b = has(will, app.id);
    if (!a && b) added.push(app);
    else if (a && !b) removed.push(app);
  }
  return { from: before.mode, to: after.mode, added, removed };
}

/** Whether a change changes anything: a mode switch always does (all → the same apps still stops later additions). */
export function isChange(change: AccessChange): boolean {
  return change.from !== change.to || change.added.length > 0 || change.removed.length > 0;
}
