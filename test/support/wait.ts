/** Waiting for conditions, never for time: every helper resolves as soon as what it waits for holds. */

/** Resolves once `check` holds, polling each frame; fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await nextFrame();
  }
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The next `type` event on `target`; register it before acting. */
export function nextEvent<T extends Event = CustomEvent>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as T), { once: true }));
}
