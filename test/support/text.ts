/**
 * The text a person reads in an element: its rendered text (`innerText`, so block and flex items
 * are separate words even where the shipped templates carry no whitespace between tags), with
 * white space folded to single spaces.
 */
export function shownText(element: Element | null | undefined): string {
  if (!element) return '';
  const rendered = element instanceof HTMLElement ? element.innerText : element.textContent;
  return (rendered ?? '').replace(/\s+/g, ' ').trim();
}
