// Every customer-dashboard story renders what it promises in Chromium, with no axe violations.
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { CustomerDashboard } from '../../components/customer-dashboard/define.js';
import meta, * as stories from '../../stories/customer-dashboard.stories.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { accessibleName, allByPart, allByRole, byPart, byRole } from '../support/by-role.js';
import { until } from '../support/wait.js';

type AnyStory = {
  args?: Record<string, unknown>;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render?: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => TemplateResult;
};

async function renderStory(name: keyof typeof stories): Promise<CustomerDashboard> {
  const story = stories[name] as AnyStory;
  const args = { ...(meta.args as Record<string, unknown>), ...story.args };
  const loaders = story.loaders ?? (meta.loaders as AnyStory['loaders']) ?? [];
  const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load()))));
  const draw = story.render ?? (meta.render as unknown as NonNullable<AnyStory['render']>);
  const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
  render(draw(args, { loaded }), host);
  const el = host.querySelector('customer-dashboard')!;
  await el.updateComplete;
  return el;
}

const root = (el: CustomerDashboard) => el.shadowRoot!;
const bars = (el: CustomerDashboard) => allByRole(root(el), 'img');
const figure = (el: CustomerDashboard, label: string) =>
  allByPart(root(el), 'stat').find((s) => s.querySelector('dt')!.textContent!.trim() === label)!.querySelector('.value')!.textContent!.trim();
const chosen = (el: CustomerDashboard) => accessibleName(root(el).querySelector('[role="radio"][aria-checked="true"]')!);

describe('customer-dashboard stories', () => {
  const periods: [keyof typeof stories, string, number][] = [
    ['LastDay', 'Last day', 24],
    ['Default', 'Last 7 days', 7],
    ['ThirtyDays', 'Last 30 days', 30],
    ['NinetyDays', 'Last 90 days', 90],
  ];
  for (const [name, period, count] of periods) {
    it(`${name} shows ${count} bars for ${period}, figures and failing recipes, with no axe violations`, async () => {
      const el = await renderStory(name);
      await until(() => bars(el).length > 0, 'the chart');
      expect(chosen(el)).to.equal(period);
      expect(bars(el)).to.have.length(count);
      expect(Number(figure(el, 'Active recipes').replace(/\D/g, ''))).to.be.greaterThan(0);
      expect(allByPart(root(el), 'recipe').length).to.be.greaterThan(0);
      await expectNoAxeViolations(el);
    });
  }

  it('NoRecipes says the customer has none and what a recipe is, with no chart', async () => {
    const el = await renderStory('NoRecipes');
    await until(() => root(el).querySelector('[part~="message"]') !== null, 'the message');
    expect(byPart(root(el), 'message').textContent).to.contain('No recipes yet');
    expect(root(el).querySelector('svg')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('HeavyFailures shows an error rate of at least 10%', async () => {
    const el = await renderStory('HeavyFailures');
    await until(() => bars(el).length > 0, 'the chart');
    expect(parseFloat(figure(el, 'Error rate'))).to.be.at.least(10);
    await expectNoAxeViolations(el);
  });

  it('Loading shows the skeleton and a status', async () => {
    const el = await renderStory('Loading');
    expect(byRole(root(el), 'status').textContent).to.equal('Loading the dashboard…');
    expect(allByPart(root(el), 'skeleton').length).to.be.greaterThan(0);
    await expectNoAxeViolations(el);
  });

  it('Error says what failed and offers Retry', async () => {
    const el = await renderStory('ErrorState');
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
    const alert = byRole(root(el), 'alert');
    expect(alert.textContent).to.contain('Simulated failure');
    byRole(alert, 'button', 'Retry');
    await expectNoAxeViolations(el);
  });

  it('DarkTheme renders on the dark surface', async () => {
    const el = await renderStory('DarkTheme');
    await until(() => bars(el).length > 0, 'the chart');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 24, 30)');
    await expectNoAxeViolations(el);
  });

  it('RightToLeft mirrors the controls and runs time from right to left', async () => {
    const el = await renderStory('RightToLeft');
    await until(() => bars(el).length > 0, 'the chart');
    const radios = allByRole(root(el), 'radio');
    expect(radios[0]!.getBoundingClientRect().left).to.be.greaterThan(radios[1]!.getBoundingClientRect().left);
    const all = bars(el);
    expect(all[0]!.getBoundingClientRect().left, 'the oldest bar is at the right').to.be.greaterThan(all.at(-1)!.getBoundingClientRect().left);
    // The dates follow lang="ar": Arabic weekday and month names.
    expect(accessibleName(all[0]!)).to.match(/^[\u0600-\u06ff]/);
    await expectNoAxeViolations(el);
  });
});
