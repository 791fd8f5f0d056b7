/**
 * Where a popover panel goes: the geometry PopoverController needs, as pure functions of
 * viewport-relative boxes (the panel is `position: fixed` in the top layer, so the viewport is the
 * only box that clips it).
 *
 * It does for our one case what Floating UI's `offset` + `flip` + `shift` + `size` did, at a
 * small fraction of the bytes (Floating UI was 7 KB gzip of a 50 KB budget): the panel sits `GAP` away
 * from its anchor on the preferred side, goes to the other side when it fits there better, is
 * capped to the room left on that side, and slides along the anchor to stay `PADDING` inside the
 * viewport.
 */

/** `-start`/`-end` follow the writing direction, like `inset-inline-start`. */
export type PopoverPlacement = `${'top' | 'bottom'}${'' | '-start' | '-end'}`;
export type PopoverSide = 'top' | 'bottom';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

export const POPOVER_GAP = 6;
export const VIEWPORT_PADDING = 8;
/** A panel is never capped below this, even with little room: scrolling the page then shows it. */
export const MIN_PANEL_SIZE: Size = { width: 200, height: 160 };

/** The room left for the panel on a side of the anchor (gap and viewport padding taken off). */
export function roomBeside(anchor: Box, side: PopoverSide, viewport: Size): Size {
  const height =
    side === 'bottom'
      ? viewport.height - VIEWPORT_PADDING - (anchor.top + anchor.height + POPOVER_GAP)
      : anchor.top - POPOVER_GAP - VIEWPORT_PADDING;
  return { width: viewport.width - 2 * VIEWPORT_PADDING, height };
}

/**
 * The side the panel goes: the placement's own side when the panel fits there; otherwise the
 * opposite side when it fits there, or when it overflows there by less.
 */
export function popoverSide(anchor: Box, panel: Size, placement: PopoverPlacement, viewport: Size): PopoverSide {
  const preferred: PopoverSide = placement.startsWith('top') ? 'top' : 'bottom';
  const other: PopoverSide = preferred === 'top' ? 'bottom' : 'top';
  const overflow = (side: PopoverSide) => panel.height - roomBeside(anchor, side, viewport).height;
  return overflow(preferred) > 0 && overflow(other) < overflow(preferred) ? other : preferred;
}

/** The panel's top-left corner on `side`, aligned as `placement` says and kept inside the viewport. */
export function popoverPosition(
  anchor: Box,
  panel: Size,
  placement: PopoverPlacement,
  side: PopoverSide,
  rtl: boolean,
  viewport: Size,
): { x: number; y: number } {
  const y = side === 'bottom' ? anchor.top + anchor.height + POPOVER_GAP : anchor.top - POPOVER_GAP - panel.height;
  const alignment = placement.endsWith('-start') ? 'start' : placement.endsWith('-end') ? 'end' : 'center';
  const leftEdge = alignment === 'center' ? null : (alignment === 'start') !== rtl;
  const x =
    leftEdge === null
      ? anchor.left + (anchor.width - panel.width) / 2
      : leftEdge
        ? anchor.left
        : anchor.left + anchor.width - panel.width;
  // Shift along the anchor to stay inside the viewport; a panel wider than the room starts at its edge.
  const max = viewport.width - VIEWPORT_PADDING - panel.width;
  return { x: Math.max(VIEWPORT_PADDING, Math.min(x, max)), y };
}
