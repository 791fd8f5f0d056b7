/**
 * Waiting for a condition from Node (the end-to-end tests, which ask a page or the API): resolves as
 * soon as `check` holds, asking again every `everyMs`; fails naming `what` after `timeoutMs`. The
 * browser tests' counterpart is `until` in wait.ts (polled each frame).
 */
import assert from 'node:assert/strict';

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
