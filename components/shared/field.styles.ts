/**
 * Text fields as the kit draws them (`.input`): one look for every element with a form — the
 * add-customer form, the settings — a 2 px danger border when `aria-invalid`, a raised background
 * when read-only or disabled.
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

export const fieldStyles = css`
  .input {
    inline-size: 100%;
    min-block-size: 34px;
    padding: ${tokens.spaceXs} ${tokens.spaceS};
    border: 1px solid ${tokens.colorBorderStrong};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
    border-width: 2px;
  }
  .input[readonly],
  .input:disabled {
    background: ${tokens.colorSurfaceRaised};
  }
`;
