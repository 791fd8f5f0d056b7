/**
 * `customers-console/embed`: the host SDK a partner page uses to frame the console.
 *
 * ```ts
 * const console = mountConsole(document.querySelector('#console')!, {
 *   url: 'https://console.example.com/embed/console',
 *   token, // minted by the partner's backend for one customer
 *   onEvent: (event) => { if (event.type === 'customer-select') … },
 * });
 * await console.ready;
 * ```
 *
 * The SDK listens only to its own frame: a message counts only when `event.source` is the frame's
 * window and `event.origin` is the console's origin (taken from `url`), and it is parsed with the
 * protocol schema. Commands are posted to the console's origin, never `*`.
 */
import {
  ConsoleMessage,
  FRAME_START_PARAM,
  isEmbedRefusal,
  unwrap,
  wrap,
  type ColorScheme,
  type ConsoleEvent,
  type EmbedRefusal,
  type FrameStart,
  type HostCommand,
} from './messages.js';

export type { ColorScheme, ConsoleEvent, EmbedRefusal, HostCommand } from './messages.js';
export { EMBED_PROTOCOL_VERSION, EMBED_REFUSALS } from './messages.js';

/**
 * `ready` rejects with this when the console's server refused to open the session: the origin is
 * not allowed, the token expired, was used already or is not valid… `code` says which.
 */
