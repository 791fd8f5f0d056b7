// Types for minify-templates.mjs, which vite.config.ts (type-checked) and bench/size.mjs import.
import type { Plugin } from 'vite';

export interface TemplateEdit {
  start: number;
  end: number;
  text: string;
}
/** Minifies CSS in which U+0000 marks each interpolation of the template. */
export function minifyCss(text: string): string;
export function cssTemplateEdits(code: string, fileName: string): TemplateEdit[];
export function applyEdits(
  code: string,
  edits: TemplateEdit[],
  fileName: string,
): { code: string; map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string } };
export function minifyTemplates(): Plugin;
