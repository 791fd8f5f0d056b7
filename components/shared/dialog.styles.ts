import { css } from 'lit';
import { tokens } from './tokens.js';

/** A native modal `<dialog>` with one content wrapper, so backdrop clicks are told apart. */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: 0;
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    box-shadow: var(--customers-console-shadow-dialog, 0 24px 48px rgb(16 24 40 / 0.28));
  }
  dialog::backdrop {
    background: var(--customers-console-color-backdrop, rgb(16 24 40 / 0.45));
  }
  .dialog-body {
    padding: ${tokens.spaceL} ${tokens.spaceXl};
  }
  .dialog-body h2 {
    margin: 0 0 ${tokens.spaceS};
    font-size: 1.125rem;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: ${tokens.spaceS};
    margin-block-start: ${tokens.spaceL};
  }
`;
