/**
 * Backends that behave differently for one call, for the customer page's element tests: a real
 * MemoryBackend underneath, with the calls a test is about replaced (to fail once, to answer late,
 * to record what was sent). Everything not replaced is the MemoryBackend's own answer.
 */
import type { Backend } from '../../src/backend/backend.js';

/** `inner` with some of its calls replaced; the rest bound to `inner`. */
export function overriding(inner: Backend, overrides: Partial<Backend>): Backend {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof Backend];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise the test settles when it chooses (an answer that arrives late, or out of order). */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
