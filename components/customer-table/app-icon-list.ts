/**
 * `<span part="apps" ${appIconList(sheet, ids)}></span>`: one `<span part="app-icon" role="img">`
 * per app, named for assistive tech, showing the app's icon (a rule of the icon sheet) or its
 * initials. Kept by this directive rather than a template per icon: in a list of templates every
 * icon cost a row three marker comments and an empty text node, five nodes for one element. A
 * recycled row keeps its icon elements; only what differs is written.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { appInitials } from '../../src/backend/app-icons.js';
import type { AppIconSheet } from '../shared/app-icon-sheet.js';

class AppIconListDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('appIconList() goes in an element tag');
  }

  render(_sheet: AppIconSheet, _ids: readonly string[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [sheet, ids]: Parameters<this['render']>): unknown {
    const list = part.element;
    let icon = list.firstElementChild;
    for (const id of ids) {
      if (icon === null) {
        icon = list.ownerDocument.createElement('span');
        icon.setAttribute('part', 'app-icon');
        icon.className = 'app-icon';
        icon.setAttribute('role', 'img');
        list.append(icon);
      }
      const { name, icon: rule } = sheet.badge(id);
      setAttribute(icon, 'aria-label', name);
      setAttribute(icon, 'title', name);
      setAttribute(icon, 'data-icon', rule === undefined ? null : String(rule));
      const initials = rule === undefined ? appInitials(name) : '';
      if (icon.textContent !== initials) icon.textContent = initials;
      icon = icon.nextElementSibling;
    }
    while (icon !== null) {
      const next = icon.nextElementSibling;
      icon.remove();
      icon = next;
    }
    return noChange;
  }
}

/** Writes an attribute only when it differs (null removes it): an unchanged one restyles nothing. */
function setAttribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** The app icons of these app ids, from the icon sheet's badges. */
export const appIconList = directive(AppIconListDirective);
