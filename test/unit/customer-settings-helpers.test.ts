import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frameAncestorsDirective } from '../../src/embed/frame-ancestors.js';
import { MAX_ORIGINS } from '../../src/embed/origins.js';
import { consolePagePolicy } from '../../demo/server/embed.js';
import { addOriginText, completedEntries, originListWarnings } from '../../components/customer-settings/origin-draft.js';
import { describeActor, describeChange, relativeTimeParts, type HistoryLookups } from '../../components/customer-settings/history-text.js';
import { DEFAULT_CUSTOMER_SETTINGS_STRINGS as S } from '../../components/customer-settings/customer-settings-strings.js';

describe('frameAncestorsDirective', () => {
  it('lists the normalised origins once each, leaving invalid entries out', () => {
    assert.equal(
      frameAncestorsDirective(['https://A.example:443', ' https://a.example ', 'https://b.example/', 'https://*.evil', 'null']),
      'frame-ancestors https://a.example https://b.example',
    );
  });

  it("is 'none' when no origin is left, never an empty (frame-anything) directive", () => {
    assert.equal(frameAncestorsDirective([]), "frame-ancestors 'none'");
    assert.equal(frameAncestorsDirective(['http://partner.example']), "frame-ancestors 'none'");
  });

  it('is what the reference server sends for the framed console page', () => {
    assert.ok(consolePagePolicy('https://host.example').startsWith(`${frameAncestorsDirective(['https://host.example'])}; `));
  });
});

describe('addOriginText', () => {
  it('splits comma- and line-separated text, normalises, and names each rejected entry with its reason', () => {
    const added = addOriginText([], 'HTTPS://App.Example:443, https://b.example\nhttp://insecure.example\nftp://x.example');
    assert.deepEqual(added.origins, ['https://app.example', 'https://b.example']);
    assert.deepEqual(
      added.rejected.map((r) => [r.entry, r.reason]),
      [
        ['http://insecure.example', 'insecure'],
        ['ftp://x.example', 'scheme'],
      ],
    );
    assert.match(added.rejected[0]!.message, /^"http:\/\/insecure\.example" uses http/);
  });

  it('merges duplicates, within the text and against the list, and says which', () => {
    const added = addOriginText(['https://a.example'], 'https://A.example, https://b.example, https://b.example/');
    assert.deepEqual(added.origins, ['https://a.example', 'https://b.example']);
    assert.deepEqual(added.merged.sort(), ['https://a.example', 'https://b.example/']);
    assert.deepEqual(added.rejected, []);
  });

  it('rejects entries past MAX_ORIGINS as too many', () => {
    const full = Array.from({ length: MAX_ORIGINS }, (_, i) => `https://o${i}.example`);
    const added = addOriginText(full, 'https://one-more.example');
    assert.equal(added.origins.length, MAX_ORIGINS);
    assert.deepEqual(added.rejected.map((r) => r.reason), ['too-many']);
  });
});

describe('completedEntries', () => {
  it('keeps what follows the last separator as still being typed', () => {
    assert.deepEqual(completedEntries('https://a.example, https://b.ex'), { complete: 'https://a.example', rest: ' https://b.ex' });
    assert.deepEqual(completedEntries('https://a.example'), { complete: '', rest: 'https://a.example' });
  });
});

describe('originListWarnings', () => {
  const partner = ['https://partner.example'];

  it('warns that an empty list with nothing to inherit leaves the customer unframeable', () => {
    assert.equal(originListWarnings(['https://a.example'], [], []).unframeable, true);
    assert.equal(originListWarnings(['https://a.example'], [], partner).unframeable, false);
  });

  it('names the origins that could frame before and cannot after (where a live session may be)', () => {
    assert.deepEqual(originListWarnings(['https://a.example', 'https://b.example'], ['https://b.example'], partner).dropped, ['https://a.example']);
    // A first own list replaces the inherited ones: those are dropped too.
    const first = originListWarnings([], ['https://a.example'], partner);
    assert.deepEqual(first.dropped, ['https://partner.example']);
    assert.equal(first.replacesInherited, true);
  });
});

describe('history text', () => {
  const lookups: HistoryLookups = {
    planName: (id) => ({ growth: 'Growth', business: 'Business' })[id] ?? id,
    appName: (id) => ({ crm: 'Pipeline CRM', chat: 'Huddle Chat' })[id] ?? id,
    formatDate: (iso) => iso.slice(0, 10),
    formatList: (items) => items.join(', '),
  };

  it('names plans and apps, and says flags, nothing and inherited origins in words', () => {
    assert.equal(describeChange({ field: 'plan_id', from: 'growth', to: 'business' }, lookups, S), 'Plan: Growth → Business');
    assert.equal(describeChange({ field: 'app_access', from: 'all', to: ['crm', 'chat'] }, lookups, S), 'App access: All apps → Pipeline CRM, Huddle Chat');
    assert.equal(describeChange({ field: 'in_trial', from: false, to: true }, lookups, S), 'Trial: Off → On');
    assert.equal(describeChange({ field: 'external_id', from: 'A-1', to: null }, lookups, S), 'External ID: A-1 → None');
    assert.equal(
      describeChange({ field: 'origins', from: [], to: ['https://a.example'] }, lookups, S),
      "iframe origins: none (inherits the partner's) → https://a.example",
    );
    assert.equal(describeChange({ field: 'trial_ends_at', from: null, to: '2026-12-27T09:00:00.000Z' }, lookups, S), 'Trial end: 2026-12-27');
  });

  it('names the author by kind', () => {
    assert.equal(describeActor({ kind: 'admin', name: 'Dana' }, S), 'Dana');
    assert.equal(describeActor({ kind: 'api', name: 'ci-bot' }, S), 'ci-bot (API)');
    assert.equal(describeActor({ kind: 'system', name: 'trial-expiry' }, S), 'System');
  });

  it('says how long ago in the largest unit that fits', () => {
    const now = new Date('2026-11-27T09:00:00Z');
    const ago = (seconds: number) => relativeTimeParts(new Date(now.getTime() - seconds * 1000), now);
    assert.deepEqual(ago(120), { value: -2, unit: 'minute' });
    assert.deepEqual(ago(30), { value: -30, unit: 'second' });
    assert.deepEqual(ago(3 * 3600 + 59), { value: -3, unit: 'hour' });
    assert.deepEqual(ago(2 * 86400), { value: -2, unit: 'day' });
    assert.deepEqual(ago(0), { value: 0, unit: 'second' });
  });
});
