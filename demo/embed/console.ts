/**
 * The framed console page. The server injects the embed session (token, customer, verified parent
 * origin) into the page; the token stays in this frame's memory and goes out as a bearer header
 * only, so nothing depends on third-party cookies. The bridge talks to the verified origin only.
 *
 * An embed session is scoped to one customer, so the page shows that customer: a one-row customer
 * list (`customers`, selecting the row fires `customer-select`) and the customer's Dashboard,
 * Collaborators and Settings (`customers/:id/...`). Every value is set as text, never as HTML.
 */
import { createBridge } from '../../src/embed/bridge.js';
import type { HostCommand } from '../../src/embed/messages.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { HttpError } from '../../src/backend/errors.js';
import { customerStatus, statusLabel } from '../../src/model/rules.js';
import type { Customer } from '../../src/model/schemas.js';
import type { EmbedPageSession } from '../server/embed.js';

/** What the server injected into this page; the type lives beside the code that writes it. */
type PageSession = EmbedPageSession;

const root = document.getElementById('console')!;

type Child = Node | string | null | false | undefined;
/** Builds an element; strings become text nodes, so names like `<img onerror>` stay text. */
function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

function readSession(): PageSession | null {
  const script = document.getElementById('embed-session');
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as PageSession;
  } catch {
    return null;
  }
}

const session = readSession();
if (!session) {
  root.replaceChildren(h('p', {}, 'This page opens through /embed/console with an embed token from the partner.'));
} else {
  start(session);
}

