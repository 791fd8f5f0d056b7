/**
 * Embedding end to end, in Chromium, across sites: the reference server (console) on 127.0.0.1, the
 * partner's host page on 127.0.0.2 (on the lists) and a stranger's on 127.0.0.3 (on no list).
 * Different IP hosts are different sites, so the frame is cross-site: no third-party cookies would
 * reach it, and the session must (and does) live in the frame's memory.
 *
 * The pages are built with Vite from demo/embed into a temp dir; everything stops by itself.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';
import { startServer, type RunningServer } from '../../demo/server/server.js';
import { prepareEmbedDemo, startPartnerHost, type RunningHost } from '../../demo/server/embed.js';
import { EMBED_CHANNEL, EMBED_PROTOCOL_VERSION, type ConsoleEvent } from '../../src/embed/messages.js';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

const REPO = join(import.meta.dirname, '..', '..');
const CHROME = findChromium() ?? '/usr/bin/chromium';
const TEST = { timeout: 60_000 };
/** Long enough for a real handshake on a busy machine, short enough to wait for one that never comes. */
const NO_HANDSHAKE_MS = 4_000;

let dir: string;
let db: ReturnType<typeof openDatabase>;
let server: RunningServer;
let partner: RunningHost;
let stranger: RunningHost;
let browser: Browser;
let context: BrowserContext;

/** The demo's embed pages, built the way `vite build --mode demo` builds them. */
async function buildEmbedPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(REPO, 'demo'),
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: {
          'embed/console': join(REPO, 'demo/embed/console.html'),
          'embed/host': join(REPO, 'demo/embed/host.html'),
        },
      },
    },
  });
  // The server serves built files only when the demo's index page exists.
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>demo</title>');
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'embed-e2e-'));
  const staticDir = join(dir, 'dist');
  await buildEmbedPages(staticDir);
  db = openDatabase(join(dir, 'console.sqlite'));
  seedDatabase(db, { seed: 3, count: 5 });
  server = await startServer({ db, staticDir, hostname: '127.0.0.1', port: 0 });
  partner = await startPartnerHost({ hostname: '127.0.0.2', consoleOrigin: server.url, staticDir, label: 'Partner', frames: [] });
  stranger = await startPartnerHost({ hostname: '127.0.0.3', consoleOrigin: server.url, staticDir, label: 'Stranger', frames: [] });
  // Customer 1 lists the partner's origin; customer 2's list is empty (inherits the partner's,
  // which holds it); customer 3 lists only an unrelated origin.
  prepareEmbedDemo(server.context, partner.url, 1, 2);
  db.prepare("UPDATE customers SET origins = '[\"https://three.example\"]' WHERE id = 3").run();
  db.prepare("INSERT OR REPLACE INTO customer_origins (customer_id, origin) VALUES (3, 'https://three.example')").run();
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await Promise.all([partner?.close(), stranger?.close(), server?.close()]);
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface HostPage {
  page: Page;
  consoleMessages: string[];
  /** Mounts a console on the host page; returns its index. */
  mount(request: {
    customerId: number;
    claimOrigin?: string;
    token?: string;
    handshakeTimeoutMs?: number;
    theme?: Record<string, string>;
    colorScheme?: 'light' | 'dark';
    locale?: string;
    route?: string;
    renew?: boolean;
  }): Promise<number>;
  events(index: number): Promise<ConsoleEvent[]>;
  waitForEvent(index: number, predicate: string): Promise<void>;
  status(index: number): Promise<string>;
  frame(index: number): Promise<Frame>;
}

