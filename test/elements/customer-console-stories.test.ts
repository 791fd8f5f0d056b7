// Every story of customer-filters and of the console's list view renders, settles and passes axe
// (colour contrast included, so the dark and RTL variants are checked too).
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import 'axe-core/axe.min.js';
import * as consoleStories from '../../stories/customer-console.stories.js';
import * as filterStories from '../../stories/customer-filters.stories.js';
import { axeRun } from '../support/axe.js';
import { until } from '../support/wait.js';


interface StoryModule {
  default: { args?: object; render?: (args: never, context: never) => unknown };
  [name: string]: unknown;
}

interface Story {
  name?: string;
  args?: object;
  render?: (args: never, context: never) => unknown;
  loaders?: (() => Promise<Record<string, unknown>>)[];
}

/** The 100k story only differs in size; generating 100,000 customers is left to the benchmark. */
const SKIPPED = new Set(['HundredThousandClient']);

function stories(module: StoryModule): [string, Story][] {
  return Object.entries(module).filter(([name]) => name !== 'default' && !SKIPPED.has(name)) as [string, Story][];
}

async function renderStory(module: StoryModule, story: Story): Promise<HTMLElement> {
  const args = { ...module.default.args, ...story.args };
  const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((load) => load()))));
  const renderFn = (story.render ?? module.default.render)!;
  const container = document.createElement('div');
  document.body.append(container);
  render(renderFn(args as never, { loaded } as never) as TemplateResult, container);
  return container;
}

function settled(container: HTMLElement): boolean {
  const table = container.querySelector('customer-console')?.shadowRoot?.querySelector('customer-table');
  if (!table) return container.querySelector('customer-filters')?.shadowRoot?.querySelector('[role="tablist"]') != null;
  return table.shadowRoot?.querySelector('.body-row [part~="name"], [part~="message"], [part~="skeleton"]') != null;
}

for (const [title, module] of [
  ['customer-filters', filterStories],
  ['customer-console', consoleStories],
] as const) {
  describe(`${title} stories`, () => {
    for (const [name, story] of stories(module as unknown as StoryModule)) {
      it(`${story.name ?? name} renders with no axe violations`, async () => {
        const container = await renderStory(module as unknown as StoryModule, story);
        try {
          await until(() => settled(container), `story ${name} to settle`, 5000);
          const { violations } = await axeRun(container);
          expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);
        } finally {
          render(null, container);
          container.remove();
        }
      });
    }
  });
}
