/** axe-core in the element tests: one way to run it and one way to fail on what it finds. */
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';

export interface AxeResults {
  violations: { id: string; help: string; nodes: { html: string; target: unknown }[] }[];
}

/** axe-core as `import 'axe-core/axe.min.js'` installs it on window (no global type, to avoid clashing declarations). */
export function axeRun(context: Element): Promise<AxeResults> {
  return (window as unknown as { axe: { run: (context: Element) => Promise<AxeResults> } }).axe.run(context);
}

/** Fails listing every WCAG violation axe finds in `context` (rule id and the offending markup). */
export async function expectNoAxeViolations(context: Element): Promise<void> {
  const { violations } = await axeRun(context);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).to.deep.equal([]);
}