async function openHost(host: RunningHost): Promise<HostPage> {
  context = await browser.newContext();
  const page = await context.newPage();
  const consoleMessages: string[] = [];
  page.on('console', (message) => consoleMessages.push(message.text()));
  await page.goto(`${host.url}/?manual`);
  await page.evaluate(() => window.embedDemo.ready);
  return {
    page,
    consoleMessages,
    mount: (request) => page.evaluate((r) => window.embedDemo.mount(r), request),
    events: (index) => page.evaluate((i) => window.embedDemo.mounted[i]!.events, index),
    waitForEvent: async (index, predicate) => {
      await page.waitForFunction(
        ([i, p]) => window.embedDemo.mounted[i]!.events.some(new Function('e', `return ${p}`) as (e: unknown) => boolean),
        [index, predicate] as const,
        { timeout: 20_000 },
      );
    },
    status: (index) =>
      page.evaluate(async (i) => {
        await window.embedDemo.mounted[i]!.console.ready.catch(() => {});
        return window.embedDemo.mounted[i]!.status;
      }, index),
    frame: async (index) => {
      const element = await page.waitForSelector(`section[data-index="${index}"] iframe`, { state: 'attached' });
      const frame = await element.contentFrame();
      assert.ok(frame, 'the iframe has a frame');
      return frame;
    },
  };
}

describe('allowed host (127.0.0.2, on the customer list)', () => {
  it('frames the console: the customer page of <customer-console>, ready, resize to its content, navigate both ways, theme', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 1 });
      assert.equal(await host.status(index), 'ready');
      const events = await host.events(index);
      assert.deepEqual(events.find((e) => e.type === 'ready'), { type: 'ready', route: 'customers/1/dashboard', customer_id: 1 });

      // resize: the frame is as tall as the console's content, so the console has no scrollbar.
      await host.waitForEvent(index, "e.type === 'resize' && e.height > 0");
      const frame = await host.frame(index);
      const fit = async () => {
        const frameHeight = await host.page.$eval(`section[data-index="${index}"] iframe`, (f) => f.getBoundingClientRect().height);
        const content = await frame.evaluate(() => document.documentElement.scrollHeight);
        return { frameHeight, content };
      };
      await host.page.waitForFunction(
        (i) => {
          const e = window.embedDemo.mounted[i]!.events.filter((x) => x.type === 'resize').at(-1) as { height: number } | undefined;
          const f = document.querySelector(`section[data-index="${i}"] iframe`) as HTMLIFrameElement;
          return e !== undefined && Math.abs(f.getBoundingClientRect().height - e.height) < 1;
        },
        index,
      );
      const first = await fit();
      assert.ok(first.content <= first.frameHeight + 1, `content ${first.content} fits the frame ${first.frameHeight}`);
      // The kit's own element, on the session's customer only: its page heading, no list, no way back.
      const { name } = db.prepare('SELECT name FROM customers WHERE id = 1').get() as { name: string };
      assert.equal((await frame.locator('customer-console [part~="customer-name"]').textContent())?.trim(), name);
      assert.equal(await frame.locator('customer-console customer-table').count(), 0, 'no customer list in the frame');
      assert.equal(await frame.getByRole('button', { name: /Back to customers/ }).count(), 0);
      assert.equal(await frame.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected'), 'true');

      // navigate → navigated, the view changes, and the frame follows the new height.
      const resizesBefore = (await host.events(index)).filter((e) => e.type === 'resize').length;
      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.navigate('customers/1/collaborators'), index);
      await host.waitForEvent(index, "e.type === 'navigated' && e.route === 'customers/1/collaborators'");
      await frame.locator('customer-console customer-collaborators [part~="row"]').first().waitFor();
      await host.waitForEvent(index, "e.type === 'resize'");
      await host.page.waitForFunction(
        ([i, n]) => window.embedDemo.mounted[i]!.events.filter((x) => x.type === 'resize').length > n,
        [index, resizesBefore] as const,
      );
      const second = await fit();
      assert.ok(second.content <= second.frameHeight + 1, `content ${second.content} fits the frame ${second.frameHeight}`);
      assert.notEqual(second.frameHeight, first.frameHeight, 'the frame was resized for the new view');

      // The admin changes the tab in the frame: the host hears where the console went.
      await frame.getByRole('tab', { name: 'Settings' }).click();
      await host.waitForEvent(index, "e.type === 'navigated' && e.route === 'customers/1/settings'");
      // `customers` is this customer's page too: an embed session has no list.
      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.navigate('customers'), index);
      await host.waitForEvent(index, "e.type === 'navigated' && e.route === 'customers/1/dashboard'");
      await frame.getByRole('tab', { name: 'Dashboard', selected: true }).waitFor();

      // theme: custom properties reach the console.
      await host.page.evaluate(
        (i) => window.embedDemo.mounted[i]!.console.setTheme({ '--customers-console-color-surface': 'rgb(21, 24, 30)' }),
        index,
      );
      await frame.waitForFunction(() => getComputedStyle(document.documentElement).backgroundColor === 'rgb(21, 24, 30)');
    } finally {
      await context.close();
    }
  });

  it('keeps the session out of cookies and out of the frame URL', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 1 });
      assert.equal(await host.status(index), 'ready');
      const frame = await host.frame(index);
      assert.deepEqual(await context.cookies(), []);
      assert.equal(new URL(frame.url()).search, '', 'token removed from the frame URL after use');
    } finally {
      await context.close();
    }
  });

  it('a customer with an empty origin list inherits the partner list', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 2 });
      assert.equal(await host.status(index), 'ready');
      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.navigate('customers/2/settings'), index);
      const frame = await host.frame(index);
      // The read-only Settings tab of the kit's own element badges the partner's origins as inherited.
      await frame.locator('customer-console customer-settings [part~="inherited-badge"]').waitFor();
      assert.equal((await frame.locator('customer-console customer-settings [part~="inherited-badge"]').textContent())?.trim(), 'Inherited');
      assert.equal(await frame.getByRole('textbox', { name: 'External ID' }).isDisabled(), true, 'read-only in the frame');
      // …whereas a customer with its own list that omits this origin does not inherit anything.
      const other = await host.mount({ customerId: 3, handshakeTimeoutMs: 10 * 60_000 });
      assert.equal(await host.status(other), 'refused: origin-not-allowed');
      assert.match((await (await host.frame(other)).textContent('body')) ?? '', /origin-not-allowed/);
    } finally {
      await context.close();
    }
  });
});

