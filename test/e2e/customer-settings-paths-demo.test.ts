/**
 * Every path of the Settings tab in the demo, end to end, as one admin with real clicks and typing:
 * demo/index.html as `npm start` serves it, the reference server, real SQLite. One customer goes
 * through a plan change over its usage (confirmed), a trial started, extended and ended, app access
 * restricted to two apps and restored, an external ID set and cleared, and two origins added over
 * the inherited ones; each step is checked on the page and on the server, and the history panel
 * then reads them all back, newest first. Another customer is deleted. (Two admins at once are
 * customer-settings-demo.test.ts.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { HttpError } from '../../src/backend/errors.js';
import { customerStatus } from '../../src/model/rules.js';
import type { Customer } from '../../src/model/schemas.js';
import { startDemo, type DemoFixture } from './demo-fixture.js';
import { waitUntil } from '../support/wait-node.js';

const TOKEN = 'settings-paths-demo-e2e-token';
const TEST = { timeout: 90_000 };
const DAY_MS = 86_400_000;

let demo: DemoFixture;
/** The customer every path but the delete runs on, read before the first step. */
let customer: Customer;

before(async () => {
  demo = await startDemo({ name: 'settings-paths-demo-e2e', token: TOKEN, count: 200 });
  // An active Business customer using more than Starter allows (so moving it to Starter asks
  // first), with no origins of its own (so it inherits the partner's) and no app restriction.
  const { items } = await demo.api.listCustomers({ status: 'active', plan: ['business'], sort: '-tasks_used', per_page: 50 });
  const found = items.find((c) => c.origins.length === 0 && c.tasks_used > 1_000);
  assert.ok(found, 'the seed has an active Business customer over 1,000 tasks with no origins of its own');
  customer = found;
  assert.deepEqual(await demo.api.getAppAccess(customer.id), { mode: 'all' });
});

after(async () => {
  await demo?.close();
});

async function openSettings(id: number): Promise<Page> {
  // The clipboard permissions let the origins path paste as an admin does (Ctrl+V).
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await page.goto(`${demo.server.url}/customers/${id}/settings`);
  await page.locator('customer-settings [part~="danger"]').waitFor({ timeout: 20_000 });
  return page;
}

/** Text as read, whitespace collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the locator's text contains `expected` (bounded), and returns it. */
async function waitForText(locator: Locator, expected: string, timeoutMs = 10_000): Promise<string> {
  let last = '';
  await waitUntil(async () => {
    last = (await locator.count()) > 0 ? await textOf(locator.first()) : '';
    return last.includes(expected);
  }, `“${expected}” in ${locator}`, timeoutMs).catch(() => assert.fail(`expected “${expected}” in the text, which reads: “${last}”`));
  return last;
}

/**
 * A date as the page writes it, in its locale and time zone: plan-settings with dateStyle long,
 * the history panel with medium; both timeStyle short.
 */
async function pageDate(page: Page, iso: string, dateStyle: 'long' | 'medium' = 'long'): Promise<string> {
  return page.evaluate(
    ([at, style]) => new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: style, timeStyle: 'short' }).format(new Date(at)),
    [iso, dateStyle] as const,
  );
}

/** How the history says when: a change a moment or a few minutes old. */
const RECENT = /(now|\d+ (second|minute)s? ago)$/;

const planSettings = (page: Page) => page.locator('plan-settings');
const settingsPart = (page: Page, part: string) => page.locator(`customer-settings [part~="${part}"]`);
const consoleFacts = (page: Page) => page.locator('customer-console [part~="facts"]');

