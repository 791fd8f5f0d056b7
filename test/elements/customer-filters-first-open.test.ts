/**
 * The first popover a page opens, before Floating UI has loaded (components/shared/popover.ts loads
 * it on first use). A file of its own, so that no earlier test in the page has loaded it; the other
 * popover behaviour is in customer-filters.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-filters/define.js';
import type { CustomerFilters } from '../../components/customer-filters/define.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { NOW, memoryBackend } from '../support/customers.js';
import { isOpen, panelOf, pickerButton, planLabels, tabCounts } from '../support/filter-queries.js';
import { expectFocusOn } from '../support/focus.js';
import { press } from '../support/user.js';
import { until } from '../support/wait.js';

/** Whether the page has fetched any of Floating UI (our loader module or the package). */
const floatingUiFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('floating-ui'));

describe('customer-filters, the first popover opened before Floating UI has loaded', () => {
  it('opens next to its trigger at once with focus in it, then follows a scroll once Floating UI has loaded', async () => {
    const el = await fixture<CustomerFilters>(html`<customer-filters .backend=${memoryBackend()} .now=${NOW}></customer-filters>`);
    await until(() => tabCounts(el).length === 4 && planLabels(el).length > 0, 'counts and plans');
    expect(floatingUiFetched(), 'nothing has fetched Floating UI yet').to.equal(false);
    const button = pickerButton(el, 'Plan');
    const panel = panelOf(button);
    document.documentElement.style.blockSize = '300vh';
    try {
      // A click that no pointer movement or focus came before (what a screen reader's activation
      // sends), so nothing has started loading Floating UI: the panel is placed without it.
      button.click();
      expect(isOpen(panel)).to.equal(true);
      expect(getComputedStyle(panel).visibility).to.equal('visible');
      let b = button.getBoundingClientRect();
      let p = panel.getBoundingClientRect();
      expect(p.top).to.be.closeTo(b.bottom + 6, 1);
      expect(p.left).to.be.closeTo(b.left, 1);
      await until(() => panel.contains(deepActiveElement()), 'focus on the first plan');
      await until(floatingUiFetched, 'Floating UI fetched');
      // Floating UI now keeps the panel under its button.
      window.scrollBy(0, 30);
      await until(() => Math.abs(panel.getBoundingClientRect().top - (button.getBoundingClientRect().bottom + 6)) < 1, 'the panel under its button after the scroll');
      b = button.getBoundingClientRect();
      p = panel.getBoundingClientRect();
      expect(p.left).to.be.closeTo(b.left, 1);
      await press('Escape');
      expect(isOpen(panel)).to.equal(false);
      expectFocusOn(button);
    } finally {
      window.scrollTo(0, 0);
      document.documentElement.style.blockSize = '';
    }
  });
});
