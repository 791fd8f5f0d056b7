/**
 * Renders a Storybook story the way Storybook does, for the stories' tests: meta and story args,
 * the loaders' results, the story's (or meta's) render, then its `play`.
 */
import { fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';

interface AnyStory {
  args?: Record<string, unknown>;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render?: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void> | void;
}

interface AnyMeta {
  args?: unknown;
  render?: unknown;
}

/** The story drawn into a fresh host element, its `play` done; returns the host. */
export async function renderStory(meta: AnyMeta, story: unknown): Promise<HTMLElement> {
  const s = story as AnyStory;
  const args = { ...(meta.args as Record<string, unknown>), ...s.args };
  const loaded = Object.assign({}, ...(await Promise.all((s.loaders ?? []).map((load) => load()))));
  const draw = s.render ?? (meta.render as NonNullable<AnyStory['render']>);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(draw(args, { loaded }), host);
  await s.play?.({ canvasElement: host });
  return host;
}
