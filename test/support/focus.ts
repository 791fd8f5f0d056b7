import { expect } from '@open-wc/testing';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { accessibleName, roleOf } from './by-role.js';

const describe = (el: Element | null) => (el ? `${roleOf(el) ?? el.localName} "${accessibleName(el).slice(0, 40)}"` : 'nothing');

/** Fails unless `target` has focus, looking through shadow roots; names both by role and name. */
export function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  expect(active === target, `focus on ${describe(target)}, not ${describe(active)}`).to.equal(true);
}
