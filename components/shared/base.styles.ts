/**
 * Styles every element of the kit starts from: box sizing, the kit's font and colours from the
 * tokens, `[hidden]`, a visible focus ring, a visually-hidden helper, plain buttons, and the dark
 * token set when the element itself carries `data-theme="dark"`.
 */
import { css, unsafeCSS } from 'lit';
import { DARK_TOKENS, LIGHT_TOKENS, tokenDeclarations, tokens } from './tokens.js';

export const baseStyles = css`
  :host {
    box-sizing: border-box;
    display: block;
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: ${tokens.lineHeight};
    color: ${tokens.colorText};
  }
  :host([data-theme='light']) {
    ${unsafeCSS(tokenDeclarations(LIGHT_TOKENS))}
    color-scheme: light;
  }
  :host([data-theme='dark']) {
    ${unsafeCSS(tokenDeclarations(DARK_TOKENS))}
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* border-box outright, not "inherit" from the host: explicitly inheriting a property that is not
     inherited by default keeps Chrome from sharing computed styles between elements (its
     matched-properties cache), so every cell of every recycled row was restyled from scratch, and
     a scrollbar drag's style recalculation grew from burst to burst (6.6-19 ms a frame, now under
     2 ms, flat). Nothing in the kit sets content-box for its children to inherit. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: ${tokens.focusRingWidth} solid ${tokens.colorFocusRing};
    outline-offset: calc(-1 * ${tokens.focusRingWidth});
  }
  /* The browser's placeholder grey (#757575) is 3.86:1 on the dark surface: use the muted text
     colour, which meets 4.5:1 in both themes. */
  ::placeholder {
    color: ${tokens.colorTextMuted};
    opacity: 1;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: ${tokens.spaceXs};
    min-block-size: 32px;
    padding-block: ${tokens.spaceXs};
    padding-inline: ${tokens.spaceM};
    border: 1px solid ${tokens.colorBorderStrong};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    font: inherit;
    cursor: pointer;
  }
  .button:hover {
    background: ${tokens.colorSurfaceHover};
  }
  .button.primary {
    border-color: ${tokens.colorAccent};
    background: ${tokens.colorAccent};
    color: ${tokens.colorAccentText};
  }
  .button:focus-visible {
    outline-offset: 2px;
  }
  /* A button that reads as a link (Clear all, Dismiss, Back to customers). */
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: ${tokens.colorAccent};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  /* The busy mark inside a button while it sends. */
  .spinner {
    inline-size: 12px;
    block-size: 12px;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* Reduced motion stops animations outright: shortening an infinite one to 0.01 ms (the usual
     recipe) turns the skeleton's shimmer into a strobe. A stopped spinner still reads as busy
     beside the button's busy label. Transitions run once, so shortening them is enough. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
