/**
 * The list demo page that `npm start` opens: `<customer-console>` against the reference server's
 * SQLite backend through HttpBackend. The server hands loopback clients the API base and an admin
 * token at `<api>/demo-config.json`; a real partner page would get its token from its own login.
 *
 * The page lives at the site root, so the console's base path is its default ('' — the list at `/`,
 * a customer at `/customers/<id>/<tab>`); the reference server answers those addresses with this
 * page, so a reload or a shared link of a customer's page works.
 */
import '../components/customer-console/define.js';
import { themeStyles } from '../components/shared/tokens.js';

interface DemoConfig {
  api_base: string;
  token: string;
}

const DEMO_CONFIG_URL = '/api/demo-config.json';

document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeStyles.styleSheet!];

const status = document.querySelector<HTMLElement>('#status')!;
const slot = document.querySelector<HTMLElement>('#console-slot')!;
const themePicker = document.querySelector<HTMLSelectElement>('#theme')!;

function applyTheme(theme: string): void {
  document.documentElement.dataset['theme'] = theme;
  localStorage.setItem('customers-demo-theme', theme);
}
themePicker.value = localStorage.getItem('customers-demo-theme') === 'dark' ? 'dark' : 'light';
applyTheme(themePicker.value);
themePicker.addEventListener('change', () => applyTheme(themePicker.value));

async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch(DEMO_CONFIG_URL);
  if (!response.ok) throw new Error(`${DEMO_CONFIG_URL} answered ${response.status}`);
  const body = (await response.json()) as Partial<DemoConfig>;
  if (typeof body.api_base !== 'string' || typeof body.token !== 'string') throw new Error(`${DEMO_CONFIG_URL} has no api_base and token`);
  return { api_base: body.api_base, token: body.token };
}

async function start(): Promise<void> {
  const config = await loadConfig();
  // Typed as CustomerConsole through HTMLElementTagNameMap, which the define module brings in.
  const consoleEl = document.createElement('customer-console');
  consoleEl.getToken = () => config.token;
  consoleEl.setAttribute('api-base', config.api_base);
  slot.replaceChildren(consoleEl);
  status.remove();
}

start().catch((error: unknown) => {
  status.className = 'error';
  status.textContent = `Could not reach the reference server: ${error instanceof Error ? error.message : String(error)}. Start it with npm start.`;
});
