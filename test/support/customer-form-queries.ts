/**
 * `<customer-form>` as its users meet it, for its own tests and the console's dialog tests: fields by
 * their label, the messages their `aria-describedby` points at, the submit button by its role.
 */
import type { CustomerForm } from '../../components/customer-form/define.js';
import { accessibleName, allByPart, byRole } from './by-role.js';
import { click, press, type } from './user.js';
import { shownText } from './text.js';

export type FormFieldLabel = 'Customer name' | 'Notification email' | 'Plan' | 'External ID (optional)';

const text = shownText;

/** The input or select labelled `label`. */
export function formField(form: CustomerForm, label: FormFieldLabel | string): HTMLInputElement | HTMLSelectElement {
  const found = [...form.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].filter(
    (field) => accessibleName(field) === label,
  );
  if (found.length !== 1) throw new Error(`${found.length} fields labelled ${label}`);
  return found[0]!;
}

/** Everything a field's `aria-describedby` says (help text, then its error), joined by a space. */
export function fieldDescription(form: CustomerForm, label: FormFieldLabel | string): string {
  const field = formField(form, label);
  const root = form.shadowRoot!;
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => text(root.getElementById(id)))
    .join(' ');
}

/** The error shown under a field (`part="field-error"` that describes it), or null. */
export function fieldError(form: CustomerForm, label: FormFieldLabel | string): string | null {
  const field = formField(form, label);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const error = allByPart(form.shadowRoot!, 'field-error').find((e) => ids.includes(e.id));
  return error ? text(error) : null;
}

/** The message about the whole request (network, server), or null. */
export function formError(form: CustomerForm): string | null {
  const message = allByPart(form.shadowRoot!, 'form-error')[0];
  return message ? text(message) : null;
}

export function submitButton(form: CustomerForm): HTMLButtonElement {
  return byRole<HTMLButtonElement>(form.shadowRoot!, 'button', /^(Add customer|Adding customer…)$/);
}

export function formValues(form: CustomerForm): Record<FormFieldLabel, string> {
  return {
    'Customer name': formField(form, 'Customer name').value,
    'Notification email': formField(form, 'Notification email').value,
    Plan: formField(form, 'Plan').value,
    'External ID (optional)': formField(form, 'External ID (optional)').value,
  };
}

/** Clicks into a text field and types, as a person does (after selecting what is there). */
export async function typeInto(form: CustomerForm, label: FormFieldLabel, value: string): Promise<void> {
  await click(formField(form, label));
  await press('Control+a');
  if (value === '') await press('Backspace');
  else await type(value);
}

/** Picks a plan by its name with the keyboard: focus the select, then arrow down to the option. */
export async function choosePlan(form: CustomerForm, name: string): Promise<void> {
  const select = formField(form, 'Plan') as HTMLSelectElement;
  const target = [...select.options].findIndex((option) => option.textContent!.trim() === name);
  if (target < 0) throw new Error(`no plan ${name}`);
  select.focus();
  while (select.selectedIndex !== target) await press(select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp');
}
