/**
 * A popover as a reactive controller: the host renders an anchor (the button that opens it) and a
 * panel, and asks the controller to open or close it. While it is open the panel sits in the top
 * layer (the Popover API, so no ancestor's `overflow` clips it) and Floating UI keeps it next to the
 * anchor; `autoUpdate` runs only while open and is cleaned up on close and when the host leaves the
 * document. Escape (pressed in the panel or on its anchor) and a click outside close it; focus goes
 * back to the anchor. Focus leaving the panel closes it too: that is heard on the panel and the
 * anchor themselves (`focusout`), because a focus move inside a shadow tree never reaches
 * `document` as a `focusin`.
 *
 * Floating UI is loaded on first use, not with the element: the controller starts loading it when
 * a pointer comes over the host or focus comes into it (so it is there by the time a trigger is
 * clicked or pressed). A popover opened before it has arrived is placed at once by
 * `firstPosition` (the same offset, flip, shift and size), visible and ready for focus, and Floating
 * UI follows the anchor from the moment it loads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { deepActiveElement, focusIsLost } from './deep-active-element.js';
import { firstPosition, MIN_PANEL_HEIGHT, MIN_PANEL_WIDTH, POPOVER_GAP, VIEWPORT_PADDING } from './popover-first-position.js';

type FloatingUi = typeof import('./floating-ui.js');

let floatingUi: FloatingUi | null = null;
let loading: Promise<FloatingUi> | null = null;

/** Loads Floating UI once; a failed load is forgotten, so the next open tries again. */
function loadFloatingUi(): Promise<FloatingUi> {
  loading ??= import('./floating-ui.js').then(
    (module) => (floatingUi = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

let preloaded = false;

/**
 * Starts loading Floating UI, once: a preload that failed (offline) is not tried again on every
 * pointer move; opening a popover tries again.
 */
function preloadFloatingUi(): void {
  if (preloaded) return;
  preloaded = true;
  loadFloatingUi().catch(() => undefined);
}

export interface PopoverOptions {
  /** Where the panel goes relative to its anchor; `-start` follows the writing direction. */
  placement?: Extract<Placement, `top${string}` | `bottom${string}`>;
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
  private stopAutoUpdate: (() => void) | null = null;

  constructor(host: Host, options: PopoverOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerover', preloadFloatingUi);
    this.host.addEventListener('focusin', preloadFloatingUi);
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
    const positioned = floatingUi ? this.follow(floatingUi) : this.placeFirst(anchor, panel);
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    document.addEventListener('focusin', this.onDocumentFocusIn, true);
    document.addEventListener('keydown', this.onDocumentKeyDown, true);
    panel.addEventListener('focusout', this.onFocusOut);
    anchor.addEventListener('focusout', this.onFocusOut);
    this.host.requestUpdate();
    return positioned;
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
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    document.removeEventListener('focusin', this.onDocumentFocusIn, true);
    document.removeEventListener('keydown', this.onDocumentKeyDown, true);
    panel.removeEventListener('focusout', this.onFocusOut);
    anchor?.removeEventListener('focusout', this.onFocusOut);
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
    this.host.removeEventListener('pointerover', preloadFloatingUi);
    this.host.removeEventListener('focusin', preloadFloatingUi);
    this.close({ returnFocus: false });
  }

  /**
   * Keeps the open panel next to its anchor with Floating UI's `autoUpdate`, and resolves once the
   * first position has landed: until then a panel opened with Floating UI loaded is invisible, and
   * an invisible element cannot take focus.
   */
  private follow(ui: FloatingUi): Promise<void> {
    const { anchor, panel } = this;
    if (!anchor || !panel) return Promise.resolve();
    let positioned: Promise<void> | undefined;
    this.stopAutoUpdate = ui.autoUpdate(anchor, panel, () => {
      const run = this.position(ui);
      positioned ??= run;
    });
    return positioned ?? this.position(ui);
  }

  /**
   * Places the panel at once, before Floating UI has loaded (popover-first-position.ts), and hands
   * it to Floating UI when that arrives. Resolves at once: the panel is visible.
   */
  private placeFirst(anchor: HTMLElement, panel: HTMLElement): Promise<void> {
    const { x, y, maxWidth, maxHeight } = firstPosition(
      anchor.getBoundingClientRect(),
      panel.getBoundingClientRect(),
      this.options.placement ?? 'bottom-start',
      getComputedStyle(panel).direction === 'rtl',
      { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    );
    Object.assign(panel.style, { left: `${x}px`, top: `${y}px`, maxWidth: `${maxWidth}px`, maxHeight: `${maxHeight}px`, visibility: '' });
    loadFloatingUi().then(
      (ui) => {
        // Still open, and not followed yet by a later open.
        if (this.panel === panel && !this.stopAutoUpdate) void this.follow(ui);
      },
      // Without Floating UI the panel stays where firstPosition put it.
      () => undefined,
    );
    return Promise.resolve();
  }

  private async position({ computePosition, flip, offset, shift, size }: FloatingUi): Promise<void> {
    const { anchor, panel } = this;
    if (!anchor || !panel) return;
    const { x, y } = await computePosition(anchor, panel, {
      strategy: 'fixed',
      placement: this.options.placement ?? 'bottom-start',
      middleware: [
        offset(POPOVER_GAP),
        flip({ padding: VIEWPORT_PADDING }),
        shift({ padding: VIEWPORT_PADDING }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableHeight, availableWidth, elements }) {
            elements.floating.style.maxHeight = `${Math.max(MIN_PANEL_HEIGHT, availableHeight)}px`;
            elements.floating.style.maxWidth = `${Math.max(MIN_PANEL_WIDTH, availableWidth)}px`;
          },
        }),
      ],
    });
    // The popover may have closed while the position was computed.
    if (this.panel !== panel) return;
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

  private readonly onFocusOut = (event: FocusEvent): void => {
    // relatedTarget is where focus goes, retargeted into the panel's tree; null when it goes nowhere
    // (the window lost focus, or a click on empty page, which the pointerdown handler decides).
    const next = event.relatedTarget;
    if (!(next instanceof Node)) return;
    const { panel, anchor } = this;
    if ((panel && containsDeep(panel, next)) || (anchor && containsDeep(anchor, next))) return;
    this.close({ returnFocus: false, reason: 'focus-left' });
  };

  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Only an Escape pressed in the panel or on its anchor is the popover's; one pressed elsewhere
    // (the grid, a dialog) belongs to what it was pressed in.
    if (!this.isInside(event)) return;
    // Inside, Escape belongs to the popover: not to a search field or a dialog around it.
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
