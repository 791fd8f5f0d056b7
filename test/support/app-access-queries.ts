/**
 * `<app-access-editor>` as its users meet it, for its own tests and its stories' tests: buttons,
 * fields and checkboxes by role and name, the rest through its documented parts. Nothing here reads
 * a private class or id.
 */
import type { AppAccessEditor } from '../../components/app-access-editor/define.js';
import { accessibleName, allByPart, allByRole, byPart, byRole } from './by-role.js';
import { shownText } from './text.js';

const root = (el: AppAccessEditor) => el.shadowRoot!;

export function editButton(el: AppAccessEditor): HTMLButtonElement {
  return byRole<HTMLButtonElement>(root(el), 'button', 'Edit app access');
}

export function isEditDisabled(el: AppAccessEditor): boolean {
  return editButton(el).getAttribute('aria-disabled') === 'true';
}

/** What Edit's `aria-describedby` says (why it is disabled), '' when nothing. */
export function editDescription(el: AppAccessEditor): string {
  const id = editButton(el).getAttribute('aria-describedby');
  return id ? shownText(root(el).getElementById(id)) : '';
}

/** "All apps", or "2 of 5 apps"; null while loading or failed. */
export function accessStatus(el: AppAccessEditor): string | null {
  const status = allByPart(root(el), 'status')[0];
  return status ? shownText(status) : null;
}

/** The names of the selected apps the section lists. */
export function listedApps(el: AppAccessEditor): string[] {
  return allByPart(root(el), 'app').map((app) => shownText(app.querySelector('[part~="app-name"]')));
}

export function sectionMessage(el: AppAccessEditor): string | null {
  const message = allByPart(root(el), 'message')[0];
  return message ? shownText(message) : null;
}

export function sectionText(el: AppAccessEditor): string {
  return shownText(byPart(root(el), 'base'));
}

export function dialogOf(el: AppAccessEditor): HTMLDialogElement {
  return byPart<HTMLDialogElement>(root(el), 'dialog');
}

export function isDialogOpen(el: AppAccessEditor): boolean {
  return dialogOf(el).open;
}

export function dialogButton(el: AppAccessEditor, name: string | RegExp): HTMLButtonElement {
  return byRole<HTMLButtonElement>(dialogOf(el), 'button', name);
}

export function modeRadio(el: AppAccessEditor, name: 'All apps' | 'Only the apps selected here'): HTMLInputElement {
  return byRole<HTMLInputElement>(dialogOf(el), 'radio', name);
}

export function searchBox(el: AppAccessEditor): HTMLInputElement {
  return byRole<HTMLInputElement>(dialogOf(el), 'searchbox', 'Search apps');
}

/** The checklist's checkboxes that are shown (a search hides the others). */
export function shownBoxes(el: AppAccessEditor): HTMLInputElement[] {
  return allByRole(dialogOf(el), 'checkbox').filter((box) => !box.closest('[hidden]')) as HTMLInputElement[];
}

export function checkbox(el: AppAccessEditor, name: string): HTMLInputElement {
  return byRole<HTMLInputElement>(dialogOf(el), 'checkbox', name);
}

/** The names of the checked boxes, in the checklist's order. */
export function checkedApps(el: AppAccessEditor): string[] {
  return (allByRole(dialogOf(el), 'checkbox') as HTMLInputElement[]).filter((b) => b.checked).map((b) => accessibleName(b));
}

export function liveCount(el: AppAccessEditor): HTMLElement {
  return byPart(dialogOf(el), 'count');
}

export function partText(el: AppAccessEditor, part: string): string | null {
  const found = allByPart(root(el), part)[0];
  return found ? shownText(found) : null;
}

export function summaryLines(el: AppAccessEditor): string[] {
  const summary = byPart(dialogOf(el), 'summary');
  const items = [...summary.querySelectorAll('li')];
  return items.length > 0 ? items.map((li) => shownText(li)) : [shownText(summary.querySelector('p'))];
}
