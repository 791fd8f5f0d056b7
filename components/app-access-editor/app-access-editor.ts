import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { Task, TaskStatus } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError, TimeoutError, isAbortError } from '../../src/backend/errors.js';
import { appInitials } from '../../src/backend/app-icons.js';
import type { App, AppAccess, Customer } from '../../src/model/schemas.js';
import { AppIconSheet } from '../shared/app-icon-sheet.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { ModalDialogController } from '../shared/dialog.js';
import { createAppAccessChangeEvent, createUnsavedChangesEvent } from '../shared/events.js';
import { listboxIndex, rovingIndex } from '../shared/keyboard-navigation.js';
import { LocaleController } from '../shared/locale-controller.js';
import { RetryFocusController } from '../shared/retry-focus.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import { DEFAULT_APP_ACCESS_STRINGS, type AppAccessStrings } from './app-access-strings.js';
import { styles } from './app-access-editor.styles.js';
import {
  accessChange,
  draftAccess,
  foldedNames,
  isChange,
  matchingIndexes,
  sameAccess,
  selectedIds,
  type AccessChange,
  type AccessMode,
} from './app-selection.js';

/** App names a change summary lists before "and N more". */
const NAMES_SHOWN = 8;
/** Checklist rows one PageUp/PageDown moves. */
const PAGE_ROWS = 10;
/**
 * A long catalogue's rows are drawn in steps: the first ones with the dialog, the rest a batch a
 * frame, so the dialog opens at once and no frame is spent on a thousand rows.
 */
const FIRST_ROWS = 60;
const ROWS_PER_FRAME = 200;
/** Re-applying on a newer version when only other fields changed: how often before showing the conflict anyway. */
const SILENT_RETRIES = 2;

interface Catalogue {
  apps: App[];
  /** `manage_customers` of the signed-in admin. */
  mayManage: boolean;
}

/** The other admin's access after a 412, shown beside this admin's selection. */
interface Conflict {
  theirs: AppAccess;
}

/**
 * @tagname app-access-editor
 * @summary Which apps a customer may use: all apps (the default), or only the apps selected; Edit
 * opens a dialog with a searchable checklist of the catalogue and Apply changes.
 *
 * Loads `backend.getAppAccess(customer.id)`, `backend.listApps()` and `backend.getPartner()` (an
 * admin without `manage_customers` sees the access read-only, with the reason). The dialog is a
 * native modal `<dialog>` (focus trapped, Escape cancels, focus back on Edit): the mode as a radio
 * group whose help says what a restriction means (only the selected apps can be discovered and
 * connected, the community library included; apps added to the catalogue later are not added), a
 * search over the catalogue, a checkbox group with one Tab stop (arrows, Home/End, PageUp/PageDown
 * move, Space toggles), select all / clear of the shown apps, a polite live count, and the change
 * (+added / −removed, named) before **Apply changes**. Going back to all apps asks first.
 *
 * Every apply sends the customer's `version` (`If-Match`). On 412 the element reads the current
 * access and customer again: when the other write left the access alone it applies on the new
 * version; otherwise it shows what the other admin set, keeps this admin's selection (the change is
 * then counted from theirs) and offers "Apply my selection" or "Use theirs" — never a silent
 * overwrite. Any other failure keeps the selection and the dialog open, with the error. After a
 * save it reads the customer again for its new version and fires `app-access-change`.
 *
 * @fires app-access-change - `{ id, access }`: the customer's app access was saved.
 * @fires unsaved-changes - `{ unsaved }`: the open dialog started or stopped holding a changed selection (see `hasUnsavedChanges`).
 *
 * @csspart base - The wrapper of the section.
 * @csspart title - The section's heading.
 * @csspart edit-button - The Edit button.
 * @csspart reason - Why Edit is disabled (read-only, or no permission).
 * @csspart status - "All apps", or how many apps are selected.
 * @csspart note - What the current access means.
 * @csspart apps - The scroll box of the selected apps.
 * @csspart app - One selected app (icon and name).
 * @csspart app-icon - An app's icon (its initials when it has none).
 * @csspart app-name - An app's name.
 * @csspart message - The loading or error message.
 * @csspart retry-button - Retry after loading failed.
 * @csspart dialog - The `<dialog>`.
 * @csspart dialog-title - The dialog's heading.
 * @csspart mode - The "all apps / selected apps" radio group.
 * @csspart mode-option - One choice of the mode.
 * @csspart search-input - The search field over the catalogue.
 * @csspart select-all - Select all (of the shown apps).
 * @csspart clear - Clear (the shown apps).
 * @csspart count - The live count of selected apps.
 * @csspart checklist - The scroll box of the catalogue's checkboxes.
 * @csspart option - One app of the checklist (checkbox, icon, name).
 * @csspart empty-search - The message of a search that shows no app.
 * @csspart summary - The change the dialog would apply.
 * @csspart conflict - What another admin set meanwhile (after a 412).
 * @csspart use-theirs - "Use theirs" in the conflict.
 * @csspart error - Why the last apply failed.
 * @csspart confirm - The confirmation before allowing all apps again.
 * @csspart confirm-button - "Allow all apps" in the confirmation.
 * @csspart cancel-button - The dialog's Cancel (and Back in the confirmation).
 * @csspart apply-button - Apply changes (and Apply my selection after a conflict).
 *
 * @cssprop --app-access-editor-apps-block-size - Tallest the list of selected apps gets before it scrolls (default 12rem).
 * @cssprop --app-access-editor-checklist-block-size - Tallest the dialog's checklist gets before it scrolls (default 20rem).
 * @cssprop --app-access-editor-dialog-inline-size - Width of the dialog (default 36rem, never wider than the viewport).
 * @cssprop --customers-console-color-accent - Buttons and checked boxes.
 * @cssprop --customers-console-color-danger - Errors and the no-app warning.
 */
