// PLACEHOLDER until the <customer-dashboard> element lands
/**
 * A stand-in with the agreed API (customerId, period, period-change, backend, strings, now) so the
 * console's customer page can be built and tested before the real element is merged. It shows the
 * period's totals as plain text and a period choice; the real element replaces this file.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../src/model/constants.js';
import { BackendController } from '../shared/backend-controller.js';
import { createPeriodChangeEvent } from '../shared/events.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';

export interface DashboardStrings {
  loading: string;
}
export const DEFAULT_DASHBOARD_STRINGS: DashboardStrings = { loading: 'Loading dashboard…' };
export type { DashboardPeriod };

const PERIOD_LABELS: Record<DashboardPeriod, string> = { '1d': 'Last day', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };

export class CustomerDashboard extends LitElement {
  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_DASHBOARD_STRINGS);
  private readonly stats = new Task(this, {
    args: () => [this.backendSource.value, this.customerId, this.period] as const,
    task: ([backend, id, period], { signal }) => (backend && id !== undefined ? backend.getDashboard(id, period, { signal }) : undefined),
  });

  @property({ attribute: false }) backend: Backend | undefined;
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;
  @property({ reflect: true }) period: DashboardPeriod = '7d';
  @property({ attribute: false }) strings: StringsOverride<DashboardStrings> | undefined;
  @property({ attribute: false }) now: Date | undefined;

  protected override render(): TemplateResult {
    return html`<p>Customer ${this.customerId}</p>
      <fieldset>
        <legend>Period</legend>
        ${DASHBOARD_PERIODS.map(
          (p) => html`<label><input type="radio" name="period" .checked=${p === this.period} @change=${() => this.choose(p)} />${PERIOD_LABELS[p]}</label>`,
        )}
      </fieldset>
      ${this.stats.render({
        pending: () => html`<p>${this.text.value.loading}</p>`,
        complete: (s) =>
          s
            ? html`<p>Active recipes ${s.active_recipes.toLocaleString()}</p>
                <p>Successful jobs ${s.successful_jobs.toLocaleString()}</p>
                <p>Failed jobs ${s.failed_jobs.toLocaleString()}</p>`
            : html``,
        error: (e) => html`<p>${String(e)}</p>`,
      })}`;
  }

  private choose(period: DashboardPeriod): void {
    this.period = period;
    this.dispatchEvent(createPeriodChangeEvent({ period }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-dashboard': CustomerDashboard;
  }
}

if (!customElements.get('customer-dashboard')) customElements.define('customer-dashboard', CustomerDashboard);
