import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-settings/define.js';
import type { CustomerSettings } from '../../components/customer-settings/define.js';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError, problem } from '../../src/backend/errors.js';
import { DEMO_PARTNER } from '../../src/backend/generate.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { Customer, CustomerPatch, HistoryPage, Partner } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allByPart, allByRole, byPart, byRole } from '../support/by-role.js';
import { deferred, overriding } from '../support/backend-wrappers.js';
import { APPS, PLANS, makeCustomer } from '../support/customers.js';
import { expectFocusOn } from '../support/focus.js';
import { shownText } from '../support/text.js';
import { click as clickAt, press, type } from '../support/user.js';
import { nextEvent, until } from '../support/wait.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

function partner(fields: { origins?: string[]; permissions?: Partial<Partner['admin']['permissions']> } = {}): Partner {
  return {
    ...DEMO_PARTNER,
    origins: fields.origins ?? ['https://partner.example'],
    admin: { ...DEMO_PARTNER.admin, permissions: { ...DEMO_PARTNER.admin.permissions, ...fields.permissions } },
  };
}

interface Setup {
  backend: MemoryBackend;
  /** Moves the backend's clock (its history's `at`). */
  setClock(at: Date): void;
}

function setup(options: { customers?: Customer[]; partner?: Partner } = {}): Setup {
  let clock = NOW;
  const customers = options.customers ?? [
    makeCustomer({ id: 1, name: 'Acme Corp', external_id: 'ACME-1', plan_id: 'starter' }),
    makeCustomer({ id: 2, name: 'Globex', external_id: 'GLOBEX' }),
  ];
  const backend = new MemoryBackend({ customers, plans: PLANS, apps: APPS, now: () => clock, partner: options.partner ?? partner() });
  return { backend, setClock: (at) => (clock = at) };
}

async function render(backend: Backend, options: { id?: number; readonly?: boolean } = {}): Promise<CustomerSettings> {
  const customer = await backend.getCustomer(options.id ?? 1);
  const el = await fixture<CustomerSettings>(
    html`<customer-settings .backend=${backend} .customer=${customer} .now=${NOW} ?readonly=${options.readonly ?? false}></customer-settings>`,
  );
  await until(() => el.shadowRoot!.querySelector('[part~="danger"]') !== null, 'the settings');
  await until(() => historySettled(el), 'the history');
  return el;
}

const root = (el: CustomerSettings) => el.shadowRoot!;
const section = (el: CustomerSettings, name: string) => byPart(root(el), name);
const historySettled = (el: CustomerSettings) => {
  const history = root(el).querySelector('[part~="history"]');
  return history !== null && history.querySelector('[role="status"]') === null && history.querySelector('[aria-busy="true"]') === null;
};
const saveIn = (el: CustomerSettings, name: string) => byPart(section(el, name), 'save');
const unsavedIn = (el: CustomerSettings, name: string) => section(el, name).querySelector('[part~="unsaved-badge"]') !== null;
const textbox = (el: CustomerSettings, name: string) => byRole<HTMLInputElement>(root(el), 'textbox', name);

/** A real click, once the target is scrolled into view (the settings are taller than the test page). */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await clickAt(target);
}

/** Selects everything in the field and types over it, as a person does. */
async function retype(input: HTMLInputElement, text: string): Promise<void> {
  await click(input);
  await press('Control+a');
  if (text === '') await press('Backspace');
  else await type(text);
}

/** Replaces the clipboard while `body` runs. */
async function withClipboard(writeText: (text: string) => Promise<void>, body: () => Promise<void>): Promise<void> {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  try {
    await body();
  } finally {
    delete (navigator as unknown as Record<string, unknown>)['clipboard'];
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
  }
}

