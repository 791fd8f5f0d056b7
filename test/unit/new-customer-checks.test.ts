// The form's zod-free checks agree with the NewCustomer schema: same fields refused, same body accepted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { NewCustomer } from '../../src/model/schemas.js';
import { EMAIL_PATTERN, checkNewCustomer, type NewCustomerDraft } from '../../src/model/new-customer-checks.js';

const VALID: NewCustomerDraft = { name: 'Acme Corp', notification_email: 'ops@acme.example', plan_id: 'growth', external_id: '' };

/** The body the form would send for a draft: a blank external ID is left out. */
function body(draft: NewCustomerDraft): Record<string, string> {
  const { external_id, ...rest } = draft;
  return external_id.trim() === '' ? rest : { ...rest, external_id };
}

function schemaFields(draft: NewCustomerDraft): string[] {
  const result = z.safeParse(NewCustomer, body(draft));
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].sort();
}

function checkFields(draft: NewCustomerDraft): string[] {
  const result = checkNewCustomer(draft);
  return result.ok ? [] : Object.keys(result.problems).sort();
}

const CASES: [string, Partial<NewCustomerDraft>][] = [
  ['a plain customer', {}],
  ['a name with spaces around it', { name: '  Acme  ' }],
  ['an empty name', { name: '' }],
  ['a name of spaces', { name: '   ' }],
  ['a name of 200 characters', { name: 'n'.repeat(200) }],
  ['a name of 201 characters', { name: 'n'.repeat(201) }],
  ['a name of 200 characters and spaces', { name: ` ${'n'.repeat(200)} ` }],
  ['a name that looks like markup', { name: '<img src=x onerror=alert(1)>' }],
  ['an accented, right-to-left name', { name: 'Société شركة' }],
  ['an empty e-mail', { notification_email: '' }],
  ['an e-mail without @', { notification_email: 'ops.acme.example' }],
  ['an e-mail without a domain dot', { notification_email: 'ops@acme' }],
  ['an e-mail with a one-letter TLD', { notification_email: 'ops@acme.x' }],
  ['an e-mail with a plus', { notification_email: 'ops+console@acme.example' }],
  ['an e-mail with an apostrophe', { notification_email: "o'neil@acme.example" }],
  ['an e-mail with two dots', { notification_email: 'ops..team@acme.example' }],
  ['an e-mail starting with a dot', { notification_email: '.ops@acme.example' }],
  ['an e-mail with a space', { notification_email: 'ops team@acme.example' }],
  ['an e-mail with a leading space', { notification_email: ' ops@acme.example' }],
  ['an e-mail with a subdomain', { notification_email: 'ops@mail.eu.acme.example' }],
  ['an e-mail with a non-ASCII domain', { notification_email: 'ops@bücher.example' }],
  ['an e-mail of 254 characters', { notification_email: `${'a'.repeat(64)}@${'b'.repeat(180)}.example` }],
  ['an e-mail of 255 characters', { notification_email: `${'a'.repeat(65)}@${'b'.repeat(180)}.example` }],
  ['no plan', { plan_id: '' }],
  ['a plan of spaces', { plan_id: '  ' }],
  ['a plan id of 65 characters', { plan_id: 'p'.repeat(65) }],
  ['an external ID', { external_id: 'ACME-1' }],
  ['an external ID with spaces around it', { external_id: '  ACME-1 ' }],
  ['an external ID of spaces (none)', { external_id: '   ' }],
  ['an external ID of 100 characters', { external_id: 'x'.repeat(100) }],
  ['an external ID of 101 characters', { external_id: 'x'.repeat(101) }],
  ['an external ID with a tab inside', { external_id: 'ACME\t1' }],
  ['an external ID with a DEL', { external_id: 'ACME\u007f' }],
  ['an external ID with a newline at its end (trimmed away)', { external_id: 'ACME-1\n' }],
  ['every field wrong', { name: '', notification_email: 'nope', plan_id: '', external_id: 'x'.repeat(101) }],
];

describe('checkNewCustomer agrees with the NewCustomer schema', () => {
  it('uses zod’s own e-mail pattern', () => {
    assert.equal(EMAIL_PATTERN.source, regexes.email.source);
    assert.equal(EMAIL_PATTERN.flags, regexes.email.flags);
  });

  for (const [what, fields] of CASES) {
    it(what, () => {
      const draft = { ...VALID, ...fields };
      assert.deepEqual(checkFields(draft), schemaFields(draft), 'the same fields are refused');
      const checked = checkNewCustomer(draft);
      if (checked.ok) {
        // What the form sends is exactly what the schema makes of the typed values.
        const parsed = z.parse(NewCustomer, body(draft));
        assert.deepEqual(checked.value, { ...parsed, ...(parsed.external_id == null ? {} : { external_id: parsed.external_id }) });
        assert.deepEqual(z.parse(NewCustomer, checked.value), checked.value, 'and the schema accepts it unchanged');
      }
    });
  }

  it('names why each field is refused', () => {
    assert.deepEqual(checkNewCustomer({ name: ' ', notification_email: 'a@b', plan_id: '', external_id: 'x\u0001' }), {
      ok: false,
      problems: { name: 'required', notification_email: 'invalid-email', plan_id: 'required', external_id: 'control-characters' },
    });
    assert.deepEqual(
      checkNewCustomer({ ...VALID, name: 'n'.repeat(201), notification_email: '', external_id: 'x'.repeat(101) }),
      { ok: false, problems: { name: 'too-long', notification_email: 'required', external_id: 'too-long' } },
    );
  });
});
