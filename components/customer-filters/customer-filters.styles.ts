import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { popoverStyles } from '../shared/popover.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  popoverStyles,
  css`
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }

    .search {
      position: relative;
      display: flex;
      align-items: center;
      flex: 1 1 16rem;
      max-inline-size: var(--customer-filters-search-inline-size, 24rem);
    }
    .search-icon {
      position: absolute;
      inset-inline-start: ${tokens.spaceS};
      inline-size: 16px;
      block-size: 16px;
      color: ${tokens.colorTextMuted};
      pointer-events: none;
    }
    .search input {
      inline-size: 100%;
      min-block-size: 34px;
      padding-block: ${tokens.spaceXs};
      padding-inline: calc(${tokens.spaceS} + 22px) calc(${tokens.spaceS} + 24px);
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font: inherit;
    }
    .search input::-webkit-search-cancel-button {
      appearance: none;
    }
    .search-clear {
      position: absolute;
      inset-inline-end: ${tokens.spaceXs};
    }

    .icon-button {
      display: inline-grid;
      place-items: center;
      inline-size: 26px;
      block-size: 26px;
      padding: 0;
      border: 0;
      border-radius: ${tokens.radiusSmall};
      background: transparent;
      color: ${tokens.colorTextMuted};
      cursor: pointer;
    }
    .icon-button:hover {
      background: ${tokens.colorSurfaceHover};
      color: ${tokens.colorText};
    }
    .close-icon {
      inline-size: 14px;
      block-size: 14px;
      flex: none;
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
      padding: 2px;
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .tab {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      min-block-size: 28px;
      padding-inline: ${tokens.spaceM};
      border: 0;
      border-radius: ${tokens.radiusSmall};
      background: transparent;
      color: ${tokens.colorTextMuted};
      font: inherit;
      cursor: pointer;
    }
    .tab:hover {
      color: ${tokens.colorText};
      background: ${tokens.colorSurfaceHover};
    }
    .tab[aria-checked='true'] {
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font-weight: ${tokens.fontWeightStrong};
      box-shadow: inset 0 -2px 0 ${tokens.colorAccent};
    }
    .count {
      padding-inline: 6px;
      border-radius: 999px;
      background: ${tokens.colorBadgeBackground};
      color: ${tokens.colorText};
      font-size: ${tokens.fontSizeSmall};
      font-variant-numeric: tabular-nums;
      font-weight: normal;
    }
    /* Forced colours drop the selected tab's background and inset shadow and the count's fill: outline
       the selected tab and give the count pill an edge, so neither is left to weight alone. */
    @media (forced-colors: active) {
      .tab[aria-checked='true'] {
        outline: 2px solid Highlight;
        outline-offset: -2px;
      }
      .count {
        border: 1px solid CanvasText;
      }
    }

    .pickers {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS};
    }
    .picker-button {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      min-block-size: 34px;
      padding-inline: ${tokens.spaceM} ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font: inherit;
      cursor: pointer;
    }
    .picker-button:hover {
      background: ${tokens.colorSurfaceHover};
    }
    .picker-button.has-value {
      border-color: ${tokens.colorAccent};
    }
    .picker-value {
      max-inline-size: 12rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: ${tokens.fontWeightStrong};
    }
    .picker-value::before {
      content: '·';
      margin-inline-end: ${tokens.spaceXs};
      font-weight: normal;
    }
    .chevron {
      inline-size: 12px;
      block-size: 12px;
    }
    .picker-button[aria-expanded='true'] .chevron {
      transform: rotate(180deg);
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: ${tokens.spaceS};
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .check,
    .option {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceXs} ${tokens.spaceS};
      border-radius: ${tokens.radiusSmall};
      cursor: pointer;
    }
    .check:hover {
      background: ${tokens.colorSurfaceHover};
    }
    .check input {
      margin: 0;
      accent-color: ${tokens.colorAccent};
    }
    .note {
      margin: ${tokens.spaceXs} ${tokens.spaceS};
      color: ${tokens.colorTextMuted};
    }

    .field {
      inline-size: 100%;
      min-block-size: 32px;
      padding-inline: ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radiusSmall};
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font: inherit;
    }
    .field[aria-invalid='true'] {
      border-color: ${tokens.colorDanger};
    }
    .field-error {
      margin: ${tokens.spaceXs} 0 0;
      color: ${tokens.colorDanger};
      font-size: ${tokens.fontSizeSmall};
    }

    .app-panel {
      inline-size: 18rem;
    }
    .listbox {
      margin: ${tokens.spaceS} 0 0;
      padding: 0;
      list-style: none;
      max-block-size: 16rem;
      overflow: auto;
    }
    .option.active {
      background: ${tokens.colorSurfaceSelected};
      outline: 1px solid ${tokens.colorAccent};
      outline-offset: -1px;
    }
    .option-label {
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .app-icon {
      flex: none;
      inline-size: 20px;
      block-size: 20px;
      border-radius: 5px;
    }
    .app-icon.any,
    .app-icon.placeholder {
      border: 1px dashed ${tokens.colorBorderStrong};
    }
    .check-mark {
      inline-size: 16px;
      block-size: 16px;
      color: ${tokens.colorAccent};
    }

    .joined-panel {
      inline-size: 22rem;
    }
    .presets {
      margin: 0 0 ${tokens.spaceS};
      padding: 0;
      list-style: none;
    }
    .preset {
      display: block;
      inline-size: 100%;
      padding: ${tokens.spaceXs} ${tokens.spaceS};
      border: 0;
      border-radius: ${tokens.radiusSmall};
      background: transparent;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .preset:hover {
      background: ${tokens.colorSurfaceHover};
    }
    .preset[aria-pressed='true'] {
      background: ${tokens.colorSurfaceSelected};
      font-weight: ${tokens.fontWeightStrong};
    }
    .custom-range {
      padding-block-start: ${tokens.spaceS};
      border-block-start: 1px solid ${tokens.colorBorder};
    }
    .date-fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
      gap: ${tokens.spaceS};
    }
    .date-field {
      min-inline-size: 0;
    }
    .date-field label {
      display: block;
      margin-block-end: 2px;
      font-size: ${tokens.fontSizeSmall};
    }
    .apply {
      margin-block-start: ${tokens.spaceS};
    }

    .chips {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceXs} ${tokens.spaceS};
      margin-block-start: ${tokens.spaceS};
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      max-inline-size: min(100%, var(--customer-filters-chip-max-inline-size, 22rem));
      min-block-size: 26px;
      padding-inline: ${tokens.spaceS} 6px;
      border: 1px solid ${tokens.colorBorder};
      border-radius: 999px;
      background: var(--customer-filters-chip-background, ${tokens.colorBadgeBackground});
      color: ${tokens.colorText};
      font: inherit;
      font-size: ${tokens.fontSizeSmall};
      cursor: pointer;
    }
    .chip:hover {
      border-color: ${tokens.colorBorderStrong};
    }
    .chip-label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .link-button {
      padding: 2px ${tokens.spaceXs};
      font-size: ${tokens.fontSizeSmall};
    }
  `,
];
