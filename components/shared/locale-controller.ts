import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The nearest value of an attribute on the element or its ancestors, crossing shadow roots to their
 * hosts (an element inside `<customer-console>` follows the console's `lang`), else null.
 */
export function closestAttribute(element: Element, name: string, accept: (value: string) => boolean = (v) => v !== ''): string | null {
  for (let node: Element | null = element; node !== null; ) {
    const value = node.getAttribute(name);
    if (value !== null && accept(value)) return value;
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host ?? null);
  }
  return null;
}

const isDirection = (value: string) => value === 'ltr' || value === 'rtl';

const DEFAULT_NUMBER: Intl.NumberFormatOptions = {};
const numberFormats = new WeakMap<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>();
const dateFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function cached<O extends object, F>(cache: WeakMap<O, Map<string, F>>, options: O, locale: string, make: () => F): F {
  let byLocale = cache.get(options);
  if (!byLocale) cache.set(options, (byLocale = new Map()));
  let format = byLocale.get(locale);
  if (!format) byLocale.set(locale, (format = make()));
  return format;
}

/**
 * Hosts to update when a `lang` or `dir` changes anywhere in the document (rare, so every host
 * updates; each resolves its own value again).
 */
const hosts = new Set<ReactiveControllerHost>();
let documentObserver: MutationObserver | null = null;

/**
 * The locale and direction an element formats and lays out for: its own `lang`/`dir`, else the
 * nearest ancestor's (across shadow roots), else the document's. Formatters are cached per locale
 * and options object, so pass module-level option constants.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    if (documentObserver === null) {
      documentObserver = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
      documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      documentObserver?.disconnect();
      documentObserver = null;
    }
  }

  /** A BCP 47 tag, or '' for the browser's default. */
  get lang(): string {
    return closestAttribute(this.#host, 'lang') ?? '';
  }

  get dir(): 'ltr' | 'rtl' {
    return closestAttribute(this.#host, 'dir', isDirection) === 'rtl' ? 'rtl' : 'ltr';
  }

  numberFormat(options: Intl.NumberFormatOptions = DEFAULT_NUMBER): Intl.NumberFormat {
    const lang = this.lang;
    return cached(numberFormats, options, lang, () => new Intl.NumberFormat(lang || undefined, options));
  }

  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const lang = this.lang;
    return cached(dateFormats, options, lang, () => new Intl.DateTimeFormat(lang || undefined, options));
  }
}
