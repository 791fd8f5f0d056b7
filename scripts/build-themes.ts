// `npm run build`'s last step: writes the page stylesheets partners import as
// `customers-console/themes/light.css` and `/themes/dark.css`, from components/shared/tokens.ts
// (the one source of the tokens), into dist/themes/ — or the folder given as the first argument.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { themeCss, type ThemeName } from '../components/shared/tokens.js';

const THEMES: ThemeName[] = ['light', 'dark'];

export function writeThemes(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return THEMES.map((name) => {
    const file = join(outDir, `${name}.css`);
    writeFileSync(file, themeCss(name));
    return file;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? join(import.meta.dirname, '..', 'dist', 'themes');
  for (const file of writeThemes(outDir)) console.log(`wrote ${file}`);
}
