import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { STATUSES } from '../../src/model/constants.js';
import type { App, Plan, Status, StatusCounts } from '../../src/model/schemas.js';
import { hasActiveFilters, withoutFilters } from '../../src/query/filters.js';
import { countsListParams } from '../../src/query/list-params.js';
import { DEFAULT_QUERY, JOINED_PRESETS, type CustomerListParams, type CustomerQuery, type JoinedPreset } from '../../src/query/types.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { createQueryChangeEvent } from '../shared/events.js';
import { listboxIndex } from '../shared/keyboard-navigation.js';
import { moveRovingFocus } from '../shared/roving-focus.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PopoverController } from '../shared/popover.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { matchingApps } from './app-options.js';
import { validateCustomRange, type RangeErrors } from './custom-range.js';
import { CHIP_DATE_FORMAT, filterChips, joinedLabel } from './filter-chips.js';
import { DEFAULT_FILTER_STRINGS, type FilterStrings } from './filter-strings.js';
import { styles } from './customer-filters.styles.js';

type PickerId = 'plan' | 'app' | 'joined';
type StatusTab = Status | 'all';
const STATUS_TABS: readonly StatusTab[] = ['all', ...STATUSES];

/** A plan or app list: loaded from the backend unless given as a property. */
type LookupTask<T> = Task<readonly [Backend | undefined], T[] | null>;

/**
 * @tagname customer-filters
 * @summary The filter bar of the customer list: search, status tabs with counts, plan, app and
 * date-joined pickers, and the active filters as removable chips.
 *
 * It edits one `CustomerQuery`. Every change updates `query` and fires `query-change` with the
 * whole query and the page reset to 1; set `query` to restore a state (from the URL, say).
 * Plans, apps and status counts come from the backend (the `backend` property, or the one a
 * `<customer-console>` provides) unless they are given as properties. Counts and dates follow the
 * element's `lang` (else the nearest ancestor's, across shadow roots, else the document's); the
 * status arrow keys follow its `dir` the same way.
 *
 * Keyboard: the statuses look like tabs but are a radio group (they filter the list beside them and
 * own no panel): one tab stop, on the chosen status; arrow keys move and choose, Home/End go to the
 * ends. In the plan list and the date presets, Up/Down (and Home/End) move between the choices,
 * which keep one tab stop each; Space toggles a plan, Enter or Space picks a preset.
 *
 * @fires query-change - `{ query }`: the admin changed a filter. Search text fires after typing pauses.
 *
 * @csspart base - The bar holding search, tabs and pickers.
 * @csspart search - The search field's wrapper.
 * @csspart search-input - The search `<input>`.
 * @csspart search-clear - The button that clears the search.
 * @csspart tabs - The status choices (`role="radiogroup"`), drawn as tabs.
 * @csspart tab - One status (`role="radio"`); the chosen one also has `tab-selected`.
 * @csspart tab-selected - The chosen status (with `tab`).
 * @csspart tab-count - The count inside a tab.
 * @csspart picker-button - The buttons that open the plan, app and date pickers.
 * @csspart popover - A picker's floating panel.
 * @csspart option - An app in the app list.
 * @csspart field-error - A validation message under a date field.
 * @csspart chips - The row of active-filter chips.
 * @csspart chip - One removable chip.
 * @csspart clear-all - The "Clear all" button.
 *
 * @cssprop --customers-console-color-accent - Selected tab, checked boxes, primary buttons.
 * @cssprop --customers-console-color-surface - Background of fields and popovers.
 * @cssprop --customers-console-color-border - Borders of fields, buttons and popovers.
 * @cssprop --customers-console-color-danger - Validation messages.
 * @cssprop --customer-filters-chip-background - Background of the filter chips.
 * @cssprop --customer-filters-chip-max-inline-size - Longest a chip gets before its label is cut (default 22rem).
 * @cssprop --customer-filters-search-inline-size - Width of the search field.
 */
