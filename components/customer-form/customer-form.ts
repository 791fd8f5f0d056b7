import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError, TimeoutError } from '../../src/backend/errors.js';
import { FREE_PLAN_ID, ID_MAX_LENGTH } from '../../src/model/constants.js';
import {
  CUSTOMER_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  EXTERNAL_ID_MAX_LENGTH,
  checkNewCustomer,
  type NewCustomerDraft,
  type NewCustomerField,
  type NewCustomerProblem,
} from '../../src/model/new-customer-checks.js';
import type { Plan } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { createCustomerCreatedEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { styles } from './customer-form.styles.js';
import { DEFAULT_FORM_STRINGS, type FormStrings } from './form-strings.js';
import { IdempotencyKeys } from './idempotency-key.js';

const EMPTY_DRAFT: NewCustomerDraft = { name: '', notification_email: '', plan_id: '', external_id: '' };
/** Fields in the order they are shown: the first one with an error gets focus. */
const FIELDS: readonly NewCustomerField[] = ['name', 'notification_email', 'plan_id', 'external_id'];
const FIELD_IDS: Record<NewCustomerField, string> = {
  name: 'name',
  notification_email: 'email',
  plan_id: 'plan',
  external_id: 'external-id',
};
const MAX_LENGTHS: Record<NewCustomerField, number> = {
  name: CUSTOMER_NAME_MAX_LENGTH,
  notification_email: EMAIL_MAX_LENGTH,
  plan_id: ID_MAX_LENGTH,
  external_id: EXTERNAL_ID_MAX_LENGTH,
};

type FieldMessages = Partial<Record<NewCustomerField, string>>;

const isField = (key: string): key is NewCustomerField => (FIELDS as readonly string[]).includes(key);

/**
 * @tagname customer-form
 * @summary Add a customer: name, notification email, plan and an optional external ID, checked
 * before sending with the rules of the contract's `NewCustomer`.
 *
 * Native inputs with labels inside the shadow root (`novalidate`: the element writes its own
 * messages, next to each field, tied with `aria-describedby`). The server's 422 field errors and a
 * 409 for a taken external ID land on their fields; every typed value stays after any failure.
 * A retry of the same values after a failure sends the same `Idempotency-Key`, so a create that
 * reached the server before the connection dropped is never made twice. On success it fires
 * `customer-created` and empties itself. The form has no Cancel button: the dialog around it does.
 *
 * @fires customer-created - `{ customer }`: the customer was added.
 *
 * @csspart form - The `<form>`.
 * @csspart field - The wrapper of one label, control, help and error.
 * @csspart label - A field's label.
 * @csspart input - A text input or the plan select.
 * @csspart help - Help text under a field.
 * @csspart field-error - A field's error message.
 * @csspart form-error - What went wrong with the whole request (network, server).
 * @csspart submit - The "Add customer" button.
 *
 * @cssprop --customers-console-color-danger - Error messages and invalid fields.
 * @cssprop --customer-form-gap - Space between fields (default 12px).
 * @cssprop --customer-form-max-inline-size - Widest the form gets (default 32rem).
 */
export class CustomerForm extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_FORM_STRINGS);
  // Nothing here depends on time yet; kept so `now` works as on every element.
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  private readonly keys = new IdempotencyKeys();

  private readonly plansTask = new Task(this, {
    task: async ([backend], { signal }) => (backend ? await backend.listPlans({ signal }) : null),
    args: () => [this.plans === undefined ? this.backendSource.value : undefined] as const,
  });

  @query('#name') private nameInput!: HTMLInputElement | null;

  @state() private draft: NewCustomerDraft = EMPTY_DRAFT;
  @state() private fieldErrors: FieldMessages = {};
  @state() private formError: string | null = null;
  @state() private busy = false;

  /** The backend to add the customer with (and to load plans from); overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The plans to offer; loaded from the backend when not set. The free plan is never offered. */
  @property({ attribute: false }) plans: Plan[] | undefined;

  /** The clock, as on every element; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_FORM_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<FormStrings> | undefined;

  /** Whether a create is in flight (a dialog around the form must not close while it is). */
  get sending(): boolean {
    return this.busy;
  }

  /** Focuses the first field (the customer name). */
  override focus(options?: FocusOptions): void {
    if (this.nameInput) this.nameInput.focus(options);
    else void this.updateComplete.then(() => this.nameInput?.focus(options));
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    return html`<form part="form" novalidate aria-label=${s.formLabel} aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onSubmit}>
      ${this.renderText('name', s.nameLabel, 'text', { autocomplete: 'organization' })}
      ${this.renderText('notification_email', s.emailLabel, 'email', { autocomplete: 'email', help: s.emailHelp })}
      ${this.renderPlan(s)}
      ${this.renderText('external_id', s.externalIdLabel, 'text', { autocomplete: 'off', help: s.externalIdHelp })}
      ${this.formError !== null ? html`<p class="form-error" part="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button primary" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${s.sending}` : s.submit}
        </button>
      </div>
    </form>`;
  }

  /** `aria-describedby` of a field: its help, then its error. */
  private describedBy(field: NewCustomerField, help: boolean): string | typeof nothing {
    const id = FIELD_IDS[field];
    const ids = [help ? `${id}-help` : '', this.fieldErrors[field] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderError(field: NewCustomerField): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    return message ? html`<p id="${FIELD_IDS[field]}-error" class="field-error" part="field-error">${message}</p>` : nothing;
  }

  private renderText(
    field: NewCustomerField,
    label: string,
    type: 'text' | 'email',
    options: { autocomplete: string; help?: string },
  ): TemplateResult {
    const id = FIELD_IDS[field];
    return html`<div class="field" part="field">
      <label for=${id} part="label">${label}</label>
      <input
        id=${id}
        part="input"
        class="input"
        type=${type}
        autocomplete=${options.autocomplete}
        spellcheck="false"
        dir=${field === 'name' ? 'auto' : nothing}
        maxlength=${MAX_LENGTHS[field] + 1}
        ?readonly=${this.busy}
        aria-required=${field === 'external_id' ? 'false' : 'true'}
        aria-invalid=${this.fieldErrors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field, options.help !== undefined)}
        .value=${live(this.draft[field])}
        @input=${(e: Event) => this.edit(field, (e.target as HTMLInputElement).value)}
      />
      ${options.help !== undefined ? html`<p id="${id}-help" class="help" part="help">${options.help}</p>` : nothing}
      ${this.renderError(field)}
    </div>`;
  }

  private renderPlan(s: FormStrings): TemplateResult {
    const plans = (this.plans ?? this.plansTask.value ?? []).filter((plan) => plan.id !== FREE_PLAN_ID);
    const loading = this.plans === undefined && this.plansTask.status === TaskStatus.PENDING && this.plansTask.value == null;
    const failed = this.plans === undefined && this.plansTask.status === TaskStatus.ERROR;
    const loaded = this.plans !== undefined || this.plansTask.status === TaskStatus.COMPLETE;
    return html`<div class="field" part="field">
      <label for="plan" part="label">${s.planLabel}</label>
      <select
        id="plan"
        part="input"
        class="input"
        aria-required="true"
        aria-invalid=${this.fieldErrors.plan_id ? 'true' : 'false'}
        aria-describedby=${this.describedBy('plan_id', false)}
        .value=${live(this.draft.plan_id)}
        @change=${(e: Event) => this.edit('plan_id', (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.draft.plan_id === ''}>${loading ? s.plansLoading : s.choosePlan}</option>
        ${plans.map((plan) => html`<option value=${plan.id} ?selected=${this.draft.plan_id === plan.id}>${plan.name}</option>`)}
      </select>
      ${failed
        ? html`<p class="help" part="help" role="alert">
            ${s.plansFailed} <button type="button" class="link-button" @click=${() => void this.plansTask.run()}>${s.retry}</button>
          </p>`
        : loaded && plans.length === 0
          ? html`<p class="help" part="help">${s.noPlans}</p>`
          : nothing}
      ${this.renderError('plan_id')}
    </div>`;
  }

  private edit(field: NewCustomerField, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.fieldErrors[field]) {
      const { [field]: _fixed, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  private problemText(field: NewCustomerField, problem: NewCustomerProblem, s: FormStrings): string {
    switch (problem) {
      case 'too-long':
        return s.tooLong(this.locale.numberFormat().format(MAX_LENGTHS[field]));
      case 'invalid-email':
        return s.emailInvalid;
      case 'control-characters':
        return s.externalIdControlCharacters;
      case 'required':
        return field === 'name' ? s.nameRequired : field === 'notification_email' ? s.emailRequired : s.planRequired;
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const s = this.text.value;
    const checked = checkNewCustomer(this.draft);
    if (!checked.ok) {
      const messages: FieldMessages = {};
      for (const [field, problem] of Object.entries(checked.problems) as [NewCustomerField, NewCustomerProblem][]) {
        messages[field] = this.problemText(field, problem, s);
      }
      this.showErrors(messages, null);
      return;
    }
    const backend = this.backendSource.value;
    if (!backend) return;
    this.fieldErrors = {};
    this.formError = null;
    this.busy = true;
    try {
      const customer = await backend.createCustomer(checked.value, { idempotencyKey: this.keys.keyFor(checked.value) });
      this.keys.succeeded();
      this.draft = EMPTY_DRAFT;
      this.busy = false;
      this.dispatchEvent(createCustomerCreatedEvent({ customer }));
    } catch (error) {
      this.busy = false;
      this.showFailure(error, s);
    }
  }

  /** A failed create: field errors on their fields, the rest above the button; the draft stays. */
  private showFailure(error: unknown, s: FormStrings): void {
    if (!(error instanceof HttpError)) {
      this.showErrors({}, error instanceof NetworkError || error instanceof TimeoutError ? s.networkFailed : s.failed);
      return;
    }
    const messages: FieldMessages = {};
    for (const [key, list] of Object.entries(error.fieldErrors)) {
      if (isField(key) && list.length > 0) messages[key] = list.map(s.serverFieldError).join(' ');
    }
    if (error.status === 409) messages.external_id = s.externalIdTaken;
    this.showErrors(messages, error.problem.detail ?? error.problem.title);
  }

  private showErrors(messages: FieldMessages, formError: string | null): void {
    this.fieldErrors = messages;
    this.formError = formError;
    const first = FIELDS.find((field) => messages[field] !== undefined);
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-form': CustomerForm;
  }
}