function start(session: PageSession): void {
  // The token came in the frame's URL; drop it from history so a reload does not replay it.
  history.replaceState(null, '', location.pathname);

  let token: string | null = session.session;
  const backend = new HttpBackend({ baseUrl: session.api_base, getToken: () => token ?? '', retries: 0 });
  const id = session.customer_id;
  let route = 'customers';
  let customer: Customer | null = null;
  let rendering: AbortController | null = null;

  const bridge = createBridge({ origin: session.origin, onCommand: (command) => void handle(command) });

  async function handle(command: HostCommand): Promise<void> {
    if (command.type === 'navigate') await go(command.route);
    else if (command.type === 'theme') {
      for (const [name, value] of Object.entries(command.properties)) document.documentElement.style.setProperty(name, value);
    } else if (command.type === 'sign-out') await signOut();
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
      token = null;
      rendering?.abort();
      root.replaceChildren(h('h1', {}, 'Signed out'), h('p', {}, 'This console session has ended.'));
      bridge.send({ type: 'signed-out' });
    } else {
      bridge.send({ type: 'error', code: 'backend', message: 'Signing out failed; the session may still be open.' });
    }
  }

  /** Known routes: `customers`, `customers/:id`, `customers/:id/(dashboard|collaborators|settings)`. */
  function parseRoute(text: string): { view: 'list' | 'dashboard' | 'collaborators' | 'settings' } | null {
    const path = text.split('?')[0]!.replace(/^\/+|\/+$/g, '');
    if (path === '' || path === 'customers') return { view: 'list' };
    const match = /^customers\/(\d+)(?:\/(dashboard|collaborators|settings))?$/.exec(path);
    if (!match || Number(match[1]) !== id) return null;
    return { view: (match[2] as 'dashboard' | 'collaborators' | 'settings' | undefined) ?? 'dashboard' };
  }

  async function go(next: string, announce = true): Promise<void> {
    if (token === null) return;
    const parsed = parseRoute(next);
    if (!parsed) {
      bridge.send({ type: 'error', code: 'bad-message', message: `No console route "${next}" for this session.` });
      return;
    }
    route = next;
    await render(parsed.view);
    if (announce) bridge.send({ type: 'navigated', route });
  }

  async function render(view: 'list' | 'dashboard' | 'collaborators' | 'settings'): Promise<void> {
    rendering?.abort();
    const controller = new AbortController();
    rendering = controller;
    const signal = controller.signal;
    try {
      customer ??= await backend.getCustomer(id, { signal });
      const c = customer;
      if (view === 'list') {
        const select = h('button', { type: 'button', 'data-customer': String(c.id) }, c.name);
        select.addEventListener('click', () => {
          bridge.send({ type: 'customer-select', customer_id: c.id });
          void go(`customers/${c.id}`);
        });
        root.replaceChildren(
          h('h1', {}, 'Customers'),
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Plan'), h('th', {}, 'Status'), h('th', {}, 'Tasks used'))),
            h(
              'tbody',
              {},
              h(
                'tr',
                {},
                h('td', {}, select, c.external_id ? h('span', { class: 'muted' }, ` (${c.external_id})`) : null),
                h('td', {}, c.plan_id),
                h('td', {}, statusLabel(customerStatus(c, new Date()))),
                h('td', {}, `${c.tasks_used} / ${c.task_limit}`),
              ),
            ),
          ),
        );
        return;
      }
      const tabs = (['dashboard', 'collaborators', 'settings'] as const).map((tab) => {
        const button = h('button', { type: 'button', 'data-tab': tab }, tab[0]!.toUpperCase() + tab.slice(1));
        if (tab === view) button.setAttribute('aria-current', 'page');
        button.addEventListener('click', () => void go(`customers/${c.id}/${tab}`));
        return button;
      });
      const back = h('button', { type: 'button', 'data-back': '' }, '← All customers');
      back.addEventListener('click', () => void go('customers'));
      const body = await viewBody(view, c, signal);
      root.replaceChildren(
        back,
        h('h1', {}, c.name),
        h('p', { class: 'muted' }, `${statusLabel(customerStatus(c, new Date()))} · plan ${c.plan_id} · User ID ${c.id}`),
        h('nav', { 'aria-label': 'Customer' }, ...tabs),
        body,
      );
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof HttpError && error.status === 401) {
        token = null;
        root.replaceChildren(h('h1', {}, 'Session ended'), h('p', {}, 'Open the console again from the partner page.'));
        bridge.send({ type: 'error', code: 'session-expired', message: 'The embed session is no longer valid.' });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      root.replaceChildren(h('p', { role: 'alert' }, `Could not load the customer: ${message}`));
      bridge.send({ type: 'error', code: 'backend', message: message.slice(0, 500) });
    }
  }

  async function viewBody(view: 'dashboard' | 'collaborators' | 'settings', c: Customer, signal: AbortSignal): Promise<HTMLElement> {
    if (view === 'dashboard') {
      const stats = await backend.getDashboard(c.id, '30d', { signal });
      const total = stats.successful_jobs + stats.failed_jobs;
      const rate = (n: number) => (total === 0 ? '—' : `${((n / total) * 100).toFixed(1)} %`);
      return h(
        'section',
        { 'aria-label': 'Dashboard, last 30 days' },
        h(
          'dl',
          {},
          h('dt', {}, 'Active recipes'), h('dd', {}, String(stats.active_recipes)),
          h('dt', {}, 'Successful jobs'), h('dd', {}, `${stats.successful_jobs} (${rate(stats.successful_jobs)})`),
          h('dt', {}, 'Failed jobs'), h('dd', {}, `${stats.failed_jobs} (${rate(stats.failed_jobs)})`),
          h('dt', {}, 'Tasks used'), h('dd', {}, `${c.tasks_used} / ${c.task_limit}`),
          h('dt', {}, 'Connections'), h('dd', {}, `${c.connections} / ${c.connection_limit}`),
        ),
      );
    }
    if (view === 'collaborators') {
      const people = await backend.listCollaborators(c.id, { signal });
      return h(
        'section',
        { 'aria-label': 'Collaborators' },
        people.length === 0
          ? h('p', {}, 'No collaborators yet.')
          : h(
              'ul',
              {},
              ...people.map((p) =>
                h('li', {}, `${p.name} — ${p.email} — ${p.role}`, p.customer_manager ? h('span', { class: 'tag' }, ' Customer manager') : null),
              ),
            ),
      );
    }
    const inherited = session!.origin_source === 'partner';
    return h(
      'section',
      { 'aria-label': 'Settings' },
      h(
        'dl',
        {},
        h('dt', {}, 'Name'), h('dd', {}, c.name),
        h('dt', {}, 'External ID'), h('dd', {}, c.external_id ?? '—'),
        h('dt', {}, 'User ID'), h('dd', {}, String(c.id)),
        h('dt', {}, 'Iframe origins'),
        h('dd', { 'data-origins': inherited ? 'inherited' : 'own' }, inherited ? "Inherited from the partner's list" : c.origins.join(', ')),
        h('dt', {}, 'This frame'), h('dd', {}, `opened from ${session!.origin}`),
      ),
    );
  }

  void (async () => {
    await go(route, false);
    bridge.observeHeight(root);
    bridge.send({ type: 'ready', route, customer_id: id });
  })();
}