/** Pastes text into the focused field with a real clipboard event. */
function paste(target: HTMLInputElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

describe('customer-settings', () => {
  it('shows every section: the name and its rule, IDs, inherited origins with their header, history, danger zone; no axe violations', async () => {
    const { backend } = setup();
    const el = await render(backend);
    for (const heading of ['Name', 'External ID and User ID', 'iframe origin URLs', 'History', 'Danger zone']) {
      expect(allByRole(root(el), 'heading', heading), heading).to.have.length(1);
    }
    expect(shownText(section(el, 'name'))).to.contain('Acme Corp');
    expect(shownText(section(el, 'name'))).to.contain('customer managers of its workspace who have collaborator privileges');
    expect(section(el, 'name').querySelector('customer-switch-button')).to.not.equal(null);
    expect(allByRole(root(el), 'textbox', 'Customer name'), 'no rename without the permission').to.have.length(0);
    expect(textbox(el, 'External ID').value).to.equal('ACME-1');
    expect(shownText(section(el, 'ids'))).to.contain('API path with this external ID: …/customers/EACME-1');
    expect(shownText(byPart(root(el), 'user-id'))).to.equal('1');
    const inherited = byPart(root(el), 'inherited');
    expect(shownText(byPart(inherited, 'inherited-badge'))).to.equal('Inherited');
    expect(shownText(inherited)).to.contain('https://partner.example');
    expect(shownText(byPart(root(el), 'csp'))).to.contain('Content-Security-Policy: frame-ancestors https://partner.example');
    expect(shownText(section(el, 'origins'))).to.contain("A non-empty list replaces the partner's origins");
    expect(shownText(section(el, 'history'))).to.contain('No changes recorded yet.');
    expect(el.hasUnsavedChanges).to.equal(false);
    expect(root(el).querySelector('slot[name="plan"]'), 'a place for <plan-settings>').to.not.equal(null);
    expect(root(el).querySelector('slot[name="app-access"]'), 'a place for <app-access-editor>').to.not.equal(null);
    await expectNoAxeViolations(el);
  });

  it('edits the external ID: marked unsaved, the path URL-encoded, saved with If-Match, customer-change with the record', async () => {
    const { backend } = setup();
    const sent: { patch: CustomerPatch; version: number }[] = [];
    const recording = overriding(backend, {
      updateCustomer: (ref, patch, version, options) => {
        sent.push({ patch, version });
        return backend.updateCustomer(ref, patch, version, options);
      },
    });
    const el = await render(recording);
    const unsaved = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    await retype(textbox(el, 'External ID'), 'acme/2 é');
    expect((await unsaved).detail.unsaved).to.equal(true);
    expect(el.hasUnsavedChanges).to.equal(true);
    expect(unsavedIn(el, 'ids')).to.equal(true);
    expect(unsavedIn(el, 'origins')).to.equal(false);
    expect(shownText(section(el, 'ids'))).to.contain(`…/customers/E${encodeURIComponent('acme/2 é')}`);
    expect(shownText(section(el, 'ids'))).to.contain('affects every API call that uses it as input');
    await expectNoAxeViolations(el);

    const changed = nextEvent<CustomEvent<{ customer: Customer; change: string }>>(el, 'customer-change');
    const clean = nextEvent<CustomEvent<{ unsaved: boolean }>>(el, 'unsaved-changes');
    await click(saveIn(el, 'ids'));
    const event = await changed;
    expect(event.detail.change).to.equal('fields');
    expect(event.detail.customer.external_id).to.equal('acme/2 é');
    expect(sent).to.deep.equal([{ patch: { external_id: 'acme/2 é' }, version: 1 }]);
    expect((await clean).detail.unsaved).to.equal(false);
    expect((await backend.getCustomer(1)).external_id).to.equal('acme/2 é');
    await until(() => shownText(section(el, 'history')).includes('External ID: ACME-1 → acme/2 é'), 'the new history entry');
    expect(shownText(section(el, 'ids'))).to.contain('Saved.');
  });

  it('clearing the external ID says it removes it, and saves null', async () => {
    const { backend } = setup();
    const el = await render(backend);
    await retype(textbox(el, 'External ID'), '');
    expect(shownText(section(el, 'ids'))).to.contain('Empty: saving removes the external ID. API callers must then use the User ID (…/customers/1)');
    await click(saveIn(el, 'ids'));
    await until(() => !el.hasUnsavedChanges, 'the save');
    expect((await backend.getCustomer(1)).external_id).to.equal(null);
  });

  it('puts a taken external ID (409) on the field, keeps what was typed and focuses it', async () => {
    const { backend } = setup();
    const el = await render(backend);
    await retype(textbox(el, 'External ID'), 'GLOBEX');
    await press('Enter');
    await until(() => textbox(el, 'External ID').getAttribute('aria-invalid') === 'true', 'the field error');
    expect(shownText(section(el, 'ids'))).to.contain('Another customer already has this external ID.');
    expect(textbox(el, 'External ID').value).to.equal('GLOBEX');
    expectFocusOn(textbox(el, 'External ID'));
    expect(el.hasUnsavedChanges).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('keeps what was typed when the save fails for any other reason (network), and says so', async () => {
    const { backend } = setup();
    const el = await render(overriding(backend, { updateCustomer: async () => Promise.reject(new NetworkError('offline')) }));
    await retype(textbox(el, 'External ID'), 'NEW-ID');
    await click(saveIn(el, 'ids'));
    await until(() => section(el, 'ids').querySelector('[part~="section-error"]') !== null, 'the error');
    expect(shownText(byPart(section(el, 'ids'), 'section-error'))).to.contain('What you typed is kept');
    expect(textbox(el, 'External ID').value).to.equal('NEW-ID');
    expect(unsavedIn(el, 'ids')).to.equal(true);
  });

  it('copies the User ID and says so; a refused clipboard says that too', async () => {
    const { backend } = setup();
    const el = await render(backend);
    const copied: string[] = [];
    await withClipboard(
      async (text) => void copied.push(text),
      async () => {
        await click(byRole(root(el), 'button', 'Copy User ID'));
        await until(() => shownText(section(el, 'ids')).includes('User ID copied'), 'the copy message');
      },
    );
    expect(copied).to.deep.equal(['1']);
    await withClipboard(
      () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
      async () => {
        await click(byRole(root(el), 'button', 'Copy User ID'));
        await until(() => shownText(section(el, 'ids')).includes('Could not copy'), 'the failure message');
      },
    );
    await expectNoAxeViolations(el);
  });

  it('turns typed and pasted origins into normalised entries, keeps a rejected one with its reason, merges duplicates', async () => {
    const { backend } = setup();
    const el = await render(backend);
    const input = textbox(el, 'Add origins');
    await click(input);
    await type('HTTPS://App.Example:443,');
    expect(allByPart(section(el, 'origins'), 'origin').map(shownText)).to.deep.equal(['https://app.example Remove']);
    expect(input.value).to.equal('');
    paste(input, 'https://b.example\nhttp://insecure.example, https://app.example/');
    await until(() => allByPart(section(el, 'origins'), 'origin').length === 2, 'the pasted entry');
    expect(input.value).to.equal('http://insecure.example');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(shownText(byPart(root(el), 'rejected'))).to.contain('"http://insecure.example" uses http; only https is allowed');
    expect(shownText(section(el, 'origins'))).to.contain('Already listed, merged: https://app.example.');
    expect(shownText(byPart(root(el), 'csp'))).to.contain('Content-Security-Policy: frame-ancestors https://app.example');
    expect(shownText(byPart(root(el), 'csp'))).to.contain('Content-Security-Policy: frame-ancestors https://b.example');
    expect(root(el).querySelector('[part~="inherited"]'), 'an own list replaces the inherited one').to.equal(null);
    await expectNoAxeViolations(el);

    // Saving with a rejected entry still in the field does not send it.
    await click(saveIn(el, 'origins'));
    expect((await backend.getCustomer(1)).origins).to.deep.equal([]);
    expectFocusOn(input);
  });

  it('drops the reason for a refused origin once its entry is deleted from the field', async () => {
    const { backend } = setup();
    const el = await render(backend);
    const input = textbox(el, 'Add origins');
    await click(input);
    await type('https://ok.example, http://insecure.example,');
    await until(() => root(el).querySelector('[part~="rejected"]') !== null, 'the refused entry');
    expect(input.value).to.equal('http://insecure.example');
    await retype(input, '');
    await until(() => root(el).querySelector('[part~="rejected"]') === null, 'the reason gone with its entry');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(allByPart(section(el, 'origins'), 'origin').map(shownText)).to.deep.equal(['https://ok.example Remove']);
  });

  it('warns before a first own list drops the inherited origins (a live session may use them), then saves on "Save anyway"', async () => {
    const { backend } = setup();
    const el = await render(backend);
    await click(textbox(el, 'Add origins'));
    await type('https://own.example');
    await press('Enter');
    await click(saveIn(el, 'origins'));
    const warning = byPart(section(el, 'origins'), 'origin-warning');
    expect(shownText(warning)).to.contain('These origins can frame the customer now and will not after saving: https://partner.example.');
    expect(shownText(warning)).to.contain('The kit cannot see open embed sessions');
    expect((await backend.getCustomer(1)).origins, 'nothing sent yet').to.deep.equal([]);
    await expectNoAxeViolations(el);
    await click(byRole(warning, 'button', 'Save anyway'));
    await until(() => !el.hasUnsavedChanges, 'the save');
    expect((await backend.getCustomer(1)).origins).to.deep.equal(['https://own.example']);
  });

  it('warns that removing every origin leaves a customer with nothing to inherit unframeable; Cancel keeps the list', async () => {
    const { backend } = setup({
      customers: [makeCustomer({ id: 1, name: 'Acme Corp', origins: ['https://own.example'] })],
      partner: partner({ origins: [] }),
    });
    const el = await render(backend);
    await click(byRole(root(el), 'button', 'Remove https://own.example'));
    expect(shownText(byPart(root(el), 'csp'))).to.contain('No origin may frame this customer');
    await click(saveIn(el, 'origins'));
    const warning = byPart(section(el, 'origins'), 'origin-warning');
    expect(shownText(warning)).to.contain('With this list no page can frame this customer');
    await click(byRole(warning, 'button', 'Cancel'));
    expect(root(el).querySelector('[part~="origin-warning"]')).to.equal(null);
    expect(unsavedIn(el, 'origins')).to.equal(true);
    expect((await backend.getCustomer(1)).origins).to.deep.equal(['https://own.example']);
  });

  it("puts the server's error for one origin entry (422 origins[1]) on that entry", async () => {
    const { backend } = setup({ customers: [makeCustomer({ id: 1, name: 'Acme Corp', origins: ['https://a.example'] })] });
    const refusing = overriding(backend, {
      updateCustomer: async () => {
        throw new HttpError(problem(422, 'Unprocessable Content', 'Some origins are not valid.', { 'origins[1]': ['is not allowed by policy'] }));
      },
    });
    const el = await render(refusing);
    await click(textbox(el, 'Add origins'));
    await type('https://b.example');
    await press('Enter');
    await click(saveIn(el, 'origins'));
    await until(() => section(el, 'origins').querySelector('[part~="field-error"]') !== null, 'the entry error');
    const [first, second] = allByPart(section(el, 'origins'), 'origin');
    expect(shownText(second!)).to.contain('Is not allowed by policy.');
    expect(first!.querySelector('[part~="field-error"]')).to.equal(null);
    expect(allByPart(section(el, 'origins'), 'origin')).to.have.length(2);
  });

  it('on 412 shows what the other admin changed beside what was typed, re-applies untouched fields, and saves the choice', async () => {
    const { backend } = setup();
    const el = await render(backend);
    // This admin types an external ID and an origin…
    await retype(textbox(el, 'External ID'), 'MINE-1');
    await click(textbox(el, 'Add origins'));
    await type('https://mine.example');
    await press('Enter');
    // …while the other admin, through the same backend, changes the external ID and the name.
    await backend.updateCustomer(1, { external_id: 'THEIRS-1', name: 'Acme Ltd' }, 1);
    const refreshed = nextEvent<CustomEvent<{ customer: Customer }>>(el, 'customer-change');
    await click(saveIn(el, 'ids'));
    const conflict = await (async () => {
      await until(() => root(el).querySelector('[part~="conflict"]') !== null, 'the conflict view');
      return byPart(root(el), 'conflict');
    })();
    expect((await refreshed).detail.customer.name, 'the page header learns the new name').to.equal('Acme Ltd');
    const text = shownText(conflict);
    expect(text).to.contain('Name: Acme Corp → Acme Ltd');
    expect(text).to.contain('External ID: ACME-1 → THEIRS-1');
    expect(text).to.contain('Keep mine: MINE-1');
    expect(text).to.contain('Take theirs: THEIRS-1');
    expect(text).to.contain('iframe origins: https://mine.example');
    expect(textbox(el, 'External ID').value, 'what was typed stays').to.equal('MINE-1');
    expect(shownText(section(el, 'name'))).to.contain('Acme Ltd');
    expectFocusOn(byRole(root(el), 'heading', 'Another admin changed this customer'));
    // The link points at the change that made the edit stale.
    const link = byRole<HTMLAnchorElement>(conflict, 'link', 'See their change in the history');
    await until(() => root(el).querySelector('#history-v2') !== null, 'the history entry');
    expect(link.getAttribute('href')).to.equal('#history-v2');
    await expectNoAxeViolations(el);
    await click(link);
    expectFocusOn(root(el).querySelector('#history-v2')!);

    // Saving before choosing asks for a choice; nothing is sent.
    await click(byRole(conflict, 'button', 'Save my changes'));
    expect(shownText(conflict)).to.contain('Choose mine or theirs for every field first.');
    expect((await backend.getCustomer(1)).external_id).to.equal('THEIRS-1');

    await click(byRole(conflict, 'radio', 'Keep mine: MINE-1'));
    const saved = nextEvent<CustomEvent<{ customer: Customer }>>(el, 'customer-change');
    await click(byRole(conflict, 'button', 'Save my changes'));
    // The first own list replaces the inherited origins: that warning is asked inside the conflict view.
    await until(() => root(el).querySelector('[part~="origin-warning"]') !== null, 'the origin warning');
    await click(byRole(byPart(root(el), 'origin-warning'), 'button', 'Save anyway'));
    const after = (await saved).detail.customer;
    expect(after).to.include({ name: 'Acme Ltd', external_id: 'MINE-1', version: 3 });
    expect(after.origins).to.deep.equal(['https://mine.example']);
    await until(() => root(el).querySelector('[part~="conflict"]') === null && !el.hasUnsavedChanges, 'the resolved save');
  });

  it('on 412 "Take theirs" drops the typed value for that field and nothing else is sent when nothing is left', async () => {
    const { backend } = setup();
    const el = await render(backend);
    await retype(textbox(el, 'External ID'), 'MINE-1');
    await backend.updateCustomer(1, { external_id: 'THEIRS-1' }, 1);
    await click(saveIn(el, 'ids'));
    await until(() => root(el).querySelector('[part~="conflict"]') !== null, 'the conflict view');
    const conflict = byPart(root(el), 'conflict');
    await click(byRole(conflict, 'radio', 'Take theirs: THEIRS-1'));
    await click(byRole(conflict, 'button', 'Save my changes'));
    await until(() => root(el).querySelector('[part~="conflict"]') === null, 'the view to close');
    expect(textbox(el, 'External ID').value).to.equal('THEIRS-1');
    expect(el.hasUnsavedChanges).to.equal(false);
    const stored = await backend.getCustomer(1);
    expect(stored).to.include({ external_id: 'THEIRS-1', version: 2 });
  });

  it('asks before the page unloads while there are unsaved edits, not after', async () => {
    const { backend } = setup();
    const el = await render(backend);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).to.equal(false);
    await retype(textbox(el, 'External ID'), 'X');
    expect(unload()).to.equal(true);
    await click(byRole(section(el, 'ids'), 'button', 'Revert'));
    expect(textbox(el, 'External ID').value).to.equal('ACME-1');
    expect(unload()).to.equal(false);
  });

  it('deletes only once the name is typed exactly, busy while deleting, then fires customer-deleted', async () => {
    const { backend } = setup();
    const answer = deferred<void>();
    const slow = overriding(backend, { deleteCustomer: (ref, version) => answer.promise.then(() => backend.deleteCustomer(ref, version)) });
    const el = await render(slow);
    const opener = byRole(root(el), 'button', 'Delete account…');
    await click(opener);
    const dialog = byRole(root(el), 'dialog');
    expect(shownText(dialog)).to.contain("All of the customer's data and recipes are destroyed, permanently. This cannot be undone and nothing can be recovered.");
    const confirm = byPart(dialog, 'delete-confirm');
    expectFocusOn(byPart(dialog, 'delete-input'));
    await type('Acme');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    expect(shownText(dialog)).to.contain('The name does not match yet.');
    await expectNoAxeViolations(el);
    let fired = 0;
    el.addEventListener('customer-deleted', () => fired++);
    await click(confirm);
    expect(fired).to.equal(0);
    await click(byPart(dialog, 'delete-input'));
    await press('End');
    await type(' Corp');
    expect(confirm.getAttribute('aria-disabled')).to.equal('false');
    const deleted = nextEvent<CustomEvent<{ id: number; name: string }>>(el, 'customer-deleted');
    await click(confirm);
    await until(() => confirm.getAttribute('aria-busy') === 'true', 'busy');
    expect(shownText(confirm)).to.equal('Deleting…');
    await press('Escape');
    expect((dialog as HTMLDialogElement).open, 'Escape does not close it mid-delete').to.equal(true);
    answer.resolve();
    expect((await deleted).detail).to.deep.equal({ id: 1, name: 'Acme Corp' });
    expect(await backend.getCustomer(1).then(() => 'found', (e: HttpError) => e.status)).to.equal(404);
    await until(() => shownText(root(el).querySelector('[part~="base"]')) === 'Acme Corp was deleted.', 'the deleted message');
  });

  it('Escape cancels the delete dialog and gives focus back to the button', async () => {
    const { backend } = setup();
    const el = await render(backend);
    const opener = byRole(root(el), 'button', 'Delete account…');
    await click(opener);
    await press('Escape');
    await until(() => !(root(el).querySelector('dialog') as HTMLDialogElement).open, 'the dialog to close');
    await until(() => root(el).activeElement === opener, 'focus back on the opener');
    expect((await backend.getCustomer(1)).name).to.equal('Acme Corp');
  });

  it('without delete_customers the button is disabled with the reason beside it', async () => {
    const { backend } = setup({ partner: partner({ permissions: { delete_customers: false } }) });
    const el = await render(backend);
    const button = byRole(root(el), 'button', 'Delete account…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shownText(root(el).getElementById(button.getAttribute('aria-describedby')!))).to.equal('Your admin role cannot delete customers.');
    await click(button);
    expect((root(el).querySelector('dialog') as HTMLDialogElement).open).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('read-only: everything shown, controls disabled, and the reason said', async () => {
    const { backend } = setup({ customers: [makeCustomer({ id: 1, name: 'Acme Corp', external_id: 'ACME-1', origins: ['https://own.example'] })] });
    const el = await render(backend, { readonly: true });
    expect(shownText(byPart(root(el), 'notice'))).to.contain('This console is read-only here');
    expect(textbox(el, 'External ID').disabled).to.equal(true);
    expect(allByPart(root(el), 'save')).to.have.length(0);
    expect(allByRole(root(el), 'textbox', 'Add origins')).to.have.length(0);
    expect(shownText(byPart(root(el), 'origin-list'))).to.contain('https://own.example');
    expect(byRole(root(el), 'button', 'Delete account…').getAttribute('aria-disabled')).to.equal('true');
    await expectNoAxeViolations(el);
  });

  it('renames inline where the backend allows it (rename_customers)', async () => {
    const { backend } = setup({ partner: partner({ permissions: { rename_customers: true } }) });
    const el = await render(backend);
    await retype(textbox(el, 'Customer name'), 'Acme Holdings');
    expect(unsavedIn(el, 'name')).to.equal(true);
    await click(saveIn(el, 'name'));
    await until(() => !el.hasUnsavedChanges, 'the save');
    expect((await backend.getCustomer(1)).name).to.equal('Acme Holdings');
    await retype(textbox(el, 'Customer name'), '');
    await click(saveIn(el, 'name'));
    expect(shownText(section(el, 'name'))).to.contain("Enter the customer's name.");
    await expectNoAxeViolations(el);
  });

  it('loads the history again when the page passes on a newer version (a plan changed beside it)', async () => {
    const { backend, setClock } = setup();
    const el = await render(backend);
    const entries = () => allByPart(section(el, 'history'), 'history-entry');
    const before = entries().length;
    setClock(minutesAgo(1));
    el.customer = await backend.setPlan(1, 'growth', { version: el.customer!.version });
    await until(() => entries().length === before + 1, 'the new entry');
    expect(shownText(entries()[0]!)).to.equal('Plan: Starter → Growth · Alex Morgan · 1 minute ago');
  });

  it('lists the history readably (names, author, relative time with the absolute date), paged with Show more', async () => {
    const { backend, setClock } = setup();
    setClock(minutesAgo(2));
    await backend.setPlan(1, 'growth');
    for (let i = 0; i < 11; i++) {
      const current = await backend.getCustomer(1);
      setClock(minutesAgo(1));
      await backend.updateCustomer(1, { external_id: `ID-${i}` }, current.version);
    }
    setClock(minutesAgo(60 * 24 * 3));
    const el = await render(backend);
    const entries = () => allByPart(section(el, 'history'), 'history-entry');
    expect(entries()).to.have.length(10);
    expect(shownText(entries()[0]!)).to.equal('External ID: ID-9 → ID-10 · Alex Morgan · 1 minute ago');
    const time = entries()[0]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(minutesAgo(1).toISOString());
    expect(time.title).to.match(/2026/);
    await expectNoAxeViolations(el);
    await click(byRole(section(el, 'history'), 'button', 'Show more'));
    await until(() => entries().length === 12, 'the second page');
    expect(shownText(entries()[11]!)).to.equal('Plan: Starter → Growth · Alex Morgan · 2 minutes ago');
    expect(allByRole(section(el, 'history'), 'button', 'Show more')).to.have.length(0);
  });

  it('shows a history that failed to load with Retry', async () => {
    const { backend } = setup();
    let fail = true;
    const flaky = overriding(backend, {
      listHistory: async (ref, params, options): Promise<HistoryPage> => {
        if (fail) throw new HttpError(problem(503, 'Service Unavailable', 'down'));
        return backend.listHistory(ref, params, options);
      },
    });
    const el = await render(flaky);
    expect(shownText(section(el, 'history'))).to.contain('Could not load the history.');
    await expectNoAxeViolations(el);
    fail = false;
    await click(byRole(section(el, 'history'), 'button', 'Retry'));
    await until(() => shownText(section(el, 'history')).includes('No changes recorded yet.'), 'the retried history');
  });

  it('says it is loading while /partner has not answered', async () => {
    const { backend } = setup();
    const answer = deferred<Partner>();
    const customer = await backend.getCustomer(1);
    const el = await fixture<CustomerSettings>(
      html`<customer-settings .backend=${overriding(backend, { getPartner: () => answer.promise })} .customer=${customer} .now=${NOW}></customer-settings>`,
    );
    expect(shownText(byRole(root(el), 'status'))).to.equal('Loading settings…');
    await expectNoAxeViolations(el);
    answer.resolve(partner());
    await until(() => root(el).querySelector('[part~="danger"]') !== null, 'the settings');
  });
});
