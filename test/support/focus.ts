import { expect } from '@open-wc/testing';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { accessibleName, roleOf } from './by-role.js';
import { press } from './user.js';
import { until } from './wait.js';

const describe = (el: Element | null) => (el ? `${roleOf(el) ?? el.localName} "${accessibleName(el).slice(0, 40)}"` : 'nothing');

/** Fails unless `target` has focus, looking through shadow roots; names both by role and name. */
export function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  expect(active === target, `focus on ${describe(target)}, not ${describe(active)}`).to.equal(true);
}

/**
 * Presses `retry` by keyboard (Space) where the next answer fails too: the button goes with its
 * message, and focus must land on the Retry button shown again (`part="retry-button"` in `root`).
 */
export async function expectRetryAgainFocused(root: ShadowRoot, retry: HTMLElement): Promise<void> {
  retry.focus();
  await press('Space');
  await until(() => {
    const shown = root.querySelector('[part~="retry-button"]');
    return shown !== null && shown !== retry && deepActiveElement() === shown;
  }, 'focus on the Retry shown again');
}
