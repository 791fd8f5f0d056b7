import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../src/model/constants.js';
import type { DashboardStats } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { createPeriodChangeEvent } from '../shared/events.js';
import { rovingIndex } from '../shared/keyboard-navigation.js';
import { moveRovingFocus } from '../shared/roving-focus.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { barSlots, labelledIndices, niceTicks, stackedBar } from './chart-geometry.js';
import { DEFAULT_DASHBOARD_STRINGS, type CustomerDashboardStrings } from './customer-dashboard-strings.js';
import { styles } from './customer-dashboard.styles.js';
import { isInProgress, jobRates } from './dashboard-figures.js';

const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
// Daily points are UTC days (the server's rollups), so they are named in UTC or a partner west of
// Greenwich would see every day labelled as the one before. Hourly points read in local time.
const HOUR_TICK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const HOUR_FULL: Intl.DateTimeFormatOptions = { weekday: 'short', hour: 'numeric', minute: '2-digit' };
const DAY_TICK: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
const DAY_FULL: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };

// The chart's coordinate system; the SVG scales to the element's width.
const WIDTH = 640;
const HEIGHT = 220;
const PLOT_TOP = 10;
const PLOT_HEIGHT = 186;
const AXIS_SPACE = 48;
const END_SPACE = 8;
const MAX_TIME_LABELS = 8;

/**
 * @tagname customer-dashboard
 * @summary One customer's recipes and jobs over a period: active recipes, successful and failed
 * jobs, success and error rates, jobs over time as a bar chart that also reads as a table, and the
 * recipes failing most.
 *
 * The period control is a radio group (arrow keys move and choose, mirrored right-to-left). The
 * chart is one Tab stop: arrow keys move focus from bar to bar, and each bar's accessible name and
 * tooltip give its figures; "Show as table" shows the same numbers as a table. Failures are hatched
 * as well as coloured, and the legend names both. Right-to-left, time runs from right to left.
 * A newer period's answer always wins: the older request is aborted and its answer ignored.
 *
 * @fires period-change - `{ period }`: the admin chose another period (the element already shows it).
 *
 * @csspart periods - The period radio group.
 * @csspart period-option - One period choice; the chosen one also has `period-selected`.
 * @csspart period-selected - The chosen period (with `period-option`).
 * @csspart body - What the loaded dashboard shows (busy while loading).
 * @csspart skeleton - The placeholders while loading.
 * @csspart stats - The list of figures.
 * @csspart stat - One figure.
 * @csspart chart - The `<figure>` holding the chart or its table.
 * @csspart table-toggle - The "Show as table" toggle.
 * @csspart legend - The chart's legend.
 * @csspart tooltip - The figures of the bar under the pointer or focus.
 * @csspart table - The chart's numbers as a table.
 * @csspart top-failing - The recipes with the most failures.
 * @csspart recipe - One of those recipes.
 * @csspart message - The no-recipes and error panels.
 *
 * @cssprop --customer-dashboard-success-color - Successful jobs (default the success token).
 * @cssprop --customer-dashboard-failure-color - Failed jobs, under the hatching (default the danger fill token).
 * @cssprop --customer-dashboard-chart-max-block-size - The tallest the chart gets (default 320px).
 */
