import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError } from '../../src/backend/errors.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { SharedLookupsBackend } from '../../src/backend/shared-lookups.js';
import type { DashboardPeriod } from '../../src/model/constants.js';
import { customerStatus, effectivePlanId, findPlan, usageLevel } from '../../src/model/rules.js';
import type { Customer, Plan, StatusCounts } from '../../src/model/schemas.js';
import { withoutFilters } from '../../src/query/filters.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import type { TableMode } from '../customer-table/define.js';
import { backendContext } from '../shared/backend-context.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import type { CustomerForm } from '../customer-form/define.js';
import { deepActiveElement, focusIsLost } from '../shared/deep-active-element.js';
import { ModalDialogController } from '../shared/dialog.js';
import {
  createCustomerCreateRequestEvent,
  createCustomerSelectEvent,
  createCustomerTabChangeEvent,
  createQueryChangeEvent,
  type AppAccessChangeDetail,
  type CustomerChangeDetail,
  type CustomerCreatedDetail,
  type CustomerDeletedDetail,
  type CustomerSelectDetail,
  type PeriodChangeDetail,
  type QueryChangeDetail,
  type ResultsChangeDetail,
  type SortChangeDetail,
  type UnsavedChangesDetail,
} from '../shared/events.js';
import { moveRovingFocus, returnTabStopToSelected } from '../shared/roving-focus.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { DEFAULT_CONSOLE_STRINGS, type ConsoleStrings } from './console-strings.js';
import { loadPageElements, pageElementsReady } from './page-elements.js';
import { styles } from './customer-console.styles.js';
import {
  CUSTOMER_TABS,
  DEFAULT_PERIOD,
  DEFAULT_TAB,
  defaultBasePath,
  normalizeBasePath,
  parseRoute,
  routeHref,
  type ConsoleRoute,
  type CustomerTab,
} from './route.js';
import { historyModeFor, queryFromUrl, urlHasQuery } from './url-state.js';

const JOINED_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

interface LoadedCustomer {
  customer: Customer;
  plans: readonly Plan[];
}

/**
 * @tagname customer-console
 * @summary The Customers tab: filters over the customer table, each customer's page (dashboard,
 * collaborators, settings) with its own address, and the "Add customer" dialog.
 *
 * The backend is the `backend` property, or an HttpBackend built from `api-base` (with the
 * `getToken` property for the bearer token), else one an ancestor provides. The console provides it
 * to every element inside (`backendContext`).
 *
 * Routing is the console's own and lives in the page URL, under a base path (`base-path`; by default
 * the page's path when the console first connects, without a `/customers/…` part or a file name):
 * the list at the base with its query in the parameters (typing replaces the history entry, every
 * other change pushes one), a customer's page at `<base>/customers/<User ID>/<tab>` (`dashboard`,
 * `collaborators`, `settings`) with the dashboard's period as `?period=30d`. Reload, Back and
 * Forward restore the list or the page and its tab. Parameters of the page that are not the
 * console's are left alone. While a customer's page shows, the list stays alive (hidden), so the way
 * back finds its query and scroll position as they were. A page that serves the console under a
 * path must answer that path's `/customers/…` addresses with the same page, or a reload finds
 * nothing. Set `no-url-sync` to keep all of it in memory only (several consoles on one page, or a
 * page that routes itself: it cancels `customer-select` and sets `customerId` and `tab`).
 *
 * With no customers at all, the table's empty panel offers "Add customer" too (in its
 * `empty-action` slot), which opens the same dialog; a search or filter that matches none offers
 * Clear filters instead.
 *
 * `single-customer` (with `customer-id`) shows that one customer's page and nothing else: no list,
 * no "Add customer", no way back, no URL of its own (the framed console: an embed session reaches
 * only its customer). `readonly` shows everything without a control that writes, and without
 * "Switch to this account".
 *
 * The Settings tab is `<customer-settings>` with `<plan-settings>` and `<app-access-editor>` in it.
 * A saved change updates the page header; a deleted customer takes the console back to the list,
 * which loads again, and a polite live region says so. While any of them holds edits not saved,
 * changing tab, going back to the list (the button or the browser's Back) asks first, and so does
 * leaving the page.
 *
 * What it renders follows it: `now`, `lang`/`dir` and the `table`, `filters`, `dashboard`,
 * `collaborators`, `switchButton`, `settings`, `planSettings`, `appAccess` and `form` groups of
 * `strings` reach the elements it renders.
 *
 * Its define module registers what the list needs (`<customer-filters>`, `<customer-table>`). The
 * add-customer dialog's `<customer-form>` is loaded when the admin first points at or focuses "Add
 * customer" (the dialog says it is loading if it opens first), and the customer page's elements
 * (`<customer-switch-button>`, `<customer-dashboard>`, `<customer-collaborators>`,
 * `<customer-settings>`, `<plan-settings>`, `<app-access-editor>`) the first time a page shows them,
 * a tab's while it says it is loading, so the list opens without them.
 *
 * @fires query-change - `{ query }`: the list's query changed (a filter, the sort, Back/Forward).
 * @fires customer-select - `{ id }`: the admin opened a customer from the list. Cancelable:
 *   `preventDefault()` keeps the console on the list, for a page that shows customers its own way.
 * @fires customer-create-request - The admin chose "Add customer". Cancelable: `preventDefault()`
 *   stops the console's own dialog so the page can show its form.
 * @fires customer-created - `{ customer }` (from the form in the console's dialog): a customer was
 *   added; the console opens its page.
 * @fires customer-tab-change - `{ id, tab }`: the admin chose another tab of a customer's page.
 * @fires customer-change - `{ customer, change }` (from the Settings tab): a change was saved.
 * @fires app-access-change - `{ id, access }` (from the Settings tab): the app access was saved.
 * @fires customer-deleted - `{ id, name }` (from the Settings tab): the customer was deleted; the
 *   console shows the list again.
 *
 * @slot title - Replaces the "Customers" heading.
 * @slot actions - Extra buttons beside "Add customer".
 *
 * @csspart header - The row with the title and the actions.
 * @csspart heading - The default heading ("Customers"), which the `title` slot replaces.
 * @csspart add-button - The "Add customer" button.
 * @csspart empty-add-button - The "Add customer" button in the table's empty panel, shown while there
 *   are no customers at all (the table's `empty-action` slot).
 * @csspart list - The list view (filters, notice, table); hidden, and kept, while a customer's page shows.
 * @csspart filters - The `<customer-filters>` element.
 * @csspart table - The `<customer-table>` element.
 * @csspart notice - The note listing URL parameters that were ignored.
 * @csspart customer-page - A customer's page.
 * @csspart back-button - The page's "Back to customers".
 * @csspart customer-header - The page header: name, badges, facts, "Switch to this account".
 * @csspart customer-name - The customer's name, the page's heading.
 * @csspart plan-badge - The plan the customer is on now.
 * @csspart status-badge - Its status; `data-status` is `active`, `trial` or `expired`.
 * @csspart facts - The list of User ID, external ID, date joined and usage.
 * @csspart usage - A usage figure; `data-level` is `ok`, `near` or `over`.
 * @csspart usage-level - The "near/over the limit" text after a usage figure.
 * @csspart switch-button - The `<customer-switch-button>` element.
 * @csspart tabs - The tab list (Dashboard, Collaborators, Settings).
 * @csspart tab-button - One tab; the selected one has `aria-selected="true"`.
 * @csspart tabpanel - A tab's panel.
 * @csspart dashboard - The `<customer-dashboard>` element.
 * @csspart collaborators - The `<customer-collaborators>` element.
 * @csspart settings - The `<customer-settings>` element (its parts are forwarded as `settings-<part>`).
 * @csspart plan-settings - The `<plan-settings>` element in it.
 * @csspart app-access - The `<app-access-editor>` element in it.
 * @csspart leave-dialog - The question before leaving edits not saved.
 * @csspart stay-button - Its Stay.
 * @csspart leave-button - Its Leave without saving.
 * @csspart page-message - The page's loading, not-found and error messages, and the dialog's while its form loads.
 * @csspart dialog - The "Add customer" dialog.
 * @csspart form - The `<customer-form>` element in it.
 * @csspart cancel-button - The dialog's Cancel.
 *
 * @cssprop --customer-console-gap - Space between header, filters and table.
 * @cssprop --customer-table-block-size - Height of the table (it scrolls inside).
 * @cssprop --customers-console-color-* - The kit's colour tokens (components/shared/tokens.ts).
 */
