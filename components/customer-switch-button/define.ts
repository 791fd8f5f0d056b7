// PLACEHOLDER until the <customer-switch-button> element lands
/**
 * A stand-in with the agreed API (customerId, backend, strings, now) so the console's customer page
 * can be built and tested before the real element is merged. It only shows a button.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Backend } from '../../src/backend/backend.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';

export interface SwitchButtonStrings {
  label: string;
}
export const DEFAULT_SWITCH_BUTTON_STRINGS: SwitchButtonStrings = { label: 'Switch to this account' };

export class CustomerSwitchButton extends LitElement {
  private readonly text = new StringsController(this, DEFAULT_SWITCH_BUTTON_STRINGS);

  @property({ attribute: false }) backend: Backend | undefined;
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;
  @property({ attribute: false }) strings: StringsOverride<SwitchButtonStrings> | undefined;
  @property({ attribute: false }) now: Date | undefined;

  protected override render(): TemplateResult {
    return html`<button type="button" data-customer-id=${String(this.customerId)}>${this.text.value.label}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-switch-button': CustomerSwitchButton;
  }
}

if (!customElements.get('customer-switch-button')) customElements.define('customer-switch-button', CustomerSwitchButton);
