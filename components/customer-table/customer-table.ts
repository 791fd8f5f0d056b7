import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import type { App, Customer, Plan } from '../../src/model/schemas.js';
import { hasActiveFilters } from '../../src/query/filters.js';
import { nextSort } from '../../src/query/sort.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import { BackendController } from '../shared/backend-controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { ClockController } from '../shared/clock-controller.js';
import {
  createClearFiltersRequestEvent,
  createCustomerSelectEvent,
  createResultsChangeEvent,
  createSortChangeEvent,
  type ResultsChangeDetail,
} from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { focusIsLost } from '../shared/deep-active-element.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { AppIconSheet } from '../shared/app-icon-sheet.js';
import { customerTableStyles } from './customer-table.styles.js';
import { appIconStyles } from '../shared/app-icon.styles.js';
import { figureStyles } from '../shared/figures.js';
import { GridFocusController } from './grid-focus.js';
import { DEFAULT_CLIENT_THRESHOLD, loadSource, rowSourceFor, type RowSource, type RowsFrom, type TableMode, type TableSource } from './row-source.js';
import { resultAnnouncement, type ResultState } from './result-announcement.js';
import {
  bodyRows,
  COLUMNS,
  emptyMessage,
  errorMessage,
  headerRow,
  noMatchMessage,
  skeleton,
  type TableContext,
} from './row-templates.js';
import { DEFAULT_TABLE_STRINGS, type CustomerTableStrings } from './table-strings.js';
import { VirtualWindowController } from './virtual-window.js';

/** What the table shows besides its header. */
type TableState = { view: 'loading' | 'empty' | 'no-match' | 'rows' } | { view: 'error'; error: unknown };

/** The mode the source task decided, with the backend it decided it for. */
type LoadedSource = TableSource & { backend: Backend };

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const NO_APPS: readonly App[] = [];
const NO_PLANS: readonly Plan[] = [];
/** Quiet after the last change of the result before the live region speaks, so typing or arrowing through statuses is said once. */
const ANNOUNCE_DELAY_MS = 400;

/**
 * The customer table: one row per customer with name, external ID and the plan the customer is
 * on, date joined, tasks and connections against their limits, and the top five apps. Sortable,
 * searchable with highlighted matches, virtualised so any number of customers keeps a small DOM,
 * and an ARIA grid operated by keyboard.
 *
 * Data comes from `customers` (client mode over that array), else from `backend` or the backend a
 * provider gives (see `backendContext`): `mode="auto"` loads the whole list when it holds at most
 * `client-threshold` customers and otherwise fetches pages as the admin scrolls (server mode).
 *
 * The element reads `query` and never owns it: a header click fires `sort-change`, and unless a
 * listener cancels it, the table applies the sort to its own `query` too, so it also sorts alone.
 * Give the element a height (`block-size`, or `--customer-table-block-size`): it scrolls inside it.
 *
 * For assistive tech: the grid is described (`strings.tableDescription`) as opening a customer
 * on Enter or a click on the name, which is a button; tasks and connections read "44 of 1,000
 * tasks". One polite live region, there from the start, says "Loading customers…" during the
 * first load and then stays quiet for that first result (the page has just been opened, and the
 * grid's row count tells the size); after every later change of the search, filters, status or
 * sort it says, once the changes pause, what came of it: "1,204 customers", "Sorted by Customer,
 * ascending", or the empty, no-match or error title. Errors are always said, the first load's too.
 *
 * Made of: a row source for either mode (row-source.ts), the virtual window (virtual-window.ts),
 * the grid's focus cell (grid-focus.ts), the app icon sheet (shared/app-icon-sheet.ts) and the row
 * templates (row-templates.ts).
 *
 * @tagname customer-table
 * @summary Virtualised, sortable, searchable customer grid with client and server data modes.
 *
 * @slot empty-action - Shown under the text of the empty panel, when there are no customers at all
 *   (not when a search or filter matches none): the way on, such as an "Add customer" button.
 *   `<customer-console>` puts its own there.
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
 * @csspart sort-indicator - The arrow of the sorted column (faint on a sortable column under hover or keyboard focus).
 * @csspart body - The row group of data rows.
 * @csspart row - Each data row (also placeholder rows while their page loads).
 * @csspart cell - Each data cell.
 * @csspart name - The customer's name, a `<button>` out of the tab order that opens the customer (the whole name in its `title`, since a long one is cut short).
 * @csspart external-id - The external ID after the name, as `strings.externalId` writes it (whole in its `title`, since it may be cut short).
 * @csspart plan - The name of the plan the customer is on (the free plan once a trial has ended).
 * @csspart status - The status badge of customers in trial or with an expired subscription.
 * @csspart match - A `<mark>` around a search match.
 * @csspart joined - The date joined.
 * @csspart usage - The tasks figure and bar.
 * @csspart usage-bar - The bar track; `data-level` is `ok`, `near` or `over`.
 * @csspart usage-fill - The filled part of the bar.
 * @csspart usage-level - The "near/over the limit" label of the tasks.
 * @csspart connections - The connections figure; `data-level` is `ok` or `over`.
 * @csspart connections-level - The "over the limit" label of connections above the plan's limit.
 * @csspart top-apps - The list of the customer's top app icons (Connected apps).
 * @csspart app-icon - Each app icon.
 * @csspart placeholder - The shimmering bars of loading rows and of the skeleton.
 * @csspart skeleton - The skeleton shown while the first rows load.
 * @csspart message - The empty, no-match and error panels.
 * @csspart message-title - Their title.
 * @csspart message-action - Their button (Clear filters, Retry).
 *
 * @cssprop --customer-table-block-size - Height of the table when none is set on the element (default 560px).
 * @cssprop --customer-table-min-block-size - The least height it keeps, at any zoom (default: the header and five rows).
 * @cssprop --customer-table-row-height - Height of every data row (default 56px).
 * @cssprop --customer-table-columns - `grid-template-columns` of every row.
 * @cssprop --customer-table-min-inline-size - Width below which the table scrolls sideways (default 880px).
 * @cssprop --customer-table-header-background - Background of the header row.
 * @cssprop --customer-table-row-hover-background - Background of a hovered row.
 * @cssprop --customers-console-color-* - The kit's shared colour tokens (see components/shared/tokens.ts).
 */
