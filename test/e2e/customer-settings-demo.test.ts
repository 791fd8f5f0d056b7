/**
 * Two admins editing one customer in the demo, end to end: two Chromium pages on the customer's
 * Settings tab (demo/index.html as `npm start` serves it, the reference server, real SQLite). The
 * first saves; the second, still on the version it read, saves over it: it is shown the other
 * admin's change beside its own typed value, loses nothing, and chooses. The server's history then
 * holds both changes, in order, and the record what the second admin chose.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemo, type DemoFixture } from './demo-fixture.js';
import { waitUntil } from '../support/wait-node.js';

const TOKEN = 'settings-demo-e2e-token';
const TEST = { timeout: 90_000 };

let demo: DemoFixture;

before(async () => {
  demo = await startDemo({ name: 'settings-demo-e2e', token: TOKEN, count: 200 });
});

after(async () => {
  await demo?.close();
});

async function openSettings(id: number): Promise<Page> {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await page.goto(`${demo.server.url}/customers/${id}/settings`);
  await page.locator('customer-settings [part~="danger"]').waitFor({ timeout: 20_000 });
  return page;
}

const externalIdField = (page: Page) => page.locator('customer-settings').getByRole('textbox', { name: 'External ID' });

async function typeExternalId(page: Page, value: string): Promise<void> {
  await externalIdField(page).fill(value);
}

const saveIds = (page: Page) => page.locator('customer-settings [part~="ids"] [part~="save"]');

describe('two admins on one customer (demo, SQLite server)', () => {
  it('the second save shows the first admin\'s change beside what was typed, loses nothing, and saves the choice', TEST, async () => {
    const { items } = await demo.api.listCustomers({ per_page: 1, sort: 'name' });
    const customer = items[0]!;
    const first = await openSettings(customer.id);
    const second = await openSettings(customer.id);
    try {
      // The first admin changes the external ID and saves.
      await typeExternalId(first, 'FIRST-ADMIN');
      await saveIds(first).click();
      await first.locator('customer-console [part~="facts"]').getByText('FIRST-ADMIN').waitFor();
      assert.equal((await demo.api.getCustomer(customer.id)).external_id, 'FIRST-ADMIN');

      // The second admin, on the version it read, types its own and saves: a conflict, not an overwrite.
      await typeExternalId(second, 'SECOND-ADMIN');
      await saveIds(second).click();
      const conflict = second.locator('customer-settings [part~="conflict"]');
      await conflict.waitFor();
      const text = (await conflict.innerText()).replace(/\s+/g, ' ');
      assert.ok(text.includes(`External ID: ${customer.external_id ?? 'None'} → FIRST-ADMIN`), text);
      assert.ok(text.includes('Keep mine: SECOND-ADMIN'), text);
      assert.ok(text.includes('Take theirs: FIRST-ADMIN'), text);
      assert.equal(await externalIdField(second).inputValue(), 'SECOND-ADMIN', 'what the second admin typed is kept');
      assert.equal((await demo.api.getCustomer(customer.id)).external_id, 'FIRST-ADMIN', 'nothing was overwritten');

      await conflict.getByRole('radio', { name: 'Keep mine: SECOND-ADMIN' }).check();
      await conflict.getByRole('button', { name: 'Save my changes' }).click();
      await conflict.waitFor({ state: 'detached' });
      const stored = await demo.api.getCustomer(customer.id);
      assert.equal(stored.external_id, 'SECOND-ADMIN');
      assert.equal(stored.version, customer.version + 2);

      // The server's history: both changes, newest first, each from the value before it.
      const history = await demo.api.listHistory(customer.id);
      const externalIdChanges = history.items
        .flatMap((entry) => entry.changes.filter((c) => c.field === 'external_id').map((c) => [c.from, c.to]));
      assert.deepEqual(externalIdChanges, [
        ['FIRST-ADMIN', 'SECOND-ADMIN'],
        [customer.external_id, 'FIRST-ADMIN'],
      ]);
      // The second page's header and history panel show the saved record.
      await second.locator('customer-console [part~="facts"]').getByText('SECOND-ADMIN').waitFor();
      await second.locator('customer-settings [part~="history-entry"]').filter({ hasText: 'FIRST-ADMIN → SECOND-ADMIN' }).waitFor();
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a plan changed by one admin does not block the other\'s external ID: it is re-applied on the new version', TEST, async () => {
    // A Starter customer moved up to the plan with the highest limits: no usage is over them, so no confirmation.
    const { items } = await demo.api.listCustomers({ per_page: 1, sort: '-name', status: 'active', plan: ['starter'] });
    const customer = items[0]!;
    const plans = await demo.api.listPlans();
    const other = plans.reduce((top, plan) => (plan.task_limit > top.task_limit ? plan : top));
    const first = await openSettings(customer.id);
    const second = await openSettings(customer.id);
    try {
      // The first admin changes the plan (a field the second admin does not edit).
      await first.locator('plan-settings').getByRole('radio', { name: new RegExp(`^${other.name}\\b`) }).check();
      await first.locator('plan-settings [part~="apply-button"]').click();
      await waitUntil(async () => (await demo.api.getCustomer(customer.id)).plan_id === other.id, 'the plan change');

      await typeExternalId(second, 'KEPT-ID');
      await saveIds(second).click();
      const conflict = second.locator('customer-settings [part~="conflict"]');
      await conflict.waitFor();
      assert.equal(await conflict.getByRole('radio').count(), 0, 'nothing to choose: the fields do not overlap');
      await conflict.getByRole('button', { name: 'Save my changes' }).click();
      await conflict.waitFor({ state: 'detached' });
      const stored = await demo.api.getCustomer(customer.id);
      assert.equal(stored.external_id, 'KEPT-ID');
      assert.equal(stored.plan_id, other.id, "the first admin's plan stays");
    } finally {
      await first.close();
      await second.close();
    }
  });
});

