import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { figureStyles } from '../shared/figures.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  dialogStyles,
  figureStyles,
  css`
    /* A sentence with figures takes its direction from its own words: an English one on a
       right-to-left page keeps "4,046 tasks, 12 connections" in that order, a translated one
       reads right to left; its figures are .figure (shared/figures.ts). */
    .sentence {
      unicode-bidi: plaintext;
    }
    .base {
      display: grid;
      gap: var(--plan-settings-gap, ${tokens.spaceL});
      max-inline-size: var(--plan-settings-max-inline-size, 48rem);
    }
    p {
      margin: 0;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS} ${tokens.spaceXl};
      margin: 0;
    }
    .summary dt {
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .summary dd {
      margin: 0;
    }
    [part~='plan-name'] {
      font-weight: ${tokens.fontWeightStrong};
    }
    /* Words and an outline, so the status reads without colour too. */
    .badge {
      display: inline-block;
      padding: 0 ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: 999px;
      background: var(--plan-settings-badge-background, ${tokens.colorBadgeBackground});
      font-size: ${tokens.fontSizeSmall};
      white-space: nowrap;
    }
    .badge.active {
      border-color: ${tokens.colorSuccess};
    }
    .badge.trial {
      border-color: ${tokens.colorAccent};
    }
    .badge.expired {
      border-color: ${tokens.colorWarning};
    }
    .section {
      display: grid;
      gap: ${tokens.spaceS};
      padding-block-start: ${tokens.spaceM};
      border-block-start: 1px solid ${tokens.colorBorder};
    }
    h4 {
      margin: 0;
      font-size: 1rem;
    }
    fieldset {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      margin-block-end: ${tokens.spaceXs};
      padding: 0;
      font-weight: ${tokens.fontWeightStrong};
    }
    .option {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${tokens.spaceXs} ${tokens.spaceS};
      padding: ${tokens.spaceXs} ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      cursor: pointer;
    }
    .option.checked {
      border-color: ${tokens.colorAccent};
      background: var(--plan-settings-option-selected-background, ${tokens.colorSurfaceSelected});
    }
    fieldset:disabled .option {
      cursor: default;
    }
    .option input {
      margin: 0;
      align-self: center;
    }
    .option-name {
      font-weight: ${tokens.fontWeightStrong};
    }
    .option-limits {
      margin-inline-start: auto;
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .tag {
      display: inline-block;
      padding: 0 ${tokens.spaceXs};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radiusSmall};
      font-size: ${tokens.fontSizeSmall};
      font-weight: normal;
    }
    .tag.unsaved {
      border-color: ${tokens.colorWarning};
      color: ${tokens.colorWarning};
      margin-inline-end: ${tokens.spaceXs};
    }
    .note {
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .note.reason,
    .note.expired {
      display: grid;
      gap: ${tokens.spaceXs};
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-inline-start: 3px solid ${tokens.colorWarning};
      background: ${tokens.colorSurfaceRaised};
      color: ${tokens.colorText};
      font-size: inherit;
    }
    .preview {
      display: grid;
      gap: ${tokens.spaceXs};
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px dashed ${tokens.colorBorderStrong};
      border-radius: ${tokens.radius};
    }
    .overruns,
    .outcome ul,
    [part~='overruns'] {
      margin: 0;
      padding-inline-start: ${tokens.spaceL};
    }
    .overruns {
      color: ${tokens.colorDanger};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }
    .trial-action {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: ${tokens.spaceXs} ${tokens.spaceM};
    }
    .trial-action [role='status'] {
      grid-column: 2;
    }
    .button[aria-disabled='true'] {
      border-color: ${tokens.colorBorderStrong};
      background: ${tokens.colorSurfaceRaised};
      color: ${tokens.colorTextMuted};
      cursor: not-allowed;
    }
    .outcome {
      display: grid;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.colorBorder};
      border-inline-start-width: 3px;
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .outcome:focus-visible,
    .outcome:focus {
      outline: ${tokens.focusRingWidth} solid ${tokens.colorFocusRing};
      outline-offset: 2px;
    }
    .outcome.done {
      border-inline-start-color: ${tokens.colorSuccess};
    }
    .outcome.conflict {
      border-inline-start-color: ${tokens.colorWarning};
    }
    .outcome.error {
      border-inline-start-color: ${tokens.colorDanger};
    }
    .outcome.error p {
      color: ${tokens.colorDanger};
    }
    .outcome-title {
      font-weight: ${tokens.fontWeightStrong};
    }
    .message {
      color: ${tokens.colorTextMuted};
    }
    .message.error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
      color: ${tokens.colorDanger};
    }
    .skeletons {
      display: grid;
      gap: ${tokens.spaceS};
    }
    .skeleton {
      block-size: 2rem;
      border-radius: ${tokens.radiusSmall};
      background: ${tokens.colorSkeleton};
    }
  `,
];
