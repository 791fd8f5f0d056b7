import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, isAbortError } from '../../src/backend/errors.js';
import { maySwitchToAccount } from '../../src/model/rules.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { createCustomerSwitchEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { RetryFocusController } from '../shared/retry-focus.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { styles } from './customer-switch-button.styles.js';
import { DEFAULT_SWITCH_BUTTON_STRINGS, type SwitchButtonStrings } from './switch-button-strings.js';

/**
 * @tagname customer-switch-button
 * @summary "Switch to this account": opens the customer's account for a partner admin who is a
 * customer manager or collaborator of its workspace.
 *
 * Loads `backend.getPartner()` and `backend.listCollaborators(customerId)` and decides with
 * `maySwitchToAccount` (src/model/rules.ts), the rule the server enforces too. When the admin may
 * not switch, the button stays in the tab order with `aria-disabled="true"` and the reason is
 * visible text next to it (its `aria-describedby`), so keyboard and screen-reader users meet the
 * reason where they meet the button. A click asks `backend.switchToAccount(customerId)` and fires
 * `customer-switch`; unless a listener cancels it the element opens the URL in a new tab. A refusal
 * (403) or any other failure shows its text next to the button.
 *
 * @fires customer-switch - `{ id, url }`, cancelable: cancel it to open the account your own way.
 *
 * @csspart base - The wrapper of the button and its note.
 * @csspart button - The button.
 * @csspart reason - Why the button is disabled, or that the check is running.
 * @csspart error - What went wrong when switching (or checking) failed.
 * @csspart retry-button - Retry after the check failed (named as the other elements' Retry parts).
 *
 * @cssprop --customers-console-color-accent - The button's colour.
 * @cssprop --customer-switch-button-note-max-inline-size - Widest the note next to the button gets (default 28rem).
 */
export class CustomerSwitchButton extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_SWITCH_BUTTON_STRINGS);
  // Nothing here depends on time or locale yet; kept so `now`, `lang` and `dir` work as on every element.
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);

  /** Whether the signed-in admin may switch into this customer's account (null: no customer or backend). */
  private readonly access = new Task(this, {
    task: async ([backend, customerId], { signal }) => {
      if (!backend || customerId === undefined) return null;
      const [partner, team] = await Promise.all([backend.getPartner({ signal }), backend.listCollaborators(customerId, { signal })]);
      return maySwitchToAccount(partner.admin.email, team);
    },
    args: () => [this.backendSource.value, this.customerId] as const,
  });
  /** Retry goes with the failed check: focus waits on the switch button, which stays, and goes to Retry again if it fails again. */
  private readonly retryFocus = new RetryFocusController(this, {
    settled: () => this.access.status !== TaskStatus.PENDING,
    waiting: '[part~="button"]',
    targets: ['[part~="retry-button"]', '[part~="button"]'],
  });

  /** A switch request is in flight. */
  @state() private switching = false;
  /** What the last switch attempt failed with, shown next to the button. */
  @state() private failure: string | null = null;

  /** The backend to ask; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The customer's User ID. */
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;

  /** The clock, as on every element; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_SWITCH_BUTTON_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<SwitchButtonStrings> | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A failure belongs to the customer it happened for.
    if (changed.has('customerId') || changed.has('backend')) this.failure = null;
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const status = this.access.status;
    const checking = status === TaskStatus.PENDING || (status === TaskStatus.INITIAL && this.customerId !== undefined);
    const allowed = status === TaskStatus.COMPLETE && this.access.value === true;
    const busy = checking || this.switching;
    const reason =
      status === TaskStatus.ERROR
        ? s.checkFailed
        : checking
          ? s.checking
          : this.switching
            ? s.opening
            : status === TaskStatus.COMPLETE && this.access.value === false
              ? s.notAllowed
              : null;
    const described = [reason !== null ? 'reason' : '', this.failure !== null ? 'error' : ''].filter(Boolean).join(' ');
    return html`<div class="base" part="base">
      <button
        type="button"
        class="button primary"
        part="button"
        aria-disabled=${allowed && !this.switching ? 'false' : 'true'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @click=${this.onClick}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${s.button}</span>
      </button>
      ${reason !== null
        ? html`<p id="reason" class="note" part="reason" role=${busy ? 'status' : nothing}>
            ${reason}${status === TaskStatus.ERROR
              ? html` <button type="button" class="link-button" part="retry-button" @click=${this.onRetry}>${s.retry}</button>`
              : nothing}
          </p>`
        : nothing}
      ${this.failure !== null ? html`<p id="error" class="note error" part="error" role="alert">${this.failure}</p>` : nothing}
    </div>`;
  }

  private onRetry(): void {
    this.retryFocus.retried();
    void this.access.run();
  }

  private async onClick(): Promise<void> {
    const backend = this.backendSource.value;
    const id = this.customerId;
    if (!backend || id === undefined || this.switching || this.access.value !== true) return;
    this.switching = true;
    this.failure = null;
    try {
      const { url } = await backend.switchToAccount(id);
      if (this.customerId !== id) return;
      const event = createCustomerSwitchEvent({ id, url });
      if (this.dispatchEvent(event)) window.open(url, '_blank', 'noopener');
    } catch (error) {
      if (isAbortError(error) || this.customerId !== id) return;
      this.failure = error instanceof HttpError ? (error.problem.detail ?? error.problem.title) : this.text.value.switchFailed;
    } finally {
      this.switching = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-switch-button': CustomerSwitchButton;
  }
}
