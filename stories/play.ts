/**
 * What the stories' play functions share. They act through the `userEvent` Storybook hands every
 * play function (its context's, set up per story) and wait with `waitFor` here, rather than
 * importing `storybook/test`: the element tests import these stories files in web-test-runner,
 * where that bundle does not load (they never run a play function), and a dynamic import of it
 * does not survive Storybook's build.
 */

/** Calls `check` until it stops throwing (and returns what it returns), or throws its last error after `timeout` ms. */
export async function waitFor<T>(check: () => T, { timeout = 8_000, interval = 25 } = {}): Promise<T> {
  const started = performance.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (performance.now() - started > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** The first element matching `selector` in `host`'s shadow root, once it is there. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string, timeout = 8_000): Promise<T> {
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
