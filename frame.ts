/**
 * `customers-console/frame`: the console side of framing, for a partner that hosts the framed page
 * itself. The page its server serves into the iframe (with the embed session the server opened, see
 * `customers-console/server`'s checks and README "Framing") calls:
 *
 * ```ts
 * import { readFramedSession, startFramedConsole } from 'customers-console/frame';
 * const session = readFramedSession(document);
 * if (session) startFramedConsole(document.querySelector('main')!, session);
 * ```
 *
 * It shows `<customer-console single-customer readonly>` for the session's customer, with an
 * HttpBackend on the session token (kept in memory, sent as a bearer header: no cookies), and the
 * bridge to the verified parent origin: `ready`, `resize`, `navigated`, `error` out; `navigate`,
 * `theme`, `sign-out` in. What the host asked to start with (theme, colour scheme, locale, route)
 * comes in the frame URL's fragment and applies before the first paint.
 */
import './components/customer-console/define.js';
import type { CustomerConsole } from './components/customer-console/define.js';
import { themeCss } from './components/shared/tokens.js';
import { HttpError } from './src/backend/errors.js';
import { HttpBackend } from './src/backend/http-backend.js';
import { createBridge, type Bridge } from './src/embed/bridge.js';
import { FRAMED_SESSION_ELEMENT_ID, FramedSession } from './src/embed/framed-session.js';
import { FRAME_START_PARAM, FrameStart, type ColorScheme, type HostCommand } from './src/embed/messages.js';

export { FramedSession, FRAMED_SESSION_ELEMENT_ID } from './src/embed/framed-session.js';

const TABS = ['dashboard', 'collaborators', 'settings'] as const;
type Tab = (typeof TABS)[number];

export interface FramedConsoleOptions {
  /** Texts of the console and its children (`<customer-console>`'s `strings`). */
  strings?: CustomerConsole['strings'];
  /** Where the page sends the session's DELETE on a host's `sign-out`; default `<api_base>/embed/session`. */
  signOutUrl?: string;
}

export interface FramedConsole {
  readonly element: CustomerConsole;
  readonly bridge: Bridge;
  /** Stops the bridge and removes the console. */
  destroy(): void;
}

/** The session the server put into `doc`, or null when there is none or it does not fit the schema. */
export function readFramedSession(doc: Document = document): FramedSession | null {
  const text = doc.getElementById(FRAMED_SESSION_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const parsed = FramedSession.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the host SDK asked to start with (the URL fragment: never sent to a server); invalid parts are ignored. */
export function readFrameStart(hash: string = location.hash): FrameStart {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(FRAME_START_PARAM);
  if (raw === null) return {};
  try {
    const parsed = FrameStart.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function applyTheme(root: HTMLElement, properties: Record<string, string> | undefined, scheme: ColorScheme | undefined): void {
  for (const [name, value] of Object.entries(properties ?? {})) root.style.setProperty(name, value);
  if (scheme) root.dataset['theme'] = scheme;
}

/** A heading and a line of text, set as text (never as HTML). */
function message(title: string, body: string): HTMLElement[] {
  const heading = document.createElement('h1');
  heading.textContent = title;
  const text = document.createElement('p');
  text.textContent = body;
  return [heading, text];
}

/** Shows the session's customer in `container` and talks to the parent; see the module comment. */
export function startFramedConsole(container: HTMLElement, session: FramedSession, options: FramedConsoleOptions = {}): FramedConsole {
  const page = document.documentElement;
  // Both token sets on the page, so `data-theme` on its root switches every element at once.
  const themes = new CSSStyleSheet();
  themes.replaceSync(`${themeCss('light')}\n${themeCss('dark')}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, themes];
  const begin = readFrameStart();
  applyTheme(page, begin.theme, begin.scheme);
  if (begin.locale) page.lang = begin.locale;
  // The token came in the frame's URL; drop it from history so a reload does not replay it.
  history.replaceState(null, '', location.pathname);

  let token: string | null = session.session;
  const id = session.customer_id;
  const bridge = createBridge({ origin: session.origin, onCommand: (command) => void handle(command) });
  const backend = new HttpBackend({ baseUrl: session.api_base, getToken: () => token ?? '', retries: 0 });
  // Every answer passes here: a session the server no longer knows ends the page, once.
  const watched = new Proxy(backend, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(onBackendError);
    },
  });

  const element = document.createElement('customer-console') as CustomerConsole;
  element.singleCustomer = true;
  element.readonly = true;
  element.customerId = id;
  element.tab = (begin.route === undefined ? null : tabOf(begin.route)) ?? 'dashboard';
  element.backend = watched;
  if (options.strings) element.strings = options.strings;
  element.addEventListener('customer-tab-change', (event) => bridge.send({ type: 'navigated', route: routeOf(event.detail.tab as Tab) }));
  container.replaceChildren(element);

  function routeOf(tab: Tab): string {
    return `customers/${id}/${tab}`;
  }

  /** The tab a route names for this session's customer; null for a route this session has no page for. */
  function tabOf(route: string): Tab | null {
    const path = route.split('?')[0]!.replace(/^\/+|\/+$/g, '');
    if (path === 'customers') return 'dashboard';
    const match = /^customers\/(\d+)(?:\/([a-z]+))?$/.exec(path);
    if (!match || Number(match[1]) !== id) return null;
    const tab = match[2] ?? 'dashboard';
    return (TABS as readonly string[]).includes(tab) ? (tab as Tab) : null;
  }

  async function handle(command: HostCommand): Promise<void> {
    if (command.type === 'navigate') {
      const tab = token === null ? null : tabOf(command.route);
      if (tab === null) {
        bridge.send({ type: 'error', code: 'bad-message', message: `No console route "${command.route}" for this session.` });
        return;
      }
      element.tab = tab;
      await element.updateComplete;
      bridge.send({ type: 'navigated', route: routeOf(tab) });
    } else if (command.type === 'theme') {
      applyTheme(page, command.properties, command.scheme);
    } else if (command.type === 'sign-out') await signOut();
  }

  function end(title: string, body: string): void {
    token = null;
    container.replaceChildren(...message(title, body));
  }

  function onBackendError(error: unknown): never {
    if (token !== null && error instanceof HttpError && error.status === 401) {
      end('Session ended', 'Open the console again from the partner page.');
      bridge.send({ type: 'error', code: 'session-expired', message: 'The embed session is no longer valid.' });
    }
    throw error;
  }

  async function signOut(): Promise<void> {
    if (token === null) {
      bridge.send({ type: 'signed-out' });
      return;
    }
    const response = await fetch(options.signOutUrl ?? `${session.api_base}/embed/session`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    }).catch(() => null);
    // 401 means the server no longer knows the session: it is just as ended.
    if (response && (response.ok || response.status === 401)) {
      end('Signed out', 'This console session has ended.');
      bridge.send({ type: 'signed-out' });
    } else {
      bridge.send({ type: 'error', code: 'backend', message: 'Signing out failed; the session may still be open.' });
    }
  }

  void (async () => {
    await element.updateComplete;
    bridge.observeHeight(container);
    bridge.send({ type: 'ready', route: routeOf(element.tab as Tab), customer_id: id });
  })();

  return {
    element,
    bridge,
    destroy() {
      bridge.destroy();
      element.remove();
    },
  };
}
