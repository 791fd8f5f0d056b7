import { rovingIndex, type RovingOptions } from './keyboard-navigation.js';

/**
 * Roving focus for a keydown among `items` (tabs, radios, chart bars): for a navigation key, moves
 * focus to the item `rovingIndex` picks, gives it the one tab stop (unless `keepTabStops`), and
 * returns its index; returns null and leaves the event alone for any other key or target.
 */
export function moveRovingFocus(
  event: KeyboardEvent,
  items: readonly (HTMLElement | SVGElement)[],
  options: RovingOptions & { keepTabStops?: boolean },
): number | null {
  const current = items.indexOf(event.target as HTMLElement | SVGElement);
  if (current < 0) return null;
  const next = rovingIndex(current, items.length, event.key, options);
  if (next === null) return null;
  event.preventDefault();
  if (!options.keepTabStops) for (const [i, item] of items.entries()) item.tabIndex = i === next ? 0 : -1;
  items[next]!.focus();
  return next;
}

/**
 * For a `focusout` on a tab list: arrows move the tab stop without choosing, so once focus leaves
 * the list the tab stop goes back to the selected tab (`aria-selected="true"`), the one Tab must
 * reach again.
 */
export function returnTabStopToSelected(event: FocusEvent): void {
  const list = event.currentTarget as HTMLElement;
  if (event.relatedTarget instanceof Node && list.contains(event.relatedTarget)) return;
  for (const tab of list.querySelectorAll<HTMLElement>('[role="tab"]')) tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
}
