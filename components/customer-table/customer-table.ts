import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { appInitials } from '../../src/backend/app-icons.js';
import { SORT_KEYS, type SortKey } from '../../src/model/constants.js';
import type { App, Customer, Plan, StatusCounts } from '../../src/model/schemas.js';
import { customerStatus, findPlan, usageLevel } from '../../src/model/rules.js';
import { createCustomerIndex, sortOrder, type CustomerIndex } from '../../src/query/customer-index.js';
import { runQuery, type QueryResult } from '../../src/query/run-query.js';
import { findMatches } from '../../src/query/search.js';
import { nextSort } from '../../src/query/sort.js';
import { queryToListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, type CustomerQuery, type CustomerSort } from '../../src/query/types.js';
import { backendContext } from '../shared/backend-context.js';
import { baseStyles } from '../shared/base.styles.js';
import { customerTableStyles } from './customer-table.styles.js';
import { nextCell, type CellPosition } from '../shared/keyboard-navigation.js';
import { splitByRanges } from './highlight.js';
import { assignSlots } from './row-slots.js';
import { ServerPages } from './server-pages.js';
import { DEFAULT_CLIENT_THRESHOLD, hasActiveFilters, loadSource, type TableMode, type TableSource } from './table-data.js';
import { DEFAULT_STRINGS, type CustomerTableStrings } from './table-strings.js';
import { rowWindow, scrollTopToShow, type RowWindow, type WindowInput } from './table-window.js';

export interface CustomerSelectDetail {
  /** The customer's User ID. */
  id: number;
}
export interface SortChangeDetail {
  sort: CustomerSort;
}
export interface ResultsChangeDetail {
  /** Customers matching the query (null while unknown). */
  total: number | null;
  /** Status counts for the query without its status filter (null while unknown). */
  counts: StatusCounts | null;
  mode: 'client' | 'server';
}

interface Column {
  label: keyof CustomerTableStrings;
  sortKey: SortKey | null;
  name: string;
}

const COLUMNS: readonly Column[] = [
  { name: 'customer', label: 'columnCustomer', sortKey: 'name' },
  { name: 'joined', label: 'columnJoined', sortKey: 'created_at' },
  { name: 'tasks', label: 'columnTasks', sortKey: 'tasks_used' },
  { name: 'connections', label: 'columnConnections', sortKey: 'connections' },
  { name: 'apps', label: 'columnApps', sortKey: null },
];

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 2;
const DEFAULT_ROW_HEIGHT = 56;
const SKELETON_ROWS = 8;

type View = 'loading' | 'error' | 'empty' | 'no-match' | 'rows';

function bubbling<T>(type: string, detail: T, cancelable = false): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}

const whenIdle: (callback: () => void) => void =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 2000 }) : (cb) => setTimeout(cb, 50);

