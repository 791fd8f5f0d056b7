import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  dialogStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--customer-console-gap, ${tokens.spaceL});
      background: ${tokens.colorSurface};
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${tokens.spaceM};
    }
    .title {
      margin: 0;
      font-size: 1.25rem;
      font-weight: ${tokens.fontWeightStrong};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS};
    }
    .add svg {
      inline-size: 14px;
      block-size: 14px;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 ${tokens.spaceS};
      margin: 0;
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.colorBorder};
      border-inline-start: 3px solid ${tokens.colorWarningFill};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
      color: ${tokens.colorText};
      font-size: ${tokens.fontSizeSmall};
    }
    .notice p {
      margin: 0;
    }
    .notice ul {
      flex-basis: 100%;
      order: 1;
      margin: ${tokens.spaceXs} 0 0;
      padding-inline-start: ${tokens.spaceL};
    }
    .link-button {
      padding: 0;
      border: 0;
      background: transparent;
      color: ${tokens.colorAccent};
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
];