export class CustomerTable extends LitElement {
  /** `.figure` (shared/figures.ts): number pairs read left to right under right-to-left too. */
  static override styles = [baseStyles, appIconStyles, figureStyles, customerTableStyles];

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_TABLE_STRINGS);
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  readonly #appIcons = new AppIconSheet(this);
  readonly #virtualWindow = new VirtualWindowController(this, {
    scroller: () => this.scroller,
    header: () => this.header,
    rowHeightProbe: () => this.rowHeightProbe,
  });
  readonly #gridFocus = new GridFocusController(this, { scrollToShow: (row) => this.#virtualWindow.scrollToShow(row) });

  /** App icons and plan names are decoration: without them the table still shows ids. */
  readonly #lookupsTask = new Task(this, {
    args: () => [this.backendSource.value, this.apps !== undefined, this.plans !== undefined] as const,
    task: async ([backend, haveApps, havePlans], { signal }) => {
      if (!backend) return { apps: NO_APPS, plans: NO_PLANS };
      const [apps, plans] = await Promise.all([
        haveApps ? NO_APPS : backend.listApps({ signal }).catch(() => NO_APPS),
        havePlans ? NO_PLANS : backend.listPlans({ signal }).catch(() => NO_PLANS),
      ]);
      return { apps, plans };
    },
  });

  /** Without `customers`: decides the data mode and, for client mode, loads the whole list. */
  readonly #sourceTask = new Task(this, {
    args: () => [this.customers === undefined ? this.backendSource.value : undefined, this.mode, this.clientThreshold] as const,
    task: async ([backend, mode, threshold], { signal }): Promise<LoadedSource | null> => {
      if (!backend) return null;
      const source: TableSource = mode === 'server' ? { kind: 'server' } : await loadSource(backend, mode, threshold, { signal });
      return { ...source, backend };
    },
  });

  @query('.scroller') private scroller!: HTMLElement;
  @query('.header') private header!: HTMLElement;
  @query('.row-height-probe') private rowHeightProbe!: HTMLElement;
  @query('.live', true) private liveRegion!: HTMLElement;

  // Derived in willUpdate: where the rows come from, what shows, and what the row templates read.
  #rows: RowSource | null = null;
  #state: TableState = { view: 'loading' };
  #context!: TableContext;
  /**
   * "Clear filters" or "Retry" was pressed: its button goes away with its message, so once the
   * table shows something again focus moves to the grid, or to the new message's button.
   */
  #focusAfterAction = false;
  /** What the last `results-change` said, so an unchanged result is not announced again. */
  #lastResults: ResultsChangeDetail | null = null;
  /** The result the live region last spoke of (the first result, unspoken, to begin with). */
  #said: ResultState | null = null;
  /** The result last looked at, so renders that change nothing (a scroll) cost one comparison. */
  #seen: ResultState | null = null;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  /** The backend to load from; when unset, the one a provider gives through `backendContext`. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** What to show: search, filters and sort. The table reads it; a parent owns it. */
  @property({ attribute: false }) query: CustomerQuery = DEFAULT_QUERY;

  /** `auto` (default): client mode up to `client-threshold` customers, server mode beyond. */
  @property({ reflect: true }) mode: TableMode = 'auto';

  /** In auto mode, the largest list loaded whole into memory. */
  @property({ type: Number, attribute: 'client-threshold' }) clientThreshold: number = DEFAULT_CLIENT_THRESHOLD;

  /** Rows per request in server mode (the backend allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Customers to show in client mode, no backend needed. When set, the backend is only asked for apps and plans. */
  @property({ attribute: false }) customers: readonly Customer[] | undefined;

  /** The app catalogue for icons and names; loaded from the backend when unset. */
  @property({ attribute: false }) apps: readonly App[] | undefined;

  /** The partner's plans for plan names; loaded from the backend when unset. */
  @property({ attribute: false }) plans: readonly Plan[] | undefined;

  /** The clock for statuses, plans and date presets; when unset, the time the element was created. */
  @property({ attribute: false }) now: Date | undefined;

  /** Text overrides for translation (`DEFAULT_TABLE_STRINGS` are the defaults); anything left out stays English. */
  @property({ attribute: false }) strings: StringsOverride<CustomerTableStrings> | undefined;

  /** Fetches again after an error, with the same query. */
  retry(): void {
    if (this.#sourceTask.status === TaskStatus.ERROR) void this.#sourceTask.run();
    else this.#rows?.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Server mode forgot its pages when the element left the page: fetch them again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#rows?.pause();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const now = this.clock.now;
    const lookups = this.#lookupsTask.value;
    this.#appIcons.use(this.apps ?? lookups?.apps ?? NO_APPS);
    this.#rows = rowSourceFor(this.#rows, this.#rowsFrom(), this.#onRowsChange);
    this.#rows?.show(this.query, now);
    this.#state = this.#stateOf(this.#rows);

    const total = this.#rows?.total ?? null;
    if (total !== null) this.#gridFocus.fit(total);
    if (changed.has('query') && this.hasUpdated) this.#virtualWindow.scrollToTop();
    this.#virtualWindow.layout(this.#state.view === 'rows' ? (total ?? 0) : 0, this.#gridFocus.row);

    this.#context = {
      text: this.text.value,
      now,
      search: this.query.q,
      plans: this.plans ?? lookups?.plans ?? NO_PLANS,
      apps: this.#appIcons,
      numbers: this.locale.numberFormat(),
      dates: this.locale.dateFormat(DATE_FORMAT),
      tabIndex: (row, col) => this.#gridFocus.tabIndex(row, col),
    };
  }

  protected override render(): TemplateResult {
    const c = this.#context;
    const { view } = this.#state;
    const total = this.#rows?.total ?? null;
    return html`
      <div class="row-height-probe" aria-hidden="true"></div>
      <div class="scroller" part="scroller">
        <div
          role="grid"
          part="grid"
          class="grid"
          aria-label=${c.text.tableLabel}
          aria-describedby="grid-description"
          aria-rowcount=${total === null ? -1 : total + 1}
          aria-colcount=${COLUMNS.length}
          aria-busy=${view === 'loading' ? 'true' : 'false'}
          @keydown=${this.#onKeydown}
          @focusin=${this.#onFocusin}
          @click=${this.#onClick}
        >
          ${headerRow(c, this.query.sort)}
          ${view === 'rows' && this.#rows ? bodyRows(c, this.#rows, this.#virtualWindow) : nothing}
        </div>
        ${this.#renderState(c)}
      </div>
      <p id="grid-description" hidden>${c.text.tableDescription}</p>
      <div class="live visually-hidden" role="status"></div>
    `;
  }

  protected override updated(): void {
    const { first, end } = this.#virtualWindow.range;
    this.#rows?.want(first, Math.max(end, first + 1));
    this.#announceResults();
    this.#speakResult();
    this.#restoreFocusAfterAction();
  }

  /** The live region's text, written by hand (never by render), after the result changed; see the class doc. */
  #speakResult(): void {
    const state = this.#state;
    const region = this.liveRegion;
    const c = this.#context;
    if (state.view === 'loading') {
      // Written once: writing it again on every render while loading would say it again.
      if (this.#said === null && region.textContent !== c.text.loading) region.textContent = c.text.loading;
      return;
    }
    const error = state.view === 'error' ? state.error : null;
    const seen = this.#seen;
    if (seen && seen.query === this.query && seen.view === state.view && seen.error === error) return;
    const now: ResultState = { query: this.query, view: state.view, error };
    this.#seen = now;
    const said = this.#said;
    const text = resultAnnouncement(said, now, this.#rows?.total ?? 0, c);
    clearTimeout(this.#announceTimer);
    if (said === null) {
      // The first result: "Loading…" is over, and only an error is worth saying.
      this.#said = now;
      region.textContent = '';
    }
    if (text === null) return;
    // Emptied first, so the same words after another change are heard again.
    region.textContent = '';
    this.#announceTimer = setTimeout(() => {
      region.textContent = text;
      this.#said = now;
    }, ANNOUNCE_DELAY_MS);
  }

  #restoreFocusAfterAction(): void {
    const { view } = this.#state;
    if (!this.#focusAfterAction || view === 'loading') return;
    this.#focusAfterAction = false;
    // Only when the focus really was dropped: an admin who moved on keeps where they went.
    if (!focusIsLost()) return;
    const action = this.renderRoot.querySelector<HTMLElement>('[part~="message-action"]');
    if (view !== 'rows' && action) action.focus();
    else this.#gridFocus.focusCell();
  }

  #renderState(c: TableContext): TemplateResult | typeof nothing {
    const state = this.#state;
    switch (state.view) {
      case 'loading':
        return skeleton(c);
      case 'empty':
        return emptyMessage(c);
      case 'no-match':
        return noMatchMessage(c, this.#onClearFilters);
      case 'error':
        return errorMessage(c, state.error, this.#onRetry);
      default:
        return nothing;
    }
  }

  /** Where the rows come from: `customers`, else what the source task loaded (nothing while it loads). */
  #rowsFrom(): RowsFrom | null {
    if (this.customers !== undefined) return { kind: 'client', customers: this.customers };
    const loaded = this.#sourceTask.status === TaskStatus.COMPLETE ? this.#sourceTask.value : null;
    if (!loaded) return null;
    return loaded.kind === 'client' ? loaded : { ...loaded, perPage: this.pageSize };
  }

  #stateOf(rows: RowSource | null): TableState {
    const fromRows = (): TableState => {
      if (rows?.error != null) return { view: 'error', error: rows.error };
      const total = rows?.total ?? null;
      if (total === null) return { view: 'loading' };
      if (total === 0) return { view: hasActiveFilters(this.query) ? 'no-match' : 'empty' };
      return { view: 'rows' };
    };
    if (this.customers !== undefined) return fromRows();
    // Before the task's first run and while it runs: loading.
    return this.#sourceTask.render({ complete: fromRows, error: (error): TableState => ({ view: 'error', error }) }) ?? { view: 'loading' };
  }

  #announceResults(): void {
    const mode = this.#rows?.mode ?? 'server';
    const total = this.#rows?.total ?? null;
    const counts = this.#rows?.counts ?? null;
    const last = this.#lastResults;
    if (last ? last.total === total && last.counts === counts && last.mode === mode : total === null) return;
    this.#lastResults = { total, counts, mode };
    this.dispatchEvent(createResultsChangeEvent({ total, counts, mode }));
  }

  #sortBy(col: number): void {
    const key = COLUMNS[col]?.sortKey;
    if (!key) return;
    const sort = nextSort(this.query.sort, key);
    if (this.dispatchEvent(createSortChangeEvent({ sort }))) this.query = { ...this.query, sort };
  }

  #select(row: number): void {
    const customer = this.#rows?.rowAt(row);
    if (customer) this.dispatchEvent(createCustomerSelectEvent({ id: customer.id }));
  }

  #onRowsChange = (): void => this.requestUpdate();

  #onFocusin = (event: FocusEvent): void => this.#gridFocus.focused(event);

  #onClick = (event: MouseEvent): void => {
    const at = this.#gridFocus.positionOf(event.target);
    if (!at) return;
    if (at.row === -1) this.#sortBy(at.col);
    else this.#select(at.row);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const at = this.#gridFocus.positionOf(event.target);
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
    this.#gridFocus.navigate(event, at, {
      rowCount: this.#state.view === 'rows' ? (this.#rows?.total ?? 0) : 0,
      colCount: COLUMNS.length,
      pageRows: this.#virtualWindow.pageRows,
      rtl: this.locale.dir === 'rtl',
    });
  };

  #onRetry = (): void => {
    this.#focusAfterAction = true;
    this.retry();
  };

  #onClearFilters = (): void => {
    this.#focusAfterAction = true;
    this.dispatchEvent(createClearFiltersRequestEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-table': CustomerTable;
  }
}