/**
 * The customer table: one row per customer with name, external ID and plan, date joined, tasks and
 * connections against their limits, and the top five apps. Sortable, searchable with highlighted
 * matches, virtualised so any number of customers keeps a small DOM, and an ARIA grid operated by
 * keyboard.
 *
 * Data comes from `customers` (client mode over that array), else from `backend` or the backend a
 * provider gives (see `backendContext`): `mode="auto"` loads the whole list when it holds at most
 * `client-threshold` customers and otherwise fetches pages as the admin scrolls (server mode).
 *
 * The element reads `query` and never owns it: a header click fires `sort-change`, and unless a
 * listener cancels it, the table applies the sort to its own `query` too, so it also sorts alone.
 * Give the element a height (`block-size`, or `--customer-table-block-size`): it scrolls inside it.
 *
 * @tagname customer-table
 * @summary Virtualised, sortable, searchable customer grid with client and server data modes.
 *
 * @fires customer-select - A row was activated by click or Enter. `detail: { id }` is the User ID.
 * @fires sort-change - A sortable header was activated. `detail: { sort }` is the new sort.
 *   Cancelable: `preventDefault()` stops the table from applying it to its own `query`.
 * @fires clear-filters-request - The admin chose "Clear filters" in the no-match state.
 * @fires results-change - The total or status counts for the query changed.
 *   `detail: { total, counts, mode }`.
 *
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The element with `role="grid"`.
 * @csspart header - The sticky header row group.
 * @csspart header-row - The header row.
 * @csspart header-cell - Each column header.
 * @csspart sort-indicator - The arrow of the sorted column.
 * @csspart body - The row group of data rows.
 * @csspart row - Each data row (also placeholder rows while their page loads).
 * @csspart cell - Each data cell.
 * @csspart name - The customer's name.
 * @csspart external-id - The external ID after the name.
 * @csspart plan - The plan name.
 * @csspart status - The status badge of customers in trial or with an expired subscription.
 * @csspart match - A `<mark>` around a search match.
 * @csspart joined - The date joined.
 * @csspart usage - The tasks figure and bar.
 * @csspart usage-bar - The bar track; `data-level` is `ok`, `near` or `over`.
 * @csspart usage-fill - The filled part of the bar.
 * @csspart usage-level - The "near/over the limit" label.
 * @csspart connections - The connections figure.
 * @csspart apps - The list of app icons.
 * @csspart app-icon - Each app icon.
 * @csspart placeholder - The shimmering bars of loading rows and of the skeleton.
 * @csspart skeleton - The skeleton shown while the first rows load.
 * @csspart message - The empty, no-match and error panels.
 * @csspart message-title - Their title.
 * @csspart message-action - Their button (Clear filters, Retry).
 *
 * @cssprop --customer-table-block-size - Height of the table when none is set on the element (default 560px).
 * @cssprop --customer-table-row-height - Height of every data row (default 56px).
 * @cssprop --customer-table-columns - `grid-template-columns` of every row.
 * @cssprop --customer-table-min-inline-size - Width below which the table scrolls sideways (default 880px).
 * @cssprop --customer-table-header-background - Background of the header row.
 * @cssprop --customer-table-row-hover-background - Background of a hovered row.
 * @cssprop --customers-console-color-* - The kit's shared colour tokens (see components/shared/tokens.ts).
 */
export class CustomerTable extends LitElement {
  static override styles = [baseStyles, customerTableStyles];

  private readonly lookupsTask = new Task(this, {
    args: (): [Backend | undefined, boolean, boolean] => [this.effectiveBackend, this.apps !== undefined, this.plans !== undefined],
    task: async ([backend, haveApps, havePlans], { signal }) => {
      if (!backend) return { apps: [] as App[], plans: [] as Plan[] };
      // Icons and plan names are decoration: without them the table still shows ids.
      const [apps, plans] = await Promise.all([
        haveApps ? [] : backend.listApps({ signal }).catch(() => [] as App[]),
        havePlans ? [] : backend.listPlans({ signal }).catch(() => [] as Plan[]),
      ]);
      return { apps, plans };
    },
  });

  private readonly sourceTask = new Task(this, {
    args: (): [Backend | undefined, TableMode, number] => [
      this.customers === undefined ? this.effectiveBackend : undefined,
      this.mode,
      this.clientThreshold,
    ],
    task: async ([backend, mode, threshold], { signal }): Promise<TableSource | null> => {
      if (!backend) return null;
      if (mode === 'server') return { kind: 'server' };
      return loadSource(backend, mode, threshold, { signal });
    },
  });

  @query('.scroller') private scroller!: HTMLElement;
  @query('.header') private header!: HTMLElement;
  @query('.row-height-probe') private rowHeightProbe!: HTMLElement;

  @consume({ context: backendContext, subscribe: true })
  @state()
  private contextBackend: Backend | undefined;

  /** The backend to load from; when unset, the one a provider gives through `backendContext`. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** What to show: search, filters and sort. The table reads it; a parent owns it. */
  @property({ attribute: false }) query: CustomerQuery = DEFAULT_QUERY;

  /** `auto` (default): client mode up to `client-threshold` customers, server mode beyond. */
  @property({ reflect: true }) mode: TableMode = 'auto';

