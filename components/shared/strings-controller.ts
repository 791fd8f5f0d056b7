/**
 * Every element's text is one object of English defaults that a partner overrides in part through
 * the element's `strings` property. Nested groups (such as `status`) merge one level deep, so a
 * translation of one status keeps the others.
 */

/** A partial override: top-level texts, and nested groups that may themselves be partial. */
export type StringsOverride<S> = {
  [K in keyof S]?: S[K] extends (...args: never[]) => unknown ? S[K] : S[K] extends object ? Partial<S[K]> : S[K];
};

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The defaults with an override applied; the defaults themselves when there is nothing to apply. */
export function mergeStrings<S extends object>(defaults: S, override: StringsOverride<S> | undefined): S {
  if (!override || Object.keys(override).length === 0) return defaults;
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] = isGroup(base) && isGroup(value) ? { ...base, ...value } : value;
  }
  return merged as S;
}

/** An element with the kit's `strings` property. */
export interface StringsHost<S> {
  strings: StringsOverride<S> | undefined;
}

/**
 * The texts an element shows: computed again only when its `strings` property is replaced (read
 * it anywhere, in `willUpdate` or `render`, at no cost).
 */
export class StringsController<S extends object> {
  readonly #host: StringsHost<S>;
  readonly #defaults: S;
  #source: StringsOverride<S> | undefined;
  #value: S;

  constructor(host: StringsHost<S>, defaults: S) {
    this.#host = host;
    this.#defaults = defaults;
    this.#value = defaults;
  }

  get value(): S {
    const source = this.#host.strings;
    if (source !== this.#source) {
      this.#source = source;
      this.#value = mergeStrings(this.#defaults, source);
    }
    return this.#value;
  }
}
