/**
 * The demo partner page: frames the console for each customer its host server lists, through the
 * host SDK, with a token fetched from "the partner's backend" (the host server's /partner/token).
 * It shows every event the console sends. `window.embedDemo` lets the end-to-end tests mount more.
 */
import { ConsoleRefusedError, mountConsole, type ConsoleEvent, type MountedConsole } from '../../src/embed/host.js';

interface HostConfig {
  console_url: string;
  label: string;
  frames: Array<{ customerId: number; note: string; claimOrigin?: string }>;
}

interface MountRequest {
  customerId: number;
  note?: string;
  /** Claim this origin instead of the page's own (to show that the browser still refuses). */
  claimOrigin?: string;
  /** Reuse a token (to show that the server refuses it). */
  token?: string;
  handshakeTimeoutMs?: number;
  /** What the console starts with (mountConsole's options of the same names). */
  theme?: Record<string, string>;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  route?: string;
  /** Renew an ended session in place with a fresh token from the partner backend (mountConsole's getToken). */
  renew?: boolean;
}

interface Mounted {
  console: MountedConsole;
  token: string;
  events: ConsoleEvent[];
  /** 'waiting' until `ready`, then 'ready'; 'refused: <code>' when the server refused; 'no handshake' when nothing came. */
  status: string;
}

const frames = document.getElementById('frames')!;
const mounted: Mounted[] = [];
let config: HostConfig;

async function partnerToken(customerId: number): Promise<string> {
  const response = await fetch(`/partner/token?customer=${customerId}`);
  if (!response.ok) throw new Error(`The partner backend refused a token (${response.status}).`);
  return ((await response.json()) as { token: string }).token;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

async function mount(request: MountRequest): Promise<number> {
  const index = mounted.length;
  const token = request.token ?? (await partnerToken(request.customerId));
  const section = document.createElement('section');
  section.className = 'frame';
  section.dataset['index'] = String(index);
  const title = document.createElement('h2');
  title.textContent = `Customer ${request.customerId}${request.note ? ` — ${request.note}` : ''}`;
  const status = document.createElement('p');
  status.className = 'status';
  status.textContent = 'Waiting for the console…';
  const log = document.createElement('ol');
  log.className = 'log';
  log.setAttribute('aria-label', 'Events from the console');
  const container = document.createElement('div');
  section.append(title, status, container, log);
  frames.append(section);

  const entry: Mounted = { console: undefined as unknown as MountedConsole, token, events: [], status: 'waiting' };
  mounted.push(entry);
  entry.console = mountConsole(container, {
    url: config.console_url,
    token,
    ...(request.renew ? { getToken: () => partnerToken(request.customerId) } : {}),
    ...(request.theme ? { theme: request.theme } : {}),
    ...(request.colorScheme ? { colorScheme: request.colorScheme } : {}),
    ...(request.locale ? { locale: request.locale } : {}),
    ...(request.route ? { route: request.route } : {}),
    ...(request.claimOrigin ? { origin: request.claimOrigin } : {}),
    ...(request.handshakeTimeoutMs ? { handshakeTimeoutMs: request.handshakeTimeoutMs } : {}),
    onEvent(event) {
      entry.events.push(event);
      const item = document.createElement('li');
      item.textContent = JSON.stringify(event);
      log.append(item);
    },
  });
  entry.console.ready.then(
    (ready) => {
      entry.status = 'ready';
      status.textContent = `Ready (route ${ready.route}).`;
    },
    (error: Error) => {
      if (error instanceof ConsoleRefusedError) {
        entry.status = `refused: ${error.code}`;
        status.textContent = `Refused (${error.code}): ${error.message}`;
      } else {
        entry.status = 'no handshake';
        status.textContent = `No handshake: ${error.message}`;
      }
    },
  );
  const c = entry.console;
  section.insertBefore(
    Object.assign(document.createElement('div'), { className: 'controls' }),
    container,
  ).append(
    button('List', () => c.navigate('customers')),
    button('Settings', () => c.navigate(`customers/${request.customerId}/settings`)),
    button('Collaborators', () => c.navigate(`customers/${request.customerId}/collaborators`)),
    button('Dark theme', () => c.setTheme({}, 'dark')),
    button('Light theme', () => c.setTheme({}, 'light')),
    button('Sign out', () => void c.signOut()),
  );
  return index;
}

declare global {
  interface Window {
    embedDemo: { mount: typeof mount; mounted: Mounted[]; partnerToken: typeof partnerToken; ready: Promise<void> };
  }
}

const ready = (async () => {
  document.getElementById('origin')!.textContent = location.origin;
  config = (await (await fetch('/host-config.json')).json()) as HostConfig;
  document.getElementById('label')!.textContent = config.label;
  document.title = config.label;
  // `?manual` leaves the page empty for tests that mount their own frames.
  if (!new URLSearchParams(location.search).has('manual')) {
    for (const frame of config.frames) await mount(frame);
  }
})();
window.embedDemo = { mount, mounted, partnerToken, ready };