  /** In auto mode, the largest list loaded whole into memory. */
  @property({ type: Number, attribute: 'client-threshold' }) clientThreshold = DEFAULT_CLIENT_THRESHOLD;

  /** Rows per request in server mode (the backend allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Customers to show in client mode, no backend needed. When set, the backend is only asked for apps and plans. */
  @property({ attribute: false }) customers: readonly Customer[] | undefined;

  /** The app catalogue for icons and names; loaded from the backend when unset. */
  @property({ attribute: false }) apps: readonly App[] | undefined;

  /** The partner's plans for plan names; loaded from the backend when unset. */
  @property({ attribute: false }) plans: readonly Plan[] | undefined;

  /** The clock for statuses and date presets. */
  @property({ attribute: false }) now: Date = new Date();

  /** Text overrides for translation; anything left out keeps its English default. */
  @property({ attribute: false }) strings: Partial<CustomerTableStrings> = {};

  #text: CustomerTableStrings = DEFAULT_STRINGS;
  /** The `lang` the formats were made for ('' = the browser's default). */
  #locale: string | null = null;
  #dateFormat!: Intl.DateTimeFormat;
  #numberFormat!: Intl.NumberFormat;
  #appsSource: readonly App[] | null = null;
  /** Each app and the number of its icon rule in #iconSheet (absent for apps without an icon). */
  #appsById = new Map<string, { app: App; icon: number | undefined }>();
  /**
   * One rule per app icon, `.app-icon[data-icon="n"] { background-image: url(…) }`. A rule's image
   * value is resolved once and shared by every icon it matches, while an inline `style` gives each
   * icon a new value: every recycled row then loaded its icons again during style recalculation,
   * and an SVG data URL dropped from the memory cache is parsed into a new SVG document each time.
   */
  #iconSheet = new CSSStyleSheet();
  #plans: readonly Plan[] = [];

  #index: CustomerIndex | null = null;
  #result: QueryResult | null = null;
  #pages: ServerPages | null = null;
  #pagesFor: { backend: Backend; query: CustomerQuery; now: Date; pageSize: number } | null = null;
  #lastResults: ResultsChangeDetail | null = null;

  #rowHeight = DEFAULT_ROW_HEIGHT;
  #viewportHeight = 0;
  #scrollTop = 0;
  #window: RowWindow = { first: 0, end: 0, height: 0, shift: 0 };
  /** Rendered row indexes, in order, and the recycling key of each (see row-slots.ts). */
  #rendered: number[] = [];
  #slots = new Map<number, number>();
  #resetScroll = false;
  /** The one cell in the tab order; row -1 is the header. Kept by position across scrolling and sorting. */
  #focus: CellPosition = { row: -1, col: 0 };
  #refocus = false;
  #resizeObserver: ResizeObserver | null = null;

  /** Fetches again after an error, with the same query. */
  retry(): void {
    if (this.sourceTask.status === TaskStatus.ERROR) void this.sourceTask.run();
    else this.#pages?.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.#observeSize();
      // Server mode forgot its pages on disconnect: fetch again.
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#pages?.abortAll();
    // Reconnecting must fetch again: forget which query the pages were for.
    this.#pagesFor = null;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#iconSheet];
    return root;
  }

