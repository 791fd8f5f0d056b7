// Every customer-table story renders what it promises in Chromium, with no axe violations.
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { CustomerTable } from '../../components/customer-table/define.js';
import meta, * as stories from '../../stories/customer-table.stories.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { allInTable, dataRows, grid, header, inTable, loadedRows, message, shownNames } from '../support/table-queries.js';
import { nextFrame, until } from '../support/wait.js';

type AnyStory = {
  args?: Record<string, unknown>;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render?: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => TemplateResult;
};

type StoryName = keyof typeof stories;

async function renderStory(name: StoryName): Promise<CustomerTable> {
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

/** Renders a story and waits until it shows what it is for (MemoryBackend answers meanwhile). */
async function storyReaching(name: StoryName, reached: (table: CustomerTable) => boolean): Promise<CustomerTable> {
  const table = await renderStory(name);
  await until(() => reached(table), `the ${name} story's state`, 8_000);
  return table;
}

const hasRows = (table: CustomerTable) => loadedRows(table).length > 0;
const inState = (state: string) => (table: CustomerTable) => message(table)?.dataset['state'] === state;
const marks = (table: CustomerTable) => allInTable(table, 'mark[part~="match"]').length;

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('customer-table stories', () => {
  const expectations: [StoryName, (table: CustomerTable) => boolean][] = [
    ['Default', hasRows],
    ['FiveRows', (t) => loadedRows(t).length === 5],
    ['HundredThousandRows', (t) => hasRows(t) && grid(t).getAttribute('aria-rowcount') === '100001'],
    ['ServerMode', (t) => hasRows(t) && grid(t).getAttribute('aria-rowcount') === '20001'],
    ['Loading', (t) => inTable(t, '[part~="skeleton"]') !== null],
    ['Empty', inState('empty')],
    ['NoMatch', inState('no-match')],
    ['ErrorState', inState('error')],
    ['HostileNames', (t) => marks(t) > 0],
    ['LongNames', hasRows],
    ['LongNamesSearched', (t) => marks(t) > 0],
    ['RightToLeft', (t) => marks(t) > 0],
    ['DarkTheme', hasRows],
  ];

  for (const [name, reached] of expectations) {
    it(`${name} renders its state with no axe violations`, async () => {
      const table = await storyReaching(name, reached);
      await expectNoAxeViolations(table);
    });
  }

  it('Loading shows its skeleton and only that: no rows, the grid busy, a status for assistive tech', async () => {
    const table = await storyReaching('Loading', (t) => inTable(t, '[part~="skeleton"]') !== null);
    // The list never answers: a few frames later it still loads.
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(inTable(table, '[part~="skeleton"]')).to.not.equal(null);
    expect(dataRows(table)).to.have.length(0);
    expect(message(table)).to.equal(null);
    expect(grid(table).getAttribute('aria-busy')).to.equal('true');
    expect(inTable(table, '[role="status"]')!.textContent).to.equal('Loading customers…');
  });

  it('HostileNames renders markup as text', async () => {
    const table = await storyReaching('HostileNames', hasRows);
    expect(inTable(table, '[part~="name"] img, [part~="name"] script, [part~="name"] svg')).to.equal(null);
    expect(allInTable(table, '[part~="name"]').map((n) => n.textContent)).to.include('<img src=x onerror=alert(1)>');
  });

  it('LongNames cuts long names short on screen and keeps the whole name in the title', async () => {
    const table = await storyReaching('LongNames', hasRows);
    const names = allInTable(table, '[part~="name"]');
    for (const name of names) {
      expect(name.scrollWidth, `"${name.textContent}" is cut short`).to.be.above(name.clientWidth);
      expect(name.getAttribute('title')).to.equal(name.textContent);
    }
    const ids = allInTable(table, '[part~="external-id"]');
    expect(ids.length).to.be.above(0);
    for (const id of ids) expect(id.getAttribute('title')).to.equal(id.textContent);
  });

  it('LongNamesSearched keeps each match, at the far end of a name cut short, in view', async () => {
    const table = await storyReaching('LongNamesSearched', (t) => marks(t) > 0);
    const names = allInTable(table, '[part~="name"]');
    expect(names.length).to.be.above(0);
    for (const name of names) {
      const box = name.getBoundingClientRect();
      const mark = name.querySelector('mark')!.getBoundingClientRect();
      expect(mark.width, `a match in "${name.textContent}"`).to.be.above(0);
      expect(mark.left).to.be.at.least(box.left - 0.5);
      expect(mark.right, `the match in "${name.textContent}" is in view`).to.be.at.most(box.right + 0.5);
    }
  });

  it('RightToLeft is mirrored: the grid runs right to left, the first column on the right', async () => {
    const table = await storyReaching('RightToLeft', (t) => marks(t) > 0);
    expect(getComputedStyle(grid(table)).direction).to.equal('rtl');
    const customer = header(table, 'Customer').getBoundingClientRect();
    const joined = header(table, 'Date joined').getBoundingClientRect();
    expect(customer.left).to.be.above(joined.right - 1);
    expect(shownNames(table).every((name) => /[\u0590-\u06FF]/.test(name!))).to.equal(true);
  });

  it('DarkTheme draws on a dark surface with light text', async () => {
    const table = await storyReaching('DarkTheme', hasRows);
    const style = getComputedStyle(table);
    expect(luminance(style.backgroundColor), `surface ${style.backgroundColor}`).to.be.below(0.05);
    const name = getComputedStyle(inTable(table, '[part~="name"]')!);
    expect(luminance(name.color), `text ${name.color}`).to.be.above(0.5);
  });
});
