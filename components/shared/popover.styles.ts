import { css } from 'lit';
import { tokens } from './tokens.js';

/**
 * Styles for a popover panel rendered with `popover="manual"`: the UA centres popovers with
 * `inset: 0; margin: auto`, which would fight Floating UI's `left`/`top`, so both are reset.
 * The panel stays in the element's tree, so it inherits the tokens, `dir` and the theme.
 */
export const popoverStyles = css`
  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    min-inline-size: 15rem;
    overflow: auto;
    padding: ${tokens.spaceS};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    box-shadow: var(--customers-console-shadow-popover, 0 8px 24px rgb(16 24 40 / 0.18));
    font: inherit;
  }
  .popover[popover]:not(:popover-open),
  .popover[hidden] {
    display: none;
  }
`;