describe('the Settings tab, every path (demo, SQLite server)', () => {
  it('changes the plan to one below current usage, after a confirmation with the numbers', TEST, async () => {
    const page = await openSettings(customer.id);
    try {
      const plan = planSettings(page);
      assert.equal(await textOf(plan.locator('[part~="plan-name"]')), 'Business');
      await plan.getByRole('radio', { name: /^Starter\b/ }).check();
      const used = customer.tasks_used.toLocaleString('en-US');
      const preview = await waitForText(plan.locator('[part~="preview"]'), 'Starter brings 1,000 tasks a month, 10 connections.');
      assert.ok(preview.includes(`${used} tasks used this period, the new limit is 1,000.`), preview);

      await plan.getByRole('button', { name: 'Change plan' }).click();
      const dialog = plan.getByRole('dialog', { name: 'Change to Starter?' });
      await dialog.waitFor();
      assert.ok((await textOf(dialog)).includes(`${used} tasks used this period, the new limit is 1,000.`));
      assert.equal((await demo.api.getCustomer(customer.id)).plan_id, 'business', 'nothing is sent before the confirmation');
      await dialog.getByRole('button', { name: 'Change to Starter' }).click();

      await waitForText(plan.locator('[part~="result"]'), 'The plan is now Starter: 1,000 tasks a month, 10 connections.');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await textOf(plan.locator('[part~="plan-name"]')), 'Starter');
      await waitForText(page.locator('customer-console [part~="plan-badge"]'), 'Starter');
      const stored = await demo.api.getCustomer(customer.id);
      assert.equal(stored.plan_id, 'starter');
      assert.equal(stored.task_limit, 1_000);
      assert.equal(stored.connection_limit, 10);
      // The history panel on the same page has the change.
      const entry = await waitForText(settingsPart(page, 'history-entry'), 'Plan: Business → Starter · Alex Morgan · ');
      assert.match(entry, RECENT, `the change was made after the page loaded: “${entry}”`);
    } finally {
      await page.close();
    }
  });

  it('starts a trial on the active customer (the end date shown before is the one stored), extends it by 30 days, and ends it', TEST, async () => {
    // plan-settings previews the end date from the page's clock (the time the console loaded) and
    // the server sets it when the request comes, both shown to the minute: the page is opened in a
    // minute with at least 15 s left, so that the load and the click fall in the same minute.
    await waitUntil(async () => Date.now() % 60_000 < 45_000, 'a minute with 15 s left', 16_000);
    const openedAt = Date.now();
    const page = await openSettings(customer.id);
    try {
      const plan = planSettings(page);
      const trial = plan.locator('[part~="trial"]');
      assert.equal(await textOf(plan.locator('[part~="status-badge"]')), 'Active');
      assert.equal(await textOf(trial.locator('[part~="trial-status"]')), 'No trial is running.');
      const enablePreview = await textOf(trial.locator('[part~="trial-preview"]'));
      const shownBefore = /the trial would end on (.+?), and the account then falls to the Free plan/.exec(enablePreview)?.[1];
      assert.ok(shownBefore, enablePreview);
      assert.ok(enablePreview.startsWith('Enabling gives 30 days at 100 tasks a month'), enablePreview);

      // 100 tasks a month is below what the customer uses: enabling asks first, with the numbers.
      await trial.getByRole('button', { name: 'Enable trial' }).click();
      const dialog = plan.getByRole('dialog', { name: 'Enable the trial?' });
      await dialog.waitFor();
      assert.ok((await textOf(dialog)).includes(`${customer.tasks_used.toLocaleString('en-US')} tasks used this period, the new limit is 100.`));
      await dialog.getByRole('button', { name: 'Enable trial' }).click();

      const result = plan.locator('[part~="result"]');
      await waitForText(result, `The trial is on until ${shownBefore}, at 100 tasks a month.`);
      const answeredAt = Date.now();
      assert.equal(Math.floor(openedAt / 60_000), Math.floor(answeredAt / 60_000), 'the page was loaded and the trial enabled within one minute');
      const started = await demo.api.getCustomer(customer.id);
      assert.equal(started.in_trial, true);
      assert.equal(started.task_limit, 100);
      const startedEnd = Date.parse(started.trial_ends_at!);
      assert.ok(startedEnd >= openedAt + 30 * DAY_MS && startedEnd <= answeredAt + 30 * DAY_MS, started.trial_ends_at!);
      assert.equal(await pageDate(page, started.trial_ends_at!), shownBefore, 'the server stored the end date the page showed');
      assert.equal(await textOf(plan.locator('[part~="status-badge"]')), 'In trial');
      await waitForText(trial.locator('[part~="trial-status"]'), `In trial until ${shownBefore}, with a limit of 100 tasks a month.`);

      // Extend: 30 more days from the current end, shown before, stored exactly.
      const extendedEnd = new Date(startedEnd + 30 * DAY_MS).toISOString();
      const extendedText = await pageDate(page, extendedEnd);
      const extend = trial.getByRole('button', { name: 'Extend trial', exact: true });
      assert.equal(await textOf(trial.locator('[part~="trial-preview"]').first()), `Extending adds 30 days: the trial would end on ${extendedText}.`);
      await extend.click();
      await waitForText(result, `The trial now ends on ${extendedText}.`);
      const extended = await demo.api.getCustomer(customer.id);
      assert.equal(extended.trial_ends_at, extendedEnd);
      assert.equal(extended.in_trial, true);
      await waitForText(trial.locator('[part~="trial-status"]'), `In trial until ${extendedText}`);

      // End: the customer subscribed, so the subscription becomes active on its plan.
      const endPreview = await textOf(trial.locator('[part~="trial-preview"]').nth(1));
      assert.equal(
        endPreview,
        'Once the customer has subscribed, ending the trial places it in an active subscription on Starter (1,000 tasks a month, 10 connections).',
      );
      await trial.getByRole('button', { name: 'End trial', exact: true }).click();
      await waitForText(result, 'The trial has ended: the subscription is active on Starter.');
      const ended = await demo.api.getCustomer(customer.id);
      assert.equal(ended.in_trial, false);
      assert.equal(ended.plan_id, 'starter');
      assert.equal(ended.task_limit, 1_000);
      assert.equal(customerStatus(ended, new Date()), 'active');
      assert.equal(await textOf(plan.locator('[part~="status-badge"]')), 'Active');
      assert.equal(await textOf(trial.locator('[part~="trial-status"]')), 'No trial is running.');
    } finally {
      await page.close();
    }
  });

  it('restricts app access to two apps found by search, then restores all apps (confirmed)', TEST, async () => {
    const page = await openSettings(customer.id);
    try {
      const editor = page.locator('app-access-editor');
      const apps = await demo.api.listApps();
      const [huddle, ledgerly] = ['Huddle Chat', 'Ledgerly'].map((name) => apps.find((app) => app.name === name)!);
      assert.ok(huddle && ledgerly, 'the catalogue has Huddle Chat and Ledgerly');
      assert.equal(await textOf(editor.locator('[part~="status"]')), 'All apps');

      await editor.getByRole('button', { name: 'Edit app access' }).click();
      const dialog = editor.getByRole('dialog', { name: `App access for ${customer.name}` });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Only the apps selected here' }).check();
      const search = dialog.getByRole('searchbox', { name: 'Search apps' });
      await search.fill('ledg');
      await dialog.getByRole('checkbox', { name: 'Ledgerly' }).check();
      await search.fill('huddle');
      await dialog.getByRole('checkbox', { name: 'Huddle Chat' }).check();
      await waitForText(dialog.locator('[part~="count"]'), `2 of ${apps.length} apps selected`);
      await waitForText(dialog.locator('[part~="summary"]'), 'Restricts the customer to 2 selected apps; apps added later are not included.');
      await dialog.getByRole('button', { name: 'Apply changes' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await waitForText(editor.locator('[part~="status"]'), `2 of ${apps.length} apps`);
      assert.deepEqual((await editor.locator('[part~="app-name"]').allInnerTexts()).sort(), ['Huddle Chat', 'Ledgerly']);
      assert.ok((await textOf(editor.locator('[part~="note"]'))).includes('the community library included'));
      assert.equal(await editor.getByRole('button', { name: 'Edit app access' }).evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement), true, 'focus back on Edit');
      const restricted = await demo.api.getAppAccess(customer.id);
      assert.equal(restricted.mode, 'selected');
      assert.deepEqual(restricted.mode === 'selected' ? [...restricted.app_ids].sort() : [], [huddle.id, ledgerly.id].sort());

      // Back to all apps: asked first.
      await editor.getByRole('button', { name: 'Edit app access' }).click();
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'All apps' }).check();
      await waitForText(dialog.locator('[part~="summary"]'), 'Removes the restriction: the customer can use all apps, including apps added later.');
      await dialog.getByRole('button', { name: 'Apply changes' }).click();
      const confirm = dialog.getByRole('group', { name: 'Allow all apps again?' });
      await confirm.waitFor();
      assert.equal((await demo.api.getAppAccess(customer.id)).mode, 'selected', 'nothing is sent before the confirmation');
      await confirm.getByRole('button', { name: 'Allow all apps' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await waitForText(editor.locator('[part~="status"]'), 'All apps');
      assert.deepEqual(await demo.api.getAppAccess(customer.id), { mode: 'all' });
    } finally {
      await page.close();
    }
  });

  it('sets the external ID, then clears it', TEST, async () => {
    const page = await openSettings(customer.id);
    try {
      const ids = settingsPart(page, 'ids');
      const field = ids.getByRole('textbox', { name: 'External ID' });
      const value = `PATHS-E2E-${customer.id}`;
      await field.fill(value);
      await waitForText(ids, `API path with this external ID: …/customers/E${value}`);
      await waitForText(ids.locator('[part~="unsaved-badge"]'), 'Unsaved changes');
      await ids.getByRole('button', { name: 'Save' }).click();
      await waitForText(ids.locator('[part~="status"]').first(), 'Saved.');
      await waitForText(consoleFacts(page), value);
      assert.equal((await demo.api.getCustomer(customer.id)).external_id, value);
      assert.equal((await demo.api.getCustomer({ externalId: value })).id, customer.id, 'the API finds it by the external ID');

      await field.fill('');
      await waitForText(ids, `Empty: saving removes the external ID. API callers must then use the User ID (…/customers/${customer.id}).`);
      await ids.getByRole('button', { name: 'Save' }).click();
      await waitForText(ids.locator('[part~="status"]').first(), 'Saved.');
      assert.equal((await demo.api.getCustomer(customer.id)).external_id, null);
      assert.equal(await field.inputValue(), '');
      await waitUntil(async () => !(await textOf(consoleFacts(page))).includes(value), 'the header without the external ID');
    } finally {
      await page.close();
    }
  });

  it('shows the inherited origins, adds two typed and pasted (a rejected entry says why and is not saved), and saves them', TEST, async () => {
    const page = await openSettings(customer.id);
    try {
      const origins = settingsPart(page, 'origins');
      const partner = await demo.api.getPartner();
      assert.deepEqual(partner.origins, ['https://partner.example']);
      await waitForText(origins, 'The customer has no origins of its own.');
      const inherited = origins.locator('[part~="inherited"]');
      assert.equal(await textOf(inherited.locator('[part~="inherited-badge"]')), 'Inherited');
      assert.ok((await textOf(inherited)).includes('https://partner.example'));
      assert.equal(await textOf(origins.locator('[part~="csp"] li')), 'Content-Security-Policy: frame-ancestors https://partner.example');

      const input = origins.getByRole('textbox', { name: 'Add origins' });
      await input.click();
      await page.keyboard.type('HTTPS://Shop.Example.com:443,');
      await waitUntil(async () => (await origins.locator('[part~="origin"]').count()) === 1, 'the typed entry');
      assert.equal(await input.inputValue(), '');
      // A pasted line-separated list: one valid entry, one refused (http).
      await page.evaluate(() => navigator.clipboard.writeText('https://portal.example.com\nhttp://insecure.example.com'));
      await page.keyboard.press('ControlOrMeta+V');
      await waitUntil(async () => (await origins.locator('[part~="origin"]').count()) === 2, 'the pasted entry');
      assert.deepEqual(
        (await origins.locator('[part~="origin"] code').allInnerTexts()).map((t) => t.trim()),
        ['https://shop.example.com', 'https://portal.example.com'],
      );
      assert.equal(await input.inputValue(), 'http://insecure.example.com', 'the refused entry stays in the field');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.ok((await textOf(origins.locator('[part~="rejected"]'))).includes('"http://insecure.example.com" uses http; only https is allowed'));
      assert.equal(await origins.locator('[part~="inherited"]').count(), 0, 'an own list replaces the inherited one');
      assert.deepEqual(await origins.locator('[part~="csp"] li').allInnerTexts(), [
        'Content-Security-Policy: frame-ancestors https://shop.example.com',
        'Content-Security-Policy: frame-ancestors https://portal.example.com',
      ]);

      // Save with the refused entry in the field: nothing is sent.
      const save = origins.getByRole('button', { name: 'Save' });
      await save.click();
      await waitUntil(() => input.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), 'focus on the refused entry');
      assert.equal(await origins.locator('[part~="unsaved-badge"]').count(), 1, 'still unsaved');
      assert.deepEqual((await demo.api.getCustomer(customer.id)).origins, []);
      // The admin deletes the refused entry and saves; the list drops the inherited origin, so it asks.
      await input.fill('');
      await waitUntil(async () => (await origins.locator('[part~="rejected"]').count()) === 0, 'the reason gone with its entry');
      assert.equal(await input.getAttribute('aria-invalid'), 'false');
      await save.click();
      const warning = origins.locator('[part~="origin-warning"]');
      await waitForText(warning, 'These origins can frame the customer now and will not after saving: https://partner.example.');
      assert.deepEqual((await demo.api.getCustomer(customer.id)).origins, [], 'nothing is sent before Save anyway');
      await warning.getByRole('button', { name: 'Save anyway' }).click();
      await waitForText(origins.locator('[part~="status"]').last(), 'Saved.');
      assert.deepEqual((await demo.api.getCustomer(customer.id)).origins, ['https://shop.example.com', 'https://portal.example.com']);
      assert.equal(await origins.locator('[part~="unsaved-badge"]').count(), 0);

    } finally {
      await page.close();
    }
  });

  it('reads the history of all of it, newest first, in words', TEST, async () => {
    const page = await openSettings(customer.id);
    try {
      const history = await demo.api.listHistory(customer.id, { per_page: 20 });
      const ours = history.items.filter((entry) => entry.version > customer.version);
      assert.deepEqual(
        ours.map((entry) => entry.action),
        ['update', 'update', 'update', 'app_access', 'app_access', 'trial', 'trial', 'trial', 'plan'],
        'the server recorded each change, newest first',
      );
      const entries = settingsPart(page, 'history-entry');
      await waitUntil(async () => (await entries.count()) >= ours.length, 'the history entries');
      const shown = (await entries.allInnerTexts()).slice(0, ours.length).map((t) => t.replace(/\s+/g, ' ').trim());
      const [startedEnd, extendedEnd] = [ours[7]!, ours[6]!].map((entry) => entry.changes.find((c) => c.field === 'trial_ends_at')!.to as string);
      const startedText = await pageDate(page, startedEnd!, 'medium');
      const extendedText = await pageDate(page, extendedEnd!, 'medium');
      const value = `PATHS-E2E-${customer.id}`;
      const expected = [
        "iframe origins: none (inherits the partner's) → https://shop.example.com and https://portal.example.com",
        `External ID: ${value} → None`,
        customer.external_id === null ? `External ID: ${value}` : `External ID: ${customer.external_id} → ${value}`,
        'App access: Huddle Chat and Ledgerly → All apps',
        'App access: All apps → Huddle Chat and Ledgerly',
        'Trial: On → Off',
        `Trial end: ${startedText} → ${extendedText}`,
        customer.trial_ends_at === null
          ? `Trial: Off → On; Trial end: ${startedText}`
          : `Trial: Off → On; Trial end: ${await pageDate(page, customer.trial_ends_at, 'medium')} → ${startedText}`,
        'Plan: Business → Starter',
      ];
      shown.forEach((text, i) => {
        assert.ok(text.startsWith(`${expected[i]} · Alex Morgan · `), `entry ${i + 1}: “${text}”, expected “${expected[i]} · Alex Morgan · …”`);
        assert.match(text, RECENT, `entry ${i + 1} says how long ago: “${text}”`);
      });
    } finally {
      await page.close();
    }
  });

  it('deletes a customer once its name is typed: the list comes back, says so, and the server has it no more', TEST, async () => {
    const { items } = await demo.api.listCustomers({ status: 'expired', sort: 'name', per_page: 1 });
    const doomed = items[0]!;
    assert.notEqual(doomed.id, customer.id);
    const { total } = await demo.api.listCustomers({ per_page: 1 });
    const page = await openSettings(doomed.id);
    try {
      const danger = settingsPart(page, 'danger');
      await danger.getByRole('button', { name: 'Delete account…' }).click();
      const dialog = page.locator('customer-settings').getByRole('dialog', { name: `Delete ${doomed.name}?` });
      await dialog.waitFor();
      assert.ok((await textOf(dialog)).includes('This cannot be undone and nothing can be recovered.'));
      const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
      const typed = dialog.getByRole('textbox', { name: "Customer's name" });
      await typed.pressSequentially(doomed.name.slice(0, -1));
      assert.equal(await confirm.getAttribute('aria-disabled'), 'true', 'not yet the name');
      assert.ok((await textOf(dialog)).includes('The name does not match yet.'));
      await typed.press('End');
      await page.keyboard.type(doomed.name.slice(-1));
      await waitUntil(async () => (await confirm.getAttribute('aria-disabled')) === 'false', 'Delete enabled by the typed name');
      await confirm.click();

      await waitUntil(async () => new URL(page.url()).pathname === '/', 'the list’s address');
      await page.locator('customer-table [role="row"][aria-rowindex="2"]').waitFor();
      await waitForText(page.locator('customer-console [aria-live="polite"]'), `${doomed.name} was deleted.`);
      assert.equal(await page.locator('customer-console [part~="customer-page"]').count(), 0);
      await assert.rejects(demo.api.getCustomer(doomed.id), (error: unknown) => error instanceof HttpError && error.status === 404);
      assert.equal((await demo.api.listCustomers({ per_page: 1 })).total, total - 1);
    } finally {
      await page.close();
    }
  });
});