  protected override firstUpdated(): void {
    this.#observeSize();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.#text = { ...DEFAULT_STRINGS, ...this.strings };
    // Dates and figures follow the nearest `lang` (the element's, else the page's).
    const locale = this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    if (locale !== this.#locale) {
      this.#locale = locale;
      this.#dateFormat = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'medium', timeZone: 'UTC' });
      this.#numberFormat = new Intl.NumberFormat(locale || undefined);
    }
    const lookups = this.lookupsTask.value;
    const apps = this.apps ?? lookups?.apps ?? [];
    if (apps !== this.#appsSource) {
      this.#appsSource = apps;
      this.#appsById = new Map(apps.map((app, i) => [app.id, { app, icon: app.icon ? i : undefined }]));
      this.#setIconRules(apps.map((app) => app.icon));
      void this.#rasteriseIcons(apps);
    }
    this.#plans = this.plans ?? lookups?.plans ?? [];

    if (changed.has('query') && this.hasUpdated) this.#resetScroll = true;

    const clientList = this.customers ?? (this.#source?.kind === 'client' ? this.#source.customers : undefined);
    if (clientList !== undefined) {
      this.#pages?.abortAll();
      this.#pagesFor = null;
      if (this.#index?.customers !== clientList) {
        this.#index = createCustomerIndex(clientList);
        this.#result = null;
        this.#prepareSortOrders(this.#index);
      }
      if (this.#result === null || changed.has('query') || changed.has('now')) {
        this.#result = runQuery(this.#index, this.query, this.now);
      }
    } else {
      this.#index = null;
      this.#result = null;
      const backend = this.effectiveBackend;
      if (this.#source?.kind === 'server' && backend) this.#syncPages(backend);
    }

    const total = this.#total;
    if (total !== null && this.#focus.row > total - 1) {
      this.#refocus = this.#focus.row >= 0 && this.#hasFocusInBody();
      this.#focus = { row: total - 1, col: this.#focus.col };
    }
    if (this.#resetScroll) this.#scrollTop = 0;
    this.#window = rowWindow(this.#windowInput());
    this.#rendered = this.#view() === 'rows' ? this.#renderedRows() : [];
    this.#slots = assignSlots(this.#slots, this.#rendered);
  }

  protected override render(): TemplateResult {
    const view = this.#view();
    const total = this.#total;
    const showRows = view === 'rows';
    return html`
      <div class="row-height-probe" aria-hidden="true"></div>
      <div class="scroller" part="scroller" @scroll=${this.#onScroll}>
        <div
          role="grid"
          part="grid"
          class="grid"
          aria-label=${this.#text.tableLabel}
          aria-rowcount=${total === null ? -1 : total + 1}
          aria-colcount=${COLUMNS.length}
          aria-busy=${view === 'loading' ? 'true' : 'false'}
          @keydown=${this.#onKeydown}
          @focusin=${this.#onFocusin}
          @click=${this.#onClick}
        >
          ${this.#renderHeader()}
          ${showRows
            ? html`<div role="rowgroup" part="body" class="body" style=${styleMap({ height: `${this.#window.height}px` })}
                >${repeat(this.#rendered, (i) => this.#slots.get(i), (i) => this.#renderRow(i))}</div
              >`
            : nothing}
        </div>
        ${this.#renderState(view)}
      </div>
    `;
  }

  protected override updated(): void {
    if (this.#resetScroll) {
      this.#resetScroll = false;
      if (this.scroller.scrollTop !== 0) this.scroller.scrollTop = 0;
    }
    this.#pages?.want(this.#window.first, Math.max(this.#window.end, this.#window.first + 1));
    if (this.#refocus) {
      this.#refocus = false;
      this.#cellAt(this.#focus)?.focus({ preventScroll: true });
    }
    this.#announceResults();
  }

  private get effectiveBackend(): Backend | undefined {
    return this.backend ?? this.contextBackend;
  }

  get #source(): TableSource | null {
    return this.customers === undefined && this.sourceTask.status === TaskStatus.COMPLETE
      ? (this.sourceTask.value ?? null)
      : null;
  }

  /** Matching rows, or null while unknown. */
  get #total(): number | null {
    if (this.#result) return this.#result.total;
    return this.#pages && this.#pagesFor ? this.#pages.total : null;
  }

  #view(): View {
    if (this.customers === undefined) {
      if (this.sourceTask.status === TaskStatus.ERROR) return 'error';
      if (this.#source?.kind === 'server' && this.#pages?.error != null) return 'error';
    }
    const total = this.#total;
    if (total === null) return 'loading';
    if (total === 0) return hasActiveFilters(this.query) ? 'no-match' : 'empty';
    return 'rows';
  }

  #rowAt(index: number): Customer | undefined {
    return this.#result ? this.#result.items[index] : this.#pages?.rowAt(index);
  }

  /** The rows in the window, plus the focused row wherever it is so scrolling never drops focus. */
  #renderedRows(): number[] {
    const { first, end } = this.#window;
    const rows: number[] = [];
    const focused = this.#focus.row;
    if (focused >= 0 && focused < first) rows.push(focused);
    for (let i = first; i < end; i++) rows.push(i);
    if (focused >= end && focused < (this.#total ?? 0)) rows.push(focused);
    return rows;
  }

  #renderHeader(): TemplateResult {
    const sort = this.query.sort;
    return html`<div role="rowgroup" part="header" class="header">
      <div role="row" part="header-row" class="row header-row" aria-rowindex="1" data-row="-1">
        ${COLUMNS.map((column, col) => {
          const sorted = column.sortKey !== null && column.sortKey === sort.key;
          return html`<div
            role="columnheader"
            part="header-cell"
            class="cell header-cell"
            data-col=${col}
            data-column=${column.name}
            ?data-sortable=${column.sortKey !== null}
            tabindex=${this.#tabIndex(-1, col)}
            aria-sort=${sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : nothing}
          >
            <span class="header-label">${this.#text[column.label] as string}</span>
            ${column.sortKey === null
              ? nothing
              : html`<svg part="sort-indicator" class="sort-indicator" data-dir=${sorted ? sort.dir : 'none'} viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M8 3l4 5H4z" />
                </svg>`}
          </div>`;
        })}
      </div>
    </div>`;
  }

  // Row templates are written without whitespace between tags: every text node counts at 100k rows.
  #renderRow(index: number): TemplateResult {
    const c = this.#rowAt(index);
    const y = index * this.#rowHeight - this.#window.shift;
    const n = this.#numberFormat;
    return html`<div role="row" part="row" class="row body-row" aria-rowindex=${index + 2} aria-busy=${c ? nothing : 'true'} data-row=${index} style=${styleMap({ transform: `translateY(${y}px)` })}
      ><div role="gridcell" part="cell" class="cell" data-col="0" data-column="customer" tabindex=${this.#tabIndex(index, 0)}
        >${c ? this.#renderCustomer(c) : this.#renderPlaceholder(true)}</div
      ><div role="gridcell" part="cell" class="cell" data-col="1" data-column="joined" tabindex=${this.#tabIndex(index, 1)}
        >${c ? html`<time part="joined" datetime=${c.created_at}>${this.#dateFormat.format(Date.parse(c.created_at))}</time>` : this.#renderPlaceholder(false)}</div
      ><div role="gridcell" part="cell" class="cell" data-col="2" data-column="tasks" tabindex=${this.#tabIndex(index, 2)}
        >${c ? this.#renderUsage(c) : this.#renderPlaceholder(false)}</div
      ><div role="gridcell" part="cell" class="cell" data-col="3" data-column="connections" tabindex=${this.#tabIndex(index, 3)}
        >${c ? html`<span part="connections">${this.#text.usage(n.format(c.connections), n.format(c.connection_limit))}</span>` : this.#renderPlaceholder(false)}</div
      ><div role="gridcell" part="cell" class="cell" data-col="4" data-column="apps" tabindex=${this.#tabIndex(index, 4)}
        >${c ? this.#renderApps(c) : this.#renderPlaceholder(false)}</div
    ></div>`;
  }

  #renderCustomer(customer: Customer): TemplateResult {
    const status = customerStatus(customer, this.now);
    const plan = findPlan(customer.plan_id, this.#plans);
    return html`<div class="customer"
      ><div class="customer-line"
        ><span part="name" class="name" dir="auto">${this.#highlight(customer.name)}</span
        >${customer.external_id === null
          ? nothing
          : html`<span part="external-id" class="external-id" dir="auto">(${this.#highlight(customer.external_id)})</span>`}</div
      ><div class="customer-line secondary"
        ><span part="plan" class="plan">${plan?.name ?? customer.plan_id}</span
        >${status === 'active'
          ? nothing
          : html`<span part="status" class="status" data-status=${status}>${this.#text.status[status]}</span>`}</div
    ></div>`;
  }

  /** Search matches as `<mark>` around text nodes: the name is never parsed as HTML. */
  #highlight(text: string): unknown {
    const q = this.query.q;
    if (q.trim() === '') return text;
    const ranges = findMatches(text, q);
    if (ranges.length === 0) return text;
    return splitByRanges(text, ranges).map((s) => (s.match ? html`<mark part="match">${s.text}</mark>` : s.text));
  }

  #renderUsage(customer: Customer): TemplateResult {
    const { tasks_used: used, task_limit: limit } = customer;
    const level = usageLevel(used, limit);
    const filled = limit > 0 ? Math.min(100, (used / limit) * 100) : used > 0 ? 100 : 0;
    const figures = this.#text.usage(this.#numberFormat.format(used), this.#numberFormat.format(limit));
    return html`<div part="usage" class="usage" data-level=${level}
      ><span class="usage-figures"
        ><span class="usage-text">${figures}</span
        >${level === 'ok'
          ? nothing
          : html`<span part="usage-level" class="usage-level">${level === 'near' ? this.#text.nearLimit : this.#text.overLimit}</span>`}</span
      ><span part="usage-bar" class="usage-bar" data-level=${level} aria-hidden="true"
        ><span part="usage-fill" class="usage-fill" style=${styleMap({ 'inline-size': `${filled}%` })}></span></span
    ></div>`;
  }

  #renderApps(customer: Customer): TemplateResult {
    if (customer.top_apps.length === 0) return html`<span class="muted">${this.#text.noApps}</span>`;
    return html`<span part="apps" class="apps"
      >${customer.top_apps.map((id) => {
        const known = this.#appsById.get(id);
        const name = known?.app.name ?? id;
        return html`<span part="app-icon" class="app-icon" role="img" aria-label=${name} title=${name} data-icon=${known?.icon ?? nothing}>${known?.icon === undefined ? appInitials(name) : ''}</span>`;
      })}</span
    >`;
  }

  #renderPlaceholder(first: boolean): TemplateResult {
    return first
      ? html`<span part="placeholder" class="placeholder wide"></span><span class="visually-hidden">${this.#text.loadingRow}</span>`
      : html`<span part="placeholder" class="placeholder"></span>`;
  }

  #renderState(view: View): TemplateResult | typeof nothing {
    const t = this.#text;
    switch (view) {
      case 'loading':
        return html`<div part="skeleton" class="skeleton" aria-hidden="true">
            ${Array.from(
              { length: SKELETON_ROWS },
              () => html`<div class="row skeleton-row">
                ${COLUMNS.map(() => html`<div class="cell"><span part="placeholder" class="placeholder"></span></div>`)}
              </div>`,
            )}
          </div>
          <div class="visually-hidden" role="status">${t.loading}</div>`;
      case 'empty':
        return html`<div part="message" class="message" data-state="empty" role="status">
          <p part="message-title" class="message-title">${t.emptyTitle}</p>
          <p class="message-body">${t.emptyBody}</p>
        </div>`;
      case 'no-match':
        return html`<div part="message" class="message" data-state="no-match" role="status">
          <p part="message-title" class="message-title">${t.noMatchTitle}</p>
          <p class="message-body">${t.noMatchBody}</p>
          <button part="message-action" class="button" type="button" @click=${this.#onClearFilters}>${t.clearFilters}</button>
        </div>`;
      case 'error':
        return html`<div part="message" class="message" data-state="error" role="alert">
          <p part="message-title" class="message-title">${t.errorTitle}</p>
          <p class="message-body">${this.#errorText()}</p>
          <button part="message-action" class="button primary" type="button" @click=${() => this.retry()}>${t.retry}</button>
        </div>`;
      default:
        return nothing;
    }
  }

  #errorText(): string {
    const error = this.sourceTask.status === TaskStatus.ERROR ? this.sourceTask.error : this.#pages?.error;
    return error instanceof Error ? error.message : String(error);
  }

  #tabIndex(row: number, col: number): number {
    return this.#focus.row === row && this.#focus.col === col ? 0 : -1;
  }

  #windowInput(): WindowInput {
    return {
      total: this.#total ?? 0,
      rowHeight: this.#rowHeight,
      viewportHeight: this.#viewportHeight,
      scrollTop: this.#scrollTop,
      overscan: OVERSCAN,
    };
  }

  #setIconRules(urls: readonly (string | null)[]): void {
    // Every URL passed the AppIcon schema; JSON quoting keeps it one CSS string.
    this.#iconSheet.replaceSync(
      urls.map((url, i) => (url ? `.app-icon[data-icon="${i}"]{background-image:url(${JSON.stringify(url)})}` : '')).join('\n'),
    );
  }

  /**
   * An SVG background is drawn again (text shaping included) wherever it is painted, and scrolling
   * paints the new rows' icons every frame; a bitmap drawn once paints as a cached image (~4 ms less
   * paint a frame when every row is new). 32 px, the icons' own size, times the device pixel ratio.
   * A PNG data URL, not a blob: URL, so a partner page whose CSP allows data: images needs nothing more.
   */
  async #rasteriseIcons(apps: readonly App[]): Promise<void> {
    const size = Math.ceil(32 * devicePixelRatio);
    const urls = await Promise.all(
      apps.map(async ({ icon }) => {
        if (!icon?.startsWith('data:image/svg')) return icon;
        try {
          const image = new Image();
          image.src = icon;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = size;
          canvas.getContext('2d')!.drawImage(image, 0, 0, size, size);
          return canvas.toDataURL('image/png');
        } catch {
          return icon; // keep the SVG
        }
      }),
    );
    if (apps === this.#appsSource) this.#setIconRules(urls);
  }

  /** Server mode: a new backend, query, clock or page size starts the page cache over. */
  #syncPages(backend: Backend): void {
    const key = { backend, query: this.query, now: this.now, pageSize: this.pageSize };
    const last = this.#pagesFor;
    if (last && last.backend === key.backend && last.query === key.query && last.now === key.now && last.pageSize === key.pageSize) return;
    if (!this.#pages || last?.pageSize !== key.pageSize) {
      this.#pages?.abortAll();
      this.#pages = new ServerPages({ perPage: this.pageSize, onChange: () => this.requestUpdate() });
    }
    this.#pagesFor = key;
    this.#pages.reset(backend, queryToListParams(this.query, this.now, this.pageSize));
  }

  /** Builds every sort order one per idle period, so the admin's first click on a header is fast. */
  #prepareSortOrders(index: CustomerIndex): void {
    const sorts: CustomerSort[] = SORT_KEYS.flatMap((key) => [
      { key, dir: 'asc' as const },
      { key, dir: 'desc' as const },
    ]);
    const step = () => {
      const sort = sorts.shift();
      if (!sort || this.#index !== index || !this.isConnected) return;
      sortOrder(index, sort);
      whenIdle(step);
    };
    whenIdle(step);
  }

  #announceResults(): void {
    const mode = this.#result ? 'client' : 'server';
    const total = this.#total;
    const counts = this.#result?.counts ?? (this.#pagesFor ? (this.#pages?.counts ?? null) : null);
    const last = this.#lastResults;
    if (last && last.total === total && last.counts === counts && last.mode === mode) return;
    if (!last && total === null) return;
    this.#lastResults = { total, counts, mode };
    this.dispatchEvent(bubbling<ResultsChangeDetail>('results-change', { total, counts, mode }));
  }

  #observeSize(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = new ResizeObserver(() => this.#measure());
    this.#resizeObserver.observe(this.scroller);
    // Its first callback comes before the next paint, so the first painted rows fit the viewport.
    this.#resizeObserver.observe(this.rowHeightProbe);
  }

  #measure(): void {
    const rowHeight = this.rowHeightProbe.getBoundingClientRect().height || DEFAULT_ROW_HEIGHT;
    const viewportHeight = Math.max(0, this.scroller.clientHeight - this.header.offsetHeight);
    if (rowHeight !== this.#rowHeight || viewportHeight !== this.#viewportHeight) {
      this.#rowHeight = rowHeight;
      this.#viewportHeight = viewportHeight;
      this.requestUpdate();
    }
  }

  #cellAt({ row, col }: CellPosition): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row[data-row="${row}"] > .cell[data-col="${col}"]`);
  }

  #positionOf(target: EventTarget | null): CellPosition | null {
    const cell = target instanceof Element ? target.closest<HTMLElement>('.cell[data-col]') : null;
    const row = cell?.closest<HTMLElement>('.row[data-row]');
    if (!cell || !row) return null;
    return { row: Number(row.dataset['row']), col: Number(cell.dataset['col']) };
  }

