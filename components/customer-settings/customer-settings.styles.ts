import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  dialogStyles,
  fieldStyles,
  css`
    .base {
      display: grid;
      gap: var(--customer-settings-gap, ${tokens.spaceL});
      max-inline-size: var(--customer-settings-max-inline-size, 48rem);
    }
    .section {
      display: grid;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: var(--customer-settings-section-background, ${tokens.colorSurface});
    }
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
      margin: 0;
      font-size: 1rem;
    }
    h4 {
      margin: ${tokens.spaceS} 0 0;
      font-size: ${tokens.fontSize};
      font-weight: ${tokens.fontWeightStrong};
    }
    p {
      margin: 0;
    }
    .badge {
      display: inline-block;
      padding: 0 ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: 999px;
      background: var(--customer-settings-badge-background, ${tokens.colorBadgeBackground});
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
    }
    .badge.unsaved {
      border-color: ${tokens.colorWarning};
      color: ${tokens.colorWarning};
    }
    .badge.unsaved::before {
      content: '● ';
    }
    .field {
      display: grid;
      gap: ${tokens.spaceXs};
    }
    label,
    .label {
      font-weight: ${tokens.fontWeightStrong};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }
    .row .input {
      flex: 1 1 16rem;
      inline-size: auto;
    }
    .help,
    .warning,
    .field-error,
    .section-error,
    .status {
      font-size: ${tokens.fontSizeSmall};
    }
    .help {
      color: ${tokens.colorTextMuted};
    }
    .warning {
      color: ${tokens.colorWarning};
    }
    .warning::before {
      content: '⚠ ';
    }
    .field-error,
    .section-error,
    .status.error {
      color: ${tokens.colorDanger};
    }
    .field-error::before,
    .section-error::before {
      content: '! ';
      font-weight: ${tokens.fontWeightStrong};
    }
    .rejected::before {
      content: none;
    }
    .rejected ul,
    .origin-list,
    .csp-list,
    .conflict ul {
      margin: 0;
      padding-inline-start: ${tokens.spaceL};
    }
    .origin-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: ${tokens.spaceXs};
    }
    .origin {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${tokens.spaceS};
    }
    .origin .field-error {
      flex-basis: 100%;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.95em;
      overflow-wrap: anywhere;
    }
    .inherited,
    .csp,
    .origin-warning {
      display: grid;
      gap: ${tokens.spaceXs};
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .inherited {
      border-inline-start: 3px solid ${tokens.colorBorderStrong};
    }
    .origin-warning {
      border: 1px solid ${tokens.colorWarning};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.75;
    }
    .button[aria-busy='true'] {
      cursor: progress;
    }
    .conflict {
      border: 2px solid ${tokens.colorWarning};
    }
    .choice {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
    }
    .choice legend {
      font-weight: ${tokens.fontWeightStrong};
    }
    .radio {
      display: flex;
      gap: ${tokens.spaceS};
      align-items: baseline;
      font-weight: normal;
      overflow-wrap: anywhere;
    }
    .danger {
      border-color: var(--customer-settings-danger-border-color, ${tokens.colorDanger});
    }
    .danger-button {
      border-color: ${tokens.colorDanger};
      color: ${tokens.colorDanger};
    }
    .button.danger-fill {
      border-color: ${tokens.colorDanger};
      background: ${tokens.colorDanger};
      color: ${tokens.colorAccentText};
    }
    .history-list {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      padding-inline-start: ${tokens.spaceL};
    }
    .history-entry:focus-visible {
      outline-offset: 2px;
    }
    time {
      color: ${tokens.colorTextMuted};
    }
    .message.error {
      display: grid;
      gap: ${tokens.spaceS};
      justify-items: start;
      color: ${tokens.colorDanger};
    }
    .notice {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-inline-start: 3px solid ${tokens.colorAccent};
      background: ${tokens.colorSurfaceRaised};
    }
    .slot {
      display: contents;
    }
    /* What the page slots in (plan-settings, app-access-editor) is framed like the sections around it. */
    ::slotted([slot='plan']),
    ::slotted([slot='app-access']) {
      box-sizing: border-box;
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: var(--customer-settings-section-background, ${tokens.colorSurface});
    }
    .user-id-value {
      font-size: 1rem;
    }
  `,
];
