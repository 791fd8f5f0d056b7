// `npm test`: the Node suites (unit, reference server, contract, end-to-end) with node:test, then the
// element tests in Chromium with web-test-runner; ends with one plain "N passed, M failed" line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, INSTALL_HINT } from './chromium-path.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
process.env.CHROME_PATH = chromium;

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** Runs a command, echoing its output, and resolves with its exit code and everything it printed. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const nodeFiles = [...testFiles('test/unit'), ...testFiles('test/server'), ...testFiles('test/e2e')];
let passed = 0;
let failed = 0;
let ok = true;

if (nodeFiles.length > 0) {
  console.log(`\n# Node: ${nodeFiles.length} test files (unit, reference server, contract, end-to-end)\n`);
  const node = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeFiles]);
  const count = (label) => Number(node.output.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  if (node.code !== 0) {
    ok = false;
    if (count('fail') === 0) failed += 1; // the runner itself failed (a file that did not load)
  }
}

console.log('\n# Browser: element tests in Chromium (web-test-runner)\n');
rmSync('.tmp/browser-summary.json', { force: true });
const browser = await run('npx', ['web-test-runner', ...process.argv.slice(2)]);
const summaryPath = '.tmp/browser-summary.json';
if (existsSync(summaryPath)) {
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
  passed += summary.passed;
  failed += summary.failed;
} else {
  failed += 1;
}
if (browser.code !== 0) ok = false;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
