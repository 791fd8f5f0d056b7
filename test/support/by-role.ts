/**
 * Finding elements as a person (or a screen reader) does: by role and accessible name, inside one
 * root (a shadow root or an element). The name is a close approximation of the accessible-name
 * computation: `aria-labelledby`, `aria-label`, a form control's `<label>`, a fieldset's legend,
 * else the text content (whitespace collapsed), else `title`.
 */

const IMPLICIT_ROLES: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  input: (el) => {
    const type = (el as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'radio') return type;
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
    if (type === 'search') return 'searchbox';
    if (type === 'text' || type === 'email' || type === 'url' || type === 'tel') return 'textbox';
    return null;
  },
  dialog: () => 'dialog',
  fieldset: () => 'group',
  h1: () => 'heading',
  h2: () => 'heading',
  h3: () => 'heading',
  ul: () => 'list',
  ol: () => 'list',
  li: () => 'listitem',
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? IMPLICIT_ROLES[el.localName]?.(el) ?? null;
}

const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return text(labelledBy.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
  }
  const label = el.getAttribute('aria-label');
  if (label !== null) return text(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return text([...labels].map((l) => l.textContent).join(' '));
  if (el.localName === 'fieldset') return text(el.querySelector('legend')?.textContent);
  return text(el.textContent) || text(el.getAttribute('title'));
}

type Root = ParentNode & Node;

/** Every element with `role` (given or implicit) whose name matches, in document order. */
export function allByRole(root: Root, role: string, name?: string | RegExp): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) =>
      roleOf(el) === role &&
      (name === undefined || (typeof name === 'string' ? accessibleName(el) === name : name.test(accessibleName(el)))),
  );
}

/** The one element with `role` and that name; fails naming what it looked for. */
export function byRole<T extends HTMLElement = HTMLElement>(root: Root, role: string, name?: string | RegExp): T {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`${found.length} elements with role ${role}${name === undefined ? '' : ` named ${name}`}`);
  return found[0] as T;
}

/** Elements carrying a documented `part` (`part~="name"`). */
export function allByPart(root: Root, part: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

export function byPart<T extends HTMLElement = HTMLElement>(root: Root, part: string): T {
  const found = allByPart(root, part);
  if (found.length !== 1) throw new Error(`${found.length} elements with part ${part}`);
  return found[0] as T;
}

/** The element an ARIA reference attribute (`aria-controls`, `aria-describedby`, …) points at. */
export function referenced(el: Element, attribute: string): HTMLElement | null {
  const id = el.getAttribute(attribute);
  if (!id) return null;
  return (el.getRootNode() as Document | ShadowRoot).getElementById(id);
}
