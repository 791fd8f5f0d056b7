/**
 * A popover as a reactive controller: the host renders an anchor (the button that opens it) and a
 * panel, and asks the controller to open or close it. While it is open the panel sits in the top
 * layer (the Popover API, so no ancestor's `overflow` clips it) and stays next to the anchor: it is
 * placed again whenever something could move either (a scroll of any ancestor, shadow roots
 * crossed; a resize of the window, the anchor, the panel or the page). Those listeners live only
 * while it is open and are removed on close and when the host leaves the document. Escape and a
 * click outside close it; focus goes back to the anchor.
 *
 * The geometry is popover-position.ts, in place of Floating UI (see why there).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, focusIsLost } from './deep-active-element.js';
import { MIN_PANEL_SIZE, popoverPosition, popoverSide, roomBeside, type PopoverPlacement } from './popover-position.js';

export interface PopoverOptions {
  /** Where the panel goes relative to its anchor; `-start` follows the writing direction. */
  placement?: PopoverPlacement;
  /** Called after the popover closed, for whatever reason. */
  onClose?: (id: string, reason: PopoverCloseReason) => void;
}

export type PopoverCloseReason = 'escape' | 'outside' | 'focus-left' | 'programmatic';

type Host = ReactiveControllerHost & HTMLElement;

function supportsPopoverApi(panel: HTMLElement): boolean {
  return typeof panel.showPopover === 'function';
}

export class PopoverController implements ReactiveController {
  /** The id the host gave the open popover, or null when none is open. */
  openId: string | null = null;

  private readonly host: Host;
  private readonly options: PopoverOptions;
  private anchor: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(host: Host, options: PopoverOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  isOpen(id?: string): boolean {
    return id === undefined ? this.openId !== null : this.openId === id;
  }

  /**
   * Shows `panel` next to `anchor`. Any other popover of this controller closes first. Resolves
   * once the panel is placed and visible: the moment the host may move focus into it.
   */
  open(id: string, anchor: HTMLElement, panel: HTMLElement): Promise<void> {
    if (this.openId === id) return Promise.resolve();
    if (this.openId !== null) this.close({ returnFocus: false });
    this.openId = id;
    this.anchor = anchor;
    this.panel = panel;
    // Until the first position lands the panel would flash at the viewport's corner.
    panel.style.visibility = 'hidden';
    if (supportsPopoverApi(panel)) {
      if (!panel.matches(':popover-open')) panel.showPopover();
    } else {
      panel.hidden = false;
    }
    // Placed (and so visible, able to take focus) before this returns.
    this.stopFollowing = followAnchor(anchor, panel, () => this.position());
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    document.addEventListener('focusin', this.onDocumentFocusIn, true);
    document.addEventListener('keydown', this.onDocumentKeyDown, true);
    this.host.requestUpdate();
    return Promise.resolve();
  }

  /** Opens the popover, or closes it (focus back on the anchor) when it is the one open. */
  toggle(id: string, anchor: HTMLElement, panel: HTMLElement): Promise<void> {
    if (this.openId !== id) return this.open(id, anchor, panel);
    this.close({ returnFocus: true });
    return Promise.resolve();
  }

  close({ returnFocus = true, reason = 'programmatic' }: { returnFocus?: boolean; reason?: PopoverCloseReason } = {}): void {
    const { openId, anchor, panel } = this;
    if (openId === null || !panel) return;
    this.stopFollowing?.();
    this.stopFollowing = null;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    document.removeEventListener('focusin', this.onDocumentFocusIn, true);
    document.removeEventListener('keydown', this.onDocumentKeyDown, true);
    const focusWasInside = containsDeep(panel, deepActiveElement());
    if (supportsPopoverApi(panel)) {
      if (panel.matches(':popover-open')) panel.hidePopover();
    } else {
      panel.hidden = true;
    }
    this.openId = null;
    this.anchor = null;
    this.panel = null;
    if (anchor && (returnFocus || (focusWasInside && focusIsLost()))) anchor.focus();
    this.host.requestUpdate();
    this.options.onClose?.(openId, reason);
  }

  hostDisconnected(): void {
    this.close({ returnFocus: false });
  }

  private position(): void {
    const { anchor, panel } = this;
    if (!anchor || !panel) return;
    const placement = this.options.placement ?? 'bottom-start';
    // The viewport without its scrollbars.
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const anchorBox = anchor.getBoundingClientRect();
    const side = popoverSide(anchorBox, panel.getBoundingClientRect(), placement, viewport);
    const room = roomBeside(anchorBox, side, viewport);
    panel.style.maxHeight = `${Math.max(MIN_PANEL_SIZE.height, room.height)}px`;
    panel.style.maxWidth = `${Math.max(MIN_PANEL_SIZE.width, room.width)}px`;
    const rtl = getComputedStyle(panel).direction === 'rtl';
    const { x, y } = popoverPosition(anchorBox, panel.getBoundingClientRect(), placement, side, rtl, viewport);
    Object.assign(panel.style, { left: `${x}px`, top: `${y}px`, visibility: '' });
  }

  private isInside(event: Event): boolean {
    const path = event.composedPath();
    return (this.panel !== null && path.includes(this.panel)) || (this.anchor !== null && path.includes(this.anchor));
  }

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (this.isInside(event)) return;
    const anchor = this.anchor;
    this.close({ returnFocus: false, reason: 'outside' });
    // A click on something focusable keeps its focus; a click on empty page would drop focus on
    // <body>, so it goes back to the anchor once the browser has moved it.
    setTimeout(() => {
      if (anchor?.isConnected && focusIsLost()) anchor.focus();
    });
  };

  private readonly onDocumentFocusIn = (event: FocusEvent): void => {
    // Tabbing out of the panel closes it without pulling focus back.
    if (!this.isInside(event)) this.close({ returnFocus: false, reason: 'focus-left' });
  };

  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Escape belongs to the popover while it is open: not to a search field or a dialog around it.
    event.preventDefault();
    event.stopPropagation();
    this.close({ returnFocus: true, reason: 'escape' });
  };
}

function containsDeep(root: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === root) return true;
  }
  return false;
}

/**
 * Calls `update` now and whenever the anchor or the panel may have moved or changed size, until the
 * returned function is called. Scroll events do not cross shadow roots, so every ancestor of the
 * anchor listens, up through each shadow host to the window.
 */
function followAnchor(anchor: HTMLElement, panel: HTMLElement, update: () => void): () => void {
  const scrollers: EventTarget[] = [window];
  for (let n: Node | null = anchor.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n instanceof Element) scrollers.push(n);
  }
  for (const target of scrollers) target.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update);
  // Its first call, right after observe(), places the panel once more: harmless.
  const resizes = new ResizeObserver(() => update());
  for (const element of [anchor, panel, document.documentElement]) resizes.observe(element);
  update();
  return () => {
    for (const target of scrollers) target.removeEventListener('scroll', update);
    window.removeEventListener('resize', update);
    resizes.disconnect();
  };
}