export class CustomerFilters extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_FILTER_STRINGS);
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);

  private readonly pickers = new PopoverController(this, {
    placement: 'bottom-start',
    onClose: (id) => {
      if (id === 'app') this.appSearch = '';
    },
  });

  private readonly plansTask: LookupTask<Plan> = new Task(this, {
    // The backend's plan list includes the free plan.
    task: async ([backend], { signal }) => (backend ? await backend.listPlans({ signal }) : null),
    args: () => [this.plans === undefined ? this.backendSource.value : undefined] as const,
  });

  private readonly appsTask: LookupTask<App> = new Task(this, {
    task: async ([backend], { signal }) => (backend ? await backend.listApps({ signal }) : null),
    args: () => [this.apps === undefined ? this.backendSource.value : undefined] as const,
  });

  /**
   * Counts ignore the status filter, so they are fetched once per query without status, sort or
   * page: a new request only when those params (or the backend) really change. The params are
   * flat and built by one function (same key order), so their JSON compares them exactly, for
   * 0.3 KB gzip less than @lit/task's deepEquals.
   */
  private readonly countsTask = new Task(this, {
    task: async ([backend, params], { signal }) => (backend ? (await backend.listCustomers(params, { signal })).counts : null),
    args: (): readonly [Backend | undefined, CustomerListParams] => [
      this.counts === undefined ? this.backendSource.value : undefined,
      countsListParams(this.query, this.clock.now),
    ],
    argsEqual: ([oldBackend, oldParams], [backend, params]) => oldBackend === backend && JSON.stringify(oldParams) === JSON.stringify(params),
  });

  @query('#search') private searchInput!: HTMLInputElement;
  @query('#joined-from') private fromInput!: HTMLInputElement;
  @query('#joined-to') private toInput!: HTMLInputElement;

  /** What the search field shows; sent after the admin pauses typing. */
  @state() private searchDraft = '';
  @state() private appSearch = '';
  @state() private activeAppIndex = 0;
  @state() private fromDraft = '';
  @state() private toDraft = '';
  @state() private rangeErrors: RangeErrors = {};
  /** The plan checkbox and the date preset that hold their list's one tab stop (where focus last was). */
  @state() private planStop = 0;
  @state() private presetStop = 0;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastJoinedKey = '';
  /** The chip whose removal should pull focus to its neighbour after the next render. */
  private focusAfterChipRemoval: number | null = null;

  /** The backend to load plans, apps and counts from; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** The query the filters show. Set it to restore a state; it changes as the admin edits. */
  @property({ attribute: false }) query: CustomerQuery = DEFAULT_QUERY;

  /** The plans to offer (free plan included); loaded from the backend when not set. */
  @property({ attribute: false }) plans: Plan[] | undefined;

  /** The app catalogue to offer; loaded from the backend when not set. */
  @property({ attribute: false }) apps: App[] | undefined;

  /** Status counts for the tabs; loaded from the backend when not set. */
  @property({ attribute: false }) counts: StatusCounts | null | undefined;

  /** The clock that date presets resolve against; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Milliseconds of quiet after typing before the search is sent. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 200;

  /** Replacement texts, for translation (DEFAULT_FILTER_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<FilterStrings> | undefined;

  /** Sends pending search text now instead of after the typing pause. */
  flushSearch(): void {
    if (this.searchTimer === undefined) return;
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    if (this.searchDraft !== this.query.q) this.change({ ...this.query, q: this.searchDraft });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) {
      // Never overwrite what the admin is still typing with an older echo of the query.
      if (this.searchTimer === undefined) this.searchDraft = this.query.q;
      const joinedKey = JSON.stringify(this.query.joined);
      if (joinedKey !== this.lastJoinedKey) {
        this.lastJoinedKey = joinedKey;
        const joined = this.query.joined;
        const custom = joined !== null && !('preset' in joined) ? joined : null;
        this.fromDraft = custom?.from ?? '';
        this.toDraft = custom?.to ?? '';
        this.rangeErrors = {};
      }
    }
  }

  protected override updated(): void {
    if (this.focusAfterChipRemoval !== null) {
      const index = this.focusAfterChipRemoval;
      this.focusAfterChipRemoval = null;
      const chips = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.chip')];
      const target = chips[Math.min(index, chips.length - 1)] ?? this.searchInput;
      target?.focus();
    }
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const dates = this.locale.dateFormat(CHIP_DATE_FORMAT);
    return html`
      <div class="bar" part="base">
        ${this.renderSearch(s)} ${this.renderTabs(s)}
        <div class="pickers">${this.renderPlanPicker(s)} ${this.renderAppPicker(s)} ${this.renderJoinedPicker(s, dates)}</div>
      </div>
      ${this.renderChips(s, dates)}
    `;
  }

  private get planList(): Plan[] {
    return this.plans ?? this.plansTask.value ?? [];
  }

  private get appList(): App[] {
    return this.apps ?? this.appsTask.value ?? [];
  }

  private get statusCounts(): StatusCounts | null {
    return this.counts !== undefined ? this.counts : (this.countsTask.value ?? null);
  }

  private renderSearch(s: FilterStrings): TemplateResult {
    return html`
      <div class="search" part="search">
        <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="m13 13 4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        <input
          id="search"
          part="search-input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
          aria-label=${s.searchLabel}
          placeholder=${s.searchPlaceholder}
          .value=${live(this.searchDraft)}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeyDown}
        />
        ${this.searchDraft !== ''
          ? html`<button class="icon-button search-clear" part="search-clear" type="button" aria-label=${s.clearSearch} title=${s.clearSearch} @click=${this.onClearSearch}>
              ${closeIcon}
            </button>`
          : nothing}
      </div>
    `;
  }

  private renderTabs(s: FilterStrings): TemplateResult {
    const counts = this.statusCounts;
    const numbers = this.locale.numberFormat();
    return html`
      <div class="tabs" part="tabs" role="radiogroup" aria-label=${s.statusTabsLabel} @keydown=${this.onTabsKeyDown}>
        ${STATUS_TABS.map((tab) => {
          const selected = this.query.status === tab;
          const label = tab === 'all' ? s.statusAll : s.status[tab];
          return html`<button
            type="button"
            role="radio"
            class="tab"
            part=${selected ? 'tab tab-selected' : 'tab'}
            data-status=${tab}
            aria-checked=${selected ? 'true' : 'false'}
            tabindex=${selected ? 0 : -1}
            @click=${() => this.selectStatus(tab)}
          >
            <span>${label}</span> ${counts
              ? html`<span class="count" part="tab-count">${numbers.format(counts[tab])}</span>`
              : nothing}
          </button>`;
        })}
      </div>
    `;
  }

  private renderPickerButton(id: PickerId, label: string, value: string | null): TemplateResult {
    const open = this.pickers.isOpen(id);
    return html`<button
      id="${id}-button"
      type="button"
      class="picker-button ${value ? 'has-value' : ''}"
      part="picker-button"
      aria-haspopup="dialog"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${id}-panel"
      @click=${() => this.togglePicker(id)}
    >
      <span>${label}</span>${value ? html`<span class="picker-value">${value}</span>` : nothing}
      <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true"><path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.5" /></svg>
    </button>`;
  }

  /** Progress and Retry for a list the picker loads itself (nothing once it is there). */
  private renderLoadState<T>(task: LookupTask<T>, s: FilterStrings): unknown {
    return task.render({
      // A reload (another backend) keeps showing the list it has.
      pending: () => (task.value == null ? html`<p class="note" role="status">${s.loading}</p>` : nothing),
      error: () => html`<p class="note">
        ${s.loadFailed}
        <button type="button" class="button" @click=${() => void task.run()}>${s.retry}</button>
      </p>`,
    });
  }

  private renderPlanPicker(s: FilterStrings): TemplateResult {
    const plans = this.planList;
    const chosen = this.query.plans;
    const value =
      chosen.length === 0
        ? null
        : chosen.length === 1
          ? (plans.find((p) => p.id === chosen[0])?.name ?? chosen[0]!)
          : s.plansChosen(chosen.length);
    return html`
      ${this.renderPickerButton('plan', s.planButton, value)}
      <div id="plan-panel" class="popover" part="popover" popover="manual" role="dialog" aria-labelledby="plan-button">
        ${this.plans === undefined ? this.renderLoadState(this.plansTask, s) : nothing}
        <fieldset class="plan-list" @keydown=${this.onChoiceKeyDown} @focusin=${this.onPlanFocusIn}>
          <legend>${s.plansLegend}</legend>
          ${plans.length === 0 && this.plansTask.status === TaskStatus.COMPLETE ? html`<p class="note">${s.noPlans}</p>` : nothing}
          ${repeat(
            plans,
            (plan) => plan.id,
            (plan, i) => html`<label class="check">
              <input
                type="checkbox"
                tabindex=${i === Math.min(this.planStop, plans.length - 1) ? 0 : -1}
                .checked=${live(chosen.includes(plan.id))}
                @change=${(e: Event) => this.togglePlan(plan.id, (e.target as HTMLInputElement).checked)}
              />
              <span>${plan.name}</span>
            </label>`,
          )}
        </fieldset>
      </div>
    `;
  }

  private renderAppPicker(s: FilterStrings): TemplateResult {
    const apps = this.appList;
    const selectedApp = this.query.app;
    const value = selectedApp === null ? null : (apps.find((a) => a.id === selectedApp)?.name ?? selectedApp);
    const options = this.appOptions();
    const active = Math.min(this.activeAppIndex, options.length - 1);
    return html`
      ${this.renderPickerButton('app', s.appButton, value)}
      <div id="app-panel" class="popover app-panel" part="popover" popover="manual" role="dialog" aria-labelledby="app-button">
        ${this.apps === undefined ? this.renderLoadState(this.appsTask, s) : nothing}
        <input
          id="app-search"
          class="field"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-label=${s.appSearchLabel}
          placeholder=${s.appSearchLabel}
          aria-autocomplete="list"
          aria-expanded="true"
          aria-controls="app-listbox"
          aria-activedescendant=${active >= 0 ? `app-option-${active}` : ''}
          .value=${live(this.appSearch)}
          @input=${this.onAppSearchInput}
          @keydown=${this.onAppSearchKeyDown}
        />
        <ul id="app-listbox" class="listbox" role="listbox" aria-label=${s.appListLabel}>
          ${options.map((app, i) => {
            const selected = (app?.id ?? null) === selectedApp;
            return html`<li
              id="app-option-${i}"
              class="option ${i === active ? 'active' : ''}"
              part="option"
              role="option"
              aria-selected=${selected ? 'true' : 'false'}
              @click=${() => this.selectApp(app?.id ?? null)}
              @pointermove=${() => (this.activeAppIndex = i)}
            >
              ${app
                ? app.icon
                  ? html`<img class="app-icon" src=${app.icon} alt="" width="20" height="20" />`
                  : html`<span class="app-icon placeholder" aria-hidden="true"></span>`
                : html`<span class="app-icon any" aria-hidden="true"></span>`}
              <span class="option-label">${app ? app.name : s.anyApp}</span>
              ${selected ? html`<svg class="check-mark" viewBox="0 0 16 16" aria-hidden="true"><path d="m3 8.5 3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" /></svg>` : nothing}
            </li>`;
          })}
        </ul>
        ${options.length === 1 && this.appSearch.trim() !== '' ? html`<p class="note" role="status">${s.noAppMatches}</p>` : nothing}
      </div>
    `;
  }

  private renderJoinedPicker(s: FilterStrings, dates: Intl.DateTimeFormat): TemplateResult {
    const joined = this.query.joined;
    const value = joined === null ? null : joinedLabel(joined, s, dates);
    const presetChoice = (preset: JoinedPreset | null, label: string, i: number) => {
      const pressed = preset === null ? joined === null : joined !== null && 'preset' in joined && joined.preset === preset;
      return html`<li>
        <button
          type="button"
          class="preset"
          tabindex=${i === this.presetStop ? 0 : -1}
          aria-pressed=${pressed ? 'true' : 'false'}
          @click=${() => this.selectJoined(preset)}
        >
          ${label}
        </button>
      </li>`;
    };
    const errors = this.rangeErrors;
    return html`
      ${this.renderPickerButton('joined', s.joinedButton, value)}
      <div id="joined-panel" class="popover joined-panel" part="popover" popover="manual" role="dialog" aria-labelledby="joined-button">
        <ul class="presets" role="list" @keydown=${this.onChoiceKeyDown} @focusin=${this.onPresetFocusIn}>
          ${presetChoice(null, s.anyTime, 0)} ${JOINED_PRESETS.map((preset, i) => presetChoice(preset, s.presets[preset], i + 1))}
        </ul>
        <form class="custom-range" novalidate @submit=${this.onApplyCustomRange}>
          <fieldset>
            <legend>${s.customRange}</legend>
            <div class="date-fields">
              <div class="date-field">
                <label for="joined-from">${s.from}</label>
                <input
                  id="joined-from"
                  class="field"
                  type="date"
                  .value=${live(this.fromDraft)}
                  aria-invalid=${errors.from ? 'true' : 'false'}
                  aria-describedby=${errors.from ? 'joined-from-error' : nothing}
                  @input=${(e: Event) => (this.fromDraft = (e.target as HTMLInputElement).value)}
                />
                ${errors.from ? html`<p id="joined-from-error" class="field-error" part="field-error">${errors.from}</p>` : nothing}
              </div>
              <div class="date-field">
                <label for="joined-to">${s.to}</label>
                <input
                  id="joined-to"
                  class="field"
                  type="date"
                  .value=${live(this.toDraft)}
                  aria-invalid=${errors.to ? 'true' : 'false'}
                  aria-describedby=${errors.to ? 'joined-to-error' : nothing}
                  @input=${(e: Event) => (this.toDraft = (e.target as HTMLInputElement).value)}
                />
                ${errors.to ? html`<p id="joined-to-error" class="field-error" part="field-error">${errors.to}</p>` : nothing}
              </div>
            </div>
            <button type="submit" class="button primary apply">${s.apply}</button>
          </fieldset>
        </form>
      </div>
    `;
  }

  private renderChips(s: FilterStrings, dates: Intl.DateTimeFormat): TemplateResult | typeof nothing {
    if (!hasActiveFilters(this.query)) return nothing;
    const chips = filterChips(this.query, this.planList, this.appList, s, dates);
    return html`
      <div class="chips" part="chips" role="group" aria-label=${s.activeFilters}>
        ${repeat(
          chips,
          (chip) => chip.key,
          (chip, index) => html`<button
            type="button"
            class="chip"
            part="chip"
            data-key=${chip.key}
            aria-label=${s.removeFilter(chip.label)}
            title=${chip.label}
            @click=${() => this.removeChip(index, chip.key, chip.without)}
          >
            <span class="chip-label">${chip.label}</span>${closeIcon}
          </button>`,
        )}
        <button type="button" class="link-button clear-all" part="clear-all" @click=${this.onClearAll}>${s.clearAll}</button>
      </div>
    `;
  }

  /** Adopts the new query and tells the page; every change starts again at page 1. */
  private change(next: CustomerQuery): void {
    const query = { ...next, page: 1 };
    this.query = query;
    this.dispatchEvent(createQueryChangeEvent({ query }));
  }

  private onSearchInput(event: InputEvent): void {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      if (this.searchDraft !== this.query.q) this.change({ ...this.query, q: this.searchDraft });
    }, this.searchDelay);
  }

  private onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.flushSearch();
    else if (event.key === 'Escape' && this.searchDraft !== '') {
      event.preventDefault();
      event.stopPropagation();
      this.clearSearch();
    }
  }

  private onClearSearch(): void {
    this.clearSearch();
    this.searchInput.focus();
  }

  private clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchDraft = '';
    if (this.query.q !== '') this.change({ ...this.query, q: '' });
  }

  private selectStatus(status: StatusTab): void {
    if (status !== this.query.status) this.change({ ...this.query, status });
  }

  /**
   * The radio group's keys: arrows move to the next status and choose it (mirrored when the
   * element's direction, its `dir` else the nearest ancestor's, is right-to-left); Home/End too.
   * The render gives the chosen one the tab stop.
   */
  private onTabsKeyDown(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    const next = moveRovingFocus(event, tabs, { orientation: 'horizontal', rtl: this.locale.dir === 'rtl', keepTabStops: true });
    if (next !== null) this.selectStatus(STATUS_TABS[next]!);
  }

  /** Up/Down, Home/End among a picker's plan checkboxes or date presets (the list's own controls). */
  private onChoiceKeyDown(event: KeyboardEvent): void {
    const list = event.currentTarget as HTMLElement;
    const items = [...list.querySelectorAll<HTMLElement>('input, button')];
    moveRovingFocus(event, items, { orientation: 'vertical', rtl: false, keepTabStops: true });
  }

  private onPlanFocusIn(event: FocusEvent): void {
    const index = [...(event.currentTarget as HTMLElement).querySelectorAll('input')].indexOf(event.target as HTMLInputElement);
    if (index >= 0) this.planStop = index;
  }

  private onPresetFocusIn(event: FocusEvent): void {
    const index = [...(event.currentTarget as HTMLElement).querySelectorAll('button')].indexOf(event.target as HTMLButtonElement);
    if (index >= 0) this.presetStop = index;
  }

  private togglePicker(id: PickerId): void {
    const anchor = this.renderRoot.querySelector<HTMLElement>(`#${id}-button`);
    const panel = this.renderRoot.querySelector<HTMLElement>(`#${id}-panel`);
    if (!anchor || !panel) return;
    const opening = !this.pickers.isOpen(id);
    const shown = this.pickers.toggle(id, anchor, panel);
    if (!opening) return;
    if (id === 'app') {
      this.appSearch = '';
      const selected = this.appOptions().findIndex((app) => (app?.id ?? null) === this.query.app);
      this.activeAppIndex = Math.max(0, selected);
    }
    if (id === 'joined') this.rangeErrors = {};
    void Promise.all([shown, this.updateComplete]).then(() => {
      if (!this.pickers.isOpen(id)) return;
      const first =
        id === 'app'
          ? panel.querySelector<HTMLElement>('#app-search')
          : (panel.querySelector<HTMLElement>('[aria-pressed="true"], input:checked') ?? panel.querySelector<HTMLElement>('input, button'));
      first?.focus();
      if (id === 'app') panel.querySelector('.option.active')?.scrollIntoView({ block: 'nearest' });
    });
  }

  private togglePlan(planId: string, checked: boolean): void {
    const plans = checked ? [...new Set([...this.query.plans, planId])] : this.query.plans.filter((p) => p !== planId);
    this.change({ ...this.query, plans });
  }

  /** "Any app" first, then the apps matching the search text. */
  private appOptions(): (App | null)[] {
    return [null, ...matchingApps(this.appList, this.appSearch)];
  }

  private onAppSearchInput(event: InputEvent): void {
    this.appSearch = (event.target as HTMLInputElement).value;
    // The first match, not "Any app", is what Enter should pick after typing.
    this.activeAppIndex = this.appSearch.trim() === '' ? 0 : 1;
  }

  private onAppSearchKeyDown(event: KeyboardEvent): void {
    const options = this.appOptions();
    const current = Math.min(this.activeAppIndex, options.length - 1);
    if (event.key === 'Enter') {
      event.preventDefault();
      const app = options[current];
      if (app !== undefined) this.selectApp(app?.id ?? null);
      return;
    }
    const next = listboxIndex(current, options.length, event.key);
    if (next === null) return;
    event.preventDefault();
    this.activeAppIndex = next;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#app-option-${next}`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private selectApp(appId: string | null): void {
    this.pickers.close({ returnFocus: true });
    if (appId !== this.query.app) this.change({ ...this.query, app: appId });
  }

  private selectJoined(preset: JoinedPreset | null): void {
    this.pickers.close({ returnFocus: true });
    this.change({ ...this.query, joined: preset === null ? null : { preset } });
  }

  private onApplyCustomRange(event: SubmitEvent): void {
    event.preventDefault();
    const result = validateCustomRange(
      { value: this.fromInput.value, incomplete: this.fromInput.validity.badInput },
      { value: this.toInput.value, incomplete: this.toInput.validity.badInput },
      this.text.value,
    );
    if (!result.ok) {
      // The typed dates stay in the fields; only the messages appear next to them.
      this.rangeErrors = result.errors;
      void this.updateComplete.then(() => (result.errors.from ? this.fromInput : this.toInput).focus());
      return;
    }
    this.rangeErrors = {};
    this.pickers.close({ returnFocus: true });
    this.change({ ...this.query, joined: result.range });
  }

  private removeChip(index: number, key: string, without: (query: CustomerQuery) => CustomerQuery): void {
    this.focusAfterChipRemoval = index;
    if (key === 'q') {
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
    }
    this.change(without(this.query));
  }

  private onClearAll(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.change(withoutFilters(this.query));
    void this.updateComplete.then(() => this.searchInput.focus());
  }
}

const closeIcon = html`<svg class="close-icon" viewBox="0 0 16 16" aria-hidden="true">
  <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'customer-filters': CustomerFilters;
  }
}
