/**
 * The add-customer form is not part of the list's first load: `<customer-console>` loads it on first
 * use (components/customer-console/page-elements.ts). A file of its own, so that nothing earlier in
 * the page has registered `<customer-form>`; the dialog's behaviour is in customer-console*.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import type { CustomerForm } from '../../components/customer-form/define.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { accessibleName, byPart, byRole } from '../support/by-role.js';
import { shownNames } from '../support/console-queries.js';
import { formField } from '../support/customer-form-queries.js';
import { NOW, memoryBackend } from '../support/customers.js';
import { expectFocusOn } from '../support/focus.js';
import { press } from '../support/user.js';
import { until } from '../support/wait.js';

describe('customer-console, the add-customer form loaded on first use', () => {
  it('shows the list without it; opened before it has loaded, the dialog says so, then focus goes to its first field', async () => {
    const el = await fixture<CustomerConsole>(html`<customer-console no-url-sync .backend=${memoryBackend()} .now=${NOW}></customer-console>`);
    await until(() => shownNames(el).length > 0, 'the list');
    expect(customElements.get('customer-form'), 'the list came without the form').to.equal(undefined);

    // As the page may (no pointer on the button, no focus on it first, so nothing started loading it).
    el.requestCreate();
    const dialog = byPart<HTMLDialogElement>(el.shadowRoot!, 'dialog');
    expect(dialog.open).to.equal(true);
    await el.updateComplete;
    expect(byRole(dialog, 'status').textContent).to.equal('Loading the form…');
    expect(accessibleName(dialog)).to.equal('Add customer');

    const form = dialog.querySelector<CustomerForm>('customer-form')!;
    await until(() => customElements.get('customer-form') !== undefined && form.shadowRoot !== null, 'the form registered and rendered');
    await until(() => dialog.querySelector('[role="status"]') === null, 'the loading message gone');
    await until(() => form.shadowRoot!.activeElement !== null, 'focus in the form');
    expectFocusOn(formField(form, 'Customer name'));
    await expectNoAxeViolations(el);
    await press('Escape');
    expect(dialog.open).to.equal(false);
  });
});