export class CustomerDashboard extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_DASHBOARD_STRINGS);
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);

  private readonly dashboardTask = new Task(this, {
    // @lit/task aborts the previous run's signal and ignores its answer once a newer run starts.
    task: async ([backend, customerId, period], { signal }): Promise<DashboardStats | null> =>
      backend && customerId !== undefined ? backend.getDashboard(customerId, period, { signal }) : null,
    args: () => [this.backendSource.value, this.customerId, this.activePeriod] as const,
  });

  @state() private showTable = false;
  /** The bar that holds the chart's one Tab stop; null for the newest. */
  @state() private cursor: number | null = null;
  @state() private hovered: number | null = null;
  @state() private barFocused = false;

  /** The backend to load the dashboard from; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The customer's User ID. */
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;

  /** The period shown: `1d`, `7d`, `30d` or `90d` (anything else reads as `7d`). */
  @property({ reflect: true }) period: DashboardPeriod = '7d';

  /** The clock that tells which hour or day is still running; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_DASHBOARD_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<CustomerDashboardStrings> | undefined;

  /** Loads the dashboard again (after an error, or to refresh it). */
  retry(): void {
    void this.dashboardTask.run();
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const chosen = this.activePeriod;
    return html`
      <div class="periods" part="periods" role="radiogroup" aria-label=${s.periodLabel} @keydown=${this.onPeriodKeyDown}>
        ${DASHBOARD_PERIODS.map(
          (period) => html`<button
            type="button"
            role="radio"
            class="period"
            part=${period === chosen ? 'period-option period-selected' : 'period-option'}
            aria-checked=${period === chosen ? 'true' : 'false'}
            tabindex=${period === chosen ? 0 : -1}
            @click=${() => this.choosePeriod(period)}
          >
            ${s.periods[period]}
          </button>`,
        )}
      </div>
      ${this.dashboardTask.render({
        pending: () => this.renderSkeleton(s),
        error: (error) => html`<div class="message" part="message" data-state="error" role="alert">
          <p class="message-title">${s.errorTitle}</p>
          <p>${error instanceof Error ? error.message : String(error)}</p>
          <button type="button" class="button" @click=${this.onRetry}>${s.retry}</button>
        </div>`,
        complete: (stats) => (stats ? this.renderStats(stats, s) : nothing),
      })}
    `;
  }

  private get activePeriod(): DashboardPeriod {
    return DASHBOARD_PERIODS.includes(this.period) ? this.period : '7d';
  }

  private renderSkeleton(s: CustomerDashboardStrings): TemplateResult {
    return html`<div class="body" part="body" aria-busy="true">
      <p class="visually-hidden" role="status">${s.loading}</p>
      <div class="stats" aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="stat skeleton" part="skeleton"></div>`)}</div>
      <div class="chart-skeleton skeleton" part="skeleton" aria-hidden="true"></div>
    </div>`;
  }

  private renderStats(stats: DashboardStats, s: CustomerDashboardStrings): TemplateResult {
    if (stats.recipes === 0) {
      return html`<div class="message" part="message" data-state="no-recipes">
        <p class="message-title">${s.noRecipesTitle}</p>
        <p>${s.noRecipesBody}</p>
      </div>`;
    }
    const n = this.locale.numberFormat();
    const percent = this.locale.numberFormat(PERCENT);
    const rates = jobRates(stats.successful_jobs, stats.failed_jobs);
    const stat = (label: string, value: string, note?: string) =>
      html`<div class="stat" part="stat">
        <dt>${label}</dt>
        <dd><span class="value">${value}</span>${note ? html`<span class="note">${note}</span>` : nothing}</dd>
      </div>`;
    return html`<div class="body" part="body" aria-busy="false">
      <dl class="stats" part="stats">
        ${stat(s.activeRecipes, n.format(stats.active_recipes), s.recipesInAll(n.format(stats.recipes)))}
        ${stat(s.successfulJobs, n.format(stats.successful_jobs))} ${stat(s.failedJobs, n.format(stats.failed_jobs))}
        ${stat(s.successRate, rates ? percent.format(rates.success) : s.noJobsRate)}
        ${stat(s.errorRate, rates ? percent.format(rates.error) : s.noJobsRate)}
      </dl>
      ${this.renderFigure(stats, s, n)} ${this.renderTopFailing(stats, s, n)}
    </div>`;
  }

  private renderFigure(stats: DashboardStats, s: CustomerDashboardStrings, n: Intl.NumberFormat): TemplateResult {
    const hourly = stats.period === '1d';
    const caption = (hourly ? s.chartCaptionHourly : s.chartCaptionDaily)(s.periods[stats.period]);
    const full = this.locale.dateFormat(hourly ? HOUR_FULL : DAY_FULL);
    const now = this.clock.now;
    const timeName = (at: string) => {
      const time = full.format(new Date(at));
      return isInProgress(at, hourly, now) ? s.inProgress(time) : time;
    };
    const barName = (i: number) => {
      const point = stats.series[i]!;
      return s.barLabel(timeName(point.at), n.format(point.successful_jobs), n.format(point.failed_jobs));
    };
    return html`<figure class="figure" part="chart">
      <figcaption id="caption">${caption}</figcaption>
      <div class="chart-tools">
        <button type="button" class="button" part="table-toggle" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${this.onToggleTable}>
          ${s.showTable}
        </button>
        ${this.showTable
          ? nothing
          : html`<ul class="legend" part="legend">
              <li><span class="swatch success"></span>${s.successfulJobs}</li>
              <li><span class="swatch failed"></span>${s.failedJobs}</li>
            </ul>`}
      </div>
      ${this.showTable ? this.renderTable(stats, s, n, timeName, hourly) : this.renderChart(stats, s, n, timeName, barName, hourly)}
    </figure>`;
  }

  private renderTable(
    stats: DashboardStats,
    s: CustomerDashboardStrings,
    n: Intl.NumberFormat,
    timeName: (at: string) => string,
    hourly: boolean,
  ): TemplateResult {
    return html`<div class="table-scroller" role="region" aria-labelledby="caption" tabindex="0">
      <table part="table" aria-labelledby="caption">
        <thead>
          <tr>
            <th scope="col">${hourly ? s.columnHour : s.columnDay}</th>
            <th scope="col">${s.successfulJobs}</th>
            <th scope="col">${s.failedJobs}</th>
          </tr>
        </thead>
        <tbody>
          ${stats.series.map(
            (point) => html`<tr>
              <th scope="row">${timeName(point.at)}</th>
              <td>${n.format(point.successful_jobs)}</td>
              <td>${n.format(point.failed_jobs)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * Bars stacked from the baseline: successful jobs solid, failed jobs hatched on top. Each bar is
   * a focusable `role="img"` with its figures as its name; only one holds the Tab stop (roving
   * tabindex), so 90 bars cost one Tab press, and focus itself moves (not aria-activedescendant,
   * which screen readers follow poorly inside SVG), so the name is read as each bar is reached.
   */
  private renderChart(
    stats: DashboardStats,
    s: CustomerDashboardStrings,
    n: Intl.NumberFormat,
    timeName: (at: string) => string,
    barName: (i: number) => string,
    hourly: boolean,
  ): TemplateResult {
    const series = stats.series;
    const rtl = this.locale.dir === 'rtl';
    const ticks = niceTicks(Math.max(0, ...series.map((p) => p.successful_jobs + p.failed_jobs)));
    const top = ticks[ticks.length - 1]!;
    const plotStart = rtl ? END_SPACE : AXIS_SPACE;
    const plotWidth = WIDTH - AXIS_SPACE - END_SPACE;
    const slots = barSlots(series.length, plotStart, plotWidth, rtl);
    const slotWidth = plotWidth / Math.max(1, series.length);
    const tick = this.locale.dateFormat(hourly ? HOUR_TICK : DAY_TICK);
    // text-anchor "end" follows the direction: left of the axis in LTR, right of it in RTL.
    const valueX = rtl ? plotStart + plotWidth + 6 : plotStart - 6;
    const cursor = this.cursor === null ? series.length - 1 : Math.min(this.cursor, series.length - 1);
    const shown = this.hovered ?? (this.barFocused ? cursor : null);
    const point = shown === null ? undefined : series[shown];
    return html`<div class="plot">
      <svg
        viewBox="0 0 ${WIDTH} ${HEIGHT}"
        role="group"
        aria-labelledby="caption"
        tabindex="-1"
        @keydown=${this.onChartKeyDown}
        @pointerleave=${() => (this.hovered = null)}
        @focusout=${this.onChartFocusOut}
      >
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="failed-fill" width="6" height="6"></rect>
            <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6"></line>
          </pattern>
        </defs>
        <g class="axis" aria-hidden="true">
          ${ticks.map((value) => {
            const y = PLOT_TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
            return svg`<line class="grid-line" x1=${plotStart} x2=${plotStart + plotWidth} y1=${y} y2=${y}></line>
              <text x=${valueX} y=${y + 4} text-anchor="end">${n.format(value)}</text>`;
          })}
          ${labelledIndices(series.length, MAX_TIME_LABELS).map(
            (i) => svg`<text x=${slots[i]!.center} y=${HEIGHT - 6} text-anchor="middle">${tick.format(new Date(series[i]!.at))}</text>`,
          )}
        </g>
        ${series.map((p, i) => {
          const slot = slots[i]!;
          const bar = stackedBar(p.successful_jobs, p.failed_jobs, top, PLOT_HEIGHT);
          return svg`<g
            class="bar ${i === shown ? 'active' : ''}"
            role="img"
            tabindex=${i === cursor ? 0 : -1}
            aria-label=${barName(i)}
            aria-describedby="chart-hint"
            @focus=${() => this.onBarFocus(i)}
            @pointerenter=${() => (this.hovered = i)}
          >
            <rect class="hit" x=${slot.center - slotWidth / 2} y=${PLOT_TOP} width=${slotWidth} height=${PLOT_HEIGHT}></rect>
            <rect class="success" x=${slot.x} y=${PLOT_TOP + bar.successY} width=${slot.width} height=${bar.successHeight}></rect>
            <rect class="failed" x=${slot.x} y=${PLOT_TOP + bar.failedY} width=${slot.width} height=${bar.failedHeight} fill="url(#hatch)"></rect>
          </g>`;
        })}
      </svg>
      <p id="chart-hint" hidden>${s.chartHint}</p>
      ${point
        ? html`<div
            class="tooltip"
            part="tooltip"
            aria-hidden="true"
            style="left: ${Math.min(88, Math.max(12, (slots[shown!]!.center / WIDTH) * 100))}%"
          >
            <strong>${timeName(point.at)}</strong>
            <span><span class="swatch success"></span>${s.successfulJobs} ${n.format(point.successful_jobs)}</span>
            <span><span class="swatch failed"></span>${s.failedJobs} ${n.format(point.failed_jobs)}</span>
          </div>`
        : nothing}
    </div>`;
  }

  private renderTopFailing(stats: DashboardStats, s: CustomerDashboardStrings, n: Intl.NumberFormat): TemplateResult {
    const recipes = stats.top_failing_recipes;
    const most = Math.max(1, ...recipes.map((r) => r.failed_jobs));
    return html`<section class="top-failing" part="top-failing" aria-labelledby="top-failing-title">
      <h3 id="top-failing-title">${s.topFailingTitle}</h3>
      ${recipes.length === 0
        ? html`<p class="note">${s.noFailures}</p>`
        : html`<ol>
            ${recipes.map(
              (recipe) => html`<li class="recipe" part="recipe">
                <span class="recipe-name">${recipe.name}</span>
                ${recipe.running ? nothing : html`<span class="tag">${s.stopped}</span>`}
                <span class="note">${s.recipeJobs(n.format(recipe.failed_jobs), n.format(recipe.successful_jobs))}</span>
                <span class="meter" aria-hidden="true"><span class="swatch failed" style="inline-size: ${(recipe.failed_jobs / most) * 100}%"></span></span>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  private choosePeriod(period: DashboardPeriod): void {
    if (period === this.activePeriod) return;
    this.period = period;
    this.cursor = null;
    this.hovered = null;
    this.dispatchEvent(createPeriodChangeEvent({ period }));
  }

  /** The APG radio group: arrow keys move to the next choice and choose it, Home/End to the ends. */
  private onPeriodKeyDown(event: KeyboardEvent): void {
    const current = DASHBOARD_PERIODS.indexOf(this.activePeriod);
    const next = rovingIndex(current, DASHBOARD_PERIODS.length, event.key, { orientation: 'horizontal', rtl: this.locale.dir === 'rtl' });
    if (next === null) return;
    event.preventDefault();
    this.choosePeriod(DASHBOARD_PERIODS[next]!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.focus());
  }

  /** The Retry button goes with the error, so focus moves to the period choice, which stays. */
  private onRetry(): void {
    this.renderRoot.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.focus();
    this.retry();
  }

  private onToggleTable(): void {
    this.showTable = !this.showTable;
    this.hovered = null;
    this.barFocused = false;
  }

  /** Arrow keys move along time (mirrored right-to-left, where later is to the left), Home/End to the ends. */
  private onChartKeyDown(event: KeyboardEvent): void {
    const bars = [...this.renderRoot.querySelectorAll<SVGGElement>('.bar')];
    moveRovingFocus(event, bars, { orientation: 'horizontal', rtl: this.locale.dir === 'rtl', keepTabStops: true });
  }

  private onBarFocus(index: number): void {
    this.cursor = index;
    this.barFocused = true;
    this.hovered = null;
  }

  private onChartFocusOut(event: FocusEvent): void {
    const svgElement = event.currentTarget as SVGSVGElement;
    if (!svgElement.contains(event.relatedTarget as Node | null)) this.barFocused = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-dashboard': CustomerDashboard;
  }
}
