/**
 * `<customer-filters>` as its users meet it, for the filters' and the console's tests: controls by
 * role and accessible name, and the documented parts. Nothing here reads a private class or id.
 */
import type { CustomerFilters } from '../../components/customer-filters/define.js';
import { accessibleName, allByPart, allByRole, byPart, byRole, referenced } from './by-role.js';

const root = (filters: CustomerFilters) => filters.shadowRoot!;

export function searchBox(filters: CustomerFilters): HTMLInputElement {
  return byRole<HTMLInputElement>(root(filters), 'searchbox');
}

/** The status choices, drawn as tabs: the radios of the status radio group, in order. */
export function tabs(filters: CustomerFilters): HTMLElement[] {
  return allByRole(byRole(root(filters), 'radiogroup'), 'radio');
}

/** A status choice by its label, whatever count it shows ("In trial" for "In trial 1"). */
export function tab(filters: CustomerFilters, label: string): HTMLElement {
  const found = tabs(filters).find((t) => {
    const name = accessibleName(t);
    return name === label || name.startsWith(`${label} `);
  });
  if (!found) throw new Error(`no status radio ${label}`);
  return found;
}

/** What each status's count shows, in order; empty while the counts are unknown. */
export function tabCounts(filters: CustomerFilters): string[] {
  return allByPart(root(filters), 'tab-count').map((c) => c.textContent ?? '');
}

/** The Plan, App or Date joined button (named by its label, then its value when one is chosen). */
export function pickerButton(filters: CustomerFilters, label: 'Plan' | 'App' | 'Date joined' | string): HTMLElement {
  const found = allByPart(root(filters), 'picker-button').find((b) => accessibleName(b).startsWith(label));
  if (!found) throw new Error(`no picker button ${label}`);
  return found;
}

/** The popover a picker button controls. */
export function panelOf(button: HTMLElement): HTMLElement {
  const panel = referenced(button, 'aria-controls');
  if (!panel) throw new Error(`${accessibleName(button)} controls nothing`);
  return panel;
}

export function isOpen(panel: HTMLElement): boolean {
  return panel.matches(':popover-open');
}

/** The plan checkboxes' labels, in order. */
export function planLabels(filters: CustomerFilters): string[] {
  return allByRole(panelOf(pickerButton(filters, 'Plan')), 'checkbox').map(accessibleName);
}

export function planCheckbox(filters: CustomerFilters, plan: string): HTMLInputElement {
  return byRole<HTMLInputElement>(panelOf(pickerButton(filters, 'Plan')), 'checkbox', plan);
}

export function appCombobox(filters: CustomerFilters): HTMLInputElement {
  return byRole<HTMLInputElement>(root(filters), 'combobox');
}

export function appOptions(filters: CustomerFilters): HTMLElement[] {
  return allByRole(root(filters), 'option');
}

/** The option the app combobox marks active (`aria-activedescendant`). */
export function activeAppOption(filters: CustomerFilters): HTMLElement | null {
  return referenced(appCombobox(filters), 'aria-activedescendant');
}

/** A date-joined preset ("Last 30 days", "Any time"). */
export function presetButton(filters: CustomerFilters, label: string): HTMLElement {
  return byRole(panelOf(pickerButton(filters, 'Date joined')), 'button', label);
}

/** The custom range's From or To date field, by its label. */
export function dateField(filters: CustomerFilters, label: 'From' | 'To'): HTMLInputElement {
  const field = [...panelOf(pickerButton(filters, 'Date joined')).querySelectorAll('input')].find((i) => accessibleName(i) === label);
  if (!field) throw new Error(`no date field ${label}`);
  return field;
}

export function applyButton(filters: CustomerFilters): HTMLElement {
  return byRole(panelOf(pickerButton(filters, 'Date joined')), 'button', 'Apply');
}

export function fieldErrors(filters: CustomerFilters): HTMLElement[] {
  return allByPart(root(filters), 'field-error');
}

export function chips(filters: CustomerFilters): HTMLElement[] {
  return allByPart(root(filters), 'chip');
}

export function chipLabels(filters: CustomerFilters): string[] {
  return chips(filters).map((c) => c.textContent!.trim());
}

export function clearAllButton(filters: CustomerFilters): HTMLElement {
  return byPart(root(filters), 'clear-all');
}

export function clearSearchButton(filters: CustomerFilters): HTMLElement {
  return byPart(root(filters), 'search-clear');
}