export class ConsoleRefusedError extends Error {
  override readonly name = 'ConsoleRefusedError';
  constructor(
    readonly code: EmbedRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface MountOptions {
  /** The console page endpoint, e.g. `https://console.example.com/embed/console`. */
  url: string;
  /**
   * The signed embed token (JWT) the partner's backend minted for one customer. Single use. Leave
   * it out when `getToken` is given: the SDK asks for the first one too.
   */
  token?: string;
  /**
   * Mints a fresh embed token (your backend's endpoint). With it, a session that expires or is
   * ended on the server is renewed in place: the frame reopens on the page it showed, with a new
   * token, and fires `ready` again; without it, the host gets the `session-expired` error only.
   */
  getToken?: () => Promise<string>;
  /** CSS custom properties the console starts with (as `setTheme` later), so its first paint is themed. */
  theme?: Record<string, string>;
  /** The kit's light or dark token set to start with. */
  colorScheme?: ColorScheme;
  /** The console's language (BCP 47, e.g. `de-DE`): how it formats numbers and dates. */
  locale?: string;
  /** The route to open first, e.g. `customers/42/settings`; default the customer's dashboard. */
  route?: string;
  /** This page's origin as the server should check it; defaults to `location.origin`. */
  origin?: string;
  /**
   * Every event the console sends: `ready`, `resize`, `navigated`, `customer-select`, `error`,
   * `signed-out`. A refused session sends `error` with the refusal's code (EMBED_REFUSALS) at once.
   */
  onEvent?: (event: ConsoleEvent) => void;
  /** Accessible name of the frame. Default "Customers console". */
  title?: string;
  /**
   * How long to wait for `ready` before `ready` rejects. Default 15000 ms. A refusal the server
   * states does not wait for it; a frame the browser blocks (frame-ancestors) does.
   */
  handshakeTimeoutMs?: number;
}

export type ReadyEvent = Extract<ConsoleEvent, { type: 'ready' }>;

export interface MountedConsole {
  readonly frame: HTMLIFrameElement;
  /**
   * Resolves with the console's `ready` event. Rejects with ConsoleRefusedError as soon as the
   * server refuses the session, else with an Error if `ready` does not come in time or on destroy.
   */
  readonly ready: Promise<ReadyEvent>;
  /** Opens a console route, e.g. `customers/42/settings`. Sent once the console is ready. */
  navigate(route: string): void;
  /**
   * Sets CSS custom properties in the console, e.g. `{ '--customers-console-color-accent': '#5b3cc4' }`,
   * and optionally switches its token set (`'dark'`).
   */
  setTheme(properties: Record<string, string>, scheme?: ColorScheme): void;
  /** Ends the session on the server; resolves when the console confirms it. */
  signOut(): Promise<void>;
  /** Removes the frame and every listener. */
  destroy(): void;
}

/** The frame's address: the endpoint with the token and origin, and what to start with in the fragment. */
function frameUrl(options: MountOptions, token: string, route: string | undefined): URL {
  const src = new URL(options.url, location.href);
  src.searchParams.set('token', token);
  src.searchParams.set('origin', options.origin ?? location.origin);
  const start: FrameStart = {
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.colorScheme ? { scheme: options.colorScheme } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(route ? { route } : {}),
  };
  src.hash = Object.keys(start).length > 0 ? new URLSearchParams({ [FRAME_START_PARAM]: JSON.stringify(start) }).toString() : '';
  return src;
}

/** A renewal at most this often: a backend that keeps ending sessions must not make the frame spin. */
const MIN_RENEWAL_INTERVAL_MS = 10_000;

export function mountConsole(container: HTMLElement, options: MountOptions): MountedConsole {
  const endpoint = new URL(options.url, location.href);
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
    throw new Error(`mountConsole: url must be an http(s) URL, not ${endpoint.protocol}`);
  }
  if (options.token === undefined && options.getToken === undefined) throw new Error('mountConsole: give a token or getToken');
  const consoleOrigin = endpoint.origin;

  const frame = document.createElement('iframe');
  frame.title = options.title ?? 'Customers console';
  // 150px (the browser's default) until the first `resize`, so an error page in the frame is readable.
  frame.style.cssText = 'display:block;inline-size:100%;block-size:150px;border:0;';
  frame.referrerPolicy = 'origin';

  let isReady = false;
  let destroyed = false;
  /** Where the console is, for a renewed session to reopen there. */
  let route = options.route;
  let lastRenewal = -Infinity;
  const queued: HostCommand[] = [];
  const signOuts: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let resolveReady!: (event: ReadyEvent) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<ReadyEvent>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A rejection nobody awaits (the caller only uses onEvent) must not surface as unhandled.
  ready.catch(() => {});

  const post = (command: HostCommand) => {
    if (destroyed) return;
    if (!isReady) {
      queued.push(command);
      return;
    }
    frame.contentWindow?.postMessage(wrap(command), consoleOrigin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== consoleOrigin) return;
    const parsed = ConsoleMessage.safeParse(event.data);
    if (!parsed.success) return;
    const message = unwrap(parsed.data) as ConsoleEvent;
    if (message.type === 'ready') {
      route = message.route;
      if (!isReady) {
        isReady = true;
        clearTimeout(timer);
        resolveReady(message);
        for (const command of queued.splice(0)) post(command);
      }
    } else if (message.type === 'navigated') {
      route = message.route;
    } else if (message.type === 'error' && message.code === 'session-expired' && options.getToken) {
      void renew();
    } else if (message.type === 'resize') {
      frame.style.blockSize = `${message.height}px`;
    } else if (message.type === 'error' && !isReady && isEmbedRefusal(message.code)) {
      clearTimeout(timer);
      rejectReady(new ConsoleRefusedError(message.code, message.message));
    } else if (message.type === 'signed-out') {
      for (const pending of signOuts.splice(0)) pending.resolve();
    }
    options.onEvent?.(message);
  };
  window.addEventListener('message', onMessage);

  const timeoutMs = options.handshakeTimeoutMs ?? 15_000;
  const timer = setTimeout(() => {
    rejectReady(new Error(`The console at ${consoleOrigin} did not complete the handshake within ${timeoutMs} ms.`));
  }, timeoutMs);

  /** Reopens the frame with a fresh token on the page it showed (the SDK's `getToken`). */
  const renew = async () => {
    const now = Date.now();
    if (now - lastRenewal < MIN_RENEWAL_INTERVAL_MS) return;
    lastRenewal = now;
    try {
      const token = await options.getToken!();
      if (!destroyed) frame.src = frameUrl(options, token, route).href;
    } catch (error) {
      options.onEvent?.({ type: 'error', code: 'session-expired', message: `Renewing the session failed: ${String(error)}`.slice(0, 500) });
    }
  };

  void (async () => {
    try {
      const token = options.token ?? (await options.getToken!());
      if (destroyed) return;
      frame.src = frameUrl(options, token, route).href;
    } catch (error) {
      clearTimeout(timer);
      rejectReady(new Error(`mountConsole: getToken failed: ${String(error)}`));
    }
  })();
  container.append(frame);

  return {
    frame,
    ready,
    navigate: (route) => post({ type: 'navigate', route }),
    setTheme: (properties, scheme) => post({ type: 'theme', properties, ...(scheme ? { scheme } : {}) }),
    signOut() {
      if (destroyed) return Promise.reject(new Error('The console was destroyed.'));
      return new Promise<void>((resolve, reject) => {
        signOuts.push({ resolve, reject });
        post({ type: 'sign-out' });
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      rejectReady(new Error('The console was destroyed.'));
      for (const pending of signOuts.splice(0)) pending.reject(new Error('The console was destroyed.'));
      frame.remove();
    },
  };
}
