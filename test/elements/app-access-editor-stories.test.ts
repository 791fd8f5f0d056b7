// Every story of app-access-editor reaches the state it is named for in Chromium, with no axe violations.
import { expect } from '@open-wc/testing';
import type { AppAccessEditor } from '../../components/app-access-editor/define.js';
import meta, * as stories from '../../stories/app-access-editor.stories.js';
import { accessStatus, editDescription, isDialogOpen, isEditDisabled, listedApps, partText, sectionMessage, shownBoxes, summaryLines } from '../support/app-access-queries.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { renderStory } from '../support/story-render.js';
import { until } from '../support/wait.js';

const open = (el: AppAccessEditor) => isDialogOpen(el);

describe('app-access-editor stories', () => {
  const expectations: [keyof typeof stories, (el: AppAccessEditor) => boolean][] = [
    ['AllApps', (el) => accessStatus(el) === 'All apps' && !isEditDisabled(el)],
    ['FewSelected', (el) => accessStatus(el) === '4 of 61 apps' && listedApps(el).length === 4],
    ['LongCatalogue', (el) => accessStatus(el) === '240 of 1,000 apps' && listedApps(el).length === 240],
    ['DialogOpen', (el) => open(el) && partText(el, 'count') === '3 of 1,000 apps selected'],
    ['SearchNoMatch', (el) => open(el) && shownBoxes(el).length === 0 && partText(el, 'empty-search') === 'No apps match “zebra accounting”.'],
    ['ChangeSummary', (el) => open(el) && summaryLines(el).length === 2 && summaryLines(el)[0]!.startsWith('+3 added: ') && summaryLines(el)[1] === '−1 removed: Pipeline CRM'],
    ['Conflict', (el) => open(el) && (partText(el, 'conflict') ?? '').includes('They set: 2 of 61 apps (Huddle Chat, Ledgerly).')],
    ['ApplyError', (el) => open(el) && partText(el, 'error') === 'The app catalogue is being updated. Try again in a minute.'],
    ['Applying', (el) => open(el) && partText(el, 'apply-button') === 'Applying…'],
    ['ReadOnly', (el) => isEditDisabled(el) && editDescription(el).startsWith('This session is read-only') && listedApps(el).length === 3],
    ['NoPermission', (el) => accessStatus(el) === 'All apps' && isEditDisabled(el) && editDescription(el).includes('manage customers')],
    ['Loading', (el) => sectionMessage(el) === 'Loading app access…' && isEditDisabled(el)],
    ['LoadError', (el) => (sectionMessage(el) ?? '').startsWith('Could not load the app access.')],
    ['DarkTheme', (el) => open(el) && summaryLines(el).length === 2],
    ['RightToLeft', (el) => open(el) && summaryLines(el).length === 2],
  ];
  for (const [name, reached] of expectations) {
    it(`${name} shows what it is for, with no axe violations`, async function () {
      // axe over a thousand checklist rows (or 240 listed apps) takes seconds on a shared machine.
      this.timeout(60_000);
      const host = await renderStory(meta, stories[name]);
      const el = host.querySelector('app-access-editor')!;
      await until(() => el.shadowRoot !== null && reached(el), `${name} reaching its state`, 8000);
      await expectNoAxeViolations(host);
      el.shadowRoot!.querySelector('dialog')!.close();
    });
  }

  it('Conflict keeps this admin’s selection beside theirs', async () => {
    const host = await renderStory(meta, stories.Conflict);
    const el = host.querySelector('app-access-editor')!;
    await until(() => partText(el, 'conflict') !== null, 'the conflict', 8000);
    const checked = shownBoxes(el).filter((b) => b.checked).map((b) => b.labels![0]!.textContent!.trim());
    expect(checked).to.deep.equal(['Pipeline CRM', 'Huddle Chat', 'Beacon Mail']);
    expect(summaryLines(el)).to.deep.equal(['+2 added: Pipeline CRM, Beacon Mail', '−1 removed: Ledgerly']);
    el.shadowRoot!.querySelector('dialog')!.close();
  });

  it('DarkTheme draws the dialog on the dark surface', async () => {
    const host = await renderStory(meta, stories.DarkTheme);
    const el = host.querySelector('app-access-editor')!;
    await until(() => open(el), 'the dialog', 8000);
    expect(getComputedStyle(el.shadowRoot!.querySelector('dialog')!).backgroundColor).to.equal('rgb(21, 24, 30)');
    el.shadowRoot!.querySelector('dialog')!.close();
  });
});
