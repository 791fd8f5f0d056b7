import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError, TimeoutError, isAbortError } from '../../src/backend/errors.js';
import { TRIAL_DAYS, TRIAL_TASK_LIMIT, type Status } from '../../src/model/constants.js';
import {
  isNoOp,
  planTrialChanges,
  previewChange,
  trialPreview,
  type LimitOverrun,
  type PlanAction,
  type PlanTrialChange,
} from '../../src/model/plan-changes.js';
import { customerStatus, effectivePlanId, findPlan, settledCustomer, type Limits } from '../../src/model/rules.js';
import type { Customer, Plan } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { ModalDialogController } from '../shared/dialog.js';
import { createCustomerChangeEvent, createUnsavedChangesEvent, type CustomerChangeDetail } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { RetryFocusController } from '../shared/retry-focus.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { withFigures } from '../shared/figures.js';
import { DEFAULT_PLAN_SETTINGS_STRINGS, type PlanSettingsStrings } from './plan-settings-strings.js';
import { styles } from './plan-settings.styles.js';
import { calendarDayOffset, relativeTimeFormat, timeAgo } from './relative-dates.js';

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

interface Lookups {
  plans: Plan[];
  /** `/partner`: the signed-in admin may change customers. */
  canManage: boolean;
}

/** What the last apply came to, shown (and focused) above the sections. */
type Outcome =
  | { kind: 'done'; message: string; figures: readonly string[] }
  | { kind: 'conflict'; action: PlanAction; changes: PlanTrialChange[]; same: boolean }
  | { kind: 'failed'; action: PlanAction; message: string };

const sameAction = (a: PlanAction | null, b: PlanAction): boolean =>
  a !== null && a.kind === b.kind && (a.kind === 'plan' ? a.plan_id === (b as typeof a).plan_id : a.enabled === (b as typeof a).enabled);

/**
 * @tagname plan-settings
 * @summary A customer's plan and trial: the plan and status, a change of plan (with the limits it
 * brings, and a confirmation when usage is already over them), and the trial — enable for 30 days
 * at 100 tasks a month, extend, end it once the customer subscribes — with its dates.
 *
 * Give it the `customer` the page already has (`backend.getCustomer`); it loads the partner's plans
 * (`listPlans`) and the admin's permissions (`getPartner`) itself. Every write sends the version of
 * the customer shown (If-Match). After a save the element sets `customer` to the backend's answer
 * and fires `customer-change`, so the page can keep its copy. When another admin changed the
 * customer first (412), it loads the current record, shows what changed (who and when, from the
 * history where the backend has it), keeps this admin's choice and offers to apply it on the new
 * version or keep the other change. Any other failure keeps the choice and offers Try again.
 *
 * A plan chosen and not applied (or a trial change that failed or met a conflict) is unsaved:
 * `hasUnsavedChanges` says so and `unsaved-changes` fires each time that flips.
 *
 * Read-only with the `readonly` attribute (a framed session), or when `/partner` says the admin
 * lacks `manage_customers`; the reason is shown and describes the disabled controls.
 *
 * @fires customer-change - `{ customer, change: 'plan' | 'trial' }` after a save, with the record
 * as the backend answered it. Also after a conflict, with the other admin's record (its `change`
 * is what they changed) so the page's copy stays current.
 * @fires unsaved-changes - `{ unsaved }` when the element starts or stops holding a choice not applied.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart summary - The plan, status, limits and usage at the top.
 * @csspart plan-name - The name of the plan the customer is on.
 * @csspart status-badge - The status (also `status-active`, `status-trial`, `status-expired`).
 * @csspart limits - The limits the customer has now.
 * @csspart usage - Tasks and connections used this period.
 * @csspart readonly-reason - Why the plan and trial cannot be changed.
 * @csspart result - The message after an apply (focused).
 * @csspart conflict - What another admin changed, with Apply my choice and Keep theirs (focused).
 * @csspart error - A failed apply, with Try again and Dismiss (focused).
 * @csspart conflict-apply - Apply my choice.
 * @csspart conflict-keep - Keep theirs.
 * @csspart retry-button - Try again (after a failed apply) or Retry (after a failed load).
 * @csspart dismiss - Dismiss a failed apply.
 * @csspart subscription - The Subscription section.
 * @csspart expired-note - Since when an expired customer is on Free, and how to reactivate.
 * @csspart plans - The plan choice (a radio group).
 * @csspart plan-option - One plan (also `plan-option-checked`).
 * @csspart current-tag - The "current" mark beside the customer's plan.
 * @csspart plans-note - That plans are not added or removed here.
 * @csspart preview - What the chosen plan brings, before it is applied.
 * @csspart unsaved-tag - The "Not applied yet" mark.
 * @csspart apply-button - Change plan.
 * @csspart discard-button - Discard the chosen plan.
 * @csspart trial - The Trial section.
 * @csspart trial-status - The trial's state and end date.
 * @csspart trial-button - Enable, Extend or End trial.
 * @csspart trial-preview - What a trial button would do (the new end date, the plan it leaves).
 * @csspart dialog - The over-limit confirmation.
 * @csspart overruns - The usage and new limits in the confirmation.
 * @csspart confirm-button - The confirmation's apply button.
 * @csspart cancel-button - The confirmation's Cancel.
 * @csspart message - The loading or load-error message.
 * @csspart skeleton - A placeholder while the plans load.
 *
 * @cssprop --plan-settings-max-inline-size - Widest the element gets (default 48rem).
 * @cssprop --plan-settings-gap - Space between its sections (default 16px).
 * @cssprop --plan-settings-option-selected-background - Background of the chosen plan.
 * @cssprop --plan-settings-badge-background - Background of the status badge.
 */