describe('starting and renewing', () => {
  it('starts themed, in the host\'s language and on the asked page: the first paint already is', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({
        customerId: 1,
        colorScheme: 'dark',
        locale: 'de-DE',
        theme: { '--customers-console-color-accent': 'rgb(91, 60, 196)' },
        route: 'customers/1/collaborators',
      });
      assert.equal(await host.status(index), 'ready');
      const ready = (await host.events(index)).find((e) => e.type === 'ready');
      assert.deepEqual(ready, { type: 'ready', route: 'customers/1/collaborators', customer_id: 1 });
      const frame = await host.frame(index);
      // Read at `ready`: nothing was sent after the frame loaded, so this is how it first painted.
      const first = await frame.evaluate(() => ({
        theme: document.documentElement.dataset['theme'],
        lang: document.documentElement.lang,
        accent: document.documentElement.style.getPropertyValue('--customers-console-color-accent'),
        surface: getComputedStyle(document.documentElement).getPropertyValue('--customers-console-color-surface').trim(),
      }));
      assert.deepEqual(first, { theme: 'dark', lang: 'de-DE', accent: 'rgb(91, 60, 196)', surface: '#15181e' });
      await frame.getByRole('tab', { name: 'Collaborators', selected: true }).waitFor();
      // The date joined in the page header, formatted the German way.
      const { created_at } = db.prepare('SELECT created_at FROM customers WHERE id = 1').get() as { created_at: string };
      const joined = await frame.locator('customer-console [part~="facts"] time').textContent();
      assert.equal(joined, new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(Date.parse(created_at)));
      assert.notEqual(joined, new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.parse(created_at)));
    } finally {
      await context.close();
    }
  });

  it('with getToken, an ended session reopens in place on the page it showed, with a fresh token', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 1, renew: true });
      assert.equal(await host.status(index), 'ready');
      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.navigate('customers/1/collaborators'), index);
      await host.waitForEvent(index, "e.type === 'navigated' && e.route === 'customers/1/collaborators'");
      const frame = await host.frame(index);
      const session = await frame.evaluate(() => JSON.parse(document.getElementById('embed-session')!.textContent!).session as string);
      // The server ends the session (as when it expires); the next call the console makes meets a 401.
      const ended = await fetch(`${server.url}/api/embed/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${session}` } });
      assert.equal(ended.status, 204);
      await frame.getByRole('tab', { name: 'Dashboard' }).click();
      await host.waitForEvent(index, "e.type === 'error' && e.code === 'session-expired'");
      await host.page.waitForFunction((i) => window.embedDemo.mounted[i]!.events.filter((e) => e.type === 'ready').length === 2, index, { timeout: 20_000 });
      const readies = (await host.events(index)).filter((e) => e.type === 'ready');
      assert.deepEqual(readies.at(-1), { type: 'ready', route: 'customers/1/dashboard', customer_id: 1 }, 'reopened where it was');
      const renewed = await host.frame(index);
      const next = await renewed.evaluate(() => JSON.parse(document.getElementById('embed-session')!.textContent!).session as string);
      assert.notEqual(next, session, 'a new session');
      await renewed.locator('customer-console [part~="customer-name"]').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('disallowed host (127.0.0.3, on no list)', () => {
  it('claiming its own origin: the server refuses and says why, and the host hears the code before any timeout', TEST, async () => {
    const host = await openHost(stranger);
    try {
      // A handshake timeout far beyond the test's: `ready` settling at all means the refusal came.
      const index = await host.mount({ customerId: 1, handshakeTimeoutMs: 10 * 60_000 });
      assert.equal(await host.status(index), 'refused: origin-not-allowed');
      const events = await host.events(index);
      assert.deepEqual(
        events.map((e) => e.type === 'error' && e.code),
        ['origin-not-allowed'],
      );
      const text = (await (await host.frame(index)).textContent('body')) ?? '';
      assert.match(text, /origin not allowed/);
      assert.ok(text.includes(stranger.url));
    } finally {
      await context.close();
    }
  });

  it("claiming the partner's origin: the browser blocks the frame (frame-ancestors); no handshake", TEST, async () => {
    const host = await openHost(stranger);
    const served: Array<{ status: number; csp: string | null; xfo: string | null }> = [];
    host.page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/embed/console') {
        served.push({ status: response.status(), csp: response.headers()['content-security-policy'] ?? null, xfo: response.headers()['x-frame-options'] ?? null });
      }
    });
    try {
      const index = await host.mount({ customerId: 1, claimOrigin: partner.url, handshakeTimeoutMs: NO_HANDSHAKE_MS });
      assert.equal(await host.status(index), 'no handshake');
      assert.deepEqual(await host.events(index), []);
      // The server was fooled into serving the console (the lie is only in the origin parameter)…
      assert.equal(served.length, 1);
      assert.equal(served[0]!.status, 200);
      assert.ok(served[0]!.csp?.includes(`frame-ancestors ${partner.url}`), served[0]!.csp ?? '');
      assert.equal(served[0]!.xfo, null);
      // …but the browser refused to render it inside this page.
      const frame = await host.frame(index);
      assert.ok(!frame.url().startsWith(server.url), `blocked frame shows ${frame.url()}`);
      assert.equal(await frame.locator('#console').count(), 0);
      assert.ok(
        host.consoleMessages.some((m) => m.includes('frame-ancestors')),
        `a frame-ancestors violation was reported: ${JSON.stringify(host.consoleMessages)}`,
      );
    } finally {
      await context.close();
    }
  });
});

