// Custom elements manifest from the elements' JSDoc, describing the package as shipped (dist paths,
// definitions, typed events: scripts/manifest-plugins.mjs), plus the editor data made from it:
// VS Code custom data and JetBrains web-types in dist/. Storybook's docs read it too.
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { packageManifestPlugin } from './scripts/manifest-plugins.mjs';

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/define.ts', '**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    packageManifestPlugin(),
    customElementVsCodePlugin({ outdir: 'dist', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: 'dist', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
  ],
};
