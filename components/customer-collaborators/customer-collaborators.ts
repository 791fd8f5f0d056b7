import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError } from '../../src/backend/errors.js';
import type { Collaborator } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { RetryFocusController } from '../shared/retry-focus.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { DEFAULT_COLLABORATORS_STRINGS, type CollaboratorsStrings } from './collaborators-strings.js';
import { styles } from './customer-collaborators.styles.js';

const SKELETON_ROWS = [0, 1, 2];

/**
 * @tagname customer-collaborators
 * @summary A customer workspace's team: name, email and role of each member, customer managers
 * tagged, and the note that more members are added from inside the customer's account.
 *
 * A real `<table>` (a screen reader announces columns and counts rows); its header stays in view
 * while a long team scrolls inside a box whose height the page sets with
 * `--customer-collaborators-block-size`. Loads `backend.listCollaborators(customerId)`; shows
 * loading, empty and error (with Retry) states. Only the newest customer's answer is shown.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart scroller - The scroll box around the table (keyboard-scrollable).
 * @csspart table - The `<table>`.
 * @csspart caption - The table's caption.
 * @csspart header - The `<thead>`, sticky inside the scroller.
 * @csspart row - One member's row.
 * @csspart name - A member's name.
 * @csspart email - A member's email address.
 * @csspart role - A member's role.
 * @csspart manager-tag - The "Customer manager" tag next to a manager's name.
 * @csspart note - The note that more members are added from inside the customer's account.
 * @csspart skeleton - A placeholder row while the team loads.
 * @csspart message - The loading, empty or error message.
 * @csspart retry-button - The Retry button of the error message.
 *
 * @cssprop --customer-collaborators-block-size - Tallest the table gets before it scrolls (default 24rem).
 * @cssprop --customer-collaborators-header-background - Background of the sticky header.
 * @cssprop --customer-collaborators-tag-background - Background of the customer-manager tag.
 */
export class CustomerCollaborators extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_COLLABORATORS_STRINGS);
  // The team shows no dates or numbers and mirrors through CSS logical properties; the clock and
  // locale are kept so `now`, `lang` and `dir` behave as on every element of the kit.
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);

  private readonly team = new Task(this, {
    task: async ([backend, customerId], { signal }) =>
      backend && customerId !== undefined ? await backend.listCollaborators(customerId, { signal }) : null,
    args: () => [this.backendSource.value, this.customerId] as const,
  });
  /** Retry goes with its message: focus waits on the loading message, then goes to the team (or Retry again). */
  private readonly retryFocus = new RetryFocusController(this, {
    settled: () => this.team.status !== TaskStatus.PENDING,
    waiting: '[part~="message"][role="status"]',
    targets: ['[part~="retry-button"]', '[part~="scroller"]', '[part~="message"]'],
  });

  /** The backend to load the team from; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The customer's User ID. */
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;

  /** The clock, as on every element (the team shows no dates); the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_COLLABORATORS_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<CollaboratorsStrings> | undefined;

  /** Loads the team again (what the Retry button does). */
  retry(): void {
    void this.team.run();
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    return html`<div class="base" part="base">
      ${this.team.render({
        initial: () => nothing,
        // Never the previous customer's team while another one loads.
        pending: () => this.renderLoading(s),
        complete: (team) => (team === null ? nothing : this.renderTeam(team, s)),
        error: (error) => this.renderError(error, s),
      })}
    </div>`;
  }

  private renderLoading(s: CollaboratorsStrings): TemplateResult {
    return html`<p class="message" part="message" role="status" tabindex="-1">${s.loading}</p>
      <div class="skeletons" aria-hidden="true">
        ${SKELETON_ROWS.map(() => html`<div class="skeleton" part="skeleton"></div>`)}
      </div>`;
  }

  private renderError(error: unknown, s: CollaboratorsStrings): TemplateResult {
    const detail = error instanceof HttpError ? (error.problem.detail ?? error.problem.title) : null;
    return html`<div class="message error" part="message" role="alert">
      <p>${s.loadFailed}${detail ? html` <span class="detail">${detail}</span>` : nothing}</p>
      <button type="button" class="button" part="retry-button" @click=${this.onRetry}>${s.retry}</button>
    </div>`;
  }

  // Names and roles are isolated in their own direction (a Hebrew name in an English page, markup-like
  // text in a right-to-left one); an address always reads left to right.
  private renderTeam(team: readonly Collaborator[], s: CollaboratorsStrings): TemplateResult {
    const note = html`<p class="note" part="note">${s.addedInAccount}</p>`;
    if (team.length === 0) return html`<p class="message" part="message" tabindex="-1">${s.empty}</p>${note}`;
    return html`<div class="scroller" part="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table">
          <caption id="caption" part="caption">${s.caption}</caption>
          <thead part="header">
            <tr>
              <th scope="col">${s.columnName}</th>
              <th scope="col">${s.columnEmail}</th>
              <th scope="col">${s.columnRole}</th>
            </tr>
          </thead>
          <tbody>
            ${team.map(
              (member) => html`<tr part="row">
                <th scope="row">
                  <span class="name" part="name" dir="auto">${member.name}</span>${member.customer_manager
                    ? html` <span class="tag" part="manager-tag">${s.managerTag}</span>`
                    : nothing}
                </th>
                <td><span class="email" part="email" dir="ltr">${member.email}</span></td>
                <td><span part="role" dir="auto">${member.role}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${note}`;
  }

  private onRetry(): void {
    this.retryFocus.retried();
    this.retry();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-collaborators': CustomerCollaborators;
  }
}
