import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Backend } from '../../src/backend/backend.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { SharedLookupsBackend } from '../../src/backend/shared-lookups.js';
import type { StatusCounts } from '../../src/model/schemas.js';
import { DEFAULT_QUERY, type CustomerQuery } from '../../src/query/types.js';
import type { QueryChangeDetail } from '../customer-filters/customer-filters.js';
import { withoutFilters } from '../customer-filters/filter-chips.js';
import type {
  CustomerSelectDetail,
  ResultsChangeDetail,
  SortChangeDetail,
  TableMode,
} from '../customer-table/define.js';
import { backendContext } from '../shared/backend-context.js';
import { ModalDialogController } from '../shared/dialog.js';
import { DEFAULT_CONSOLE_STRINGS, type ConsoleStrings } from './console-strings.js';
import { styles } from './customer-console.styles.js';
import { historyModeFor, queryFromUrl, urlHasQuery, urlWithQuery } from './url-state.js';

/**
 * @tagname customer-console
 * @summary The Customers tab: filters over the customer table, the query kept in the page URL, and
 * the "Add customer" entry point.
 *
 * The backend is the `backend` property, or an HttpBackend built from `api-base` (with the
 * `getToken` property for the bearer token). The console provides it to every element inside
 * (`backendContext`). The query lives in the URL: typing replaces the history entry, every other
 * change pushes one, so reload and Back/Forward restore the list. Parameters of the page that are
 * not the query's are left alone. Set `no-url-sync` to keep the query in memory only.
 *
 * Needs `<customer-filters>` and `<customer-table>` registered; its define module does that.
 *
 * @fires query-change - `{ query }`: the list's query changed (a filter, the sort, Back/Forward).
 * @fires customer-select - `{ id }`: the admin opened a customer (the detail view comes in a later
 *   release; cancel the event to handle it yourself).
 * @fires customer-create-request - The admin chose "Add customer". Cancelable: `preventDefault()`
 *   stops the console's own dialog so the page can show its form.
 *
 * @slot title - Replaces the "Customers" heading.
 * @slot actions - Extra buttons beside "Add customer".
 *
 * @csspart header - The row with the title and the actions.
 * @csspart title - The default heading.
 * @csspart add-button - The "Add customer" button.
 * @csspart filters - The `<customer-filters>` element.
 * @csspart table - The `<customer-table>` element.
 * @csspart notice - The note listing URL parameters that were ignored.
 * @csspart dialog - The "Add customer" dialog.
 *
 * @cssprop --customer-console-gap - Space between header, filters and table.
 * @cssprop --customer-table-block-size - Height of the table (it scrolls inside).
 * @cssprop --customers-console-color-* - The kit's colour tokens (components/shared/tokens.ts).
 */
export class CustomerConsole extends LitElement {
  static override styles = styles;

  private readonly backendProvider = new ContextProvider(this, { context: backendContext });
  private readonly addDialog = new ModalDialogController(this, () => this.dialog);

  @query('dialog') private dialog!: HTMLDialogElement | null;

  @state() private urlProblems: string[] = [];
  @state() private counts: StatusCounts | null = null;

  /** The backend; wins over `api-base`. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** Base URL of the HTTP API, used when `backend` is not set, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** Supplies the bearer token for `api-base` requests; called before every request. */
  @property({ attribute: false }) getToken: (() => string | Promise<string>) | undefined;

  /** The list's query. Read it, or set it to show another list; the URL follows. */
  @property({ attribute: false }) query: CustomerQuery = DEFAULT_QUERY;

  /** Data mode of the table: `auto` picks client mode for small lists. */
  @property() mode: TableMode = 'auto';

  /** Keep the query out of the page URL (several consoles on one page, or a page that routes itself). */
  @property({ type: Boolean, attribute: 'no-url-sync' }) noUrlSync = false;

  /** The clock for statuses and date presets; the time the console was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation. */
  @property({ attribute: false }) strings: Partial<ConsoleStrings> = {};

