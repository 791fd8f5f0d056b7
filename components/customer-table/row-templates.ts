/**
 * What customer-table draws: the header, the data rows, the skeleton and the message panels, as
 * templates of plain functions over a `TableContext` the element builds once per render.
 *
 * Written with line breaks and indents for reading; the kit's template minifier
 * (scripts/minify-templates.mjs) takes out those beside block elements, so they add no text nodes
 * to rows that are rendered 20 at a time and recycled on every frame of a scroll. Inline siblings
 * (a name and its external ID, a figure and its label) are written flush: between them a line
 * break would stay a space. Text is always bound as text: names are never parsed as HTML.
 *
 * An element whose content is one piece of text takes it from the `text()` directive
 * (text-directive.ts), and the app icons come from `appIconList()` (app-icon-list.ts): both write
 * their element's children themselves, so they cost no marker comments (a row was 68 nodes, 47 now).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { SortKey } from '../../src/model/constants.js';
import { customerStatus, effectivePlanId, findPlan, usageLevel } from '../../src/model/rules.js';
import type { Customer, Plan } from '../../src/model/schemas.js';
import { findMatches, type Range } from '../../src/query/search.js';
import type { CustomerSort } from '../../src/query/types.js';
import type { AppIconSheet } from '../shared/app-icon-sheet.js';
import { appIconList } from './app-icon-list.js';
import type { RowSource } from './row-source.js';
import type { CustomerTableStrings } from './table-strings.js';
import { text } from './text-directive.js';
import type { VirtualWindowController } from './virtual-window.js';

type ColumnLabel = 'columnCustomer' | 'columnJoined' | 'columnTasks' | 'columnConnections' | 'columnApps';

export interface Column {
  /** `data-column` of its header. */
  name: string;
  label: ColumnLabel;
  /** The sort a header click asks for; null for a column that does not sort. */
  sortKey: SortKey | null;
}

export const COLUMNS: readonly Column[] = [
  { name: 'customer', label: 'columnCustomer', sortKey: 'name' },
  { name: 'joined', label: 'columnJoined', sortKey: 'created_at' },
  { name: 'tasks', label: 'columnTasks', sortKey: 'tasks_used' },
  { name: 'connections', label: 'columnConnections', sortKey: 'connections' },
  { name: 'apps', label: 'columnApps', sortKey: null },
];

const SKELETON_ROWS = 8;
/** The name keeps its first match in view when cut short (see text-directive.ts). */
const LEAD = { lead: true };

/** Everything a row needs besides its customer, built once per render. */
export interface TableContext {
  text: CustomerTableStrings;
  now: Date;
  /** The search whose matches are highlighted ('' for none). */
  search: string;
  plans: readonly Plan[];
  apps: AppIconSheet;
  numbers: Intl.NumberFormat;
  dates: Intl.DateTimeFormat;
  /** 0 for the one focusable cell, -1 for the others; row -1 is the header. */
  tabIndex(row: number, col: number): number;
}

export function headerRow(c: TableContext, sort: CustomerSort): TemplateResult {
  return html`
    <div role="rowgroup" part="header" class="header">
      <div role="row" part="header-row" class="row header-row" aria-rowindex="1" data-row="-1">
        ${COLUMNS.map((column, col) => headerCell(c, column, col, sort))}
      </div>
    </div>
  `;
}

function headerCell(c: TableContext, column: Column, col: number, sort: CustomerSort): TemplateResult {
  const sorted = column.sortKey !== null && column.sortKey === sort.key;
  const indicator =
    column.sortKey === null
      ? nothing
      : html`<svg part="sort-indicator" class="sort-indicator" data-dir=${sorted ? sort.dir : 'none'} viewBox="0 0 16 16" aria-hidden="true"><path d="M8 3l4 5H4z" /></svg>`;
  return html`
    <div
      role="columnheader"
      part="header-cell"
      class="cell header-cell"
      data-column=${column.name}
      ?data-sortable=${column.sortKey !== null}
      tabindex=${c.tabIndex(-1, col)}
      aria-sort=${column.sortKey === null ? nothing : sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <span class="header-label" ${text(c.text[column.label])}></span>${indicator}
    </div>
  `;
}

