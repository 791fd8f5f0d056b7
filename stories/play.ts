/**
 * What the stories' play functions share. `storybook/test` (userEvent, waitFor, expect) is loaded
 * when a play function runs, not when a stories file is imported: the element tests import the
 * stories files in web-test-runner, where that bundle does not load (and they never run a play
 * function).
 */
export const storybookTest = () => import('storybook/test');

/** The first element matching `selector` in `host`'s shadow root, once it is there. */
export async function inShadow<T extends Element = HTMLElement>(host: Element, selector: string, timeout = 8_000): Promise<T> {
  const { waitFor } = await storybookTest();
  return waitFor(
    () => {
      const found = host.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${host.localName}: nothing matches ${selector} yet`);
      return found;
    },
    { timeout },
  );
}

/** The story's element, defined and rendered. */
export async function storyElement<T extends HTMLElement & { updateComplete?: Promise<unknown> }>(canvasElement: HTMLElement, tag: string): Promise<T> {
  await customElements.whenDefined(tag);
  const el = canvasElement.querySelector<T>(tag)!;
  await el.updateComplete;
  return el;
}

/** `Date` from a date control (which answers with a timestamp) or a story's own `Date`. */
export const asDate = (value: Date | number | string | undefined): Date | undefined =>
  value === undefined ? undefined : value instanceof Date ? value : new Date(value);
