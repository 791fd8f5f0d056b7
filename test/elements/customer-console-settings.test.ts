/**
 * customer-console's Settings tab: `<customer-settings>` with `<plan-settings>` and
 * `<app-access-editor>` in it, all on the page's customer; a saved change reaching the page header;
 * a saved app access giving every editor the new version; the question before leaving edits not
 * saved (another tab, Back to customers, the browser's Back); a delete taking the console back to a
 * list without that customer; the read-only single-customer console. The children are driven as an
 * admin drives them (real keys and clicks in their fields) or through their promised events.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import { createAppAccessChangeEvent } from '../../components/shared/events.js';
import type { Backend } from '../../src/backend/backend.js';
import type { Customer } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allByPart, allByRole, byPart, byRole } from '../support/by-role.js';
import { shownNames } from '../support/console-queries.js';
import { announcement, backButton, pageChild, pageFacts, pageTab, pageTabs, selectedTab } from '../support/console-page-queries.js';
import { NOW, memoryBackend } from '../support/customers.js';
import { expectFocusOn } from '../support/focus.js';
import { shownText } from '../support/text.js';
import { click as clickAt, press, type } from '../support/user.js';
import { until } from '../support/wait.js';

type Settings = HTMLElement & { customer: Customer | undefined; readonly: boolean; hasUnsavedChanges: boolean };

async function openSettings(backend: Backend = memoryBackend(), id = 1, attrs: { singleReadonly?: boolean } = {}): Promise<CustomerConsole> {
  const el = await fixture<CustomerConsole>(
    attrs.singleReadonly
      ? html`<customer-console single-customer readonly .customerId=${id} tab="settings" .backend=${backend} .now=${NOW}></customer-console>`
      : html`<customer-console no-url-sync .customerId=${id} tab="settings" .backend=${backend} .now=${NOW}></customer-console>`,
  );
  await until(() => settingsOf(el)?.shadowRoot?.querySelector('[part~="danger"]') != null, 'the Settings tab');
  return el;
}

const settingsOf = (el: CustomerConsole) => pageChild<Settings>(el, 'customer-settings');
const settingsRoot = (el: CustomerConsole) => settingsOf(el)!.shadowRoot!;
const externalId = (el: CustomerConsole) => byRole<HTMLInputElement>(settingsRoot(el), 'textbox', 'External ID');
const leaveDialog = (el: CustomerConsole) => el.shadowRoot!.querySelector<HTMLDialogElement>('[part~="leave-dialog"]')!;

/** A real click, once the target is scrolled into view (the settings are taller than the test page). */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await clickAt(target);
}

async function retype(input: HTMLInputElement, text: string): Promise<void> {
  await click(input);
  await press('Control+a');
  await type(text);
}

/** Types a new external ID without saving it: the settings now hold an edit not saved. */
async function editExternalId(el: CustomerConsole, text: string): Promise<void> {
  await retype(externalId(el), text);
  await until(() => settingsOf(el)!.hasUnsavedChanges, 'the edit marked unsaved');
}

