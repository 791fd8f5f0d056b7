/**
 * `<customer-collaborators>` and `<customer-switch-button>` as their users meet them, for their own
 * tests and the console's: the team's rows, names and tags through the documented parts, the switch
 * button by its role and name. Nothing here reads a private class or id.
 */
import type { CustomerCollaborators } from '../../components/customer-collaborators/define.js';
import type { CustomerSwitchButton } from '../../components/customer-switch-button/define.js';
import { allByPart, byRole } from './by-role.js';
import { shownText } from './text.js';

const text = shownText;

/** One team member as the table shows them. */
export interface ShownMember {
  name: string;
  email: string;
  role: string;
  /** The manager tag's text, or null when the row has none. */
  tag: string | null;
}

export function teamRows(el: CustomerCollaborators): HTMLElement[] {
  return allByPart(el.shadowRoot!, 'row');
}

export function shownTeam(el: CustomerCollaborators): ShownMember[] {
  return teamRows(el).map((row) => ({
    name: text(row.querySelector('[part~="name"]')),
    email: text(row.querySelector('[part~="email"]')),
    role: text(row.querySelector('[part~="role"]')),
    tag: row.querySelector('[part~="manager-tag"]') ? text(row.querySelector('[part~="manager-tag"]')) : null,
  }));
}

/** The loading, empty or error message's text, or null when none shows. */
export function teamMessage(el: CustomerCollaborators): string | null {
  const message = allByPart(el.shadowRoot!, 'message')[0];
  return message ? text(message) : null;
}

export function teamNote(el: CustomerCollaborators): string | null {
  const note = allByPart(el.shadowRoot!, 'note')[0];
  return note ? text(note) : null;
}

export function switchButton(el: CustomerSwitchButton, name = 'Switch to this account'): HTMLButtonElement {
  return byRole<HTMLButtonElement>(el.shadowRoot!, 'button', name);
}

/** What the switch button's `aria-describedby` says (the reason it is disabled, or what failed). */
export function switchDescription(el: CustomerSwitchButton): string {
  const button = switchButton(el);
  const ids = (button.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const root = el.shadowRoot!;
  return ids.map((id) => text(root.getElementById(id))).join(' ');
}

export function isSwitchDisabled(el: CustomerSwitchButton): boolean {
  return switchButton(el).getAttribute('aria-disabled') === 'true';
}