export class CustomerConsole extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_CONSOLE_STRINGS);
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  private readonly backendProvider = new ContextProvider(this, { context: backendContext });
  private readonly addDialog = new ModalDialogController(this, () => this.dialog);
  private readonly leaveDialog = new ModalDialogController(this, () => this.leaveDialogElement);
  private readonly customerTask = new Task(this, {
    args: () => [this.backendProvider.value, this.customerId] as const,
    task: async ([backend, id], { signal }): Promise<LoadedCustomer | null> => {
      if (!backend || id === undefined) return null;
      // Plan names are decoration: without them the header shows the plan's id.
      const [customer, plans] = await Promise.all([
        backend.getCustomer(id, { signal }),
        backend.listPlans({ signal }).catch((): Plan[] => []),
      ]);
      return { customer, plans };
    },
  });

  @query('dialog.add-dialog') private dialog!: HTMLDialogElement | null;
  @query('dialog.leave-dialog') private leaveDialogElement!: HTMLDialogElement | null;
  @query('customer-form') private form!: CustomerForm | null;

  @state() private urlProblems: string[] = [];
  @state() private counts: StatusCounts | null = null;
  /** The dashboard's period on the customer's page (`?period=`). */
  @state() private period: DashboardPeriod = DEFAULT_PERIOD;
  /** The address names a customer page but no User ID (`…/customers/abc`). */
  @state() private unknownCustomerPath = false;
  /** The polite live region's text. */
  @state() private announcement = '';
  /** The shown customer as last saved on its Settings tab (newer than what the page loaded). */
  @state() private savedCustomer: Customer | null = null;
  /** A page part whose elements could not be loaded (a failed chunk), with Retry. */
  @state() private pageElementsFailed: unknown = null;
  /** Why the add-customer form's element could not be loaded (a failed chunk), with Retry. */
  @state() private formFailed: unknown = null;

  /** The elements on the page that hold edits not saved (from their `unsaved-changes`). */
  private readonly unsaved = new Set<EventTarget>();
  /** Whether pointing at or focusing "Add customer" has started loading the form. */
  private formPreloaded = false;
  /** Page parts whose elements are being loaded. */
  private readonly loadingPageElements = new Set<CustomerTab | 'header'>();
  /** What to do if the admin chooses to leave edits not saved. */
  private pendingLeave: (() => void) | null = null;
  /** The address the console last showed, to stay at when Back would drop edits. */
  private shownHref: string | null = null;

  /** Listening to popstate and writing the URL. */
  private following = false;
  /** The change being rendered came from the URL, so writing it back must not push an entry. */
  private restoringFromUrl = false;
  /** The base path taken from the page when `base-path` is not set. */
  private pageBasePath: string | null = null;
  /** The page's path when the console first connected on the list (`/demo/index.html`): the list's path under that base. */
  private pageListPath: string | undefined;
  private builtBackend: { apiBase: string; getToken: ConsoleTokenSource; backend: Backend } | null = null;
  /** Built anew after a customer was added, so every element under the console loads again. */
  private renewBackend = false;
  /** Focus goes to the customer page's heading once it renders (opened by the admin). */
  private focusPage = false;
  /** What had focus in the list when a customer's page opened, to get it back on the way back. */
  private listFocus: HTMLElement | null = null;
  private focusList = false;
  /** Retry was pressed on the page's error: its heading takes focus once it shows, if focus was dropped. */
  private focusAfterRetry = false;

  /** The backend; wins over `api-base`, and both over one an ancestor provides. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** Base URL of the HTTP API, used when `backend` is not set, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** Supplies the bearer token for `api-base` requests; called before every request. */
  @property({ attribute: false }) getToken: (() => string | Promise<string>) | undefined;

  /** The list's query. Read it, or set it to show another list; the URL follows. */
  @property({ attribute: false }) query: CustomerQuery = DEFAULT_QUERY;

  /**
   * The User ID of the customer whose page shows; undefined for the list. Set it to open a
   * customer's page (a page that routes itself), clear it to go back to the list; the URL follows.
   */
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;

  /** The customer page's tab: `dashboard`, `collaborators` or `settings`. */
  @property() tab: CustomerTab = DEFAULT_TAB;

  /**
   * Where the console lives in the page's URL, e.g. `/admin/customers-tab`: the list is there, a
   * customer at `<base-path>/customers/<id>/<tab>`. Default: the page's path when the console first
   * connects (without a customer path or a file name).
   */
  @property({ attribute: 'base-path' }) basePath: string | undefined;

  /** Data mode of the table: `auto` picks client mode for small lists. */
  @property() mode: TableMode = 'auto';

  /** Keep the list and the customer page out of the page URL (several consoles on one page, or a page that routes itself). */
  @property({ type: Boolean, attribute: 'no-url-sync' }) noUrlSync = false;

  /**
   * Only the page of the customer `customer-id` names: no list, no "Add customer", no way back,
   * and no URL of its own (as with `no-url-sync`). The framed console runs this way.
   */
  @property({ type: Boolean, attribute: 'single-customer', reflect: true }) singleCustomer = false;

  /** Shows the customer's page without anything that writes: settings read-only, no "Switch to this account". */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /**
   * The clock for statuses and date presets, every child's too; the time the console was created
   * when not set.
   */
  @property({ attribute: false }) now: Date | undefined;

  /**
   * Replacement texts, for translation (DEFAULT_CONSOLE_STRINGS): the console's own, and in the
   * `table`, `filters`, `dashboard`, `collaborators`, `switchButton` and `form` groups the texts of
   * the elements it renders. Anything left out keeps its English default.
   */
  @property({ attribute: false }) strings: StringsOverride<ConsoleStrings> | undefined;

  /** Opens the "Add customer" dialog, as the button does (unless `customer-create-request` is canceled). */
  requestCreate(): void {
    if (!this.dispatchEvent(createCustomerCreateRequestEvent())) return;
    this.addDialog.show();
    void this.focusForm();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.pageBasePath === null) {
      this.pageBasePath = defaultBasePath(location.pathname);
      if (parseRoute(location.pathname, location.search, this.pageBasePath).view === 'list') this.pageListPath = location.pathname;
    }
    this.followUrl(this.syncsUrl());
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followUrl(false);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Not only on a change of `backend`, `api-base` or `getToken`: an ancestor may provide another.
    const backend = this.resolveBackend();
    if (backend !== this.backendProvider.value) {
      this.counts = null;
      this.backendProvider.setValue(backend);
    }
    if ((changed.has('noUrlSync') || changed.has('singleCustomer')) && this.isConnected) this.followUrl(this.syncsUrl());
    if (changed.has('customerId') && this.customerId !== undefined) this.unknownCustomerPath = false;
    if (changed.has('customerId') && this.savedCustomer?.id !== this.customerId) this.savedCustomer = null;
    // Another customer (or the list): the editors of the last one, and their edits, are gone.
    if (changed.has('customerId')) this.unsaved.clear();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Whoever changed the list or the page (the admin, the page setting a property), the URL follows.
    // `period` and `unknownCustomerPath` are private state, which PropertyValues<this> does not name.
    const all = changed as Map<PropertyKey, unknown>;
    const routeChanged = all.has('customerId') || all.has('tab') || all.has('period') || all.has('unknownCustomerPath');
    if (this.following && (changed.has('query') || routeChanged)) {
      // The first update only states what the console starts with: nothing to go Back to.
      const previous = changed.get('query');
      const first = changed.has('query') && previous === undefined;
      const mode =
        this.restoringFromUrl || first ? 'replace' : routeChanged || previous === undefined ? 'push' : historyModeFor(previous, this.query);
      this.writeUrl(mode);
    }
    this.restoringFromUrl = false;
    this.moveFocus();
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const now = this.clock.now;
    const backend = this.backendProvider.value;
    if (this.singleCustomer) {
      return html`${this.renderPage(s)}
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
        ${this.renderLeaveDialog(s)}`;
    }
    const onPage = this.customerId !== undefined || this.unknownCustomerPath;
    return html`
      <div class="header" part="header">
        <slot name="title"><h2 class="title" part="heading">${s.title}</h2></slot>
        <div class="actions">
          <slot name="actions"></slot>
          <button
            type="button"
            class="button primary add"
            part="add-button"
            @click=${this.requestCreate}
            @pointerenter=${this.preloadForm}
            @focus=${this.preloadForm}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 3v10M3 8h10" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
            ${s.addCustomer}
          </button>
        </div>
      </div>
      <div class="list" part="list" ?inert=${onPage}>
        <customer-filters
          part="filters"
          exportparts="base, search, search-input, search-clear, tabs: filters-tabs, tab: filters-tab, tab-selected, tab-count, picker-button, popover, option, field-error, chips, chip, clear-all"
          .backend=${backend}
          .query=${this.query}
          .counts=${this.counts}
          .now=${now}
          .strings=${s.filters}
          @query-change=${this.onFiltersChange}
        ></customer-filters>
        ${this.urlProblems.length > 0 ? this.renderUrlProblems(s) : nothing}
        ${backend
          ? html`<customer-table
              part="table"
              exportparts="scroller, grid, header: table-header, header-row, header-cell, sort-indicator, body, row, cell, name, external-id, plan, status, match, joined, usage: table-usage, usage-bar, usage-fill, usage-level: table-usage-level, connections, connections-level, top-apps, app-icon, placeholder, skeleton, message, message-title, message-action"
              .backend=${backend}
              .query=${this.query}
              .mode=${this.mode}
              .now=${now}
              .strings=${s.table}
              @sort-change=${this.onSortChange}
              @clear-filters-request=${this.onClearFilters}
              @customer-select=${this.onCustomerSelect}
              @results-change=${this.onResultsChange}
            >
              <button type="button" slot="empty-action" class="button primary" part="empty-add-button" @pointerenter=${this.preloadForm} @focus=${this.preloadForm} @click=${this.requestCreate}>${s.addCustomer}</button>
            </customer-table>`
          : html`<p class="notice" part="notice">${s.noBackend}</p>`}
      </div>
      ${onPage ? this.renderPage(s) : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      ${this.renderLeaveDialog(s)}
      <dialog class="add-dialog" part="dialog" aria-labelledby="add-title" @cancel=${this.onDialogCancel} @click=${this.onDialogClick}>
        <div class="dialog-body">
          <h2 id="add-title">${s.addCustomerTitle}</h2>
          ${this.addDialog.isOpen && !pageElementsReady('form') ? this.renderFormLoading(s) : nothing}
          <customer-form
            part="form"
            exportparts="form: form-form, field, label, input, help, field-error, form-error, submit"
            .backend=${backend}
            .now=${now}
            .strings=${s.form}
            @customer-created=${this.onCustomerCreated}
          ></customer-form>
          <div class="dialog-actions">
            <button type="button" class="button" part="cancel-button" @click=${this.onCancelClick}>${s.cancel}</button>
          </div>
        </div>
      </dialog>
    `;
  }

  private renderLeaveDialog(s: ConsoleStrings): TemplateResult {
    return html`<dialog class="leave-dialog" part="leave-dialog" aria-labelledby="leave-title" aria-describedby="leave-body" @close=${this.onLeaveDialogClose}>
      <div class="dialog-body">
        <h2 id="leave-title">${s.leaveTitle}</h2>
        <p id="leave-body">${s.leaveBody}</p>
        <div class="dialog-actions">
          <button type="button" class="button primary" part="stay-button" autofocus @click=${() => this.leaveDialog.close('stay')}>${s.stay}</button>
          <button type="button" class="button" part="leave-button" @click=${() => this.leaveDialog.close('leave')}>${s.leave}</button>
        </div>
      </div>
    </dialog>`;
  }

  /** In the open dialog until `<customer-form>` is registered: loading, or why it could not be, with Retry. */
  private renderFormLoading(s: ConsoleStrings): TemplateResult {
    const error = this.formFailed;
    if (error === null) return html`<p class="page-message loading" part="page-message" role="status">${s.loadingForm}</p>`;
    const retry = () => void this.focusForm();
    return html`<div class="page-message" part="page-message" data-state="error" role="alert">
      <p>${s.formLoadError}</p>
      <p>${error instanceof Error ? error.message : String(error)}</p>
      <button type="button" class="button primary" @click=${retry}>${s.retry}</button>
    </div>`;
  }

  private renderUrlProblems(s: ConsoleStrings): TemplateResult {
    return html`<div class="notice url-problems" part="notice" role="status">
      <p>${s.urlProblemsIntro}</p>
      <ul>
        ${this.urlProblems.map((problem) => html`<li>${problem}</li>`)}
      </ul>
      <button type="button" class="link-button" @click=${() => (this.urlProblems = [])}>${s.dismiss}</button>
    </div>`;
  }

  private renderPage(s: ConsoleStrings): TemplateResult {
    return html`<div class="page" part="customer-page">
      ${this.singleCustomer
        ? nothing
        : html`<button type="button" class="link-button back" part="back-button" @click=${this.onBackToList}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3L5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>
            ${s.backToList}
          </button>`}
      ${this.renderPageContent(s)}
    </div>`;
  }

  private renderPageContent(s: ConsoleStrings): TemplateResult {
    const id = this.customerId;
    if (!this.backendProvider.value) return html`<p class="notice" part="notice">${s.noBackend}</p>`;
    if (id === undefined) return this.renderNotFound(s, s.notFoundAddress);
    return this.customerTask.render({
      initial: () => this.renderLoading(s),
      pending: () => this.renderLoading(s),
      complete: (loaded) => (loaded ? this.renderCustomer(s, this.freshest(loaded)) : this.renderLoading(s)),
      error: (error) =>
        error instanceof HttpError && error.status === 404
          ? this.renderNotFound(s, s.notFoundBody(String(id)))
          : this.renderError(s, error),
    });
  }

  private renderLoading(s: ConsoleStrings): TemplateResult {
    return html`<p class="page-message loading" part="page-message" role="status">${s.loadingCustomer}</p>`;
  }

  private renderNotFound(s: ConsoleStrings, body: string): TemplateResult {
    return html`<div class="page-message" part="page-message" data-state="not-found">
      <h3 class="page-heading" tabindex="-1">${s.notFoundTitle}</h3>
      <p>${body}</p>
    </div>`;
  }

  private renderError(s: ConsoleStrings, error: unknown, retry: () => void = () => this.retryCustomer()): TemplateResult {
    return html`<div class="page-message" part="page-message" data-state="error" role="alert">
      <h3 class="page-heading" tabindex="-1">${s.errorTitle}</h3>
      <p>${error instanceof Error ? error.message : String(error)}</p>
      <button type="button" class="button primary" @click=${retry}>${s.retry}</button>
    </div>`;
  }

  /**
   * Whether the elements of a page part are registered; if not, starts loading them (once) and
   * renders again when they are, or shows the failure with Retry.
   */
  private pageElementsLoaded(part: CustomerTab | 'header'): boolean {
    if (pageElementsReady(part)) return true;
    if (!this.loadingPageElements.has(part)) {
      this.loadingPageElements.add(part);
      loadPageElements(part).then(
        () => {
          this.loadingPageElements.delete(part);
          this.requestUpdate();
        },
        (error: unknown) => {
          this.loadingPageElements.delete(part);
          this.pageElementsFailed = error;
        },
      );
    }
    return false;
  }

  /** Retry goes with its message: once the page has loaded (or failed again), focus goes to its heading. */
  private retryCustomer(): void {
    void this.customerTask.run();
    this.focusAfterRetry = true;
  }

  /**
   * Loads `<customer-form>` (once, page-elements.ts) and renders again when it is registered, or
   * shows why not. Resolves whether it is registered.
   */
  private loadForm(): Promise<boolean> {
    if (pageElementsReady('form')) return Promise.resolve(true);
    this.formFailed = null;
    return loadPageElements('form').then(
      () => {
        this.requestUpdate();
        return true;
      },
      (error: unknown) => {
        this.formFailed = error;
        return false;
      },
    );
  }

  /**
   * Pointing at or focusing "Add customer" starts loading the form, so it is there when the dialog
   * opens; once (a failed preload is tried again when the dialog opens, not on every pointer move).
   */
  private readonly preloadForm = (): void => {
    if (this.formPreloaded) return;
    this.formPreloaded = true;
    void this.loadForm();
  };

  /**
   * Focus into the form once it is loaded and rendered, if the dialog is still open and focus is
   * not in the form already.
   */
  private async focusForm(): Promise<void> {
    if (!(await this.loadForm())) return;
    await this.updateComplete;
    const form = this.form;
    if (!form) return;
    await form.updateComplete;
    if (this.addDialog.isOpen && !form.contains(deepActiveElement()) && !form.shadowRoot?.contains(deepActiveElement())) form.focus();
  }

  private retryPageElements(): void {
    this.pageElementsFailed = null;
  }

  private renderCustomer(s: ConsoleStrings, { customer, plans }: LoadedCustomer): TemplateResult {
    const now = this.clock.now;
    const status = customerStatus(customer, now);
    const planId = effectivePlanId(customer, now);
    const backend = this.backendProvider.value;
    return html`<header class="customer-header" part="customer-header">
        <div class="identity">
          <h3 class="page-heading name" part="customer-name" tabindex="-1" dir="auto">${customer.name}</h3>
          <div class="badges">
            <span class="badge" part="plan-badge">${findPlan(planId, plans)?.name ?? planId}</span>
            <span class="badge status" part="status-badge" data-status=${status}>${s.statusLabels[status]}</span>
          </div>
        </div>
        ${this.readonly || !this.pageElementsLoaded('header')
          ? nothing
          : html`<customer-switch-button
              part="switch-button"
              exportparts="base, button, reason, error, retry-button"
              .backend=${backend}
              .customerId=${customer.id}
              .now=${now}
              .strings=${s.switchButton}
            ></customer-switch-button>`}
        <dl class="facts" part="facts">
          <div><dt>${s.userId}</dt><dd>${customer.id}</dd></div>
          ${customer.external_id === null
            ? nothing
            : html`<div><dt>${s.externalId}</dt><dd dir="auto">${customer.external_id}</dd></div>`}
          <div>
            <dt>${s.joined}</dt>
            <dd><time datetime=${customer.created_at}>${this.locale.dateFormat(JOINED_FORMAT).format(Date.parse(customer.created_at))}</time></dd>
          </div>
          <div><dt>${s.tasks}</dt><dd>${this.renderUsage(s, customer.tasks_used, customer.task_limit, s.tasksOfLimit)}</dd></div>
          <div><dt>${s.connections}</dt><dd>${this.renderUsage(s, customer.connections, customer.connection_limit, s.connectionsOfLimit)}</dd></div>
        </dl>
      </header>
      ${this.renderTabs(s, customer)}`;
  }

  /** What the page loaded, or the record its Settings tab saved since, whichever is newer. */
  private freshest(loaded: LoadedCustomer): LoadedCustomer {
    const saved = this.savedCustomer;
    return saved && saved.id === loaded.customer.id && saved.version >= loaded.customer.version ? { ...loaded, customer: saved } : loaded;
  }

  /**
   * "4,046 / 10,000", kept in that order right-to-left too, and spoken as "4,046 of 10,000 tasks"
   * rather than "4,046 slash 10,000".
   */
  private renderUsage(s: ConsoleStrings, used: number, limit: number, spoken: (used: string, limit: string) => string): TemplateResult {
    const level = usageLevel(used, limit);
    const n = this.locale.numberFormat();
    return html`<span class="usage" part="usage" data-level=${level}
      ><span class="figure" aria-hidden="true">${s.usage(n.format(used), n.format(limit))}</span
      ><span class="visually-hidden">${spoken(n.format(used), n.format(limit))}</span>${level === 'ok'
        ? nothing
        : html` <span class="usage-level" part="usage-level">${level === 'near' ? s.nearLimit : s.overLimit}</span>`}</span
    >`;
  }

  private renderTabs(s: ConsoleStrings, customer: Customer): TemplateResult {
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${s.tabsLabel} @keydown=${this.onTabKeydown} @focusout=${returnTabStopToSelected}>
        ${CUSTOMER_TABS.map(
          (tab) => html`<button
            type="button"
            class="tab"
            part="tab-button"
            role="tab"
            id=${`tab-${tab}`}
            aria-controls=${`panel-${tab}`}
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            tabindex=${tab === this.tab ? 0 : -1}
            @click=${() => this.selectTab(tab)}
          >
            ${s.tabs[tab]}
          </button>`,
        )}
      </div>
      ${CUSTOMER_TABS.map(
        (tab) => html`<div class="tabpanel" part="tabpanel" role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`} ?hidden=${tab !== this.tab}>
          ${tab === this.tab ? this.renderPanel(s, tab, customer) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(s: ConsoleStrings, tab: CustomerTab, customer: Customer): TemplateResult {
    const backend = this.backendProvider.value;
    const now = this.clock.now;
    const id = customer.id;
    if (!this.pageElementsLoaded(tab)) {
      return this.pageElementsFailed === null ? this.renderLoading(s) : this.renderError(s, this.pageElementsFailed, () => this.retryPageElements());
    }
    switch (tab) {
      case 'dashboard':
        return html`<customer-dashboard
          part="dashboard"
          exportparts="periods, period-option, period-selected, body, skeleton, stats, stat, chart, table-toggle, legend, tooltip, table: dashboard-table, top-failing, recipe, message"
          .backend=${backend}
          .customerId=${id}
          .period=${this.period}
          .now=${now}
          .strings=${s.dashboard}
          @period-change=${this.onPeriodChange}
        ></customer-dashboard>`;
      case 'collaborators':
        return html`<customer-collaborators
          part="collaborators"
          exportparts="base, scroller, table: collaborators-table, caption, header: collaborators-header, row, name, email, role, manager-tag, note, skeleton, message, retry-button"
          .backend=${backend}
          .customerId=${id}
          .now=${now}
          .strings=${s.collaborators}
        ></customer-collaborators>`;
      case 'settings':
        // customer-settings gets the page's `now`, not the console's clock: its history's "2 minutes
        // ago" must run on real time unless a clock was set, for changes are saved after the console loaded.
        return html`<customer-settings
          part="settings"
          exportparts=${SETTINGS_PARTS}
          .backend=${backend}
          .customer=${customer}
          .now=${this.now}
          .strings=${s.settings}
          ?readonly=${this.readonly}
          @customer-change=${this.onCustomerChange}
          @customer-deleted=${this.onCustomerDeleted}
          @unsaved-changes=${this.onUnsavedChanges}
        >
          <plan-settings
            slot="plan"
            part="plan-settings"
            .backend=${backend}
            .customer=${customer}
            .now=${now}
            .strings=${s.planSettings}
            ?readonly=${this.readonly}
            @customer-change=${this.onCustomerChange}
            @unsaved-changes=${this.onUnsavedChanges}
          ></plan-settings>
          <app-access-editor
            slot="app-access"
            part="app-access"
            .backend=${backend}
            .customer=${customer}
            .now=${now}
            .strings=${s.appAccess}
            ?readonly=${this.readonly}
            @app-access-change=${this.onAppAccessChange}
            @unsaved-changes=${this.onUnsavedChanges}
          ></app-access-editor>
        </customer-settings>`;
    }
  }

  /** The backend the children get: the given or built one, with plans and apps loaded once for all. */
  private resolveBackend(): Backend | undefined {
    const source = this.sourceBackend();
    if (source === undefined) return undefined;
    const current = this.backendProvider.value;
    const renew = this.renewBackend;
    this.renewBackend = false;
    return !renew && current instanceof SharedLookupsBackend && current.source === source ? current : new SharedLookupsBackend(source);
  }

  /** The console's own backend (the property, else one built from `api-base`), else an ancestor's. */
  private sourceBackend(): Backend | undefined {
    if (this.backend || !this.apiBase) return this.backendSource.value;
    const built = this.builtBackend;
    if (built && built.apiBase === this.apiBase && built.getToken === this.getToken) return built.backend;
    const getToken = this.getToken;
    const backend = new HttpBackend({ baseUrl: this.apiBase, ...(getToken ? { getToken } : {}) });
    this.builtBackend = { apiBase: this.apiBase, getToken, backend };
    return backend;
  }

  private base(): string {
    return this.basePath !== undefined ? normalizeBasePath(this.basePath) : (this.pageBasePath ?? '');
  }

  /** What the console shows, as a route; null for an address it cannot write back (no User ID in it). */
  private route(): ConsoleRoute | null {
    if (this.customerId !== undefined) return { view: 'customer', id: this.customerId, tab: this.tab, period: this.period };
    return this.unknownCustomerPath ? null : { view: 'list' };
  }

  /**
   * Starts or stops following the URL. On start a list query or a customer page in the URL wins
   * over the properties (a reload or a shared link); without one, the properties are written to it.
   */
  private followUrl(follow: boolean): void {
    if (follow === this.following) return;
    this.following = follow;
    if (!follow) {
      window.removeEventListener('popstate', this.onPopState);
      return;
    }
    window.addEventListener('popstate', this.onPopState);
    const route = parseRoute(location.pathname, location.search, this.base());
    if (route.view === 'customer' || urlHasQuery(location.search)) this.restoreFromUrl();
    else if (this.query !== DEFAULT_QUERY || this.customerId !== undefined) this.writeUrl('replace');
    this.shownHref = location.href;
  }

  /** A change the admin made: adopt it (the URL follows in `updated`) and tell the page. */
  private setQuery(next: CustomerQuery): void {
    this.query = next;
    this.dispatchEvent(createQueryChangeEvent({ query: next }));
  }

  private writeUrl(mode: 'push' | 'replace'): void {
    const route = this.route();
    if (route === null) return;
    const listPath = this.basePath === undefined ? this.pageListPath : undefined;
    const href = routeHref(location.href, route, this.query, this.base(), listPath);
    if (href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
    this.shownHref = href;
  }

  /** Shows what the URL says; true when the list's query changed. */
  private restoreFromUrl(): boolean {
    const route = parseRoute(location.pathname, location.search, this.base());
    this.restoringFromUrl = true;
    if (route.view === 'customer') {
      this.customerId = route.id ?? undefined;
      this.unknownCustomerPath = route.id === null;
      this.tab = route.tab;
      this.period = route.period;
      return false;
    }
    if (this.customerId !== undefined) this.focusList = true;
    this.customerId = undefined;
    this.unknownCustomerPath = false;
    const { query, problems } = queryFromUrl(location.search);
    this.urlProblems = problems;
    const changed = JSON.stringify(query) !== JSON.stringify(this.query);
    if (changed) this.query = query;
    return changed;
  }

  /** Opens a customer's page on its dashboard, focus on its heading once it shows. */
  private openCustomer(id: number): void {
    if (this.customerId === undefined && !this.unknownCustomerPath) {
      // Usually the table's cell the admin opened the customer from (inside the console's shadow root).
      const active = deepActiveElement();
      this.listFocus = active instanceof HTMLElement ? active : null;
    }
    this.customerId = id;
    this.unknownCustomerPath = false;
    this.tab = DEFAULT_TAB;
    this.period = DEFAULT_PERIOD;
    this.focusPage = true;
  }

  private selectTab(tab: CustomerTab): void {
    if (tab === this.tab) return;
    this.leaveEdits(() => {
      this.tab = tab;
      if (this.customerId !== undefined) this.dispatchEvent(createCustomerTabChangeEvent({ id: this.customerId, tab }));
    });
  }

  /**
   * Goes on with `go` at once when nothing on the page holds edits not saved; else asks first, and
   * goes on (dropping the edits) only if the admin chooses to leave.
   */
  private leaveEdits(go: () => void): void {
    if (this.unsaved.size === 0) {
      go();
      return;
    }
    this.pendingLeave = go;
    this.leaveDialog.show();
  }

  private onLeaveDialogClose(): void {
    const go = this.pendingLeave;
    this.pendingLeave = null;
    if (this.leaveDialogElement?.returnValue !== 'leave' || !go) return;
    this.unsaved.clear();
    go();
  }

  /** The URL is the console's unless it was told to keep out of it, or shows one customer only. */
  private syncsUrl(): boolean {
    return !this.noUrlSync && !this.singleCustomer;
  }

  /** Focus follows the view the admin moved to: the page's heading, or back where it was in the list. */
  private moveFocus(): void {
    if (this.focusAfterRetry && this.customerTask.status !== TaskStatus.PENDING) {
      this.focusAfterRetry = false;
      // Only when the focus really was dropped: an admin who moved on keeps where they went.
      if (focusIsLost()) this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus();
    }
    if (this.focusPage && this.customerTask.status !== TaskStatus.PENDING) {
      const heading = this.renderRoot.querySelector<HTMLElement>('.page-heading');
      if (heading) {
        this.focusPage = false;
        heading.focus();
      }
    }
    if (this.focusList && this.customerId === undefined) {
      this.focusList = false;
      const target = this.listFocus;
      this.listFocus = null;
      if (target?.isConnected) target.focus();
      else this.renderRoot.querySelector<HTMLElement>('[part~="add-button"]')?.focus();
    }
  }

  private readonly onPopState = (): void => {
    if (this.unsaved.size > 0 && this.shownHref !== null) {
      // Back or Forward would drop edits not saved: stay at the address the edits belong to, ask,
      // and go where the browser was going only if the admin leaves.
      // Staying adds an entry for the page; leaving steps back onto the one the browser went to.
      history.pushState(history.state, '', this.shownHref);
      this.leaveEdits(() => history.back());
      return;
    }
    if (this.restoreFromUrl()) this.dispatchEvent(createQueryChangeEvent({ query: this.query }));
    this.shownHref = location.href;
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.unsaved.size > 0) event.preventDefault();
  };

  private onUnsavedChanges(event: CustomEvent<UnsavedChangesDetail>): void {
    const source = event.composedPath()[0] ?? event.target;
    if (!source) return;
    if (event.detail.unsaved) this.unsaved.add(source);
    else this.unsaved.delete(source);
  }

  private onCustomerChange(event: CustomEvent<CustomerChangeDetail>): void {
    this.savedCustomer = event.detail.customer;
  }

  /** App access moved the customer's version: read it again so every setting saves on the new one. */
  private onAppAccessChange(event: CustomEvent<AppAccessChangeDetail>): void {
    const backend = this.backendProvider.value;
    const id = event.detail.id;
    if (!backend) return;
    void backend.getCustomer(id).then(
      (customer) => {
        if (this.customerId === id) this.savedCustomer = customer;
      },
      () => {}, // the editors keep working; the next save meets a 412 and reloads
    );
  }

  private onCustomerDeleted(event: CustomEvent<CustomerDeletedDetail>): void {
    this.announcement = this.text.value.customerDeleted(event.detail.name);
    this.unsaved.clear();
    // The list and its counts have one customer fewer: everything under the console loads again.
    this.renewBackend = true;
    this.listFocus = null;
    this.savedCustomer = null;
    if (this.singleCustomer) return;
    this.customerId = undefined;
    this.unknownCustomerPath = false;
    this.focusList = true;
  }

  private onFiltersChange(event: CustomEvent<QueryChangeDetail>): void {
    // The console speaks for the list: one query-change, from the console, for every change.
    event.stopPropagation();
    this.setQuery(event.detail.query);
  }

  private onSortChange(event: CustomEvent<SortChangeDetail>): void {
    event.stopPropagation();
    event.preventDefault();
    this.setQuery({ ...this.query, sort: event.detail.sort, page: 1 });
  }

  private onClearFilters(event: Event): void {
    event.stopPropagation();
    this.setQuery(withoutFilters(this.query));
  }

  private onResultsChange(event: CustomEvent<ResultsChangeDetail>): void {
    // While a new query loads the counts are unknown (null): the tabs keep the last ones rather
    // than losing their numbers and jumping in width.
    if (event.detail.counts) this.counts = event.detail.counts;
  }

  private onCustomerSelect(event: CustomEvent<CustomerSelectDetail>): void {
    // Re-fired from the console so listeners see the console as the target and can cancel it.
    event.stopPropagation();
    if (this.dispatchEvent(createCustomerSelectEvent({ id: event.detail.id }))) this.openCustomer(event.detail.id);
  }

  private onBackToList(): void {
    this.leaveEdits(() => {
      this.customerId = undefined;
      this.unknownCustomerPath = false;
      this.focusList = true;
    });
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    moveRovingFocus(event, tabs, { orientation: 'horizontal', rtl: this.locale.dir === 'rtl' });
  }

  private onPeriodChange(event: CustomEvent<PeriodChangeDetail>): void {
    this.period = event.detail.period;
  }

  /** Escape closes the dialog, except while the form is sending (the answer would have nowhere to go). */
  private onDialogCancel(event: Event): void {
    if (this.form?.sending) event.preventDefault();
  }

  /**
   * A backdrop click closes the dialog (ModalDialogController's listener, added when it opens, so
   * after this one); while the form is sending, it must not.
   */
  private onDialogClick(event: MouseEvent): void {
    if (event.target === this.dialog && this.form?.sending) event.stopImmediatePropagation();
  }

  private onCancelClick(): void {
    if (!this.form?.sending) this.addDialog.close();
  }

  private onCustomerCreated(event: CustomEvent<CustomerCreatedDetail>): void {
    const { customer } = event.detail;
    this.announcement = this.text.value.customerAdded(customer.name);
    // The list and its counts have one more customer: everything under the console loads again.
    this.renewBackend = true;
    this.listFocus = null;
    this.openCustomer(customer.id);
    // The dialog gives focus back to "Add customer" as it closes (its close event comes a task
    // later); the new customer's page takes it from there.
    this.focusPage = false;
    this.dialog?.addEventListener(
      'close',
      () => {
        this.focusPage = true;
        this.requestUpdate();
      },
      { once: true },
    );
    this.addDialog.close();
  }
}

type ConsoleTokenSource = (() => string | Promise<string>) | undefined;

/** customer-settings' parts, forwarded as `settings-<part>` (its names are common ones: `button`, `input`…). */
const SETTINGS_PARTS = [
  'base', 'notice', 'section', 'name', 'ids', 'plan-slot', 'app-access-slot', 'origins', 'history', 'danger', 'conflict', 'heading',
  'unsaved-badge', 'field', 'label', 'input', 'help', 'warning', 'field-error', 'section-error', 'button', 'save', 'revert',
  'status', 'user-id', 'copy', 'origin-list', 'origin', 'remove', 'inherited', 'inherited-badge', 'rejected', 'csp',
  'origin-warning', 'conflict-link', 'delete-button', 'dialog', 'delete-input', 'delete-confirm', 'history-list',
  'history-entry', 'history-more', 'message',
]
  .map((part) => `${part}: settings-${part}`)
  .join(', ');

declare global {
  interface HTMLElementTagNameMap {
    'customer-console': CustomerConsole;
  }
}
