/**
 * An app's icon badge (`.app-icon`), as the table's "Connected apps" and the app-access editor draw
 * it: a 24 px square whose background is the app's rule of the icon sheet (app-icon-sheet.ts), or
 * the badge colour with the app's initials when it has no icon.
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

export const appIconStyles = css`
  .app-icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    border-radius: ${tokens.radiusSmall};
    background-color: ${tokens.colorBadgeBackground};
    background-size: cover;
    color: ${tokens.colorText};
    font-size: 10px;
    font-weight: ${tokens.fontWeightStrong};
  }
`;