  #hasFocusInBody(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement && active.closest('.body') !== null;
  }

  #rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  /** Moves the focusable cell, scrolls its row into view, and focuses it once rendered. */
  async #moveFocus(to: CellPosition): Promise<void> {
    this.#focus = to;
    if (to.row >= 0) {
      const top = scrollTopToShow(to.row, this.#windowInput());
      if (top !== this.#scrollTop) {
        this.scroller.scrollTop = top;
        this.#scrollTop = this.scroller.scrollTop;
      }
    }
    this.requestUpdate();
    await this.updateComplete;
    this.#cellAt(to)?.focus();
  }

  #sortBy(col: number): void {
    const key = COLUMNS[col]?.sortKey;
    if (!key) return;
    const sort = nextSort(this.query.sort, key);
    if (this.dispatchEvent(bubbling<SortChangeDetail>('sort-change', { sort }, true))) {
      this.query = { ...this.query, sort };
    }
  }

  #select(row: number): void {
    const customer = this.#rowAt(row);
    if (customer) this.dispatchEvent(bubbling<CustomerSelectDetail>('customer-select', { id: customer.id }));
  }

  #onScroll = (): void => {
    this.#scrollTop = this.scroller.scrollTop;
    const next = rowWindow(this.#windowInput());
    const current = this.#window;
    if (next.first !== current.first || next.end !== current.end || next.shift !== current.shift) this.requestUpdate();
  };

  #onFocusin = (event: FocusEvent): void => {
    const at = this.#positionOf(event.target);
    if (at && (at.row !== this.#focus.row || at.col !== this.#focus.col)) {
      this.#focus = at;
      this.requestUpdate();
    }
  };

  #onClick = (event: MouseEvent): void => {
    const at = this.#positionOf(event.target);
    if (!at) return;
    if (at.row === -1) this.#sortBy(at.col);
    else this.#select(at.row);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const at = this.#positionOf(event.target);
    if (!at || event.altKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (at.row === -1 && COLUMNS[at.col]?.sortKey) {
        event.preventDefault();
        this.#sortBy(at.col);
      } else if (at.row >= 0 && event.key === 'Enter') {
        event.preventDefault();
        this.#select(at.row);
      }
      return;
    }
    const to = nextCell(at, event.key, event.ctrlKey || event.metaKey, {
      rowCount: this.#view() === 'rows' ? (this.#total ?? 0) : 0,
      colCount: COLUMNS.length,
      pageRows: Math.max(1, Math.floor(this.#viewportHeight / this.#rowHeight) - 1),
      rtl: this.#rtl(),
    });
    if (!to) return;
    event.preventDefault();
    void this.#moveFocus(to);
  };

  #onClearFilters = (): void => {
    this.dispatchEvent(bubbling('clear-filters-request', undefined));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-table': CustomerTable;
  }
  interface HTMLElementEventMap {
    'customer-select': CustomEvent<CustomerSelectDetail>;
    'sort-change': CustomEvent<SortChangeDetail>;
    'clear-filters-request': CustomEvent<undefined>;
    'results-change': CustomEvent<ResultsChangeDetail>;
  }
}
