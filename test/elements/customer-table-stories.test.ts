// Every customer-table story renders what it promises in Chromium, with no axe violations.
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import 'axe-core/axe.min.js';
import type { AxeResults } from 'axe-core';
import type { CustomerTable } from '../../components/customer-table/customer-table.js';
import meta, * as stories from '../../stories/customer-table.stories.js';

const axe = (window as unknown as { axe: { run(context: Element): Promise<AxeResults> } }).axe;

type AnyStory = {
  args?: Record<string, unknown>;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render?: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => TemplateResult;
};

async function renderStory(name: keyof typeof stories): Promise<CustomerTable> {
  const story = stories[name] as AnyStory;
  const args = { ...(meta.args as Record<string, unknown>), ...story.args };
  const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((load) => load()))));
  const draw = story.render ?? (meta.render as unknown as NonNullable<AnyStory['render']>);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(draw(args, { loaded }), host);
  const table = host.querySelector('customer-table')!;
  await table.updateComplete;
  return table;
}

/** Waits until the table shows one of the states, letting MemoryBackend answer. */
async function until(table: CustomerTable, test: (root: ShadowRoot) => boolean): Promise<void> {
  for (let i = 0; i < 300 && !test(table.shadowRoot!); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await table.updateComplete;
  }
  expect(test(table.shadowRoot!), 'the story reached its state').to.equal(true);
}

const rows = (root: ShadowRoot) => root.querySelectorAll('.body-row:not([aria-busy])').length;
const state = (name: string) => (root: ShadowRoot) => root.querySelector(`.message[data-state="${name}"]`) !== null;

async function expectNoAxeViolations(el: Element): Promise<void> {
  const result = await axe.run(el);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).to.deep.equal([]);
}

describe('customer-table stories', () => {
  const expectations: [keyof typeof stories, (root: ShadowRoot) => boolean][] = [
    ['Default', (r) => rows(r) > 0],
    ['FiveRows', (r) => rows(r) === 5],
    ['HundredThousandRows', (r) => rows(r) > 0 && r.querySelector('[role="grid"]')!.getAttribute('aria-rowcount') === '100001'],
    ['ServerMode', (r) => rows(r) > 0],
    ['Loading', (r) => r.querySelector('.skeleton') !== null],
    ['Empty', state('empty')],
    ['NoMatch', state('no-match')],
    ['ErrorState', state('error')],
    ['HostileNames', (r) => r.querySelectorAll('mark').length > 0],
    ['LongNames', (r) => rows(r) > 0],
    ['RightToLeft', (r) => r.querySelectorAll('mark').length > 0],
    ['DarkTheme', (r) => rows(r) > 0],
  ];

  for (const [name, reached] of expectations) {
    it(`${name} renders its state with no axe violations`, async () => {
      const table = await renderStory(name);
      await until(table, reached);
      await expectNoAxeViolations(table);
    });
  }

  it('HostileNames renders markup as text', async () => {
    const table = await renderStory('HostileNames');
    await until(table, (r) => rows(r) > 0);
    const root = table.shadowRoot!;
    expect(root.querySelector('[part="name"] img, [part="name"] script, [part="name"] svg')).to.equal(null);
    expect([...root.querySelectorAll('[part="name"]')].map((n) => n.textContent)).to.include('<img src=x onerror=alert(1)>');
  });
});