  private readonly createdAt = new Date();
  /** Listening to popstate and writing the URL. */
  private following = false;
  /** The query change being rendered came from the URL, so writing it back must not push an entry. */
  private restoringFromUrl = false;
  private builtBackend: { apiBase: string; getToken: ConsoleTokenSource; backend: Backend } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.followUrl(!this.noUrlSync);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followUrl(false);
  }

  /** Opens the "Add customer" entry point, as the button does. */
  requestCreate(): void {
    const event = new CustomEvent('customer-create-request', { bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) this.addDialog.show();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('backend') || changed.has('apiBase') || changed.has('getToken')) {
      const backend = this.resolveBackend();
      if (backend !== this.backendProvider.value) this.counts = null;
      this.backendProvider.setValue(backend);
    }
    if (changed.has('noUrlSync') && this.isConnected) this.followUrl(!this.noUrlSync);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Whoever changed the query (a filter, the sort, the page setting the property), the URL follows.
    if (changed.has('query') && this.following) {
      const previous = changed.get('query');
      this.writeUrl(this.restoringFromUrl || previous === undefined ? 'replace' : historyModeFor(previous, this.query));
    }
    this.restoringFromUrl = false;
  }

  protected override render(): TemplateResult {
    const s = this.text;
    const backend = this.backendProvider.value;
    return html`
      <div class="header" part="header">
        <slot name="title"><h2 class="title" part="title">${s.title}</h2></slot>
        <div class="actions">
          <slot name="actions"></slot>
          <button type="button" class="button primary add" part="add-button" @click=${this.requestCreate}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 3v10M3 8h10" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
            ${s.addCustomer}
          </button>
        </div>
      </div>
      <customer-filters
        part="filters"
        .backend=${backend}
        .query=${this.query}
        .counts=${this.counts}
        .now=${this.clock}
        @query-change=${this.onFiltersChange}
      ></customer-filters>
      ${this.urlProblems.length > 0 ? this.renderUrlProblems(s) : nothing}
      ${backend
        ? html`<customer-table
            part="table"
            .backend=${backend}
            .query=${this.query}
            .mode=${this.mode}
            .now=${this.clock}
            @sort-change=${this.onSortChange}
            @clear-filters-request=${this.onClearFilters}
            @customer-select=${this.onCustomerSelect}
            @results-change=${this.onResultsChange}
          ></customer-table>`
        : html`<p class="notice" part="notice">${s.noBackend}</p>`}
      <dialog part="dialog" aria-labelledby="add-title">
        <div class="dialog-body">
          <h2 id="add-title">${s.addCustomerTitle}</h2>
          <p>${s.addCustomerLater}</p>
          <div class="dialog-actions">
            <button type="button" class="button primary" autofocus @click=${() => this.addDialog.close()}>${s.close}</button>
          </div>
        </div>
      </dialog>
    `;
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

  private get text(): ConsoleStrings {
    return { ...DEFAULT_CONSOLE_STRINGS, ...this.strings };
  }

  private get clock(): Date {
    return this.now ?? this.createdAt;
  }

  /** The backend the children get: the given or built one, with plans and apps loaded once for both. */
  private resolveBackend(): Backend | undefined {
    const source = this.sourceBackend();
    if (source === undefined) return undefined;
    const current = this.backendProvider.value;
    return current instanceof SharedLookupsBackend && current.source === source ? current : new SharedLookupsBackend(source);
  }

  private sourceBackend(): Backend | undefined {
    if (this.backend) return this.backend;
    if (!this.apiBase) return undefined;
    const built = this.builtBackend;
    if (built && built.apiBase === this.apiBase && built.getToken === this.getToken) return built.backend;
    const getToken = this.getToken;
    const backend = new HttpBackend({ baseUrl: this.apiBase, ...(getToken ? { getToken } : {}) });
    this.builtBackend = { apiBase: this.apiBase, getToken, backend };
    return backend;
  }

  /**
   * Starts or stops following the URL. On start a query in the URL wins over the `query` property
   * (a reload or a shared link); without one, the property's query is written to the URL.
   */
  private followUrl(follow: boolean): void {
    if (follow === this.following) return;
    this.following = follow;
    if (!follow) {
      window.removeEventListener('popstate', this.onPopState);
      return;
    }
    window.addEventListener('popstate', this.onPopState);
    if (urlHasQuery(location.search)) this.restoreFromUrl();
    else if (this.query !== DEFAULT_QUERY) this.writeUrl('replace');
  }

  /** A change the admin made: adopt it (the URL follows in `updated`) and tell the page. */
  private setQuery(next: CustomerQuery): void {
    this.query = next;
    this.dispatchEvent(
      new CustomEvent<QueryChangeDetail>('query-change', { detail: { query: next }, bubbles: true, composed: true }),
    );
  }

  private writeUrl(mode: 'push' | 'replace'): void {
    const href = urlWithQuery(location.href, this.query);
    if (href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
  }

  private restoreFromUrl(): boolean {
    const { query, problems } = queryFromUrl(location.search);
    this.urlProblems = problems;
    const changed = JSON.stringify(query) !== JSON.stringify(this.query);
    if (changed) {
      this.query = query;
      this.restoringFromUrl = true;
    }
    return changed;
  }

  private readonly onPopState = (): void => {
    if (this.restoreFromUrl()) {
      this.dispatchEvent(
        new CustomEvent<QueryChangeDetail>('query-change', { detail: { query: this.query }, bubbles: true, composed: true }),
      );
    }
  };

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
    // Re-fired from the console so listeners see the console as the target, and can cancel it
    // once the console opens its own detail view.
    event.stopPropagation();
    this.dispatchEvent(
      new CustomEvent<CustomerSelectDetail>('customer-select', {
        detail: { id: event.detail.id },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }
}

type ConsoleTokenSource = (() => string | Promise<string>) | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'customer-console': CustomerConsole;
  }
  interface HTMLElementEventMap {
    'customer-create-request': CustomEvent<undefined>;
  }
}
