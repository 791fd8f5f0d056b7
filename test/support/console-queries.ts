/**
 * What a `<customer-console>` shows, for the console's tests and its stories' tests: its children,
 * and the table read through its documented contract only — rows are `[role="row"]` with
 * `aria-rowindex` in the `[role="grid"]`, the name is `[part~="name"]`, headers and messages are
 * found by role, part and text. Never the table's private classes: the table is rebuilt freely
 * behind that contract.
 */
import type { CustomerConsole } from '../../components/customer-console/define.js';
import type { CustomerFilters } from '../../components/customer-filters/define.js';
import { accessibleName, allByPart, allByRole, byRole } from './by-role.js';

export function filtersOf(el: CustomerConsole): CustomerFilters {
  return el.shadowRoot!.querySelector('customer-filters')!;
}

export function tableOf(el: CustomerConsole): HTMLElement & { updateComplete: Promise<boolean> } {
  return el.shadowRoot!.querySelector('customer-table')!;
}

export function tableRoot(el: CustomerConsole): ShadowRoot {
  return tableOf(el).shadowRoot!;
}

export function grid(el: CustomerConsole): HTMLElement | null {
  return tableRoot(el).querySelector<HTMLElement>('[role="grid"]');
}

/** The table's data rows as the grid presents them: `[role="row"][aria-rowindex]` holding cells, in row order. */
export function dataRows(el: CustomerConsole): HTMLElement[] {
  const table = grid(el);
  if (!table) return [];
  return [...table.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')]
    .filter((row) => row.querySelector('[role="gridcell"]') !== null)
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
}

/** The customer names the table shows, top to bottom ("(placeholder)" for a row still loading). */
export function shownNames(el: CustomerConsole): string[] {
  return dataRows(el).map((row) => row.querySelector('[part~="name"]')?.textContent?.trim() ?? '(placeholder)');
}

/** The table's message (empty, no match, error) that contains `title`, or null. */
export function tableMessage(el: CustomerConsole, title: string): HTMLElement | null {
  return allByPart(tableRoot(el), 'message').find((m) => m.textContent!.includes(title)) ?? null;
}

export function columnHeader(el: CustomerConsole, name: string): HTMLElement {
  return byRole(tableRoot(el), 'columnheader', name);
}

export function columnNames(el: CustomerConsole): string[] {
  return allByRole(tableRoot(el), 'columnheader').map(accessibleName);
}

/** The status choices' accessible names (radios drawn as tabs), counts included ("In trial 1"). */
export function tabNames(el: CustomerConsole): string[] {
  return allByRole(filtersOf(el).shadowRoot!, 'radio').map(accessibleName);
}