describe('messages', () => {
  it('ignores messages forged from another window, same origin or not, in both directions', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 1 });
      assert.equal(await host.status(index), 'ready');
      const frame = await host.frame(index);
      const envelope = { channel: EMBED_CHANNEL, v: EMBED_PROTOCOL_VERSION };
      const consoleOrigin = server.url;

      // Two other windows: a popup of the partner's own origin (right origin, wrong source) and one
      // of the stranger's origin. Each tells the console to open Settings and tells the host that
      // customer 999 was selected.
      for (const url of [`${partner.url}/blank`, `${stranger.url}/blank`]) {
        const [popup] = await Promise.all([context.waitForEvent('page'), host.page.evaluate((u) => void window.open(u), url)]);
        await popup.waitForLoadState();
        await popup.evaluate(
          ([env, target]) => {
            const opener = window.opener as Window;
            const consoleFrame = opener.frames[0]!;
            consoleFrame.postMessage({ ...env, type: 'navigate', route: 'customers/1/settings' }, target);
            consoleFrame.postMessage({ ...env, type: 'sign-out' }, '*');
            opener.postMessage({ ...env, type: 'customer-select', customer_id: 999 }, '*');
            opener.postMessage({ ...env, type: 'resize', height: 5 }, '*');
          },
          [envelope, consoleOrigin] as const,
        );
        await popup.close();
      }
      // The host page itself, but with a message that does not fit the schema.
      await host.page.evaluate(
        ([env, target]) => {
          window.frames[0]!.postMessage({ ...env, type: 'navigate', route: 'javascript:alert(1)' }, target);
          window.frames[0]!.postMessage({ ...env, v: 2, type: 'navigate', route: 'customers/1/settings' }, target);
        },
        [envelope, consoleOrigin] as const,
      );
      // A genuine command after the forged ones: once it has taken effect, the forged ones had their chance.
      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.navigate('customers/1/collaborators'), index);
      await host.waitForEvent(index, "e.type === 'navigated' && e.route === 'customers/1/collaborators'");
      await frame.getByRole('tab', { name: 'Collaborators', selected: true }).waitFor();
      await host.page.waitForTimeout(300);

      const events = await host.events(index);
      assert.deepEqual(
        events.filter((e) => e.type === 'navigated').map((e) => (e as { route: string }).route),
        ['customers/1/collaborators'],
        'only the genuine navigate took effect',
      );
      assert.equal(events.some((e) => e.type === 'customer-select' || e.type === 'signed-out'), false);
      const frameHeight = await host.page.$eval('section[data-index="0"] iframe', (f) => f.getBoundingClientRect().height);
      assert.ok(frameHeight > 5, 'the forged resize was ignored');
      assert.equal(await frame.getByRole('tab', { name: 'Collaborators' }).getAttribute('aria-selected'), 'true', 'the forged navigate to Settings did nothing');
      assert.equal(await frame.locator('customer-console').count(), 1, 'the forged sign-out did nothing');
    } finally {
      await context.close();
    }
  });
});

