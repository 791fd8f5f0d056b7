/**
 * The list demo page that `npm start` opens: `<customer-console>` against the reference server's
 * SQLite backend through HttpBackend. The server hands loopback clients the API base and an admin
 * token at `<api>/demo-config.json`; a real partner page would get its token from its own login.
 */
import '../components/customer-console/define.js';
import { themeStyles } from '../components/shared/tokens.js';
import { HttpBackend } from '../src/backend/http-backend.js';
import type { Customer } from '../src/model/schemas.js';

interface DemoConfig {
  api_base: string;
  token: string;
}

const DEMO_CONFIG_URL = '/api/demo-config.json';

document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeStyles.styleSheet!];

const status = document.querySelector<HTMLElement>('#status')!;
const slot = document.querySelector<HTMLElement>('#console-slot')!;
const selection = document.querySelector<HTMLElement>('#selection')!;
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

/** A short summary of the opened customer, until the console's own detail view arrives. */
function showCustomer(customer: Customer): void {
  const rows: [string, string][] = [
    ['User ID', String(customer.id)],
    ['External ID', customer.external_id ?? '—'],
    ['Plan', customer.plan_id],
    ['Notification email', customer.notification_email],
    ['Tasks used', `${customer.tasks_used} / ${customer.task_limit}`],
    ['Connections', `${customer.connections} / ${customer.connection_limit}`],
  ];
  const heading = document.createElement('h2');
  heading.textContent = customer.name;
  const list = document.createElement('dl');
  for (const [term, value] of rows) {
    list.append(Object.assign(document.createElement('dt'), { textContent: term }));
    list.append(Object.assign(document.createElement('dd'), { textContent: value }));
  }
  const note = Object.assign(document.createElement('p'), {
    textContent: 'The full detail view (dashboard, collaborators, settings) comes in a later release.',
  });
  selection.replaceChildren(heading, list, note);
}

async function start(): Promise<void> {
  const config = await loadConfig();
  const getToken = () => config.token;
  // Typed as CustomerConsole through HTMLElementTagNameMap, which the define module brings in.
  const consoleEl = document.createElement('customer-console');
  consoleEl.getToken = getToken;
  consoleEl.setAttribute('api-base', config.api_base);
  // The page's own client, for the summary below the list.
  const backend = new HttpBackend({ baseUrl: config.api_base, getToken });
  consoleEl.addEventListener('customer-select', (event) => {
    selection.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Loading customer…' }));
    backend.getCustomer(event.detail.id).then(showCustomer, (error: unknown) => {
      selection.replaceChildren(
        Object.assign(document.createElement('p'), {
          className: 'error',
          textContent: `Could not load customer ${event.detail.id}: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    });
  });
  slot.replaceChildren(consoleEl);
  status.remove();
}

start().catch((error: unknown) => {
  status.className = 'error';
  status.textContent = `Could not reach the reference server: ${error instanceof Error ? error.message : String(error)}. Start it with npm start.`;
});
