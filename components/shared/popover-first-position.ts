/**
 * Where a popover panel goes on its first open, before Floating UI has loaded (popover.ts loads it
 * on first use): the same offset, flip, shift and size that the controller asks Floating UI for, in
 * one pass over viewport-relative boxes (the panel is `position: fixed` in the top layer). Floating
 * UI takes over as soon as it arrives; should its chunk fail to load, the panel stays here.
 */
import type { Placement } from '@floating-ui/dom';

/** Space between anchor and panel. */
export const POPOVER_GAP = 6;
/** The panel keeps this far from the viewport's edges. */
export const VIEWPORT_PADDING = 8;
/** A panel is never capped below this, even with little room: scrolling the page then shows it. */
export const MIN_PANEL_HEIGHT = 160;
export const MIN_PANEL_WIDTH = 200;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface FirstPosition {
  x: number;
  y: number;
  maxWidth: number;
  maxHeight: number;
}

/**
 * The panel's top-left corner and its caps. It goes to the placement's side of the anchor, or to the
 * opposite side when it does not fit there and overflows the opposite side less; `-start`/`-end`
 * follow the writing direction; it slides along the anchor to stay inside the viewport.
 */
export function firstPosition(
  anchor: Box,
  panel: { width: number; height: number },
  placement: Placement,
  rtl: boolean,
  viewport: { width: number; height: number },
): FirstPosition {
  const [side, alignment] = placement.split('-') as [string, string | undefined];
  const roomBelow = viewport.height - VIEWPORT_PADDING - (anchor.top + anchor.height + POPOVER_GAP);
  const roomAbove = anchor.top - POPOVER_GAP - VIEWPORT_PADDING;
  const [preferred, other] = side === 'top' ? [roomAbove, roomBelow] : [roomBelow, roomAbove];
  const flipped = panel.height > preferred && panel.height - other < panel.height - preferred;
  const below = (side === 'top') === flipped;
  const maxHeight = Math.max(MIN_PANEL_HEIGHT, below ? roomBelow : roomAbove);
  const height = Math.min(panel.height, maxHeight);
  const maxWidth = Math.max(MIN_PANEL_WIDTH, viewport.width - 2 * VIEWPORT_PADDING);
  const width = Math.min(panel.width, maxWidth);
  const leftEdge = alignment === undefined ? null : (alignment === 'start') !== rtl;
  const x = leftEdge === null ? anchor.left + (anchor.width - width) / 2 : leftEdge ? anchor.left : anchor.left + anchor.width - width;
  return {
    x: Math.max(VIEWPORT_PADDING, Math.min(x, viewport.width - VIEWPORT_PADDING - width)),
    y: below ? anchor.top + anchor.height + POPOVER_GAP : anchor.top - POPOVER_GAP - height,
    maxWidth,
    maxHeight,
  };
}
