// Types for minify-templates.mjs, which vite.config.ts, web-test-runner.config.mjs (type-checked)
// and the benchmarks import.
import type { Plugin } from 'vite';

export interface TemplateEdit {
  start: number;
  end: number;
  text: string;
}
export interface MinifiedModule {
  code: string;
  map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string };
}
/** Minifies CSS in which U+0000 marks each interpolation of the template. */
export function minifyCss(text: string): string;
/** Minifies the markup of an `html` template in which U+0000 marks each interpolation. */
export function minifyHtml(text: string): string;
/** Edits for the templates tagged with one of `tags` (default `css` and `html`). */
export function templateEdits(code: string, fileName: string, tags?: readonly ('css' | 'html')[]): TemplateEdit[];
export function cssTemplateEdits(code: string, fileName: string): TemplateEdit[];
export function htmlTemplateEdits(code: string, fileName: string): TemplateEdit[];
export function applyEdits(code: string, edits: TemplateEdit[], fileName: string): MinifiedModule;
/** The module with its templates minified, or null for a dependency or when nothing changes. */
export function minifyModuleTemplates(code: string, id: string): MinifiedModule | null;
export function minifyTemplates(): Plugin;
/** The same transform as a @web/dev-server plugin (for web-test-runner). */
export function minifyTemplatesDevServer(): {
  name: string;
  transform(context: { body: unknown; path: string }): { body: string } | undefined;
};
