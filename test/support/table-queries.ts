/**
 * Finding things in a `<customer-table>` the way its documented contract names them — roles,
 * accessible names, `aria-rowindex` and parts — for the table's element and story tests.
 */
import type { CustomerTable } from '../../components/customer-table/define.js';
import { nextFrame } from './wait.js';

/** The first match inside the table's shadow root. */
export function inTable(table: CustomerTable, selector: string): HTMLElement | null {
  return table.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function allInTable(table: CustomerTable, selector: string): HTMLElement[] {
  return [...table.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function grid(table: CustomerTable): HTMLElement {
  return inTable(table, '[role="grid"]')!;
}

/** The rendered data rows (placeholders included), top to bottom. */
export function dataRows(table: CustomerTable): HTMLElement[] {
  return allInTable(table, '[role="rowgroup"][part~="body"] > [role="row"]').sort((a, b) => rowIndexOf(a) - rowIndexOf(b));
}

/** The rendered data rows whose customer has loaded. */
export function loadedRows(table: CustomerTable): HTMLElement[] {
  return dataRows(table).filter((row) => !row.hasAttribute('aria-busy'));
}

/** The data row with this `aria-rowindex` (the header row is 1, the first data row 2). */
export function rowAt(table: CustomerTable, rowIndex: number): HTMLElement | null {
  return inTable(table, `[role="rowgroup"][part~="body"] > [role="row"][aria-rowindex="${rowIndex}"]`);
}

export function rowIndexOf(element: Element): number {
  return Number(element.closest('[role="row"]')!.getAttribute('aria-rowindex'));
}

/** The customer names the rendered rows show, top to bottom. */
export function shownNames(table: CustomerTable): (string | null)[] {
  return loadedRows(table).map((row) => row.querySelector('[part~="name"]')!.textContent);
}

/** The column header with this accessible name ("Customer", "Date joined" …). */
export function header(table: CustomerTable, name: string): HTMLElement {
  const found = allInTable(table, '[role="columnheader"]').find((h) => h.textContent!.trim() === name);
  if (!found) throw new Error(`no column header "${name}"`);
  return found;
}

/** The name of the column a cell is in: its header's text. */
export function columnOf(cell: Element): string {
  const row = cell.closest('[role="row"]')!;
  const index = [...row.children].indexOf(cell);
  const headers = (cell.getRootNode() as ShadowRoot).querySelectorAll('[role="columnheader"]');
  return headers[index]!.textContent!.trim();
}

/** The cell of a data row under the column with this name. */
export function cellOf(row: Element, column: string): HTMLElement {
  const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
  const found = cells.find((cell) => columnOf(cell) === column);
  if (!found) throw new Error(`no "${column}" cell in row ${rowIndexOf(row)}`);
  return found;
}

/** The element with focus inside the table. */
export function focusedIn(table: CustomerTable): HTMLElement | null {
  return table.shadowRoot!.activeElement as HTMLElement | null;
}

/** The panel of the empty, no-match or error state, if one shows. */
export function message(table: CustomerTable): HTMLElement | null {
  return inTable(table, '[part~="message"]');
}

/** Every node in the table's shadow root (elements, text, comments), as the DOM-size figures count. */
export function nodeCount(table: CustomerTable): number {
  let nodes = 0;
  const walker = document.createTreeWalker(table.shadowRoot!, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) nodes++;
  return nodes;
}

/** Scrolls the table's scroller and waits for the rows it shows there. */
export async function scrollTableTo(table: CustomerTable, top: number): Promise<void> {
  inTable(table, '[part~="scroller"]')!.scrollTop = top;
  await settle(table);
}

/**
 * After a change: the update, then two frames (the scroll event and the resize observer report in
 * the next frame, and the update they ask for follows), then that update.
 */
export async function settle(table: CustomerTable): Promise<void> {
  await table.updateComplete;
  await nextFrame();
  await nextFrame();
  await table.updateComplete;
}

/** The table's one persistent live region: the `role="status"` element at the top of its shadow root. */
export function liveRegion(table: CustomerTable): HTMLElement {
  const found = [...table.shadowRoot!.children].filter((el) => el.getAttribute('role') === 'status');
  if (found.length !== 1) throw new Error(`${found.length} live regions at the table's top level`);
  return found[0] as HTMLElement;
}

/** Every text the live region takes (empty ones left out), from now on; read it after acting. */
export function recordAnnouncements(table: CustomerTable): string[] {
  const region = liveRegion(table);
  const heard: string[] = [];
  new MutationObserver(() => {
    if (region.textContent !== '') heard.push(region.textContent!);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return heard;
}

/** What a screen reader reads of an element: its text outside `aria-hidden` subtrees, spaced and collapsed. */
export function readAloud(element: Element): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement!.closest('[aria-hidden="true"]')) parts.push(node.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