describe('customer-console Settings tab', () => {
  it('is customer-settings with plan-settings and app-access-editor in it, all on the page customer; no axe violations', async () => {
    const el = await openSettings();
    expect(selectedTab(el)).to.equal('Settings');
    const settings = settingsOf(el)!;
    const plan = pageChild<Settings>(el, 'plan-settings')!;
    const apps = pageChild<Settings>(el, 'app-access-editor')!;
    expect(plan.slot).to.equal('plan');
    expect(apps.slot).to.equal('app-access');
    expect(plan.parentElement).to.equal(settings);
    for (const child of [settings, plan, apps]) expect(child.customer?.id).to.equal(1);
    await until(() => allByRole(plan.shadowRoot!, 'radio').length > 0, 'the plans');
    await until(() => allByPart(apps.shadowRoot!, 'status').length > 0, 'the app access');
    await expectNoAxeViolations(el);
  });

  it('a saved external ID shows in the page header at once', async () => {
    const el = await openSettings();
    expect(pageFacts(el)['External ID']).to.equal('ACME-1');
    await retype(externalId(el), 'ACME-42');
    await click(byPart(byPart(settingsRoot(el), 'ids'), 'save'));
    await until(() => pageFacts(el)['External ID'] === 'ACME-42', 'the header names the new external ID');
    expect(settingsOf(el)!.customer?.external_id).to.equal('ACME-42');
  });

  it('after app access is saved, every editor gets the customer at its new version (their next save is not stale)', async () => {
    const backend = memoryBackend();
    const el = await openSettings(backend);
    const before = settingsOf(el)!.customer!.version;
    // What the editor does on Apply: the backend stores it (the version moves), then the event.
    await backend.setAppAccess(1, { mode: 'selected', app_ids: ['ledgerly'] }, { version: before });
    const editor = pageChild(el, 'app-access-editor')!;
    editor.dispatchEvent(createAppAccessChangeEvent({ id: 1, access: { mode: 'selected', app_ids: ['ledgerly'] } }));
    await until(() => settingsOf(el)!.customer!.version === before + 1, 'the settings on the new version');
    expect(pageChild<Settings>(el, 'plan-settings')!.customer!.version).to.equal(before + 1);
    await retype(externalId(el), 'AFTER-APPS');
    await click(byPart(byPart(settingsRoot(el), 'ids'), 'save'));
    await until(() => pageFacts(el)['External ID'] === 'AFTER-APPS', 'saved without a conflict');
    expect(settingsRoot(el).querySelector('[part~="conflict"]')).to.equal(null);
  });

  it('asks before another tab drops an edit not saved: Stay keeps it, Leave goes', async () => {
    const el = await openSettings();
    await editExternalId(el, 'NOT-SAVED');
    await click(pageTab(el, 'Dashboard'));
    const dialog = leaveDialog(el);
    await until(() => dialog.open, 'the question');
    expect(shownText(byRole(el.shadowRoot!, 'dialog', 'Leave without saving?'))).to.contain('changed but not saved');
    expectFocusOn(byRole(dialog, 'button', 'Stay'));
    await expectNoAxeViolations(el);
    await press('Escape');
    await until(() => !dialog.open, 'closed');
    expect(selectedTab(el)).to.equal('Settings');
    expect(externalId(el).value, 'the edit is kept').to.equal('NOT-SAVED');

    await click(pageTab(el, 'Dashboard'));
    await until(() => dialog.open, 'asked again');
    await click(byRole(dialog, 'button', 'Leave without saving'));
    await until(() => selectedTab(el) === 'Dashboard', 'on the dashboard');
    expect(settingsOf(el)).to.equal(null);
    // Nothing unsaved any more: back on Settings and away again without a question.
    await click(pageTab(el, 'Settings'));
    await until(() => settingsOf(el) !== null, 'settings again');
    await click(pageTab(el, 'Collaborators'));
    await until(() => selectedTab(el) === 'Collaborators', 'no question');
    expect(dialog.open).to.equal(false);
  });

  it('asks before Back to customers drops an edit; a saved one goes without asking', async () => {
    const el = await openSettings();
    await editExternalId(el, 'NOT-SAVED');
    await click(backButton(el));
    await until(() => leaveDialog(el).open, 'the question');
    await click(byRole(leaveDialog(el), 'button', 'Stay'));
    expect(el.customerId).to.equal(1);
    await click(byPart(byPart(settingsRoot(el), 'ids'), 'save'));
    await until(() => !settingsOf(el)!.hasUnsavedChanges, 'saved');
    await click(backButton(el));
    await until(() => el.customerId === undefined, 'the list');
    expect(leaveDialog(el).open).to.equal(false);
  });

  it("asks before the browser's Back drops an edit, and stays on the page's address", async () => {
    const el = await fixture<CustomerConsole>(html`<customer-console base-path="/settings-back" .backend=${memoryBackend()} .now=${NOW}></customer-console>`);
    const start = location.href;
    try {
      el.customerId = 1;
      await until(() => pageTabs(el).length === 3, 'the customer page');
      await click(pageTab(el, 'Settings'));
      await until(() => settingsOf(el)?.shadowRoot?.querySelector('[part~="danger"]') != null, 'settings');
      const settingsHref = location.href;
      await editExternalId(el, 'NOT-SAVED');
      history.back();
      await until(() => leaveDialog(el).open, 'the question');
      expect(location.href, 'still at the settings address').to.equal(settingsHref);
      expect(selectedTab(el)).to.equal('Settings');
      await click(byRole(leaveDialog(el), 'button', 'Leave without saving'));
      await until(() => selectedTab(el) === 'Dashboard', 'back on the dashboard, where Back was going');
      expect(new URL(location.href).pathname).to.equal('/settings-back/customers/1/dashboard');
    } finally {
      el.remove();
      history.replaceState(null, '', start);
    }
  });

  it('a deleted customer takes the console back to a list without it, and says so', async () => {
    const el = await openSettings(memoryBackend(), 1);
    await click(byRole(settingsRoot(el), 'button', 'Delete account…'));
    const dialog = byRole(settingsRoot(el), 'dialog');
    await type('Acme Corp');
    await click(byPart(dialog, 'delete-confirm'));
    await until(() => el.customerId === undefined, 'the list');
    expect(announcement(el)).to.equal('Acme Corp was deleted.');
    await until(() => shownNames(el).length > 0, 'the list loaded again');
    expect(shownNames(el)).to.not.include('Acme Corp');
  });

  it('single-customer read-only: settings shown with nothing that writes', async () => {
    const el = await openSettings(memoryBackend(), 2, { singleReadonly: true });
    expect(settingsOf(el)!.readonly).to.equal(true);
    expect(pageChild<Settings>(el, 'plan-settings')!.readonly).to.equal(true);
    expect(pageChild<Settings>(el, 'app-access-editor')!.readonly).to.equal(true);
    expect(externalId(el).disabled).to.equal(true);
    expect(pageChild(el, 'customer-switch-button'), 'no switching from a read-only page').to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="back-button"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('customer-table')).to.equal(null);
    await expectNoAxeViolations(el);
  });
});
