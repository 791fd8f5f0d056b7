/**
 * The `NewCustomer` schema's rules without zod, for the browser: `<customer-form>` checks what the
 * admin typed before sending, and importing the zod schema there would put zod/mini into the form's
 * own bundle (ARCHITECTURE.md: only backends parse). test/unit/new-customer-checks.test.ts proves
 * these agree with `NewCustomer` in schemas.ts, case by case, and that the e-mail pattern is zod's.
 */
import { ID_MAX_LENGTH } from './constants.js';
import type { NewCustomer } from './schemas.js';

/** What the form holds: every field as typed (an empty external ID means none). */
export interface NewCustomerDraft {
  name: string;
  notification_email: string;
  plan_id: string;
  external_id: string;
}

export type NewCustomerField = keyof NewCustomerDraft;

/** Why a field is refused; the form turns each into a sentence of its own strings. */
export type NewCustomerProblem = 'required' | 'too-long' | 'invalid-email' | 'control-characters';

export type NewCustomerChecks =
  | { ok: true; value: NewCustomer }
  | { ok: false; problems: Partial<Record<NewCustomerField, NewCustomerProblem>> };

export const CUSTOMER_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const EXTERNAL_ID_MAX_LENGTH = 100;

/** zod 4's `z.email()` pattern, copied verbatim (the unit test compares it with zod's own). */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function lengthProblem(value: string, max: number): NewCustomerProblem | undefined {
  if (value.length === 0) return 'required';
  return value.length > max ? 'too-long' : undefined;
}

/**
 * The draft as the body `POST /customers` accepts, or the problem of each field that the schema
 * would refuse. Name, plan and external ID are trimmed as the schema trims them; the e-mail is not
 * (the schema does not trim it, and an `<input type="email">` already strips surrounding spaces).
 */
export function checkNewCustomer(draft: NewCustomerDraft): NewCustomerChecks {
  const name = draft.name.trim();
  const email = draft.notification_email;
  const planId = draft.plan_id.trim();
  const externalId = draft.external_id.trim();
  const problems: Partial<Record<NewCustomerField, NewCustomerProblem>> = {};

  const nameProblem = lengthProblem(name, CUSTOMER_NAME_MAX_LENGTH);
  if (nameProblem) problems.name = nameProblem;

  if (email.length === 0) problems.notification_email = 'required';
  else if (!EMAIL_PATTERN.test(email)) problems.notification_email = 'invalid-email';
  else if (email.length > EMAIL_MAX_LENGTH) problems.notification_email = 'too-long';

  const planProblem = lengthProblem(planId, ID_MAX_LENGTH);
  if (planProblem) problems.plan_id = planProblem;

  // Empty means "no external ID": the field is optional.
  if (externalId.length > EXTERNAL_ID_MAX_LENGTH) problems.external_id = 'too-long';
  else if (CONTROL_CHARACTER.test(externalId)) problems.external_id = 'control-characters';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { name, notification_email: email, plan_id: planId, ...(externalId === '' ? {} : { external_id: externalId }) },
  };
}
