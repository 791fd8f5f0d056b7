import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: inline-block;
    }
    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceXs} ${tokens.spaceM};
    }
    .button[aria-disabled='true'] {
      border-color: ${tokens.colorBorderStrong};
      background: ${tokens.colorSurfaceRaised};
      color: ${tokens.colorTextMuted};
      cursor: not-allowed;
    }
    .note {
      margin: 0;
      max-inline-size: var(--customer-switch-button-note-max-inline-size, 28rem);
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .note.error {
      color: ${tokens.colorDanger};
    }
  `,
];
