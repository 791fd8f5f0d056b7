// Every story of customer-collaborators, customer-switch-button and customer-form reaches the
// state it is named for in Chromium, with no axe violations.
import { expect } from '@open-wc/testing';
import type { CustomerCollaborators } from '../../components/customer-collaborators/define.js';
import type { CustomerForm } from '../../components/customer-form/define.js';
import type { CustomerSwitchButton } from '../../components/customer-switch-button/define.js';
import collaboratorsMeta, * as collaboratorsStories from '../../stories/customer-collaborators.stories.js';
import formMeta, * as formStories from '../../stories/customer-form.stories.js';
import switchMeta, * as switchStories from '../../stories/customer-switch-button.stories.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { fieldError, formError, formField, submitButton } from '../support/customer-form-queries.js';
import { renderStory } from '../support/story-render.js';
import { isSwitchDisabled, shownTeam, switchButton, switchDescription, teamMessage, teamNote, teamRows } from '../support/team-queries.js';
import { click } from '../support/user.js';
import { until } from '../support/wait.js';

const REASON = 'Only customer managers and collaborators of this workspace can switch into it.';
const settled = (el: CustomerSwitchButton) => switchButton(el).getAttribute('aria-busy') === 'false';

describe('customer-collaborators stories', () => {
  const expectations: [keyof typeof collaboratorsStories, (el: CustomerCollaborators) => boolean][] = [
    ['Default', (el) => teamRows(el).length > 0 && shownTeam(el).some((m) => m.tag === 'Customer manager')],
    ['LongTeam', (el) => teamRows(el).length === 80],
    ['EmptyTeam', (el) => teamMessage(el) === 'This workspace has no team members yet.' && teamNote(el) !== null],
    ['Loading', (el) => teamMessage(el) === 'Loading the team…'],
    ['ErrorState', (el) => (teamMessage(el) ?? '').startsWith('Could not load the team.')],
    ['HostileNames', (el) => teamRows(el).length === 5 && el.shadowRoot!.querySelector('img') === null],
    ['DarkTheme', (el) => teamRows(el).length === 12],
    ['RightToLeft', (el) => teamRows(el).length === 5],
  ];
  for (const [name, reached] of expectations) {
    it(`${name} shows what it is for, with no axe violations`, async () => {
      const host = await renderStory(collaboratorsMeta, collaboratorsStories[name]);
      const el = host.querySelector('customer-collaborators')!;
      await until(() => reached(el), `${name} reaching its state`);
      await expectNoAxeViolations(host);
    });
  }

  it('LongTeam scrolls inside a 320px box', async () => {
    const host = await renderStory(collaboratorsMeta, collaboratorsStories.LongTeam);
    const el = host.querySelector('customer-collaborators')!;
    await until(() => teamRows(el).length === 80, 'the long team');
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
    expect(scroller.getBoundingClientRect().height).to.be.at.most(321);
    expect(scroller.scrollHeight).to.be.above(scroller.clientHeight);
  });

  it('DarkTheme draws on the dark surface', async () => {
    const host = await renderStory(collaboratorsMeta, collaboratorsStories.DarkTheme);
    const el = host.querySelector('customer-collaborators')!;
    await until(() => teamRows(el).length === 12, 'the team');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="scroller"]')!).backgroundColor).to.equal('rgb(21, 24, 30)');
  });
});

describe('customer-switch-button stories', () => {
  const expectations: [keyof typeof switchStories, (el: CustomerSwitchButton) => boolean][] = [
    ['Allowed', (el) => settled(el) && !isSwitchDisabled(el)],
    ['Forbidden', (el) => settled(el) && isSwitchDisabled(el) && switchDescription(el) === REASON],
    ['Checking', (el) => isSwitchDisabled(el) && switchDescription(el).startsWith('Checking')],
    ['ServerRefuses', (el) => settled(el) && !isSwitchDisabled(el)],
    ['CheckFailed', (el) => switchDescription(el).startsWith('Could not check')],
    ['DarkTheme', (el) => settled(el) && switchDescription(el) === REASON],
    ['RightToLeft', (el) => settled(el) && switchDescription(el) === REASON],
  ];
  for (const [name, reached] of expectations) {
    it(`${name} shows what it is for, with no axe violations`, async () => {
      const host = await renderStory(switchMeta, switchStories[name]);
      const el = host.querySelector('customer-switch-button')!;
      await until(() => el.shadowRoot !== null && reached(el), `${name} reaching its state`);
      await expectNoAxeViolations(host);
    });
  }

  it('ServerRefuses shows the 403 after a click', async () => {
    const host = await renderStory(switchMeta, switchStories.ServerRefuses);
    const el = host.querySelector('customer-switch-button')!;
    await until(() => settled(el), 'the check');
    await click(switchButton(el));
    await until(() => switchDescription(el).includes('may switch into its account'), 'the refusal');
    await expectNoAxeViolations(host);
  });

  it('RightToLeft puts the reason to the left of the button', async () => {
    const host = await renderStory(switchMeta, switchStories.RightToLeft);
    const el = host.querySelector('customer-switch-button')!;
    await until(() => settled(el), 'the check');
    const reason = el.shadowRoot!.querySelector('[part~="reason"]')!.getBoundingClientRect();
    expect(reason.right).to.be.at.most(switchButton(el).getBoundingClientRect().left + 0.5);
  });
});

describe('customer-form stories', () => {
  const expectations: [keyof typeof formStories, (el: CustomerForm) => boolean][] = [
    ['Default', (el) => (formField(el, 'Plan') as HTMLSelectElement).options.length > 1],
    ['ServerFieldErrors', (el) => fieldError(el, 'Plan') === 'Unknown plan "legacy-gold".' && formError(el) === 'The plan does not exist.'],
    ['ExternalIdTaken', (el) => fieldError(el, 'External ID (optional)') === 'Another customer already has this external ID.'],
    ['InvalidEntries', (el) => fieldError(el, 'Customer name') !== null && fieldError(el, 'Notification email') !== null && fieldError(el, 'Plan') !== null],
    ['Sending', (el) => el.sending && submitButton(el).textContent!.trim() === 'Adding customer…'],
    ['PlansFailed', (el) => el.shadowRoot!.textContent!.includes('Could not load the plans.')],
    ['DarkTheme', (el) => fieldError(el, 'Plan') !== null],
    ['RightToLeft', (el) => fieldError(el, 'Plan') !== null],
  ];
  for (const [name, reached] of expectations) {
    it(`${name} shows what it is for, with no axe violations`, async () => {
      const host = await renderStory(formMeta, formStories[name]);
      const el = host.querySelector('customer-form')!;
      await until(() => reached(el), `${name} reaching its state`);
      await expectNoAxeViolations(host);
    });
  }

  it('ExternalIdTaken keeps what was typed', async () => {
    const host = await renderStory(formMeta, formStories.ExternalIdTaken);
    const el = host.querySelector('customer-form')!;
    await until(() => fieldError(el, 'External ID (optional)') !== null, 'the 409');
    expect(formField(el, 'Customer name').value).to.equal('Northwind Traders');
    expect(formField(el, 'External ID (optional)').value).to.equal('NW-1');
  });
});