/** The rendered rows, each at its place in the scrolled body, recycled by the window's keys. */
export function bodyRows(c: TableContext, rows: RowSource, window: VirtualWindowController): TemplateResult {
  return html`
    <div role="rowgroup" part="body" class="body" style=${styleMap({ height: `${window.range.height}px` })}>
      ${repeat(
        window.rows,
        (index) => window.keyOf(index),
        (index) => bodyRow(c, index, rows.rowAt(index), window.offsetOf(index)),
      )}
    </div>
  `;
}

/** One data row; a customer still loading (server mode) shows placeholder bars. */
function bodyRow(c: TableContext, index: number, customer: Customer | undefined, top: number): TemplateResult {
  return html`
    <div
      role="row"
      part="row"
      class="row body-row"
      aria-rowindex=${index + 2}
      aria-busy=${customer ? nothing : 'true'}
      data-row=${index}
      style=${styleMap({ transform: `translateY(${top}px)` })}
    >
      <div role="gridcell" part="cell" class="cell customer-cell" tabindex=${c.tabIndex(index, 0)}>
        ${customer ? customerCell(c, customer) : placeholder(c, true)}
      </div>
      <div role="gridcell" part="cell" class="cell" tabindex=${c.tabIndex(index, 1)}>
        ${customer ? joinedCell(c, customer) : placeholder(c, false)}
      </div>
      <div role="gridcell" part="cell" class="cell" tabindex=${c.tabIndex(index, 2)}>
        ${customer ? usageCell(c, customer) : placeholder(c, false)}
      </div>
      <div role="gridcell" part="cell" class="cell" tabindex=${c.tabIndex(index, 3)}>
        ${customer ? connectionsCell(c, customer) : placeholder(c, false)}
      </div>
      <div role="gridcell" part="cell" class="cell" tabindex=${c.tabIndex(index, 4)}>
        ${customer ? appsCell(c, customer) : placeholder(c, false)}
      </div>
    </div>
  `;
}

/**
 * Name and external ID (the full text in `title`, since they truncate), then the plan the customer
 * is on and its status. The name is a button (what activating the row does, said where it is read);
 * it stays out of the tab order, since the grid's one focusable cell is how the keyboard gets here.
 */
function customerCell(c: TableContext, customer: Customer): TemplateResult {
  const ranges = matchesIn(customer.name, c.search);
  const id = customer.external_id === null ? nothing : externalId(c, customer.external_id);
  const planId = effectivePlanId(customer, c.now);
  const status = customerStatus(customer, c.now);
  const badge = status === 'active' ? nothing : html`<span part="status" class="status" data-status=${status} ${text(c.text.status[status])}></span>`;
  return html`
    <div class="customer">
      <div class="customer-line">
        <button part="name" class="name" type="button" tabindex="-1" dir="auto" title=${customer.name} ?data-match=${ranges.length > 0} ${text(customer.name, ranges, LEAD)}></button>${id}
      </div>
      <div class="customer-line secondary">
        <span part="plan" class="plan" ${text(findPlan(planId, c.plans)?.name ?? planId)}></span>${badge}
      </div>
    </div>
  `;
}

/** `strings.externalId` around the ID; a search match inside the ID is highlighted, not one in the words around it. */
function externalId(c: TableContext, id: string): TemplateResult {
  const shown = c.text.externalId(id);
  const at = shown.indexOf(id);
  const ranges = at < 0 ? matchesIn(shown, c.search) : matchesIn(id, c.search).map(([s, e]): Range => [s + at, e + at]);
  return html`<span part="external-id" class="external-id" dir="auto" title=${shown} ?data-match=${ranges.length > 0} ${text(shown, ranges, LEAD)}></span>`;
}

function joinedCell(c: TableContext, customer: Customer): TemplateResult {
  return html`<time part="joined" datetime=${customer.created_at} ${text(c.dates.format(Date.parse(customer.created_at)))}></time>`;
}

/**
 * Tasks against the limit: the figures, a "near/over the limit" label (text, not colour alone) and
 * a bar. Figures are shown as "44 / 1,000" (`.figure`, kept left to right under right-to-left) and
 * read as "44 of 1,000 tasks", which a slash between numbers is not; their text is set as
 * `textContent`, not as child parts, so they add no marker comments to every rendered row.
 */
