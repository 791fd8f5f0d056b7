// Custom elements manifest from the elements' JSDoc; Storybook's docs read it (see .storybook/preview.ts).
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/define.ts', '**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
