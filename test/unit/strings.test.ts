import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeStrings, StringsController } from '../../components/shared/strings-controller.js';

const DEFAULTS = {
  title: 'Customers',
  count: (n: string) => `${n} customers`,
  status: { active: 'Active', trial: 'In trial', expired: 'Expired subscription' },
};

describe('mergeStrings', () => {
  it('keeps every default a partial override leaves out, nested groups included', () => {
    const merged = mergeStrings(DEFAULTS, { title: 'Kunden', status: { trial: 'Testphase' } });
    assert.equal(merged.title, 'Kunden');
    assert.equal(merged.count('3'), '3 customers');
    assert.deepEqual(merged.status, { active: 'Active', trial: 'Testphase', expired: 'Expired subscription' });
    assert.equal(DEFAULTS.status.trial, 'In trial', 'the defaults are not changed');
  });

  it('replaces functions whole and returns the defaults themselves when there is nothing to apply', () => {
    assert.equal(mergeStrings(DEFAULTS, { count: (n) => `${n} Kunden` }).count('3'), '3 Kunden');
    assert.equal(mergeStrings(DEFAULTS, {}), DEFAULTS);
    assert.equal(mergeStrings(DEFAULTS, undefined), DEFAULTS);
  });
});

describe('StringsController', () => {
  it('merges again only when the host gets a new strings object', () => {
    const host: { strings: Parameters<typeof mergeStrings<typeof DEFAULTS>>[1] } = { strings: { title: 'Kunden' } };
    const controller = new StringsController(host, DEFAULTS);
    const first = controller.value;
    assert.equal(first.title, 'Kunden');
    assert.equal(controller.value, first, 'the same object on every read');
    host.strings = { title: 'Clients' };
    assert.equal(controller.value.title, 'Clients');
    assert.notEqual(controller.value, first);
  });
});
