/**
 * The element that really has focus, looking through open shadow roots: `document.activeElement`
 * stops at the outermost shadow host, which is not what a popover or dialog must return focus to.
 */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focus counts as lost when nothing, or only the page body, has it. */
export function focusIsLost(): boolean {
  const active = deepActiveElement();
  return active === null || active === document.body || active === document.documentElement;
}
