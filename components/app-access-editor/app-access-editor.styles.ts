import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { appIconStyles } from '../shared/app-icon.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  appIconStyles,
  dialogStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${tokens.spaceS};
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    p {
      margin: 0;
    }
    .base > * + * {
      margin-block-start: ${tokens.spaceS};
    }
    .status {
      font-weight: ${tokens.fontWeightStrong};
    }
    .note,
    .help {
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
      max-inline-size: 40rem;
    }
    .warning,
    .note.warning {
      color: ${tokens.colorWarning};
    }
    .button[aria-disabled='true'] {
      border-color: ${tokens.colorBorderStrong};
      background: ${tokens.colorSurfaceRaised};
      color: ${tokens.colorTextMuted};
      cursor: not-allowed;
    }
    .button.small {
      min-block-size: 28px;
      padding-inline: ${tokens.spaceS};
      font-size: ${tokens.fontSizeSmall};
    }
    .message.error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
      color: ${tokens.colorDanger};
    }
    .skeleton {
      block-size: 40px;
      border-radius: ${tokens.radius};
      background: ${tokens.colorSkeleton};
      animation: shimmer 1.2s ease-in-out infinite alternate;
    }
    @keyframes shimmer {
      to {
        opacity: 0.5;
      }
    }

    .apps {
      max-block-size: var(--app-access-editor-apps-block-size, 12rem);
      overflow: auto;
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
    }
    .apps ul {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceXs} ${tokens.spaceM};
      margin: 0;
      padding: ${tokens.spaceS};
      list-style: none;
    }
    .app {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      min-inline-size: 0;
    }

    /* An app without an icon shows its initials (the badge itself: shared/app-icon.styles.ts). */
    .app-icon[data-initials]::before {
      content: attr(data-initials);
    }

    /* The dialog fits the viewport: the checklist gives up height first, the actions stay in view. */
    dialog {
      inline-size: min(var(--app-access-editor-dialog-inline-size, 36rem), calc(100vw - 2rem));
      max-block-size: calc(100dvh - 2rem);
    }
    dialog[open] {
      display: flex;
      flex-direction: column;
    }
    .dialog-body {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-block-size: 0;
    }
    .dialog-content {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-block-size: 0;
      overflow: auto;
      /* Room for the focus ring of the fields at its edges. */
      padding: ${tokens.focusRingWidth};
    }
    .dialog-content > *,
    .dialog-footer {
      flex: none;
    }
    .dialog-content > * + *,
    .dialog-footer > * + * {
      margin-block-start: ${tokens.spaceM};
    }
    .dialog-footer {
      padding-block-start: ${tokens.spaceS};
    }
    .dialog-content > .picker {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-block-size: 10rem;
    }
    .picker > * {
      flex: none;
    }
    fieldset {
      margin-inline: 0;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      margin-block-end: ${tokens.spaceXs};
      font-weight: ${tokens.fontWeightStrong};
    }
    .mode-option {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: ${tokens.spaceS};
      align-items: baseline;
      padding-block: ${tokens.spaceXs};
    }
    .mode-option .help {
      grid-column: 2;
    }
    input[type='radio'],
    input[type='checkbox'] {
      margin: 0;
      accent-color: ${tokens.colorAccent};
    }
    .search {
      display: flex;
      flex-direction: column;
      gap: ${tokens.spaceXs};
    }
    .input {
      min-block-size: 32px;
      padding-inline: ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font: inherit;
    }
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
      margin-block: ${tokens.spaceS};
    }
    .count {
      margin-inline-start: auto;
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .picker > .checklist {
      flex: 1 1 auto;
      min-block-size: 4.5rem;
      max-block-size: var(--app-access-editor-checklist-block-size, 20rem);
      overflow: auto;
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
    }
    .option {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      min-block-size: 36px;
      padding-inline: ${tokens.spaceS};
      cursor: pointer;
      /* A long catalogue: rows out of view are neither laid out nor painted. */
      content-visibility: auto;
      contain-intrinsic-size: auto 36px;
    }
    .option[hidden] {
      display: none;
    }
    .option:hover {
      background: ${tokens.colorSurfaceHover};
    }
    .option:has(input:checked) {
      background: ${tokens.colorSurfaceSelected};
    }
    .option:has(input:focus-visible) {
      outline: ${tokens.focusRingWidth} solid ${tokens.colorFocusRing};
      outline-offset: calc(-1 * ${tokens.focusRingWidth});
    }
    .option input:focus-visible {
      outline: none;
    }
    .empty {
      padding: ${tokens.spaceS};
      color: ${tokens.colorTextMuted};
    }
    .summary {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .summary ul {
      margin: ${tokens.spaceXs} 0 0;
      padding-inline-start: ${tokens.spaceL};
    }
    .summary h3 {
      font-size: ${tokens.fontSize};
    }
    .conflict,
    .confirm {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.colorWarningFill};
      border-radius: ${tokens.radius};
    }
    .conflict > * + *,
    .confirm > * + * {
      margin-block-start: ${tokens.spaceS};
    }
    .error {
      color: ${tokens.colorDanger};
    }
  `,
];
