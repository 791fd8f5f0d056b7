// Every customer-settings story renders what it promises in Chromium, with no axe violations.
import { expect } from '@open-wc/testing';
import type { CustomerSettings } from '../../components/customer-settings/define.js';
import meta, * as stories from '../../stories/customer-settings.stories.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allByPart, byPart, byRole } from '../support/by-role.js';
import { renderStory } from '../support/story-render.js';
import { shownText } from '../support/text.js';
import { until } from '../support/wait.js';

type Name = Exclude<keyof typeof stories, 'default'>;

async function story(name: Name): Promise<CustomerSettings> {
  const host = await renderStory(meta, stories[name]);
  return host.querySelector('customer-settings')!;
}

const root = (el: CustomerSettings) => el.shadowRoot!;
const ready = (el: CustomerSettings) =>
  until(() => root(el).querySelector('[part~="danger"]') !== null && root(el).querySelector('[part~="history"] [role="status"]') === null, 'the settings');

/** What each story must show once settled. */
const EXPECT: Record<Exclude<Name, 'Loading'>, (el: CustomerSettings) => unknown> = {
  Default: (el) => expect(shownText(byPart(root(el), 'history'))).to.contain('No changes recorded yet.'),
  ExternalIdSet: (el) => expect(shownText(byPart(root(el), 'ids'))).to.contain(`…/customers/E${encodeURIComponent('crm/4711 Ä')}`),
  RejectedOriginEntry: async (el) => {
    await until(() => root(el).querySelector('[part~="rejected"]') !== null, 'the rejected entry');
    expect(shownText(byPart(root(el), 'rejected'))).to.contain('"http://shop.customer.example/path" contains a path');
    expect(allByPart(root(el), 'origin').map((li) => li.querySelector('code')!.textContent)).to.deep.equal([
      'https://app.customer.example',
      'https://ok.customer.example',
    ]);
  },
  InheritedOrigins: (el) => expect(shownText(byPart(root(el), 'inherited-badge'))).to.equal('Inherited'),
  OwnOrigins: (el) => expect(shownText(byPart(root(el), 'csp'))).to.contain('frame-ancestors https://intranet.customer.example:8443'),
  DeleteTypedWrong: async (el) => {
    await until(() => (root(el).querySelector('dialog') as HTMLDialogElement).open, 'the dialog');
    expect(byPart(root(el), 'delete-confirm').getAttribute('aria-disabled')).to.equal('true');
  },
  DeleteTypedRight: (el) => until(() => byPart(root(el), 'delete-confirm').getAttribute('aria-disabled') === 'false', 'Delete enabled'),
  Conflict: async (el) => {
    await until(() => root(el).querySelector('[part~="conflict"]') !== null, 'the conflict view');
    expect(shownText(byPart(root(el), 'conflict'))).to.contain('Keep mine: CRM-1-MINE');
  },
  ReadOnly: (el) => expect(shownText(byPart(root(el), 'notice'))).to.contain('read-only'),
  NoDeletePermission: (el) => expect(shownText(byPart(root(el), 'danger'))).to.contain('Your admin role cannot delete customers.'),
  RenameAllowed: (el) => void byRole(root(el), 'textbox', 'Customer name'),
  HistoryWithEntries: (el) => {
    expect(allByPart(root(el), 'history-entry')).to.have.length(10);
    void byRole(root(el), 'button', 'Show more');
  },
  HistoryEmpty: (el) => expect(shownText(byPart(root(el), 'history'))).to.contain('No changes recorded yet.'),
  DarkTheme: (el) => expect(el.dataset.theme).to.equal('dark'),
  RightToLeft: (el) => expect(getComputedStyle(el).direction).to.equal('rtl'),
};

describe('customer-settings stories', () => {
  for (const [name, check] of Object.entries(EXPECT) as [Exclude<Name, 'Loading'>, (el: CustomerSettings) => unknown][]) {
    it(`${name}: renders what it promises, no axe violations`, async () => {
      const el = await story(name);
      await ready(el);
      await check(el);
      await expectNoAxeViolations(el);
    });
  }

  it('Loading: says so while /partner does not answer, no axe violations', async () => {
    const el = await story('Loading');
    await el.updateComplete;
    expect(shownText(byRole(root(el), 'status'))).to.equal('Loading settings…');
    await expectNoAxeViolations(el);
  });
});