function usageCell(c: TableContext, customer: Customer): TemplateResult {
  const { tasks_used: used, task_limit: limit } = customer;
  const level = usageLevel(used, limit);
  const filled = limit > 0 ? Math.min(100, (used / limit) * 100) : used > 0 ? 100 : 0;
  const [u, l] = [c.numbers.format(used), c.numbers.format(limit)];
  const label = level === 'ok' ? nothing : html`<span part="usage-level" class="usage-level" ${text(level === 'near' ? c.text.nearLimit : c.text.overLimit)}></span>`;
  return html`
    <div part="usage" class="usage" data-level=${level}>
      <div class="usage-figures"><span class="figure" aria-hidden="true" .textContent=${c.text.usage(u, l)}></span><span class="visually-hidden" .textContent=${c.text.tasksOfLimit(u, l)}></span>${label}</div>
      <div part="usage-bar" class="usage-bar" data-level=${level} aria-hidden="true">
        <div part="usage-fill" class="usage-fill" style=${styleMap({ 'inline-size': `${filled}%` })}></div>
      </div>
    </div>
  `;
}

/** Connections against the plan's limit; above it, flagged as tasks are, with an "over the limit" label. */
function connectionsCell(c: TableContext, customer: Customer): TemplateResult {
  const { connections: used, connection_limit: limit } = customer;
  const over = usageLevel(used, limit) === 'over';
  const [u, l] = [c.numbers.format(used), c.numbers.format(limit)];
  const label = over ? html`<span part="connections-level" class="usage-level" ${text(c.text.overLimit)}></span>` : nothing;
  return html`<span part="connections" class="connections" data-level=${over ? 'over' : 'ok'}><span class="figure" aria-hidden="true" .textContent=${c.text.usage(u, l)}></span><span class="visually-hidden" .textContent=${c.text.connectionsOfLimit(u, l)}></span>${label}</span>`;
}

/** Each app's icon (a rule of the icon sheet), or its initials on the badge colour; named for assistive tech. */
function appsCell(c: TableContext, customer: Customer): TemplateResult {
  if (customer.top_apps.length === 0) return html`<span class="muted" ${text(c.text.noApps)}></span>`;
  return html`<span part="top-apps" class="apps" ${appIconList(c.apps, customer.top_apps)}></span>`;
}

/** The bars of a row whose page is loading; the first cell also says so to assistive tech. */
function placeholder(c: TableContext, first: boolean): TemplateResult {
  return first
    ? html`<span part="placeholder" class="placeholder wide"></span><span class="visually-hidden">${c.text.loadingRow}</span>`
    : html`<span part="placeholder" class="placeholder"></span>`;
}

/** Shown until the first rows arrive: rows of bars (the table's live region says it is loading). */
export function skeleton(c: TableContext): TemplateResult {
  return html`
    <div part="skeleton" class="skeleton" aria-hidden="true">
      ${Array.from(
        { length: SKELETON_ROWS },
        () => html`
          <div class="row skeleton-row">
            ${COLUMNS.map(() => html`<div class="cell"><span part="placeholder" class="placeholder"></span></div>`)}
          </div>
        `,
      )}
    </div>
  `;
}

/**
 * The message panels are not live regions themselves (one added with its text is seldom read):
 * the table's one live region, there from the start, says their titles.
 */

/** No customers at all: nothing to clear, but the page may offer a way on in the `empty-action` slot. */
export function emptyMessage(c: TableContext): TemplateResult {
  return html`
    <div part="message" class="message" data-state="empty">
      <p part="message-title" class="message-title">${c.text.emptyTitle}</p>
      <p class="message-body">${c.text.emptyBody}</p>
      <slot name="empty-action"></slot>
    </div>
  `;
}

export function noMatchMessage(c: TableContext, onClearFilters: () => void): TemplateResult {
  return html`
    <div part="message" class="message" data-state="no-match">
      <p part="message-title" class="message-title">${c.text.noMatchTitle}</p>
      <p class="message-body">${c.text.noMatchBody}</p>
      <button part="message-action" class="button" type="button" @click=${onClearFilters}>${c.text.clearFilters}</button>
    </div>
  `;
}

export function errorMessage(c: TableContext, error: unknown, onRetry: () => void): TemplateResult {
  return html`
    <div part="message" class="message" data-state="error">
      <p part="message-title" class="message-title">${c.text.errorTitle}</p>
      <p class="message-body">${errorText(error)}</p>
      <button part="message-action" class="button primary" type="button" @click=${onRetry}>${c.text.retry}</button>
    </div>
  `;
}

/** What went wrong, as the error panel and the live region say it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function matchesIn(value: string, search: string): Range[] {
  return search.trim() === '' ? [] : findMatches(value, search);
}
