import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './scripts/chromium-path.mjs';
import { minifyTemplatesDevServer } from './scripts/minify-templates.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

/** Counts every test of the run into .tmp/browser-summary.json so `npm test` can print one total line. */
function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        // A file that failed to load has no tests but errors: count it as one failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('.tmp', { recursive: true });
      writeFileSync('.tmp/browser-summary.json', JSON.stringify({ passed, failed, skipped }));
    },
  };
}

/**
 * `emulateMedia` from @web/test-runner-commands drops `forcedColors` under puppeteer (our Chromium
 * launcher), so the forced-colours tests ask for it with this command instead: the same DevTools
 * emulation, which makes Chromium apply its forced palette as Windows High Contrast would.
 */
function forcedColorsPlugin() {
  // Puppeteer's emulateMediaFeatures refuses forced-colors, so this speaks DevTools protocol itself;
  // one session per page, kept, because an emulation ends when its session detaches.
  const sessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = [{ name: 'forced-colors', value: payload?.forcedColors === 'active' ? 'active' : 'none' }];
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [
    forcedColorsPlugin(),
    // The templates' whitespace as the library build ships it (before esbuild, on the TypeScript as
    // written), so the DOM the tests count and query is the DOM partners get.
    minifyTemplatesDevServer(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  reporters: [defaultReporter(), totalsReporter()],
};
