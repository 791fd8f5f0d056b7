// PLACEHOLDER until the <customer-form> element lands
/**
 * A stand-in with the agreed API (backend, strings, now, `focus()`, `sending`, customer-created) so
 * the console's add-customer dialog can be built and tested before the real form is merged. Name
 * and notification email, the free plan, no validation of its own: the backend's errors show as text.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Backend } from '../../src/backend/backend.js';
import { FREE_PLAN_ID } from '../../src/model/constants.js';
import type { Plan } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { createCustomerCreatedEvent } from '../shared/events.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';

export interface CustomerFormStrings {
  name: string;
  email: string;
  submit: string;
}
export const DEFAULT_FORM_STRINGS: CustomerFormStrings = { name: 'Customer name', email: 'Notification email', submit: 'Add customer' };

export class CustomerForm extends LitElement {
  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_FORM_STRINGS);

  @query('input[name="name"]') private nameField!: HTMLInputElement;
  @query('input[name="email"]') private emailField!: HTMLInputElement;
  @state() private busy = false;
  @state() private failure = '';

  @property({ attribute: false }) backend: Backend | undefined;
  @property({ attribute: false }) plans: readonly Plan[] | undefined;
  @property({ attribute: false }) strings: StringsOverride<CustomerFormStrings> | undefined;
  @property({ attribute: false }) now: Date | undefined;

  get sending(): boolean {
    return this.busy;
  }

  override focus(): void {
    this.nameField?.focus();
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    return html`<form @submit=${this.onSubmit}>
      <label>${s.name} <input name="name" /></label>
      <label>${s.email} <input name="email" type="email" /></label>
      ${this.failure ? html`<p role="alert">${this.failure}</p>` : ''}
      <button type="submit" aria-busy=${this.busy ? 'true' : 'false'}>${s.submit}</button>
    </form>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.backendSource.value;
    if (!backend || this.busy) return;
    this.busy = true;
    this.failure = '';
    try {
      const customer = await backend.createCustomer({
        name: this.nameField.value,
        notification_email: this.emailField.value,
        plan_id: this.plans?.[0]?.id ?? FREE_PLAN_ID,
      });
      this.nameField.value = '';
      this.emailField.value = '';
      this.dispatchEvent(createCustomerCreatedEvent({ customer }));
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-form': CustomerForm;
  }
}

if (!customElements.get('customer-form')) customElements.define('customer-form', CustomerForm);