export class PlanSettings extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_PLAN_SETTINGS_STRINGS);
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  private readonly confirmDialog = new ModalDialogController(this, () => this.dialog);

  private readonly lookups = new Task(this, {
    task: async ([backend], { signal }): Promise<Lookups | null> => {
      if (!backend) return null;
      const [plans, partner] = await Promise.all([backend.listPlans({ signal }), backend.getPartner({ signal })]);
      return { plans, canManage: partner.admin.permissions.manage_customers };
    },
    args: () => [this.backendSource.value] as const,
  });
  /** Retry after a failed load goes with its message: focus waits on the loading message, then goes to the plan choice (or Retry again). */
  private readonly retryFocus = new RetryFocusController(this, {
    settled: () => this.lookups.status !== TaskStatus.PENDING,
    waiting: '[part~="message"][role="status"]',
    targets: ['[part~="message"] [part~="retry-button"]', '[part~="plans"] input:checked', '[part~="plans"] input'],
  });

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** The plan the admin chose and has not applied; null while it is the customer's own. */
  @state() private chosenPlanId: string | null = null;
  /** The write in flight. */
  @state() private saving: PlanAction | null = null;
  /** The change waiting for confirmation in the dialog, and the limits it lowers below usage. */
  @state() private confirming: { action: PlanAction; overruns: LimitOverrun[] } | null = null;
  @state() private outcome: Outcome | null = null;
  /** Focus the outcome once it is rendered (after an apply, Keep theirs). */
  private focusOutcome = false;
  /** Focus this part once rendered (after Dismiss removed the focused message). */
  private focusPart: string | null = null;
  private reportedUnsaved = false;

  /**
   * The customer shown (as `backend.getCustomer` answers it). The element replaces it with the
   * backend's answer after each save and after a conflict; set another one (another `id`) and
   * every pending choice is dropped. Until it is set the element shows its loading state.
   */
  @property({ attribute: false }) customer: Customer | undefined;

  /** The backend to ask; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The clock statuses, trial dates and previews are read against; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_PLAN_SETTINGS_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<PlanSettingsStrings> | undefined;

  /** Shows the plan and trial without letting them change (a read-only session), with the reason. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Whether a choice is held that is not applied: a chosen plan, or a trial change that failed or met a conflict. */
  get hasUnsavedChanges(): boolean {
    if (this.chosenPlanId !== null) return true;
    const outcome = this.outcome;
    return outcome !== null && ((outcome.kind === 'conflict' && !outcome.same) || outcome.kind === 'failed');
  }

  /** Loads the plans and permissions again (what Retry does after a failed load). */
  retry(): void {
    void this.lookups.run();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('customer')) {
      const previous = changed.get('customer') as Customer | undefined;
      if (previous !== undefined && previous.id !== this.customer?.id) {
        // Another customer: nothing chosen for the previous one carries over.
        this.chosenPlanId = null;
        this.outcome = null;
        this.confirming = null;
        this.confirmDialog.close();
      } else if (this.customer && this.chosenPlanId === effectivePlanId(this.customer, this.clock.now)) {
        this.chosenPlanId = null;
      }
    }
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const customer = this.customer;
    const status = this.lookups.status;
    let body: TemplateResult;
    if (status === TaskStatus.ERROR) body = this.renderLoadError(s);
    else if (!customer || status !== TaskStatus.COMPLETE || !this.lookups.value) body = this.renderLoading(s);
    else body = this.renderSettings(customer, this.lookups.value, s);
    return html`<div class="base" part="base">${body}</div>`;
  }

  protected override updated(): void {
    const unsaved = this.hasUnsavedChanges;
    if (unsaved !== this.reportedUnsaved) {
      this.reportedUnsaved = unsaved;
      this.dispatchEvent(createUnsavedChangesEvent({ unsaved }));
    }
    if (this.focusOutcome) {
      this.focusOutcome = false;
      this.renderRoot.querySelector<HTMLElement>('[data-outcome]')?.focus();
    }
    if (this.focusPart !== null) {
      this.renderRoot.querySelector<HTMLElement>(`[part~="${this.focusPart}"]`)?.focus();
      this.focusPart = null;
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Rendering

  private renderLoading(s: PlanSettingsStrings): TemplateResult {
    return html`<p class="message" part="message" role="status" tabindex="-1">${s.loading}</p>
      <div class="skeletons" aria-hidden="true">
        <div class="skeleton" part="skeleton"></div>
        <div class="skeleton" part="skeleton"></div>
      </div>`;
  }

  private renderLoadError(s: PlanSettingsStrings): TemplateResult {
    const error = this.lookups.error;
    const detail = error instanceof HttpError ? (error.problem.detail ?? error.problem.title) : null;
    return html`<div class="message error" part="message" role="alert">
      <p>${s.loadFailed}${detail ? html` <span class="detail">${detail}</span>` : nothing}</p>
      <button type="button" class="button" part="retry-button" @click=${this.onRetry}>${s.retry}</button>
    </div>`;
  }

  private renderSettings(customer: Customer, lookups: Lookups, s: PlanSettingsStrings): TemplateResult {
    const now = this.clock.now;
    const shown = settledCustomer(customer, lookups.plans, now);
    const status = customerStatus(shown, now);
    const reason = this.readonly ? s.readonlySession : !lookups.canManage ? s.noPermission : null;
    return html`<dl class="summary" part="summary">
        <div>
          <dt>${s.planLabel}</dt>
          <dd part="plan-name">${this.planName(shown.plan_id, lookups.plans)}</dd>
        </div>
        <div>
          <dt>${s.statusLabel}</dt>
          <dd><span class="badge ${status}" part="status-badge status-${status}">${s.status[status]}</span></dd>
        </div>
        <div>
          <dt>${s.limitsLabel}</dt>
          <dd part="limits" class="sentence">${this.limitsSentence(shown, s)}</dd>
        </div>
        <div>
          <dt>${s.usageLabel}</dt>
          <dd part="usage" class="sentence">${this.usageSentence(shown, s)}</dd>
        </div>
      </dl>
      ${reason !== null ? html`<p id="readonly-reason" class="note reason" part="readonly-reason">${reason}</p>` : nothing}
      ${this.renderOutcome(customer, lookups, s)}
      ${this.renderSubscription(customer, shown, status, lookups, reason !== null, s)}
      ${this.renderTrial(customer, shown, status, lookups, reason !== null, s)} ${this.renderDialog(lookups, s)}`;
  }

  private renderOutcome(customer: Customer, lookups: Lookups, s: PlanSettingsStrings): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (outcome === null) return nothing;
    if (outcome.kind === 'done') {
      return html`<p class="outcome done sentence" part="result" role="status" tabindex="-1" data-outcome>${withFigures(outcome.message, outcome.figures)}</p>`;
    }
    const busy = this.saving !== null;
    if (outcome.kind === 'failed') {
      return html`<div class="outcome error" part="error" role="alert" tabindex="-1" data-outcome>
        <p>${outcome.message}</p>
        <div class="actions">
          <button type="button" class="button" part="retry-button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.requestApply(outcome.action)}>
            ${s.tryAgain}
          </button>
          <button type="button" class="link-button" part="dismiss" @click=${this.onDismiss}>${s.dismiss}</button>
        </div>
      </div>`;
    }
    const now = this.clock.now;
    const shown = settledCustomer(customer, lookups.plans, now);
    return html`<div class="outcome conflict" part="conflict" role="alert" tabindex="-1" data-outcome aria-labelledby="conflict-title">
      <p id="conflict-title" class="outcome-title">${s.conflictTitle}</p>
      <ul>
        ${outcome.changes.map((change) => html`<li>${this.changeText(change, lookups.plans, s)}</li>`)}
      </ul>
      <p>${s.conflictNow(this.planName(shown.plan_id, lookups.plans), s.status[customerStatus(shown, now)])}</p>
      <p>${outcome.same ? s.conflictSame : s.conflictYourChoice(this.choiceText(outcome.action, customer, lookups.plans, s))}</p>
      ${outcome.same
        ? nothing
        : html`<div class="actions">
            <button
              type="button"
              class="button primary"
              part="conflict-apply"
              aria-disabled=${busy ? 'true' : 'false'}
              aria-busy=${busy ? 'true' : 'false'}
              @click=${() => this.requestApply(outcome.action)}
            >
              ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${s.conflictApply}</span>
            </button>
            <button type="button" class="button" part="conflict-keep" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onKeepTheirs}>
              ${s.conflictKeep}
            </button>
          </div>`}
    </div>`;
  }

  private renderSubscription(
    customer: Customer,
    shown: Customer,
    status: Status,
    lookups: Lookups,
    locked: boolean,
    s: PlanSettingsStrings,
  ): TemplateResult {
    const currentId = shown.plan_id;
    const chosenId = this.chosenPlanId ?? currentId;
    const chosen = this.chosenPlanId === null ? null : findPlan(this.chosenPlanId, lookups.plans) ?? null;
    const savingPlan = this.saving?.kind === 'plan';
    const applyDisabled = locked || chosen === null || this.saving !== null;
    const described = ['plans-note', locked ? 'readonly-reason' : ''].filter(Boolean).join(' ');
    return html`<section class="section" part="subscription" aria-labelledby="subscription-heading">
      <h4 id="subscription-heading">${s.subscriptionHeading}</h4>
      ${status === 'expired'
        ? html`<div class="note expired" part="expired-note">
            <p>${shown.trial_ends_at ? s.expiredSince(this.formatDate(shown.trial_ends_at, s)) : s.expiredFree}</p>
            <p>${s.reactivate}</p>
          </div>`
        : nothing}
      <fieldset part="plans" ?disabled=${locked || this.saving !== null} aria-describedby=${described}>
        <legend>${s.plansLegend}</legend>
        ${lookups.plans.map((plan) => {
          const checked = plan.id === chosenId;
          return html`<label class="option ${checked ? 'checked' : ''}" part="plan-option${checked ? ' plan-option-checked' : ''}">
            <input type="radio" name="plan" .value=${plan.id} .checked=${live(checked)} @change=${this.onPlanChange} />
            <span class="option-name">${plan.name}</span>
            ${plan.id === currentId ? html`<span class="tag" part="current-tag">${s.currentPlan}</span>` : nothing}
            <span class="option-limits sentence">${this.limitsSentence(plan, s)}</span>
          </label>`;
        })}
      </fieldset>
      <p id="plans-note" class="note" part="plans-note">${s.plansNote}</p>
      ${chosen !== null ? this.renderPlanPreview(customer, chosen, lookups, s) : nothing}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          part="apply-button"
          aria-disabled=${applyDisabled ? 'true' : 'false'}
          aria-busy=${savingPlan ? 'true' : 'false'}
          aria-describedby=${locked ? 'readonly-reason' : chosen !== null ? 'plan-preview' : nothing}
          @click=${this.onApplyPlan}
        >
          ${savingPlan ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${s.applyPlan}</span>
        </button>
        ${chosen !== null && !savingPlan
          ? html`<button type="button" class="button" part="discard-button" @click=${this.onDiscard}>${s.discardPlan}</button>`
          : nothing}
        ${savingPlan ? html`<span class="note" role="status">${s.saving}</span>` : nothing}
      </div>
    </section>`;
  }

  private renderPlanPreview(customer: Customer, plan: Plan, lookups: Lookups, s: PlanSettingsStrings): TemplateResult {
    const now = this.clock.now;
    const preview = previewChange(customer, { kind: 'plan', plan_id: plan.id }, lookups.plans, now);
    const trialTasks = this.locale.numberFormat().format(TRIAL_TASK_LIMIT);
    const before = customerStatus(customer, now);
    return html`<div id="plan-preview" class="preview" part="preview">
      <p>
        <span class="tag unsaved" part="unsaved-tag">${s.unsaved}</span>
        <span class="sentence">${withFigures(s.planPreview(plan.name, this.limitsText(plan, s)), this.limitFigures(plan))}</span>
      </p>
      ${preview.status === 'trial'
        ? html`<p class="sentence">${withFigures(s.planPreviewInTrial(trialTasks, this.formatDate(preview.after.trial_ends_at!, s)), [trialTasks])}</p>`
        : before === 'expired' && preview.status === 'active'
          ? html`<p>${s.planPreviewReactivates(plan.name)}</p>`
          : nothing}
      ${preview.overruns.length > 0
        ? html`<ul class="overruns">
              ${preview.overruns.map((o) => html`<li class="sentence">${this.overrunSentence(o, s)}</li>`)}
            </ul>
            <p>${s.overNote}</p>`
        : nothing}
    </div>`;
  }

  private renderTrial(customer: Customer, shown: Customer, status: Status, lookups: Lookups, locked: boolean, s: PlanSettingsStrings): TemplateResult {
    const now = this.clock.now;
    const number = this.locale.numberFormat();
    const days = number.format(TRIAL_DAYS);
    const tasks = number.format(TRIAL_TASK_LIMIT);
    const ends = trialPreview(customer, now).ends_at;
    const running = status === 'trial';
    const button = (enabled: boolean, id: string, label: string, preview: TemplateResult | string) => {
      const action: PlanAction = { kind: 'trial', enabled };
      const busy = sameAction(this.saving, action);
      const disabled = locked || this.saving !== null;
      return html`<div class="trial-action">
        <button
          type="button"
          class="button ${enabled ? 'primary' : ''}"
          part="trial-button"
          aria-disabled=${disabled ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          aria-describedby=${locked ? `${id} readonly-reason` : id}
          @click=${() => this.requestApply(action)}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${label}</span>
        </button>
        <p id=${id} class="note sentence" part="trial-preview">${preview}</p>
        ${busy ? html`<span class="note" role="status">${s.saving}</span>` : nothing}
      </div>`;
    };
    const subscribed = running ? previewChange(customer, { kind: 'trial', enabled: false }, lookups.plans, now) : null;
    return html`<section class="section" part="trial" aria-labelledby="trial-heading">
      <h4 id="trial-heading">${s.trialHeading}</h4>
      ${running
        ? html`<div part="trial-status">
              <p class="sentence">${withFigures(s.trialRunning(this.formatDate(shown.trial_ends_at!, s), tasks), [tasks])}</p>
              <p>${s.trialFallsToFree(this.formatDate(shown.trial_ends_at!, s))}</p>
            </div>
            ${button(true, 'extend-preview', s.extendTrial, withFigures(s.extendPreview(days, this.formatDate(ends, s)), [days]))}
            ${button(
              false,
              'end-preview',
              s.endTrial,
              subscribed!.status === 'active'
                ? withFigures(
                    s.endPreview(this.planName(subscribed!.after.plan_id, lookups.plans), this.limitsText(subscribed!.after, s)),
                    this.limitFigures(subscribed!.after),
                  )
                : s.endPreviewOnFree,
            )}`
        : html`<p part="trial-status">${s.trialNone}</p>
            ${button(true, 'enable-preview', s.enableTrial, withFigures(s.enablePreview(days, tasks, this.formatDate(ends, s)), [days, tasks]))}`}
    </section>`;
  }

  private renderDialog(lookups: Lookups, s: PlanSettingsStrings): TemplateResult {
    const confirming = this.confirming;
    const action = confirming?.action;
    const planName = action?.kind === 'plan' ? this.planName(action.plan_id, lookups.plans) : '';
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${this.onDialogClose}>
      ${confirming
        ? html`<div class="dialog-body">
            <h2 id="confirm-title">${action!.kind === 'plan' ? s.confirmPlanTitle(planName) : s.confirmTrialTitle}</h2>
            <div id="confirm-body">
              <p>${s.confirmIntro}</p>
              <ul part="overruns">
                ${confirming.overruns.map((o) => html`<li class="sentence">${this.overrunSentence(o, s)}</li>`)}
              </ul>
            </div>
            <div class="dialog-actions">
              <button type="button" class="button" part="cancel-button" @click=${() => this.confirmDialog.close()}>${s.cancel}</button>
              <button type="button" class="button primary" part="confirm-button" @click=${this.onConfirm}>
                ${action!.kind === 'plan' ? s.confirmPlan(planName) : s.confirmTrial}
              </button>
            </div>
          </div>`
        : nothing}
    </dialog>`;
  }

  // -----------------------------------------------------------------------------------------------
  // Wording

  private planName(planId: string, plans: readonly Plan[]): string {
    return findPlan(planId, plans)?.name ?? planId;
  }

  /** The task and connection limits, formatted for the locale. */
  private limitFigures(limits: Limits): [tasks: string, connections: string] {
    const number = this.locale.numberFormat();
    return [number.format(limits.task_limit), number.format(limits.connection_limit)];
  }

  private limitsText(limits: Limits, s: PlanSettingsStrings): string {
    return s.limits(...this.limitFigures(limits));
  }

  /**
   * The sentences with figures in them, each figure (or pair) kept left to right under
   * right-to-left (shared/figures.ts); `.sentence` gives the whole its direction from its own
   * words, so an English sentence on a right-to-left page keeps "4,046 tasks" in that order.
   */
  private limitsSentence(limits: Limits, s: PlanSettingsStrings): TemplateResult | string {
    return withFigures(this.limitsText(limits, s), this.limitFigures(limits));
  }

  private usageSentence(customer: Customer, s: PlanSettingsStrings): TemplateResult | string {
    const number = this.locale.numberFormat();
    const figures = [number.format(customer.tasks_used), number.format(customer.connections)] as const;
    return withFigures(s.usage(...figures), figures);
  }

  private overrunSentence(overrun: LimitOverrun, s: PlanSettingsStrings): TemplateResult | string {
    const number = this.locale.numberFormat();
    const [used, limit] = [number.format(overrun.used), number.format(overrun.to)];
    return withFigures(overrun.limit === 'tasks' ? s.overTasks(used, limit) : s.overConnections(used, limit), [used, limit]);
  }

  /** Date and time in the element's locale, with "today", "tomorrow" or "yesterday" when that near. */
  private formatDate(iso: string, s: PlanSettingsStrings): string {
    const date = new Date(iso);
    const text = this.locale.dateFormat(DATE_TIME).format(date);
    const offset = calendarDayOffset(date, this.clock.now);
    return Math.abs(offset) <= 1 ? s.dateWithDay(text, relativeTimeFormat(this.locale.lang).format(offset, 'day')) : text;
  }

  private changeText(change: PlanTrialChange, plans: readonly Plan[], s: PlanSettingsStrings): string {
    const who = change.source ? s.actor[change.source.actor.kind] : s.actor.admin;
    // Against the real time unless the page set a clock: the other change happened after this element was created.
    const when = change.source
      ? (timeAgo(new Date(change.source.at), this.now ?? new Date(), relativeTimeFormat(this.locale.lang)) ?? s.justNow)
      : '';
    switch (change.kind) {
      case 'plan':
        return s.conflictPlan(who, this.planName(change.plan_id, plans), when);
      case 'trial-started':
        return s.conflictTrialStarted(who, this.formatDate(change.ends_at, s), when);
      case 'trial-extended':
        return s.conflictTrialExtended(who, this.formatDate(change.ends_at, s), when);
      case 'trial-ended':
        return s.conflictTrialEnded(who, when);
      case 'other':
        return s.conflictOther(who, when);
    }
  }

  /** This admin's choice, as it would apply to `customer` now. */
  private choiceText(action: PlanAction, customer: Customer, plans: readonly Plan[], s: PlanSettingsStrings): string {
    if (action.kind === 'plan') return this.planName(action.plan_id, plans);
    if (!action.enabled) return s.choiceTrialOff;
    const preview = trialPreview(customer, this.clock.now);
    const date = this.formatDate(preview.ends_at, s);
    return preview.extends ? s.choiceTrialExtend(date) : s.choiceTrialOn(date);
  }

  /** What an apply did, with the figures in it. */
  private doneText(action: PlanAction, before: Customer, after: Customer, plans: readonly Plan[], s: PlanSettingsStrings): { message: string; figures: string[] } {
    const now = this.clock.now;
    const tasks = this.locale.numberFormat().format(TRIAL_TASK_LIMIT);
    if (action.kind === 'plan') {
      const plan = this.planName(after.plan_id, plans);
      const shown = settledCustomer(after, plans, now);
      const figures = this.limitFigures(shown);
      return customerStatus(shown, now) === 'trial'
        ? {
            message: `${s.planChanged(plan, this.limitsText(shown, s))} ${s.planPreviewInTrial(tasks, this.formatDate(shown.trial_ends_at!, s))}`,
            figures: [...figures, tasks],
          }
        : { message: s.planChanged(plan, this.limitsText(shown, s)), figures };
    }
    if (!action.enabled) {
      const message = customerStatus(after, now) === 'active' ? s.trialEndedBySubscription(this.planName(after.plan_id, plans)) : s.trialEndedOnFree;
      return { message, figures: [] };
    }
    const date = this.formatDate(after.trial_ends_at!, s);
    return customerStatus(before, now) === 'trial' ? { message: s.trialExtended(date), figures: [] } : { message: s.trialEnabled(date, tasks), figures: [tasks] };
  }

  private failureText(action: PlanAction, error: unknown, s: PlanSettingsStrings): string {
    const what = action.kind === 'plan' ? s.failedPlan : s.failedTrial;
    const detail =
      error instanceof HttpError
        ? (error.problem.detail ?? error.problem.title)
        : error instanceof NetworkError || error instanceof TimeoutError
          ? s.networkFailed
          : '';
    return [what, detail, s.keptChoice].filter(Boolean).join(' ');
  }

  // -----------------------------------------------------------------------------------------------
  // Applying

  /** Applies `action` to the customer shown, after a confirmation when it lowers a limit below usage. */
  private async requestApply(action: PlanAction): Promise<void> {
    const customer = this.customer;
    const lookups = this.lookups.value;
    if (!customer || !lookups || this.saving !== null || this.readonly || !lookups.canManage) return;
    const { overruns } = previewChange(customer, action, lookups.plans, this.clock.now);
    if (overruns.length === 0) return this.save(action);
    this.confirming = { action, overruns };
    await this.updateComplete;
    this.confirmDialog.show();
  }

  private async save(action: PlanAction): Promise<void> {
    const backend = this.backendSource.value;
    const seen = this.customer;
    const lookups = this.lookups.value;
    if (!backend || !seen || !lookups) return;
    this.saving = action;
    try {
      const options = { version: seen.version };
      const updated =
        action.kind === 'plan' ? await backend.setPlan(seen.id, action.plan_id, options) : await backend.setTrial(seen.id, action.enabled, options);
      if (this.customer?.id !== seen.id) return;
      this.customer = updated;
      if (action.kind === 'plan') this.chosenPlanId = null;
      this.outcome = { kind: 'done', ...this.doneText(action, seen, updated, lookups.plans, this.text.value) };
      this.focusOutcome = true;
      this.dispatchEvent(createCustomerChangeEvent({ customer: updated, change: action.kind }));
    } catch (error) {
      if (isAbortError(error) || this.customer?.id !== seen.id) return;
      if (error instanceof HttpError && error.status === 412) await this.takeConflict(backend, action, seen, lookups);
      else this.outcome = { kind: 'failed', action, message: this.failureText(action, error, this.text.value) };
      this.focusOutcome = true;
    } finally {
      this.saving = null;
    }
  }

  /** Someone else wrote first: show their record and what they changed, keep this admin's choice. */
  private async takeConflict(backend: Backend, action: PlanAction, seen: Customer, lookups: Lookups): Promise<void> {
    const s = this.text.value;
    let current: Customer;
    const history = backend.listHistory(seen.id, { per_page: 20 }).then(
      (page) => page.items,
      () => [],
    );
    try {
      current = await backend.getCustomer(seen.id);
    } catch {
      this.outcome = { kind: 'failed', action, message: s.conflictLoadFailed };
      return;
    }
    const entries = await history;
    if (this.customer?.id !== seen.id) return;
    const now = this.clock.now;
    const changes = planTrialChanges(seen, current, lookups.plans, now, entries);
    this.customer = current;
    this.outcome = { kind: 'conflict', action, changes, same: isNoOp(current, action, now) };
    const change: CustomerChangeDetail['change'] = changes.some((c) => c.kind === 'plan')
      ? 'plan'
      : changes.some((c) => c.kind.startsWith('trial'))
        ? 'trial'
        : 'fields';
    this.dispatchEvent(createCustomerChangeEvent({ customer: current, change }));
  }

  // -----------------------------------------------------------------------------------------------
  // Handlers

  private onPlanChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    const customer = this.customer;
    if (!customer) return;
    this.chosenPlanId = value === effectivePlanId(customer, this.clock.now) ? null : value;
    // A failure or conflict about another plan no longer says anything about this choice.
    if (this.outcome !== null && this.outcome.kind !== 'done' && this.outcome.action.kind === 'plan') this.outcome = null;
  }

  private onApplyPlan(): void {
    if (this.chosenPlanId !== null) void this.requestApply({ kind: 'plan', plan_id: this.chosenPlanId });
  }

  private onDiscard(): void {
    this.chosenPlanId = null;
    this.focusPart = 'apply-button';
  }

  private onKeepTheirs(): void {
    if (this.saving !== null) return;
    this.chosenPlanId = null;
    this.outcome = { kind: 'done', message: this.text.value.keptTheirs, figures: [] };
    this.focusOutcome = true;
  }

  private onDismiss(): void {
    const outcome = this.outcome;
    this.outcome = null;
    this.focusPart = outcome?.kind === 'failed' && outcome.action.kind === 'trial' ? 'trial-button' : 'apply-button';
  }

  private onRetry(): void {
    this.retryFocus.retried();
    this.retry();
  }

  /** Applies the confirmed change once the dialog has closed and given focus back to what opened it. */
  private async onConfirm(): Promise<void> {
    const action = this.confirming?.action;
    const dialog = this.dialog;
    if (!action || !dialog) return;
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    this.confirmDialog.close('confirm');
    await closed;
    await this.save(action);
  }

  private onDialogClose(): void {
    this.confirming = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-settings': PlanSettings;
  }
}
