// Every story of plan-settings reaches the state it is named for in Chromium, with no axe violations.
import { expect } from '@open-wc/testing';
import type { PlanSettings } from '../../components/plan-settings/define.js';
import meta, * as stories from '../../stories/plan-settings.stories.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { renderStory } from '../support/story-render.js';
import { shownText } from '../support/text.js';
import { until } from '../support/wait.js';

const part = (el: PlanSettings, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const text = (el: PlanSettings, name: string) => shownText(part(el, name));
const ready = (el: PlanSettings) => (el.shadowRoot?.querySelectorAll('input[type="radio"]').length ?? 0) > 0;

describe('plan-settings stories', () => {
  const expectations: [keyof typeof stories, (el: PlanSettings) => boolean][] = [
    ['Active', (el) => ready(el) && text(el, 'status-badge') === 'Active' && text(el, 'plan-name') === 'Business'],
    ['TrialRunning', (el) => ready(el) && text(el, 'status-badge') === 'In trial' && text(el, 'trial-status').includes('falls to the Free plan')],
    ['TrialEndsToday', (el) => ready(el) && text(el, 'trial-status').includes('until today, ')],
    ['TrialEndsTomorrow', (el) => ready(el) && text(el, 'trial-status').includes('until tomorrow, ')],
    ['TrialEndedYesterday', (el) => ready(el) && text(el, 'status-badge') === 'Expired subscription' && text(el, 'expired-note').includes('since yesterday, ')],
    ['PlanChosen', (el) => el.hasUnsavedChanges && text(el, 'preview').startsWith('Not applied yet Business brings')],
    ['OverLimitConfirmation', (el) => el.shadowRoot?.querySelector('dialog')?.open === true],
    ['Conflict', (el) => text(el, 'conflict').includes('Another admin changed the plan to Enterprise 2 minutes ago.')],
    ['SaveError', (el) => text(el, 'error').includes('The billing service is down for maintenance.')],
    ['ReadOnly', (el) => ready(el) && text(el, 'readonly-reason').startsWith('This session is read-only')],
    ['NoPermission', (el) => ready(el) && text(el, 'readonly-reason').includes('permission to manage customers')],
    ['Loading', (el) => text(el, 'message') === 'Loading plans…'],
    ['DarkTheme', (el) => ready(el)],
    ['RightToLeft', (el) => ready(el)],
  ];
  for (const [name, reached] of expectations) {
    it(`${name} shows what it is for, with no axe violations`, async () => {
      const host = await renderStory(meta, stories[name]);
      const el = host.querySelector('plan-settings')!;
      await until(() => reached(el), `${name} reaching its state`);
      await expectNoAxeViolations(host);
    });
  }

  it('OverLimitConfirmation shows the usage and the new limit', async () => {
    const host = await renderStory(meta, stories.OverLimitConfirmation);
    const el = host.querySelector('plan-settings')!;
    await until(() => el.shadowRoot?.querySelector('dialog')?.open === true, 'the dialog');
    expect(shownText(el.shadowRoot!.querySelector('dialog'))).to.contain('4,046 tasks used this period, the new limit is 1,000.');
  });

  it('DarkTheme draws on the dark surface', async () => {
    const host = await renderStory(meta, stories.DarkTheme);
    const el = host.querySelector('plan-settings')!;
    await until(() => ready(el), 'the plans');
    const checked = el.shadowRoot!.querySelector('[part~="plan-option-checked"]')!;
    expect(getComputedStyle(checked).backgroundColor).to.equal('rgb(34, 50, 79)');
  });
});