describe('tokens and sessions', () => {
  it('refuses a reused token', TEST, async () => {
    const host = await openHost(partner);
    try {
      const first = await host.mount({ customerId: 1 });
      assert.equal(await host.status(first), 'ready');
      const token = await host.page.evaluate((i) => window.embedDemo.mounted[i]!.token, first);
      const second = await host.mount({ customerId: 1, token, handshakeTimeoutMs: 10 * 60_000 });
      assert.equal(await host.status(second), 'refused: token-reused');
      assert.match((await (await host.frame(second)).textContent('body')) ?? '', /already used[\s\S]*token-reused/);
    } finally {
      await context.close();
    }
  });

  it('after sign-out the session no longer works', TEST, async () => {
    const host = await openHost(partner);
    try {
      const index = await host.mount({ customerId: 1 });
      assert.equal(await host.status(index), 'ready');
      const frame = await host.frame(index);
      const session = await frame.evaluate(() => JSON.parse(document.getElementById('embed-session')!.textContent!).session as string);
      const get = (path: string) => fetch(`${server.url}/api${path}`, { headers: { Authorization: `Bearer ${session}` } });
      assert.equal((await get('/customers/1')).status, 200);
      assert.equal((await get('/customers/2')).status, 403, 'scoped to its customer');

      await host.page.evaluate((i) => window.embedDemo.mounted[i]!.console.signOut(), index);
      await host.waitForEvent(index, "e.type === 'signed-out'");
      assert.equal(await frame.locator('h1').textContent(), 'Signed out');
      assert.equal((await get('/customers/1')).status, 401);
      // The console itself cannot use it any more either.
      const status = await frame.evaluate(
        async (token) => (await fetch('/api/customers/1', { headers: { Authorization: `Bearer ${token}` } })).status,
        session,
      );
      assert.equal(status, 401);
    } finally {
      await context.close();
    }
  });
});
