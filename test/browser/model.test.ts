// The core must run in the browser as it does in Node: the schemas and rules, in real Chromium.
import { expect } from '@open-wc/testing';
import { Customer, customerStatus, statusLabel } from '../../src/model/index.js';

const base = {
  id: 7,
  name: 'Société Générale <img src=x onerror=alert(1)>',
  external_id: 'SG-7',
  notification_email: 'ops@example.com',
  plan_id: 'pro',
  in_trial: true,
  trial_ends_at: '2026-11-27T18:00:00.000Z',
  created_at: '2024-01-02T03:04:05.000Z',
  tasks_used: 90,
  task_limit: 100,
  connections: 2,
  connection_limit: 5,
  top_apps: ['slack'],
  origins: [],
  version: 1,
};

describe('core in Chromium', () => {
  it('parses a customer with zod/mini and names the failing path', () => {
    expect(Customer.safeParse(base).success).to.equal(true);
    const bad = Customer.safeParse({ ...base, tasks_used: -1 });
    expect(bad.success).to.equal(false);
    expect(bad.error?.issues[0]?.path).to.deep.equal(['tasks_used']);
  });

  it('derives the status label from the clock', () => {
    expect(statusLabel(customerStatus(base, new Date('2026-11-27T09:00:00Z')))).to.equal('In trial');
    expect(statusLabel(customerStatus(base, new Date('2026-11-27T18:00:00Z')))).to.equal('Expired subscription');
  });
});
