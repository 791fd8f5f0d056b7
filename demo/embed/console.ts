/**
 * The framed console page: `<customer-console single-customer readonly>` for the embed session's
 * customer, the same element a partner puts in its own page, with its theming, parts, strings and
 * locale. The server injects the session (token, customer, verified parent origin) into the page;
 * the token stays in this frame's memory and goes out as a bearer header only, so nothing depends
 * on third-party cookies. The bridge talks to the verified origin only.
 *
 * Routes the host may ask for (and hears back in `navigated`): `customers/<id>/dashboard`,
 * `…/collaborators`, `…/settings`; `customers` and `customers/<id>` are the dashboard, since an
 * embed session reaches only its own customer.
 */
import '../../components/customer-console/define.js';
import type { CustomerConsole } from '../../components/customer-console/define.js';
import { createBridge } from '../../src/embed/bridge.js';
import { FRAME_START_PARAM, FrameStart, type ColorScheme, type HostCommand } from '../../src/embed/messages.js';
import { themeCss } from '../../components/shared/tokens.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { HttpError } from '../../src/backend/errors.js';
import type { EmbedPageSession } from '../server/embed.js';

const TABS = ['dashboard', 'collaborators', 'settings'] as const;
type Tab = (typeof TABS)[number];

const root = document.getElementById('console')!;

// Both token sets on the page, so `data-theme` on its root switches every element at once.
const themes = new CSSStyleSheet();
themes.replaceSync(`${themeCss('light')}\n${themeCss('dark')}`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, themes];

/** What the host SDK asked to start with (the URL fragment: never sent to a server); invalid parts are ignored. */
function readStart(): FrameStart {
  const raw = new URLSearchParams(location.hash.slice(1)).get(FRAME_START_PARAM);
  if (raw === null) return {};
  try {
    const parsed = FrameStart.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function applyTheme(properties: Record<string, string> | undefined, scheme: ColorScheme | undefined): void {
  for (const [name, value] of Object.entries(properties ?? {})) document.documentElement.style.setProperty(name, value);
  if (scheme) document.documentElement.dataset['theme'] = scheme;
}

function readSession(): EmbedPageSession | null {
  const script = document.getElementById('embed-session');
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as EmbedPageSession;
  } catch {
    return null;
  }
}

/** A heading and a line of text, set as text (never as HTML). */
function message(title: string, body: string): HTMLElement[] {
  const heading = document.createElement('h1');
  heading.textContent = title;
  const text = document.createElement('p');
  text.textContent = body;
  return [heading, text];
}

const session = readSession();
if (!session) root.replaceChildren(...message('Customers console', 'This page opens through /embed/console with an embed token from the partner.'));
else start(session);

function start(session: EmbedPageSession): void {
  const begin = readStart();
  applyTheme(begin.theme, begin.scheme);
  if (begin.locale) document.documentElement.lang = begin.locale;
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

  const consoleElement = document.createElement('customer-console') as CustomerConsole;
  consoleElement.singleCustomer = true;
  consoleElement.readonly = true;
  consoleElement.customerId = id;
  consoleElement.tab = (begin.route === undefined ? null : tabOf(begin.route)) ?? 'dashboard';
  consoleElement.backend = watched;
  consoleElement.addEventListener('customer-tab-change', (event) => bridge.send({ type: 'navigated', route: routeOf(event.detail.tab as Tab) }));
  root.replaceChildren(consoleElement);

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
      consoleElement.tab = tab;
      await consoleElement.updateComplete;
      bridge.send({ type: 'navigated', route: routeOf(tab) });
    } else if (command.type === 'theme') {
      applyTheme(command.properties, command.scheme);
    } else if (command.type === 'sign-out') await signOut();
  }

  function end(title: string, body: string): void {
    token = null;
    root.replaceChildren(...message(title, body));
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
    const response = await fetch(`${session.api_base}/embed/session`, {
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
    await consoleElement.updateComplete;
    bridge.observeHeight(root);
    bridge.send({ type: 'ready', route: routeOf(consoleElement.tab as Tab), customer_id: id });
  })();
}