export class AppAccessEditor extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_APP_ACCESS_STRINGS);
  // Nothing here depends on time; kept so `now` works as on every element.
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  private readonly icons = new AppIconSheet(this);
  private readonly modal = new ModalDialogController(this, () => this.dialog);

  private readonly catalogueTask = new Task(this, {
    task: async ([backend], { signal }): Promise<Catalogue | null> => {
      if (!backend) return null;
      const [apps, partner] = await Promise.all([backend.listApps({ signal }), backend.getPartner({ signal })]);
      return { apps, mayManage: partner.admin.permissions.manage_customers };
    },
    args: () => [this.backendSource.value] as const,
  });

  /** The stored access, loaded again for another customer, or when the page hands over a newer version of it. */
  private readonly accessTask = new Task(this, {
    task: async ([backend, id], { signal }) => {
      if (!backend || id === undefined) return null;
      return { id, access: await backend.getAppAccess(id, { signal }) };
    },
    args: () => [this.backendSource.value, this.customer?.id, this.customer?.version] as const,
    onComplete: (value) => {
      if (value) this.current = value;
    },
  });
  /** Retry goes with its message: focus waits on the loading message, then goes to Edit beside the access shown (or Retry again). */
  private readonly retryFocus = new RetryFocusController(this, {
    settled: () => this.catalogueTask.status !== TaskStatus.PENDING && this.accessTask.status !== TaskStatus.PENDING,
    waiting: '[part~="message"][role="status"]',
    targets: ['[part~="message"] [part~="retry-button"]', '[part~="edit-button"]'],
  });

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** The access as last read or saved, with the customer it belongs to. */
  @state() private current: { id: number; access: AppAccess } | null = null;
  /** The version this element read after its own save (newer than `customer.version` until the page passes it on). */
  @state() private savedVersion: { id: number; version: number } | null = null;
  @state() private editing = false;
  /** What the draft is counted from, and the version it was decided on (both move on after a 412). */
  @state() private base: AppAccess = { mode: 'all' };
  @state() private baseVersion = 0;
  @state() private draftMode: AccessMode = 'all';
  @state() private draftSelected: ReadonlySet<string> = new Set();
  @state() private search = '';
  /** The catalogue index of the checkbox holding the checklist's one Tab stop. */
  @state() private activeIndex = 0;
  @state() private applying = false;
  @state() private failure: string | null = null;
  @state() private conflict: Conflict | null = null;
  @state() private confirmingAll = false;
  @state() private announcement = '';
  /** How many catalogue rows the checklist has drawn so far (see FIRST_ROWS). */
  @state() private rowLimit = FIRST_ROWS;
  private rowFrame = 0;

  // Derived in willUpdate, each from its own inputs only.
  private apps: readonly App[] = [];
  private folded: string[] = [];
  private shown: number[] = [];
  private shownMask = new Uint8Array(0);
  private change: AccessChange = { from: 'all', to: 'all', added: [], removed: [] };
  private unsaved = false;

  /** The backend to read and write with; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /**
   * The customer whose access is shown, as the page holds it: its `id` addresses it, its `name`
   * titles the dialog, its `version` is sent as `If-Match`. A newer version loads the access again.
   */
  @property({ attribute: false }) customer: Customer | undefined;

  /** Shows the access without Edit (a read-only session, such as the framed console), saying why. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The clock, as on every element; the time the element was created when not set. */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_APP_ACCESS_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<AppAccessStrings> | undefined;

  /** Whether the dialog is open with a selection that differs from the stored access. */
  get hasUnsavedChanges(): boolean {
    return this.editing && isChange(this.change);
  }

  /** Opens the dialog, as Edit does (nothing happens while the access loads or when it may not be changed). */
  edit(): void {
    void this.openDialog();
  }

  /** Loads the access and the catalogue again (what Retry does). */
  retry(): void {
    void this.catalogueTask.run();
    void this.accessTask.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const apps = this.catalogueTask.value?.apps ?? [];
    if (apps !== this.apps) {
      this.apps = apps;
      this.folded = foldedNames(apps);
      this.icons.use(apps);
    }
    if (changed.has('customer') && this.editing && this.customer?.id !== this.current?.id) this.modal.close();
    if (this.editing) {
      if (changed.has('search') || this.shownMask.length !== apps.length || changed.has('editing')) {
        this.shown = matchingIndexes(this.folded, this.search);
        this.shownMask = new Uint8Array(apps.length);
        for (const i of this.shown) this.shownMask[i] = 1;
      }
      if (this.shownMask[this.activeIndex] !== 1) this.activeIndex = this.shown[0] ?? 0;
      if (changed.has('draftMode') || changed.has('draftSelected') || changed.has('base') || changed.has('editing')) {
        this.change = accessChange(this.base, draftAccess(this.draftMode, this.draftSelected, apps), apps);
      }
    }
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    return html`<div class="base" part="base">
        <div class="header">
          <h3 id="title" part="title">${s.title}</h3>
          ${this.renderEditButton(s)}
        </div>
        ${this.renderReason(s)} ${this.renderCurrent(s)}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>
      <dialog
        part="dialog"
        aria-labelledby="dialog-title"
        @cancel=${this.onDialogCancel}
        @click=${this.onDialogClick}
        @close=${this.onDialogClose}
      >
        ${this.editing ? this.renderDialog(s) : nothing}
      </dialog>`;
  }

  protected override updated(): void {
    if (this.editing) {
      this.applySearch();
      if (this.rowLimit < this.apps.length && this.rowFrame === 0) {
        this.rowFrame = requestAnimationFrame(() => {
          this.rowFrame = 0;
          if (this.editing) this.rowLimit += ROWS_PER_FRAME;
        });
      }
    }
    const unsaved = this.hasUnsavedChanges;
    if (unsaved !== this.unsaved) {
      this.unsaved = unsaved;
      this.dispatchEvent(createUnsavedChangesEvent({ unsaved }));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The section

  /** The access to show for the current customer, or null while it loads. */
  private shownAccess(): AppAccess | null {
    const id = this.customer?.id;
    return id !== undefined && this.current?.id === id ? this.current.access : null;
  }

  /** Why Edit is disabled, or null when the admin may edit. */
  private readonlyReason(s: AppAccessStrings): string | null {
    if (this.readonly) return s.readonlyReason;
    if (this.catalogueTask.value?.mayManage === false) return s.noPermissionReason;
    return null;
  }

  private canEdit(): boolean {
    return this.readonlyReason(this.text.value) === null && this.shownAccess() !== null && this.catalogueTask.value != null;
  }

  private renderEditButton(s: AppAccessStrings): TemplateResult {
    const reason = this.readonlyReason(s);
    return html`<button
      type="button"
      class="button"
      part="edit-button"
      aria-label=${s.editLabel}
      aria-disabled=${this.canEdit() ? 'false' : 'true'}
      aria-describedby=${reason !== null ? 'reason' : nothing}
      @click=${this.edit}
    >
      ${s.edit}
    </button>`;
  }

  private renderReason(s: AppAccessStrings): TemplateResult | typeof nothing {
    const reason = this.readonlyReason(s);
    return reason === null ? nothing : html`<p id="reason" class="note" part="reason">${reason}</p>`;
  }

  private renderCurrent(s: AppAccessStrings): TemplateResult | typeof nothing {
    if (this.customer === undefined) return nothing;
    const failed = this.catalogueTask.status === TaskStatus.ERROR ? this.catalogueTask.error : this.accessTask.status === TaskStatus.ERROR ? this.accessTask.error : undefined;
    if (failed !== undefined) {
      const detail = failed instanceof HttpError ? (failed.problem.detail ?? failed.problem.title) : null;
      return html`<div class="message error" part="message" role="alert">
        <p>${s.loadFailed}${detail ? html` <span class="detail">${detail}</span>` : nothing}</p>
        <button type="button" class="button" part="retry-button" @click=${this.onRetry}>${s.retry}</button>
      </div>`;
    }
    const access = this.shownAccess();
    const catalogue = this.catalogueTask.value;
    if (access === null || !catalogue) {
      return html`<p class="message" part="message" role="status" tabindex="-1">${s.loading}</p>
        <div class="skeleton" aria-hidden="true"></div>`;
    }
    if (access.mode === 'all') {
      return html`<p class="status" part="status">${s.allApps}</p>
        <p class="note" part="note">${s.allAppsNote}</p>`;
    }
    const n = this.locale.numberFormat();
    return html`<p class="status" part="status">${s.selectedApps(n.format(access.app_ids.length), n.format(catalogue.apps.length), access.app_ids.length)}</p>
      <p class="note" part="note">${s.selectedNote}</p>
      ${access.app_ids.length === 0
        ? html`<p class="note warning" part="note">${s.noneSelected}</p>`
        : html`<div class="apps" part="apps" tabindex="0" role="region" aria-label=${s.selectedListLabel}>
            <ul>
              ${access.app_ids.map((id) => {
                const badge = this.icons.badge(id);
                return html`<li class="app" part="app">${this.renderIcon(badge.name, badge.icon)}<span part="app-name" dir="auto">${badge.name}</span></li>`;
              })}
            </ul>
          </div>`}`;
  }

  /**
   * The app's icon (a rule of the icon sheet), or its initials drawn by CSS from `data-initials`;
   * hidden from assistive tech and out of the label's text, for the name is beside it.
   */
  private renderIcon(name: string, icon: number | undefined): TemplateResult {
    return html`<span class="app-icon" part="app-icon" aria-hidden="true" data-icon=${icon ?? nothing} data-initials=${icon === undefined ? appInitials(name) : nothing}></span>`;
  }

  // ---------------------------------------------------------------------------------------------
  // The dialog

  private renderDialog(s: AppAccessStrings): TemplateResult {
    const name = this.customer?.name ?? '';
    // The content scrolls when the viewport is short; the actions below it stay in view.
    return html`<div class="dialog-body" aria-busy=${this.applying ? 'true' : 'false'}>
      <div class="dialog-content">
        <h2 id="dialog-title" part="dialog-title" dir="auto">${s.dialogTitle(name)}</h2>
        ${this.conflict !== null ? this.renderConflict(this.conflict, s) : nothing}
        <fieldset class="mode" part="mode">
          <legend>${s.modeLegend}</legend>
          ${this.renderModeOption('all', s.modeAll, s.modeAllHelp)} ${this.renderModeOption('selected', s.modeSelected, s.modeSelectedHelp)}
        </fieldset>
        ${this.draftMode === 'selected' ? this.renderChecklist(s) : nothing} ${this.renderSummary(s)}
      </div>
      <div class="dialog-footer">
        ${this.failure !== null ? html`<p class="error" part="error" role="alert">${this.failure}</p>` : nothing}
        ${this.confirmingAll ? this.renderConfirmAll(s) : this.renderActions(s)}
      </div>
    </div>`;
  }

  private renderModeOption(mode: AccessMode, label: string, help: string): TemplateResult {
    return html`<div class="mode-option" part="mode-option">
      <input
        type="radio"
        id="mode-${mode}"
        name="mode"
        value=${mode}
        .checked=${this.draftMode === mode}
        aria-describedby="mode-${mode}-help"
        @click=${this.guardWhileApplying}
        @change=${() => this.chooseMode(mode)}
      />
      <label for="mode-${mode}">${label}</label>
      <p id="mode-${mode}-help" class="help">${help}</p>
    </div>`;
  }

  private renderChecklist(s: AppAccessStrings): TemplateResult {
    const n = this.locale.numberFormat();
    const total = this.apps.length;
    const shownCount = this.shown.length;
    const searching = this.search.trim() !== '';
    const selectedCount = this.draftSelected.size;
    return html`<div class="picker">
      <div class="search">
        <label for="search">${s.searchLabel}</label>
        <input
          id="search"
          type="search"
          part="search-input"
          class="input"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="matches"
          .value=${this.search}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div class="bulk">
        <button type="button" class="button small" part="select-all" @click=${this.selectShown}>
          ${searching ? s.selectShown(n.format(shownCount), shownCount) : s.selectAll}
        </button>
        <button type="button" class="button small" part="clear" @click=${this.clearShown}>
          ${searching ? s.clearShown(n.format(shownCount), shownCount) : s.clearAll}
        </button>
        <p class="count" part="count" role="status">${s.selectedCount(n.format(selectedCount), n.format(total), selectedCount)}</p>
      </div>
      <p id="matches" class="visually-hidden" role="status">${searching ? s.matches(n.format(shownCount), shownCount) : ''}</p>
      <div class="checklist" part="checklist" role="group" aria-label=${s.checklistLabel} @keydown=${this.onChecklistKeydown} @focusin=${this.onChecklistFocus}>
        ${guard([this.apps, this.draftSelected, this.activeIndex, this.rowLimit], () => this.renderCheckboxes())}
      </div>
      ${shownCount === 0 ? html`<p class="empty" part="empty-search">${s.noMatch(this.search.trim())}</p>` : nothing}
      ${selectedCount === 0 ? html`<p class="warning" part="note">${s.noneSelectedWarning}</p>` : nothing}
    </div>`;
  }

  /**
   * Every app of the catalogue, rendered again only when the selection or the Tab stop moves; a
   * search only hides rows (`applySearch`), so a keystroke costs a filter over the array and the
   * rows whose visibility changes.
   */
  private renderCheckboxes(): TemplateResult[] {
    return this.apps.slice(0, this.rowLimit).map((app, i) => {
      const badge = this.icons.badge(app.id);
      return html`<label class="option" part="option">
        <input
          type="checkbox"
          data-index=${i}
          tabindex=${i === this.activeIndex ? 0 : -1}
          .checked=${this.draftSelected.has(app.id)}
          @click=${this.guardWhileApplying}
          @change=${this.onToggle}
        />${this.renderIcon(app.name, badge.icon)}<span part="app-name" dir="auto">${app.name}</span>
      </label>`;
    });
  }

  /** Hides the rows the search leaves out (the checklist's children are the catalogue's rows, in order). */
  private applySearch(): void {
    const rows = this.renderRoot.querySelector('.checklist')?.children;
    if (!rows) return;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as HTMLElement;
      const hide = this.shownMask[i] !== 1;
      if (row.hidden !== hide) row.hidden = hide;
    }
  }

  private renderSummary(s: AppAccessStrings): TemplateResult {
    const change = this.change;
    const n = this.locale.numberFormat();
    const names = (apps: readonly App[]) => {
      const listed = apps.slice(0, NAMES_SHOWN).map((app) => app.name).join(', ');
      return apps.length > NAMES_SHOWN ? s.namesAndMore(listed, n.format(apps.length - NAMES_SHOWN)) : listed;
    };
    const lines: string[] = [];
    if (change.from === 'all' && change.to === 'selected') {
      const count = this.draftSelected.size;
      lines.push(s.restricts(n.format(count), count));
    }
    if (change.from === 'selected' && change.to === 'all') lines.push(s.unrestricts);
    const addedLine = change.added.length > 0 ? s.added(n.format(change.added.length), names(change.added), change.added.length) : null;
    const removedLine = change.removed.length > 0 ? s.removed(n.format(change.removed.length), names(change.removed), change.removed.length) : null;
    return html`<section class="summary" part="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">${s.summaryTitle}</h3>
      ${isChange(change)
        ? html`<ul>
            ${lines.map((line) => html`<li>${line}</li>`)}
            ${addedLine !== null ? html`<li class="added">${addedLine}</li>` : nothing}
            ${removedLine !== null ? html`<li class="removed">${removedLine}</li>` : nothing}
          </ul>`
        : html`<p>${s.noChanges}</p>`}
    </section>`;
  }

  private renderConflict(conflict: Conflict, s: AppAccessStrings): TemplateResult {
    const n = this.locale.numberFormat();
    const theirs = conflict.theirs;
    const what =
      theirs.mode === 'all'
        ? s.allApps
        : s.selectedApps(n.format(theirs.app_ids.length), n.format(this.apps.length), theirs.app_ids.length) +
          (theirs.app_ids.length > 0
            ? ` (${theirs.app_ids
                .slice(0, NAMES_SHOWN)
                .map((id) => this.icons.badge(id).name)
                .join(', ')}${theirs.app_ids.length > NAMES_SHOWN ? ', …' : ''})`
            : '');
    return html`<div class="conflict" part="conflict" role="alert" tabindex="-1">
      <p class="conflict-title"><strong>${s.conflictTitle}</strong></p>
      <p>${s.conflictTheirs(what)}</p>
      <p>${s.conflictKept}</p>
      <button type="button" class="button" part="use-theirs" @click=${this.useTheirs}>${s.useTheirs}</button>
    </div>`;
  }

  private renderActions(s: AppAccessStrings): TemplateResult {
    const disabled = this.applying || !isChange(this.change) || this.readonlyReason(s) !== null;
    return html`<div class="dialog-actions">
      <button type="button" class="button" part="cancel-button" @click=${this.cancel}>${s.cancel}</button>
      <button
        type="button"
        class="button primary"
        part="apply-button"
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-busy=${this.applying ? 'true' : 'false'}
        @click=${this.onApply}
      >
        ${this.applying ? html`<span class="spinner" aria-hidden="true"></span>${s.applying}` : this.conflict !== null ? s.applyMine : s.apply}
      </button>
    </div>`;
  }

  private renderConfirmAll(s: AppAccessStrings): TemplateResult {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <p id="confirm-title"><strong>${s.confirmAllTitle}</strong></p>
      <p id="confirm-text">${s.confirmAllText}</p>
      <div class="dialog-actions">
        <button type="button" class="button" part="cancel-button" @click=${this.backFromConfirm}>${s.back}</button>
        <button
          type="button"
          class="button primary"
          part="confirm-button"
          aria-describedby="confirm-text"
          aria-busy=${this.applying ? 'true' : 'false'}
          aria-disabled=${this.applying ? 'true' : 'false'}
          @click=${this.onConfirmAll}
        >
          ${this.applying ? html`<span class="spinner" aria-hidden="true"></span>${s.applying}` : s.confirmAllButton}
        </button>
      </div>
    </div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Opening, closing

  /** The customer's version as far as this element knows: the page's, or the one read after its own save. */
  private knownVersion(): number {
    const customer = this.customer!;
    const saved = this.savedVersion?.id === customer.id ? this.savedVersion.version : 0;
    return Math.max(customer.version, saved);
  }

  private async openDialog(): Promise<void> {
    const access = this.shownAccess();
    if (!this.canEdit() || access === null || this.editing) return;
    this.base = access;
    this.baseVersion = this.knownVersion();
    this.draftMode = access.mode;
    this.draftSelected = selectedIds(access, this.apps);
    this.search = '';
    this.activeIndex = 0;
    this.failure = null;
    this.conflict = null;
    this.confirmingAll = false;
    this.announcement = '';
    this.rowLimit = FIRST_ROWS;
    this.editing = true;
    await this.updateComplete;
    this.modal.show();
    this.renderRoot.querySelector<HTMLInputElement>(`#mode-${access.mode}`)?.focus();
  }

  private cancel(): void {
    if (!this.applying) this.modal.close();
  }

  /** Escape cancels, except while applying (the answer would have nowhere to go). */
  private onRetry(): void {
    this.retryFocus.retried();
    this.retry();
  }

  private onDialogCancel(event: Event): void {
    if (this.applying) event.preventDefault();
  }

  /** A backdrop click closes the dialog (ModalDialogController's listener runs after this one); not while applying. */
  private onDialogClick(event: MouseEvent): void {
    if (event.target === this.dialog && this.applying) event.stopImmediatePropagation();
  }

  private onDialogClose(): void {
    cancelAnimationFrame(this.rowFrame);
    this.rowFrame = 0;
    this.editing = false;
    this.confirmingAll = false;
    this.conflict = null;
    this.failure = null;
    this.search = '';
  }

  // ---------------------------------------------------------------------------------------------
  // Editing the draft

  /** Changes are refused while applying: the click that would toggle a box does nothing. */
  private guardWhileApplying(event: Event): void {
    if (this.applying) event.preventDefault();
  }

  private chooseMode(mode: AccessMode): void {
    if (this.applying) return;
    this.draftMode = mode;
    this.confirmingAll = false;
  }

  private onToggle(event: Event): void {
    const box = event.target as HTMLInputElement;
    const app = this.apps[Number(box.dataset['index'])];
    if (!app || this.applying) return;
    const next = new Set(this.draftSelected);
    if (box.checked) next.add(app.id);
    else next.delete(app.id);
    this.draftSelected = next;
  }

  private selectShown(): void {
    if (this.applying) return;
    const next = new Set(this.draftSelected);
    for (const i of this.shown) next.add(this.apps[i]!.id);
    this.draftSelected = next;
  }

  private clearShown(): void {
    if (this.applying) return;
    if (this.search.trim() === '') {
      this.draftSelected = new Set();
      return;
    }
    const next = new Set(this.draftSelected);
    for (const i of this.shown) next.delete(this.apps[i]!.id);
    this.draftSelected = next;
  }

  private onSearchInput(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
  }

  /**
   * ArrowDown from the search moves into the checklist, onto its Tab stop. Escape cancels the
   * dialog as it does everywhere in it: a search field with text would only clear itself.
   */
  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
      return;
    }
    if (event.key !== 'ArrowDown' || this.shown.length === 0) return;
    event.preventDefault();
    void this.moveTabStop(this.activeIndex);
  }

  private checkbox(index: number): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`.checklist input[data-index="${index}"]`);
  }

  /** The checkbox group's one Tab stop moves with the arrows (wrapping), Home/End and PageUp/PageDown; Space toggles natively. */
  private onChecklistKeydown(event: KeyboardEvent): void {
    const box = event.target as HTMLElement;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const position = this.shown.indexOf(Number(box.dataset['index']));
    if (position < 0) return;
    const next =
      event.key === 'PageUp' || event.key === 'PageDown'
        ? listboxIndex(position, this.shown.length, event.key, PAGE_ROWS)
        : rovingIndex(position, this.shown.length, event.key, { orientation: 'vertical', rtl: false });
    if (next === null) return;
    event.preventDefault();
    void this.moveTabStop(this.shown[next]!);
  }

  private async moveTabStop(index: number): Promise<void> {
    if (index >= this.rowLimit) {
      // A key went past the rows drawn so far (End, or ArrowUp wrapping): draw them all now.
      this.rowLimit = this.apps.length;
      await this.updateComplete;
    }
    const from = this.checkbox(this.activeIndex);
    const to = this.checkbox(index);
    if (from) from.tabIndex = -1;
    if (to) {
      to.tabIndex = 0;
      to.focus();
    }
    this.activeIndex = index;
  }

  private onChecklistFocus(event: FocusEvent): void {
    const box = event.target as HTMLElement;
    if (box instanceof HTMLInputElement && box.dataset['index'] !== undefined) this.activeIndex = Number(box.dataset['index']);
  }

  // ---------------------------------------------------------------------------------------------
  // Applying

  private onApply(): void {
    const s = this.text.value;
    if (this.applying || !isChange(this.change) || this.readonlyReason(s) !== null) return;
    if (this.draftMode === 'all' && this.base.mode === 'selected') {
      this.confirmingAll = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="confirm-button"]')?.focus());
      return;
    }
    void this.applyDraft();
  }

  private onConfirmAll(): void {
    if (!this.applying) void this.applyDraft();
  }

  private backFromConfirm(): void {
    if (this.applying) return;
    this.confirmingAll = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="apply-button"]')?.focus());
  }

  private async applyDraft(): Promise<void> {
    const backend = this.backendSource.value;
    const customer = this.customer;
    if (!backend || !customer) return;
    const id = customer.id;
    const draft = draftAccess(this.draftMode, this.draftSelected, this.apps);
    this.applying = true;
    this.failure = null;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const stored = await backend.setAppAccess(id, draft, { version: this.baseVersion });
          await this.saved(backend, id, stored);
          return;
        } catch (error) {
          if (!(error instanceof HttpError && error.status === 412)) throw error;
        }
        // Someone else wrote to the customer meanwhile: read what is stored now.
        let theirs: AppAccess;
        let version: number;
        try {
          const [access, fresh] = await Promise.all([backend.getAppAccess(id), backend.getCustomer(id)]);
          theirs = access;
          version = fresh.version;
        } catch (error) {
          if (isAbortError(error) || this.customer?.id !== id) return;
          this.failure = this.text.value.conflictLoadFailed;
          return;
        }
        if (this.customer?.id !== id) return;
        this.savedVersion = { id, version };
        if (sameAccess(theirs, draft)) {
          // The other admin set exactly this: nothing left to write.
          await this.saved(backend, id, theirs, version);
          return;
        }
        const untouched = sameAccess(theirs, this.base);
        this.baseVersion = version;
        if (untouched && attempt < SILENT_RETRIES) continue; // only other fields changed: apply on the new version
        this.base = theirs;
        this.current = { id, access: theirs };
        this.conflict = { theirs };
        this.confirmingAll = false;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="conflict"]')?.focus());
        return;
      }
    } catch (error) {
      if (isAbortError(error) || this.customer?.id !== id) return;
      const s = this.text.value;
      this.failure =
        error instanceof HttpError
          ? (error.problem.detail ?? error.problem.title)
          : error instanceof NetworkError || error instanceof TimeoutError
            ? s.networkFailed
            : s.applyFailed;
    } finally {
      this.applying = false;
    }
  }

  /** The change is stored: show it, learn the customer's new version, tell the page, close. */
  private async saved(backend: Backend, id: number, stored: AppAccess, version?: number): Promise<void> {
    this.current = { id, access: stored };
    if (version === undefined) {
      try {
        version = (await backend.getCustomer(id)).version;
      } catch {
        // Unknown for now: the next apply meets a 412 and reads it then.
      }
    }
    if (version !== undefined) this.savedVersion = { id, version };
    this.applying = false;
    this.announcement = this.text.value.saved;
    this.modal.close();
    this.dispatchEvent(createAppAccessChangeEvent({ id, access: stored }));
  }

  private useTheirs(): void {
    if (this.applying) return;
    this.modal.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-access-editor': AppAccessEditor;
  }
}
