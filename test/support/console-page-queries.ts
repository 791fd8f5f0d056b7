/**
 * What a `<customer-console>` shows on a customer's page, for the console's tests and its stories'
 * tests: found by role, accessible name and documented part, and its children by tag (the console
 * renders them by tag with the properties their APIs promise — never their insides).
 */
import type { CustomerConsole } from '../../components/customer-console/define.js';
import { accessibleName, allByPart, allByRole, byPart, byRole } from './by-role.js';

export function pageOf(el: CustomerConsole): HTMLElement | null {
  return allByPart(el.shadowRoot!, 'customer-page')[0] ?? null;
}

/** The page heading's text: the customer's name, or the not-found or error title. */
export function pageHeading(el: CustomerConsole): string | null {
  const page = pageOf(el);
  const heading = page ? allByRole(page, 'heading')[0] : undefined;
  return heading ? accessibleName(heading) : null;
}

export function pageTabs(el: CustomerConsole): HTMLElement[] {
  const page = pageOf(el);
  return page ? allByRole(page, 'tab') : [];
}

export function pageTab(el: CustomerConsole, name: string): HTMLElement {
  return byRole(pageOf(el)!, 'tab', name);
}

export function selectedTab(el: CustomerConsole): string | null {
  const tab = pageTabs(el).find((t) => t.getAttribute('aria-selected') === 'true');
  return tab ? accessibleName(tab) : null;
}

/** The panel the selected tab controls (`aria-controls`). */
export function selectedPanel(el: CustomerConsole): HTMLElement | null {
  const tab = pageTabs(el).find((t) => t.getAttribute('aria-selected') === 'true');
  return tab ? el.shadowRoot!.getElementById(tab.getAttribute('aria-controls')!) : null;
}

/** The page header's facts as `term → description` ("Tasks used in billing period" → "900 / 1,000 near the limit"). */
export function pageFacts(el: CustomerConsole): Record<string, string> {
  const facts = byPart(pageOf(el)!, 'facts');
  // What is shown: a figure's spoken form (visually hidden, for screen readers) is left out.
  const text = (node: Element) => {
    const shown = node.cloneNode(true) as Element;
    for (const hidden of shown.querySelectorAll('.visually-hidden')) hidden.remove();
    return shown.textContent!.replace(/\s+/g, ' ').trim();
  };
  return Object.fromEntries([...facts.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling!)]));
}

/** What a screen reader hears for a fact's figure ("900 of 1,000 tasks"): its text without what is hidden from it. */
export function spokenFact(el: CustomerConsole, term: string): string {
  const dt = [...byPart(pageOf(el)!, 'facts').querySelectorAll('dt')].find((d) => d.textContent!.trim() === term)!;
  const spoken = dt.nextElementSibling!.cloneNode(true) as Element;
  for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return spoken.textContent!.replace(/\s+/g, ' ').trim();
}

export function backButton(el: CustomerConsole): HTMLElement {
  return byRole(pageOf(el)!, 'button', 'Back to customers');
}

/** The console's polite live region's text. */
export function announcement(el: CustomerConsole): string {
  return el.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
}

/** A child element of the page by tag (`customer-dashboard`, `customer-collaborators`, …). */
export function pageChild<T extends HTMLElement = HTMLElement>(el: CustomerConsole, tag: string): T | null {
  return el.shadowRoot!.querySelector<T>(tag);
}
