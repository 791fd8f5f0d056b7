import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  fieldStyles,
  css`
    form {
      display: grid;
      gap: var(--customer-form-gap, ${tokens.spaceM});
      max-inline-size: var(--customer-form-max-inline-size, 32rem);
    }
    .field {
      display: grid;
      gap: ${tokens.spaceXs};
    }
    label {
      font-weight: ${tokens.fontWeightStrong};
    }
    .help,
    .field-error,
    .form-error {
      margin: 0;
      font-size: ${tokens.fontSizeSmall};
    }
    .help {
      color: ${tokens.colorTextMuted};
    }
    /* A leading mark, so an error reads without colour too. */
    .field-error,
    .form-error {
      color: ${tokens.colorDanger};
    }
    .field-error::before,
    .form-error::before {
      content: '! ';
      font-weight: ${tokens.fontWeightStrong};
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
  `,
];
