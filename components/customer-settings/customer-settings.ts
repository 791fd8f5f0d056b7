import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { customerPathSegment, type Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError, TimeoutError, isAbortError } from '../../src/backend/errors.js';
import { CSP_HEADER, frameAncestorsDirective } from '../../src/embed/frame-ancestors.js';
import { effectiveOrigins, type RejectedOrigin } from '../../src/embed/origins.js';
import {
  allConflictsChosen,
  mergeEdits,
  resolveEdits,
  sameEditValue,
  type ConflictChoice,
  type EditMerge,
  type EditValue,
} from '../../src/model/edit-merge.js';
import { CUSTOMER_NAME_MAX_LENGTH, EXTERNAL_ID_MAX_LENGTH } from '../../src/model/new-customer-checks.js';
import type { App, Customer, CustomerPatch, HistoryEntry, HistoryPage, Partner, Plan } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { ModalDialogController } from '../shared/dialog.js';
import { createCustomerChangeEvent, createCustomerDeletedEvent, createUnsavedChangesEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';
import '../customer-switch-button/define.js';
import { styles } from './customer-settings.styles.js';
import { DEFAULT_CUSTOMER_SETTINGS_STRINGS, type CustomerSettingsStrings } from './customer-settings-strings.js';
import { describeActor, describeChange, relativeTimeParts, type HistoryLookups } from './history-text.js';
import { addOriginText, completedEntries, originListWarnings, type OriginListWarnings } from './origin-draft.js';

/** The customer's fields this element edits (PATCH), in the order it shows them. */
const FIELDS = ['name', 'external_id', 'origins'] as const;
type Field = (typeof FIELDS)[number];
type Section = 'name' | 'ids' | 'origins';
const SECTION_FIELDS: Record<Section, readonly Field[]> = { name: ['name'], ids: ['external_id'], origins: ['origins'] };
const SECTION_OF: Record<Field, Section> = { name: 'name', external_id: 'ids', origins: 'origins' };

/** What the admin has typed, per field; a field not here is as the record has it. */
interface Drafts {
  name?: string;
  external_id?: string;
  origins?: string[];
}

interface Conflict {
  /** The record this admin had edited from. */
  base: Customer;
  /** The record as the other admin left it (also `record` now). */
  theirs: Customer;
  merge: EditMerge<Field>;
  choices: Partial<Record<Field, ConflictChoice>>;
}

/** A save that waits for the admin to read the origin warnings first. */
interface PendingWarning {
  warnings: OriginListWarnings;
  fields: readonly Field[];
  patch: Partial<Record<Field, EditValue>>;
  resolving: boolean;
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const HISTORY_PAGE_SIZE = 10;
const ABSOLUTE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(lang: string): Intl.ListFormat {
  let format = listFormats.get(lang);
  if (!format) listFormats.set(lang, (format = new Intl.ListFormat(lang || undefined, { type: 'conjunction' })));
  return format;
}

function relativeFormat(lang: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(lang);
  if (!format) relativeFormats.set(lang, (format = new Intl.RelativeTimeFormat(lang || undefined, { numeric: 'auto' })));
  return format;
}

/** The fields of a record as the merge compares them. */
function fieldValues(customer: Customer): Record<Field, EditValue> {
  return { name: customer.name, external_id: customer.external_id, origins: customer.origins };
}

const externalIdValue = (typed: string): string | null => (typed.trim() === '' ? null : typed.trim());

/**
 * @tagname customer-settings
 * @summary One customer's settings: name (and where it is changed), external ID with its API
 * warning, User ID with copy, iframe origin URLs (own or inherited, with the frame-ancestors header
 * they give), a danger zone to delete the account, and the change history.
 *
 * Every save is a PATCH with the customer's `version` as `If-Match`. When another admin saved in
 * between (412), the element fetches the customer again, shows their changes beside what this admin
 * typed, keeps every typed value, carries over the edits they did not touch, and asks "keep mine or
 * take theirs" for each field both changed — it never overwrites silently and never drops an edit.
 * Any other failure keeps what was typed too. Sections with edits not yet saved are marked;
 * `hasUnsavedChanges` and `unsaved-changes` tell the page, and leaving the page asks first.
 *
 * Origins are entered as a list: typing a comma or a line break, pressing Enter, or pasting
 * comma- or line-separated text adds entries, normalised by the kit's origin rules
 * (src/embed/origins.ts); a rejected entry stays in the field with its reason; duplicates are merged
 * and said. The kit cannot see live embed sessions, so before saving a list that takes away an
 * origin that can frame the customer now (or leaves no origin at all), it names them and asks.
 *
 * @slot plan - Where the page puts the customer's plan and trial (`<plan-settings>`), between the IDs and the origins.
 * @slot app-access - Where the page puts the app access editor (`<app-access-editor>`), after the plan.
 *
 * @fires customer-change - `{ customer, change: 'fields' }`: a change was saved (or another admin's was fetched); the record as the backend answered it.
 * @fires customer-deleted - `{ id, name }`: the customer was deleted.
 * @fires unsaved-changes - `{ unsaved }`: the element started or stopped holding unsaved edits.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart notice - The read-only or permission reason at the top.
 * @csspart section - Each section (name, ids, origins, history, danger, conflict); also carries the section's own part.
 * @csspart name - The name section.
 * @csspart ids - The external ID and User ID section.
 * @csspart plan-slot - The wrapper of the `plan` slot.
 * @csspart app-access-slot - The wrapper of the `app-access` slot.
 * @csspart origins - The origins section.
 * @csspart history - The history section.
 * @csspart danger - The danger zone.
 * @csspart heading - A section's heading.
 * @csspart unsaved-badge - "Unsaved changes" next to a section's heading.
 * @csspart field - A label, control, help and error.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart help - Help text.
 * @csspart warning - A warning (the external ID's API note, origin warnings).
 * @csspart field-error - A field's error.
 * @csspart section-error - What went wrong saving a section.
 * @csspart button - Every button.
 * @csspart save - A section's Save.
 * @csspart revert - A section's Revert.
 * @csspart status - "Saved.", "Copied", merged duplicates.
 * @csspart user-id - The User ID.
 * @csspart copy - The Copy button.
 * @csspart origin-list - The customer's own origins.
 * @csspart origin - One origin entry.
 * @csspart remove - An entry's Remove.
 * @csspart inherited - The inherited origins block.
 * @csspart inherited-badge - Its "Inherited" badge.
 * @csspart rejected - The rejected entries and their reasons.
 * @csspart csp - The frame-ancestors header shown.
 * @csspart origin-warning - The check before saving an origin list.
 * @csspart conflict - The "another admin changed this customer" panel.
 * @csspart conflict-link - Its link to the history entry.
 * @csspart delete-button - "Delete account…".
 * @csspart dialog - The delete dialog.
 * @csspart delete-input - The typed name.
 * @csspart delete-confirm - The dialog's Delete.
 * @csspart history-list - The history's list.
 * @csspart history-entry - One entry.
 * @csspart history-more - "Show more".
 * @csspart message - A loading, empty or error message.
 *
 * @cssprop --customer-settings-gap - Space between sections (default 16px).
 * @cssprop --customer-settings-max-inline-size - Widest the settings get (default 48rem).
 * @cssprop --customer-settings-section-background - A section's background.
 * @cssprop --customer-settings-danger-border-color - The danger zone's border (default the danger colour).
 * @cssprop --customer-settings-badge-background - Background of the "Unsaved" and "Inherited" badges.
 */
export class CustomerSettings extends LitElement {
  static override styles = styles;

  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_CUSTOMER_SETTINGS_STRINGS);
  // Kept so `now` works as on every element. The history's relative times read `now`, else the time
  // of each render — not the creation time this clock falls back to: a change saved on this page
  // after it opened would read "in 5 seconds".
  private readonly clock = new ClockController(this);
  private readonly locale = new LocaleController(this);
  private readonly deleteDialog = new ModalDialogController(this, () => this.dialog);

  private readonly partnerTask = new Task(this, {
    task: async ([backend], { signal }): Promise<Partner | null> => (backend ? await backend.getPartner({ signal }) : null),
    args: () => [this.backendSource.value] as const,
  });

  /** Plan and app names for the history; without them, the ids are shown. */
  private readonly lookupsTask = new Task(this, {
    task: async ([backend], { signal }): Promise<{ plans: Plan[]; apps: App[] } | null> => {
      if (!backend) return null;
      const [plans, apps] = await Promise.all([backend.listPlans({ signal }), backend.listApps({ signal })]);
      return { plans, apps };
    },
    args: () => [this.backendSource.value] as const,
  });

  /**
   * The first `pages` pages of the history, newest first; run again after every save, and whenever
   * the record's version moves (the page passing on a plan, trial or app access change made beside it).
   */
  private readonly historyTask = new Task(this, {
    task: async ([backend, id, , , pages], { signal }): Promise<HistoryPage | null> => {
      if (!backend || id === undefined) return null;
      const items: HistoryEntry[] = [];
      let last: HistoryPage | null = null;
      for (let page = 1; page <= pages; page++) {
        last = await backend.listHistory(id, { page, per_page: HISTORY_PAGE_SIZE }, { signal });
        for (const entry of last.items) if (!items.some((known) => known.id === entry.id)) items.push(entry);
        if (page * HISTORY_PAGE_SIZE >= last.total) break;
      }
      return { items, total: last?.total ?? 0, page: 1, per_page: HISTORY_PAGE_SIZE };
    },
    args: () => [this.backendSource.value, this.record?.id, this.record?.version, this.historyRevision, this.historyPages] as const,
  });

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** The customer as last known: the property, a saved answer, or the other admin's fetched record. */
  @state() private record: Customer | undefined;
  @state() private drafts: Drafts = {};
  @state() private originInput = '';
  @state() private originRejected: RejectedOrigin[] = [];
  @state() private originMerged: string[] = [];
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  /** Server errors on origin entries (`origins[i]`), by the entry's origin. */
  @state() private originErrors: Record<string, string> = {};
  @state() private sectionErrors: Partial<Record<Section | 'conflict', string>> = {};
  @state() private savedSection: Section | 'conflict' | null = null;
  @state() private busy: Section | 'conflict' | null = null;
  @state() private pendingWarning: PendingWarning | null = null;
  @state() private conflict: Conflict | null = null;
  @state() private copyResult: { ok: boolean; text: string } | null = null;
  @state() private deleteTyped = '';
  @state() private deleting = false;
  @state() private deleteError: string | null = null;
  @state() private deletedName: string | null = null;
  @state() private historyRevision = 0;
  @state() private historyPages = 1;

  /** The customer to show and edit (the record the console already has, `version` included). */
  @property({ attribute: false }) customer: Customer | undefined;

  /** The backend to save with; overrides one provided by a console. */
  @property({ attribute: false }) backend: Backend | undefined;

  /**
   * The clock the history's "2 minutes ago" is measured against; when not set, the time of each
   * render (changes are saved on this page after it opened, and must read as past).
   */
  @property({ attribute: false }) now: Date | undefined;

  /** Replacement texts, for translation (DEFAULT_CUSTOMER_SETTINGS_STRINGS); anything left out keeps its English default. */
  @property({ attribute: false }) strings: StringsOverride<CustomerSettingsStrings> | undefined;

  /** Shows everything with every control disabled and the reason (the framed console). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  private reportedUnsaved = false;

  /** Whether the element holds edits that are not saved (typed values, a list being entered, an open conflict). */
  get hasUnsavedChanges(): boolean {
    return Object.keys(this.editedValues()).length > 0 || this.originInput.trim() !== '' || this.conflict !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) {
      const next = this.customer;
      if (next === undefined || next.id !== this.record?.id) {
        this.resetFor(next);
      } else if (this.conflict === null && next.version >= this.record.version) {
        // The page's newer copy of the same customer; what is typed stays typed.
        this.record = next;
      }
    }
  }

  protected override render(): TemplateResult {
    const s = this.text.value;
    const customer = this.record;
    if (this.deletedName !== null) {
      return html`<div class="base" part="base"><p class="message" part="message" role="status">${s.deleted(this.deletedName)}</p></div>`;
    }
    if (customer === undefined) return html`<div class="base" part="base"><p class="message" part="message">${s.noCustomer}</p></div>`;
    return html`<div class="base" part="base" role="region" aria-label=${s.label}>
      ${this.partnerTask.render({
        initial: () => this.renderLoading(s),
        pending: () => (this.partnerTask.value ? this.renderSettings(customer, this.partnerTask.value, s) : this.renderLoading(s)),
        complete: (partner) => (partner ? this.renderSettings(customer, partner, s) : nothing),
        error: () => html`<div class="message error" part="message" role="alert">
          <p>${s.loadFailed}</p>
          <button type="button" class="button" part="button" @click=${() => void this.partnerTask.run()}>${s.retry}</button>
        </div>`,
      })}
    </div>`;
  }

  protected override updated(): void {
    const unsaved = this.hasUnsavedChanges;
    if (unsaved !== this.reportedUnsaved) {
      this.reportedUnsaved = unsaved;
      this.dispatchEvent(createUnsavedChangesEvent({ unsaved }));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private renderLoading(s: CustomerSettingsStrings): TemplateResult {
    return html`<p class="message" part="message" role="status">${s.loading}</p>`;
  }

  private renderSettings(customer: Customer, partner: Partner, s: CustomerSettingsStrings): TemplateResult {
    const permissions = partner.admin.permissions;
    const locked = this.readonly || !permissions.manage_customers;
    const reason = this.readonly ? s.readonlyReason : !permissions.manage_customers ? s.noManagePermission : null;
    return html`${reason !== null ? html`<p id="locked-reason" class="notice" part="notice">${reason}</p>` : nothing}
      ${this.conflict ? this.renderConflict(this.conflict, s) : nothing}
      ${this.renderName(customer, locked || permissions.rename_customers !== true, s)} ${this.renderIds(customer, locked, s)}
      <div class="slot" part="plan-slot"><slot name="plan"></slot></div>
      <div class="slot" part="app-access-slot"><slot name="app-access"></slot></div>
      ${this.renderOrigins(customer, partner, locked, s)} ${this.renderHistory(s)}
      ${this.renderDanger(customer, !this.readonly && permissions.delete_customers, s)}`;
  }

  private heading(section: Section | 'history' | 'danger', title: string, s: CustomerSettingsStrings): TemplateResult {
    const unsaved = section !== 'history' && section !== 'danger' && this.sectionUnsaved(section);
    return html`<h3 id="${section}-heading" class="heading" part="heading">
      <span>${title}</span>${unsaved ? html`<span class="badge unsaved" part="unsaved-badge">${s.unsaved}</span>` : nothing}
    </h3>`;
  }

  private renderActions(section: Section, locked: boolean, s: CustomerSettingsStrings): TemplateResult | typeof nothing {
    if (locked) return nothing;
    const dirty = this.sectionUnsaved(section);
    const busy = this.busy === section;
    const error = this.sectionErrors[section];
    return html`${error ? html`<p class="section-error" part="section-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          part="button save"
          aria-disabled=${dirty && this.busy === null && !this.conflict ? 'false' : 'true'}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this.saveSection(section)}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${s.saving}` : s.save}
        </button>
        ${dirty && !busy
          ? html`<button type="button" class="button" part="button revert" @click=${() => this.revert(section)}>${s.revert}</button>`
          : nothing}
        <span class="status" part="status" role="status">${this.savedSection === section ? s.saved : ''}</span>
      </div>`;
  }

  private describedBy(...ids: (string | false | null | undefined)[]): string | typeof nothing {
    const list = ids.filter(Boolean).join(' ');
    return list || nothing;
  }

  private renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return message ? html`<p id=${id} class="field-error" part="field-error">${message}</p>` : nothing;
  }

  private renderName(customer: Customer, nameLocked: boolean, s: CustomerSettingsStrings): TemplateResult {
    const value = this.drafts.name ?? customer.name;
    const error = this.fieldErrors.name;
    return html`<section class="section" part="section name" aria-labelledby="name-heading">
      ${this.heading('name', s.nameHeading, s)}
      ${nameLocked
        ? html`<p class="value name-value" dir="auto">${customer.name}</p>`
        : html`<div class="field" part="field">
            <label for="name" part="label">${s.nameLabel}</label>
            <input
              id="name"
              class="input"
              part="input"
              type="text"
              dir="auto"
              autocomplete="off"
              maxlength=${CUSTOMER_NAME_MAX_LENGTH + 1}
              ?readonly=${this.busy === 'name'}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${this.describedBy('name-help', error && 'name-error')}
              .value=${live(value)}
              @input=${(e: Event) => this.editDraft('name', (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => this.saveOnEnter(e, 'name')}
            />
            <p id="name-help" class="help" part="help">${s.nameEditable}</p>
            ${this.renderFieldError('name-error', error)}
          </div>`}
      <p class="help" part="help">${s.nameRule}</p>
      ${this.readonly
        ? nothing
        : html`<customer-switch-button
            .backend=${this.backendSource.value}
            .customerId=${customer.id}
            .now=${this.now}
          ></customer-switch-button>`}
      ${this.renderActions('name', nameLocked, s)}
    </section>`;
  }

  private renderIds(customer: Customer, locked: boolean, s: CustomerSettingsStrings): TemplateResult {
    const typed = this.drafts.external_id ?? customer.external_id ?? '';
    const next = externalIdValue(typed);
    const error = this.fieldErrors.external_id;
    const path = next === null ? `…/customers/${customerPathSegment(customer.id)}` : `…/customers/${customerPathSegment({ externalId: next })}`;
    return html`<section class="section" part="section ids" aria-labelledby="ids-heading">
      ${this.heading('ids', s.idsHeading, s)}
      <div class="field" part="field">
        <label for="external-id" part="label">${s.externalIdLabel}</label>
        <input
          id="external-id"
          class="input"
          part="input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength=${EXTERNAL_ID_MAX_LENGTH + 1}
          ?disabled=${locked}
          ?readonly=${this.busy === 'ids'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${this.describedBy('external-id-warning', 'external-id-path', error && 'external-id-error', locked && 'locked-reason')}
          .value=${live(typed)}
          @input=${(e: Event) => this.editDraft('external_id', (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.saveOnEnter(e, 'ids')}
        />
        <p id="external-id-warning" class="warning" part="warning">${s.externalIdWarning}</p>
        <p id="external-id-path" class="help" part="help">
          ${next === null && customer.external_id !== null ? s.externalIdClearing(path) : next === null ? s.none : s.externalIdPath(path)}
        </p>
        ${this.renderFieldError('external-id-error', error)}
      </div>
      ${this.renderActions('ids', locked, s)}
      <div class="field user-id" part="field">
        <span id="user-id-label" class="label" part="label">${s.userIdLabel}</span>
        <div class="row">
          <code class="user-id-value" part="user-id" aria-labelledby="user-id-label">${customer.id}</code>
          <button type="button" class="button" part="button copy" @click=${this.onCopy}>${s.copy}</button>
          <span class=${this.copyResult?.ok === false ? 'status error' : 'status'} part="status" role="status">${this.copyResult?.text ?? ''}</span>
        </div>
        <p class="help" part="help">${s.userIdHelp}</p>
      </div>
    </section>`;
  }

  private renderOrigins(customer: Customer, partner: Partner, locked: boolean, s: CustomerSettingsStrings): TemplateResult {
    const list = this.drafts.origins ?? customer.origins;
    const effective = effectiveOrigins({ origins: list }, partner);
    const inheriting = list.length === 0;
    const rejected = this.originRejected;
    const inputError = this.fieldErrors.origins;
    return html`<section class="section" part="section origins" aria-labelledby="origins-heading">
      ${this.heading('origins', s.originsHeading, s)}
      <p class="help" part="help">${s.originsIntro}</p>
      ${inheriting
        ? html`<p class="value">${s.noOwnOrigins}</p>
            <div class="inherited" part="inherited">
              <h4 id="inherited-caption">${s.inheritedCaption} <span class="badge" part="inherited-badge">${s.inheritedBadge}</span></h4>
              ${partner.origins.length > 0
                ? html`<ul class="origin-list" aria-labelledby="inherited-caption">
                    ${partner.origins.map((origin) => html`<li class="origin inherited-origin"><code dir="ltr">${origin}</code></li>`)}
                  </ul>`
                : html`<p>${s.noPartnerOrigins}</p>`}
              <p class="help" part="help">${s.inheritedExplained}</p>
              ${locked ? nothing : html`<p class="help" part="help">${s.replacesInherited}</p>`}
            </div>`
        : html`<h4 id="own-caption">${s.ownOriginsCaption}</h4>
            <ul class="origin-list" part="origin-list" aria-labelledby="own-caption">
              ${list.map((origin) => {
                const error = this.originErrors[origin];
                return html`<li class="origin" part="origin">
                  <code dir="ltr">${origin}</code>
                  ${locked
                    ? nothing
                    : html`<button
                        type="button"
                        class="link-button"
                        part="button remove"
                        aria-label=${s.removeOrigin(origin)}
                        @click=${() => this.removeOrigin(origin)}
                      >
                        ${s.remove}
                      </button>`}
                  ${error ? html`<p class="field-error" part="field-error">${error}</p>` : nothing}
                </li>`;
              })}
            </ul>`}
      ${locked
        ? nothing
        : html`<div class="field" part="field">
            <label for="origin-input" part="label">${s.originsInputLabel}</label>
            <div class="row">
              <input
                id="origin-input"
                class="input"
                part="input"
                type="text"
                dir="ltr"
                autocomplete="off"
                spellcheck="false"
                ?readonly=${this.busy === 'origins'}
                aria-invalid=${rejected.length > 0 || inputError ? 'true' : 'false'}
                aria-describedby=${this.describedBy('origin-help', rejected.length > 0 && 'origin-rejected', inputError && 'origin-error')}
                .value=${live(this.originInput)}
                @input=${this.onOriginInput}
                @paste=${this.onOriginPaste}
                @keydown=${this.onOriginKeydown}
              />
              <button type="button" class="button" part="button add" @click=${() => this.commitOriginInput()}>${s.addOrigin}</button>
            </div>
            <p id="origin-help" class="help" part="help">${s.originsInputHelp}</p>
            ${rejected.length > 0
              ? html`<div id="origin-rejected" class="field-error rejected" part="rejected">
                  <p>${s.rejectedKept}</p>
                  <ul>
                    ${rejected.map((r) => html`<li>${r.message}</li>`)}
                  </ul>
                </div>`
              : nothing}
            ${this.renderFieldError('origin-error', inputError)}
            <p class="status" part="status" role="status">${this.originMerged.length > 0 ? s.duplicatesMerged(this.formatList(this.originMerged)) : ''}</p>
          </div>`}
      <div class="csp" part="csp">
        <h4>${s.cspCaption}</h4>
        ${effective.origins.length === 0
          ? html`<p class="warning" part="warning">${s.cspNone}</p>`
          : html`<p class="help" part="help">${s.cspExplained}</p>
              <ul class="csp-list">
                ${effective.origins.map((origin) => html`<li><code dir="ltr">${CSP_HEADER}: ${frameAncestorsDirective([origin])}</code></li>`)}
              </ul>`}
      </div>
      ${this.pendingWarning && !this.pendingWarning.resolving ? this.renderOriginWarning(this.pendingWarning, s) : nothing}
      ${this.renderActions('origins', locked, s)}
    </section>`;
  }

  private renderOriginWarning(pending: PendingWarning, s: CustomerSettingsStrings): TemplateResult {
    const { warnings } = pending;
    return html`<div class="origin-warning" part="origin-warning warning" role="alert" aria-labelledby="origin-warning-heading">
      <h4 id="origin-warning-heading">${s.warningHeading}</h4>
      ${warnings.unframeable ? html`<p>${s.warningUnframeable}</p>` : nothing}
      ${warnings.dropped.length > 0 ? html`<p>${s.warningDropped(this.formatList(warnings.dropped))}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button primary" part="button" @click=${this.onSaveAnyway}>${s.saveAnyway}</button>
        <button type="button" class="button" part="button" @click=${this.onWarningCancel}>${s.cancel}</button>
      </div>
    </div>`;
  }

  private fieldLabel(field: Field, s: CustomerSettingsStrings): string {
    return s.fields[field];
  }

  private valueText(field: Field, value: EditValue, s: CustomerSettingsStrings): string {
    if (value === null) return s.none;
    if (Array.isArray(value)) return value.length === 0 ? s.inheritsOrigins : this.formatList(value);
    return value as string;
  }

  private renderConflict(conflict: Conflict, s: CustomerSettingsStrings): TemplateResult {
    // The merge as it stands now: this admin may have typed more since the conflict was found.
    const merge = this.currentMerge(conflict);
    const busy = this.busy === 'conflict';
    const error = this.sectionErrors.conflict;
    const pending = this.pendingWarning?.resolving ? this.pendingWarning : null;
    const reapplied = Object.keys(merge.patch) as Field[];
    return html`<section class="section conflict" part="section conflict" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading" class="heading" part="heading" tabindex="-1">${s.conflictHeading}</h3>
      <p role="alert">${s.conflictIntro}</p>
      <p>
        <a href="#history-v${conflict.theirs.version}" part="conflict-link" @click=${(e: Event) => this.onHistoryLink(e, conflict.theirs.version)}
          >${s.conflictHistoryLink}</a
        >
      </p>
      ${merge.theirChanges.length > 0
        ? html`<h4>${s.theirChangesCaption}</h4>
            <ul>
              ${merge.theirChanges.map(
                (c) => html`<li>${s.change(this.fieldLabel(c.field, s), this.valueText(c.field, c.from, s), this.valueText(c.field, c.to, s))}</li>`,
              )}
            </ul>`
        : nothing}
      ${merge.conflicts.length > 0
        ? html`<h4>${s.conflictsCaption}</h4>
            ${merge.conflicts.map(
              (c) => html`<fieldset class="choice" part="field">
                <legend>${this.fieldLabel(c.field, s)}</legend>
                ${(['mine', 'theirs'] as const).map(
                  (choice) => html`<label class="radio">
                    <input
                      type="radio"
                      name="conflict-${c.field}"
                      value=${choice}
                      .checked=${live(conflict.choices[c.field] === choice)}
                      @change=${() => this.choose(c.field, choice)}
                    />
                    <span dir="auto">${choice === 'mine' ? s.keepMine(this.valueText(c.field, c.mine, s)) : s.takeTheirs(this.valueText(c.field, c.theirs, s))}</span>
                  </label>`,
                )}
              </fieldset>`,
            )}`
        : nothing}
      ${reapplied.length > 0
        ? html`<h4>${s.reappliedCaption}</h4>
            <ul>
              ${reapplied.map((field) => html`<li>${s.set(this.fieldLabel(field, s), this.valueText(field, merge.patch[field]!, s))}</li>`)}
            </ul>`
        : nothing}
      ${merge.same.length > 0
        ? html`<h4>${s.sameCaption}</h4>
            <ul>
              ${merge.same.map((field) => html`<li>${this.fieldLabel(field, s)}</li>`)}
            </ul>`
        : nothing}
      ${pending ? this.renderOriginWarning(pending, s) : nothing}
      ${error ? html`<p class="section-error" part="section-error">${error}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          part="button save"
          aria-disabled=${busy || pending ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this.saveResolved()}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${s.saving}` : s.saveResolved}
        </button>
        <button type="button" class="button" part="button" ?disabled=${busy} @click=${this.discardMine}>${s.discardMine}</button>
      </div>
    </section>`;
  }

  private renderDanger(customer: Customer, mayDelete: boolean, s: CustomerSettingsStrings): TemplateResult {
    const matches = this.deleteTyped.trim() === customer.name;
    const reason = this.readonly ? s.readonlyReason : !mayDelete ? s.noDeletePermission : null;
    return html`<section class="section danger" part="section danger" aria-labelledby="danger-heading">
        ${this.heading('danger', s.dangerHeading, s)}
        <p>${s.deleteIntro}</p>
        <div class="row">
          <button
            type="button"
            class="button danger-button"
            part="button delete-button"
            aria-disabled=${mayDelete ? 'false' : 'true'}
            aria-describedby=${reason !== null ? 'delete-reason' : nothing}
            @click=${this.onDeleteClick}
          >
            ${s.deleteButton}
          </button>
          ${reason !== null ? html`<p id="delete-reason" class="help" part="help">${reason}</p>` : nothing}
        </div>
      </section>
      <dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-what" @cancel=${this.onDialogCancel} @click=${this.onDialogClick}>
        <div class="dialog-body">
          <h2 id="delete-title">${s.deleteDialogTitle(customer.name)}</h2>
          <p id="delete-what" class="warning" part="warning">${s.deleteWhat}</p>
          <div class="field" part="field">
            <label for="delete-name" part="label">${s.deleteConfirmLabel}</label>
            <input
              id="delete-name"
              class="input"
              part="input delete-input"
              type="text"
              dir="auto"
              autocomplete="off"
              spellcheck="false"
              ?readonly=${this.deleting}
              aria-describedby="delete-type-help"
              .value=${live(this.deleteTyped)}
              @input=${(e: Event) => {
                this.deleteTyped = (e.target as HTMLInputElement).value;
              }}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') void this.confirmDelete();
              }}
            />
            <p id="delete-type-help" class="help" part="help">${s.deleteTypeName(customer.name)}</p>
          </div>
          ${this.deleteError ? html`<p class="section-error" part="section-error" role="alert">${this.deleteError}</p>` : nothing}
          <div class="dialog-actions">
            <button type="button" class="button" part="button" ?disabled=${this.deleting} @click=${() => this.deleteDialog.close()}>${s.cancel}</button>
            <button
              type="button"
              class="button danger-fill"
              part="button delete-confirm"
              aria-disabled=${matches && !this.deleting ? 'false' : 'true'}
              aria-busy=${this.deleting ? 'true' : 'false'}
              aria-describedby=${matches ? nothing : 'delete-mismatch'}
              @click=${() => void this.confirmDelete()}
            >
              ${this.deleting ? html`<span class="spinner" aria-hidden="true"></span>${s.deleting}` : s.deleteConfirm}
            </button>
          </div>
          ${matches ? nothing : html`<p id="delete-mismatch" class="help" part="help">${s.deleteMismatch}</p>`}
        </div>
      </dialog>`;
  }

  private renderHistory(s: CustomerSettingsStrings): TemplateResult {
    const task = this.historyTask;
    const page = task.value;
    const loadingFirst = (task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL) && !page;
    let body: TemplateResult;
    if (task.status === TaskStatus.ERROR) {
      body = html`<div class="message error" part="message" role="alert">
        <p>${s.historyFailed}</p>
        <button type="button" class="button" part="button" @click=${() => void task.run()}>${s.retry}</button>
      </div>`;
    } else if (loadingFirst) {
      body = html`<p class="message" part="message" role="status">${s.historyLoading}</p>`;
    } else if (!page || page.items.length === 0) {
      body = html`<p class="message" part="message">${s.historyEmpty}</p>`;
    } else {
      const more = page.items.length < page.total;
      const busy = task.status === TaskStatus.PENDING;
      body = html`<ol class="history-list" part="history-list" aria-busy=${busy ? 'true' : 'false'}>
          ${page.items.map((entry) => this.renderEntry(entry, s))}
        </ol>
        ${more
          ? html`<button
              type="button"
              class="button"
              part="button history-more"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => {
                if (!busy) this.historyPages++;
              }}
            >
              ${s.showMore}
            </button>`
          : nothing}`;
    }
    return html`<section class="section" part="section history" aria-labelledby="history-heading">${this.heading('history', s.historyHeading, s)} ${body}</section>`;
  }

  private renderEntry(entry: HistoryEntry, s: CustomerSettingsStrings): TemplateResult {
    const lookups = this.lookups();
    const changes = entry.changes.map((change) => describeChange(change, lookups, s));
    const at = new Date(entry.at);
    const { value, unit } = relativeTimeParts(at, this.now ?? new Date());
    const absolute = this.locale.dateFormat(ABSOLUTE_TIME).format(at);
    return html`<li id="history-v${entry.version}" class="history-entry" part="history-entry" tabindex="-1">
      ${entry.action === 'create' ? html`<strong>${s.created}</strong> · ` : nothing}<span dir="auto">${changes.join('; ')}</span> ·
      <span dir="auto">${describeActor(entry.actor, s)}</span> ·
      <time datetime=${entry.at} title=${absolute}>${relativeFormat(this.locale.lang).format(value, unit)}</time>
    </li>`;
  }

  // ---------------------------------------------------------------------------------------------
  // State

  private resetFor(customer: Customer | undefined): void {
    this.record = customer;
    this.dropEdits();
    this.savedSection = null;
    this.copyResult = null;
    this.deleteTyped = '';
    this.deleteError = null;
    this.deletedName = null;
    this.historyPages = 1;
  }

  private formatList(items: readonly string[]): string {
    return listFormat(this.locale.lang).format(items);
  }

  private lookups(): HistoryLookups {
    const loaded = this.lookupsTask.value;
    const plans = new Map((loaded?.plans ?? []).map((plan) => [plan.id, plan.name]));
    const apps = new Map((loaded?.apps ?? []).map((app) => [app.id, app.name]));
    return {
      planName: (id) => plans.get(id) ?? id,
      appName: (id) => apps.get(id) ?? id,
      formatDate: (iso) => this.locale.dateFormat(ABSOLUTE_TIME).format(new Date(iso)),
      formatList: (items) => this.formatList(items),
    };
  }

  /** The value a field would be saved with, from what is typed. */
  private typedValue(field: Field): EditValue | undefined {
    const drafts = this.drafts;
    if (field === 'name') return drafts.name === undefined ? undefined : drafts.name.trim();
    if (field === 'external_id') return drafts.external_id === undefined ? undefined : externalIdValue(drafts.external_id);
    return drafts.origins;
  }

  /** The fields whose typed value differs from the record: what a save would send. */
  private editedValues(): Partial<Record<Field, EditValue>> {
    const record = this.record;
    if (!record) return {};
    const current = fieldValues(record);
    const edited: Partial<Record<Field, EditValue>> = {};
    for (const field of FIELDS) {
      const typed = this.typedValue(field);
      if (typed !== undefined && !sameEditValue(typed, current[field])) edited[field] = typed;
    }
    return edited;
  }

  private sectionUnsaved(section: Section): boolean {
    const edited = this.editedValues();
    if (section === 'origins' && this.originInput.trim() !== '') return true;
    return SECTION_FIELDS[section].some((field) => Object.hasOwn(edited, field));
  }

  private currentMerge(conflict: Conflict): EditMerge<Field> {
    return mergeEdits(FIELDS, fieldValues(conflict.base), this.editedValues(), fieldValues(conflict.theirs));
  }

  private editDraft(field: 'name' | 'external_id', value: string): void {
    this.drafts = { ...this.drafts, [field]: value };
    this.savedSection = null;
    if (this.fieldErrors[field]) {
      const { [field]: _fixed, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  private setOrigins(origins: string[]): void {
    this.drafts = { ...this.drafts, origins };
    this.savedSection = null;
    this.pendingWarning = null;
  }

  private removeOrigin(origin: string): void {
    const list = this.drafts.origins ?? this.record?.origins ?? [];
    this.setOrigins(list.filter((entry) => entry !== origin));
    const { [origin]: _gone, ...rest } = this.originErrors;
    this.originErrors = rest;
    this.originMerged = [];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#origin-input')?.focus());
  }

  /**
   * Adds the given text (the whole field when not given) as entries; what is rejected stays in the
   * field for fixing. Answers whether nothing was rejected.
   */
  private commitOriginInput(text = this.originInput, rest = ''): boolean {
    const list = this.drafts.origins ?? this.record?.origins ?? [];
    const added = addOriginText(list, text);
    if (added.origins.length !== list.length) this.setOrigins(added.origins);
    this.originRejected = added.rejected;
    this.originMerged = added.merged;
    const kept = added.rejected.map((r) => r.entry);
    if (rest.trim() !== '') kept.push(rest.trimStart());
    this.originInput = kept.join(', ');
    if (this.fieldErrors.origins) {
      const { origins: _fixed, ...others } = this.fieldErrors;
      this.fieldErrors = others;
    }
    return added.rejected.length === 0;
  }

  private choose(field: Field, choice: ConflictChoice): void {
    if (!this.conflict) return;
    this.conflict = { ...this.conflict, choices: { ...this.conflict.choices, [field]: choice } };
    this.sectionErrors = { ...this.sectionErrors, conflict: undefined };
  }

  private revert(section: Section): void {
    const drafts = { ...this.drafts };
    for (const field of SECTION_FIELDS[section]) delete drafts[field];
    this.drafts = drafts;
    const errors = { ...this.fieldErrors };
    for (const field of SECTION_FIELDS[section]) delete errors[field];
    this.fieldErrors = errors;
    this.sectionErrors = { ...this.sectionErrors, [section]: undefined };
    if (section === 'origins') {
      this.originInput = '';
      this.originRejected = [];
      this.originMerged = [];
      this.originErrors = {};
      this.pendingWarning = null;
    }
  }

  /** Client-side checks of the fields about to be sent; a message per refused field. */
  private check(fields: readonly Field[], s: CustomerSettingsStrings): Partial<Record<Field, string>> {
    const problems: Partial<Record<Field, string>> = {};
    const max = (n: number) => s.tooLong(this.locale.numberFormat().format(n));
    const name = this.typedValue('name');
    if (fields.includes('name') && typeof name === 'string') {
      if (name === '') problems.name = s.nameRequired;
      else if (name.length > CUSTOMER_NAME_MAX_LENGTH) problems.name = max(CUSTOMER_NAME_MAX_LENGTH);
    }
    const externalId = this.typedValue('external_id');
    if (fields.includes('external_id') && typeof externalId === 'string') {
      if (externalId.length > EXTERNAL_ID_MAX_LENGTH) problems.external_id = max(EXTERNAL_ID_MAX_LENGTH);
      else if (CONTROL_CHARACTER.test(externalId)) problems.external_id = s.externalIdControlCharacters;
    }
    return problems;
  }

  private focusFirstError(): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>('input[aria-invalid="true"]');
      target?.focus();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Saving

  private async saveSection(section: Section): Promise<void> {
    if (this.busy !== null || this.conflict || !this.record) return;
    const s = this.text.value;
    const fields = SECTION_FIELDS[section];
    if (section === 'origins' && this.originInput.trim() !== '' && !this.commitOriginInput()) {
      this.focusFirstError();
      return;
    }
    const problems = this.check(fields, s);
    if (Object.keys(problems).length > 0) {
      this.fieldErrors = { ...this.fieldErrors, ...problems };
      this.focusFirstError();
      return;
    }
    const edited = this.editedValues();
    const patch: Partial<Record<Field, EditValue>> = {};
    for (const field of fields) if (Object.hasOwn(edited, field)) patch[field] = edited[field]!;
    if (Object.keys(patch).length === 0) {
      this.revert(section);
      return;
    }
    if (!this.warnBefore(fields, patch, false)) return;
    await this.send(section, fields, patch);
  }

  /** Answers true when the save may go on; else it holds the save until the admin has read the warnings. */
  private warnBefore(fields: readonly Field[], patch: Partial<Record<Field, EditValue>>, resolving: boolean): boolean {
    const partner = this.partnerTask.value;
    if (!partner || !this.record || patch.origins === undefined) return true;
    const warnings = originListWarnings(this.record.origins, patch.origins as string[], partner.origins);
    if (!warnings.unframeable && warnings.dropped.length === 0) return true;
    this.pendingWarning = { warnings, fields, patch, resolving };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.origin-warning .button.primary')?.focus());
    return false;
  }

  private readonly onSaveAnyway = (): void => {
    const pending = this.pendingWarning;
    if (!pending) return;
    this.pendingWarning = null;
    void this.send(pending.resolving ? 'conflict' : SECTION_OF[pending.fields[0]!], pending.fields, pending.patch);
  };

  private readonly onWarningCancel = (): void => {
    this.pendingWarning = null;
  };

  /** The PATCH itself, with the record's version as If-Match. */
  private async send(section: Section | 'conflict', fields: readonly Field[], patch: Partial<Record<Field, EditValue>>): Promise<void> {
    const backend = this.backendSource.value;
    const record = this.record;
    if (!backend || !record) return;
    const s = this.text.value;
    this.busy = section;
    this.savedSection = null;
    this.sectionErrors = { ...this.sectionErrors, [section]: undefined };
    try {
      const saved = await backend.updateCustomer(record.id, patch as CustomerPatch, record.version);
      if (this.record?.id !== record.id) return;
      this.busy = null;
      const drafts = { ...this.drafts };
      for (const field of fields) delete drafts[field];
      this.drafts = drafts;
      const errors = { ...this.fieldErrors };
      for (const field of fields) delete errors[field];
      this.fieldErrors = errors;
      if (fields.includes('origins')) this.originErrors = {};
      this.conflict = null;
      this.record = saved;
      this.savedSection = section === 'conflict' ? null : section;
      this.historyRevision++;
      this.dispatchEvent(createCustomerChangeEvent({ customer: saved, change: 'fields' }));
    } catch (error) {
      this.busy = null;
      if (isAbortError(error) || this.record?.id !== record.id) return;
      if (error instanceof HttpError && error.status === 412) {
        await this.showConflict(section, record);
        return;
      }
      this.showFailure(section, error, s);
    }
  }

  /** A failed save: field errors on their fields, the rest in the section; what was typed stays. */
  private showFailure(section: Section | 'conflict', error: unknown, s: CustomerSettingsStrings): void {
    if (!(error instanceof HttpError)) {
      const message = error instanceof NetworkError || error instanceof TimeoutError ? s.networkFailed : s.saveFailed;
      this.sectionErrors = { ...this.sectionErrors, [section]: message };
      return;
    }
    const fields: Partial<Record<Field, string>> = {};
    const originErrors: Record<string, string> = {};
    const sent = this.typedValue('origins') ?? [];
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const text = messages.map(s.serverFieldError).join(' ');
      const entry = /^origins\[(\d+)\]$/.exec(key);
      if (entry && Array.isArray(sent) && sent[Number(entry[1])] !== undefined) originErrors[sent[Number(entry[1])]!] = text;
      else if (key === 'name' || key === 'external_id' || key === 'origins') fields[key] = text;
    }
    if (error.status === 409) fields.external_id = s.externalIdTaken;
    this.fieldErrors = { ...this.fieldErrors, ...fields };
    this.originErrors = originErrors;
    const onFields = Object.keys(fields).length > 0 || Object.keys(originErrors).length > 0;
    this.sectionErrors = { ...this.sectionErrors, [section]: onFields ? undefined : (error.problem.detail ?? error.problem.title ?? s.saveFailed) };
    if (onFields) this.focusFirstError();
  }

  /** 412: someone saved in between. Fetch their record and lay both side by side; nothing typed is lost. */
  private async showConflict(section: Section | 'conflict', base: Customer): Promise<void> {
    const backend = this.backendSource.value;
    const s = this.text.value;
    if (!backend) return;
    let theirs: Customer;
    try {
      theirs = await backend.getCustomer(base.id);
    } catch (error) {
      // Without their record there is nothing to compare with: say so where the admin saved.
      const message = error instanceof HttpError ? (error.problem.detail ?? error.problem.title) : s.networkFailed;
      this.sectionErrors = { ...this.sectionErrors, [section]: message };
      return;
    }
    if (this.record?.id !== base.id) return;
    const edited = this.editedValues();
    const merge = mergeEdits(FIELDS, fieldValues(base), edited, fieldValues(theirs));
    // A field both made the same change to is done: nothing to keep typed.
    const drafts = { ...this.drafts };
    for (const field of merge.same) delete drafts[field];
    this.drafts = drafts;
    this.record = theirs;
    this.conflict = { base, theirs, merge, choices: {} };
    this.pendingWarning = null;
    this.historyPages = 1;
    this.historyRevision++;
    this.dispatchEvent(createCustomerChangeEvent({ customer: theirs, change: 'fields' }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#conflict-heading')?.focus());
  }

  private async saveResolved(): Promise<void> {
    const conflict = this.conflict;
    if (!conflict || this.busy !== null || this.pendingWarning) return;
    const s = this.text.value;
    const merge = this.currentMerge(conflict);
    if (!allConflictsChosen(merge, conflict.choices)) {
      this.sectionErrors = { ...this.sectionErrors, conflict: s.chooseAll };
      return;
    }
    const patch = resolveEdits(merge, conflict.choices);
    // Where theirs was taken, the typed value goes: the field is as they left it.
    const drafts = { ...this.drafts };
    for (const c of merge.conflicts) if (conflict.choices[c.field] === 'theirs') delete drafts[c.field];
    this.drafts = drafts;
    if (Object.keys(patch).length === 0) {
      this.conflict = null;
      return;
    }
    const fields = FIELDS.filter((field) => Object.hasOwn(patch, field));
    const problems = this.check(fields, s);
    if (Object.keys(problems).length > 0) {
      this.fieldErrors = { ...this.fieldErrors, ...problems };
      this.focusFirstError();
      return;
    }
    if (!this.warnBefore(fields, patch, true)) return;
    await this.send('conflict', fields, patch);
  }

  private readonly discardMine = (): void => this.dropEdits();

  /** Forgets every edit not saved, with its errors, warning and conflict. */
  private dropEdits(): void {
    this.drafts = {};
    this.originInput = '';
    this.originRejected = [];
    this.originMerged = [];
    this.fieldErrors = {};
    this.originErrors = {};
    this.sectionErrors = {};
    this.pendingWarning = null;
    this.conflict = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers

  private saveOnEnter(event: KeyboardEvent, section: Section): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.saveSection(section);
    }
  }

  private readonly onOriginInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.savedSection = null;
    const { complete, rest } = completedEntries(value);
    if (complete.trim() === '') {
      this.originInput = value;
      // A reason stays while its entry does: one edited or deleted from the field says nothing now.
      if (this.originRejected.some((r) => !value.includes(r.entry))) this.originRejected = this.originRejected.filter((r) => value.includes(r.entry));
      return;
    }
    this.commitOriginInput(complete, rest);
  };

  /** Pasted text keeps its line breaks (an `<input>` would drop them): every entry of it is added. */
  private readonly onOriginPaste = (event: ClipboardEvent): void => {
    const pasted = event.clipboardData?.getData('text') ?? '';
    if (!/[,\r\n]/.test(pasted)) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const before = input.value.slice(0, input.selectionStart ?? input.value.length);
    const after = input.value.slice(input.selectionEnd ?? input.value.length);
    this.commitOriginInput(`${before}${pasted}\n${after}`);
  };

  private readonly onOriginKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (this.originInput.trim() !== '') this.commitOriginInput();
    else void this.saveSection('origins');
  };

  private readonly onCopy = async (): Promise<void> => {
    const record = this.record;
    if (!record) return;
    const s = this.text.value;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(String(record.id));
      this.copyResult = { ok: true, text: s.copied };
    } catch {
      this.copyResult = { ok: false, text: s.copyFailed };
    }
  };

  private onHistoryLink(event: Event, version: number): void {
    event.preventDefault();
    const entry = this.renderRoot.querySelector<HTMLElement>(`#history-v${version}`);
    if (entry) {
      entry.scrollIntoView({ block: 'nearest' });
      entry.focus();
    }
  }

  private readonly onDeleteClick = (): void => {
    const partner = this.partnerTask.value;
    if (this.readonly || !partner?.admin.permissions.delete_customers) return;
    this.deleteTyped = '';
    this.deleteError = null;
    this.deleteDialog.show();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#delete-name')?.focus());
  };

  /** Escape and the backdrop do nothing while the delete is in flight. */
  private onDialogCancel(event: Event): void {
    if (this.deleting) event.preventDefault();
  }

  private onDialogClick(event: MouseEvent): void {
    if (event.target === this.dialog && this.deleting) event.stopImmediatePropagation();
  }

  private async confirmDelete(): Promise<void> {
    const backend = this.backendSource.value;
    const record = this.record;
    if (!backend || !record || this.deleting || this.deleteTyped.trim() !== record.name) return;
    const s = this.text.value;
    this.deleting = true;
    this.deleteError = null;
    try {
      await backend.deleteCustomer(record.id, record.version);
      this.deleting = false;
      this.deleteDialog.close();
      this.deletedName = record.name;
      this.dispatchEvent(createCustomerDeletedEvent({ id: record.id, name: record.name }));
    } catch (error) {
      this.deleting = false;
      if (isAbortError(error)) return;
      if (error instanceof HttpError && error.status === 412) {
        this.deleteError = s.deleteStale;
        try {
          const current = await backend.getCustomer(record.id);
          if (this.record?.id === record.id && this.conflict === null) {
            this.record = current;
            this.dispatchEvent(createCustomerChangeEvent({ customer: current, change: 'fields' }));
          }
        } catch {
          // The message already says to look again; the version stays until the next read.
        }
        this.historyPages = 1;
        this.historyRevision++;
        return;
      }
      this.deleteError =
        error instanceof HttpError ? (error.problem.detail ?? error.problem.title) : error instanceof NetworkError || error instanceof TimeoutError ? s.networkFailed : s.deleteFailed;
    }
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-settings': CustomerSettings;
  }
}
