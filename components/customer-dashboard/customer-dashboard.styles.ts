import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { tokens } from '../shared/tokens.js';

const success = css`var(--customer-dashboard-success-color, ${tokens.colorSuccess})`;
const failure = css`var(--customer-dashboard-failure-color, ${tokens.colorDangerFill})`;

export const styles = [
  baseStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: ${tokens.spaceL};
      background: ${tokens.colorSurface};
    }
    .periods {
      display: inline-flex;
      align-self: flex-start;
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radius};
      overflow: hidden;
    }
    .period {
      min-block-size: 32px;
      padding-inline: ${tokens.spaceM};
      border: 0;
      border-inline-start: 1px solid ${tokens.colorBorder};
      background: ${tokens.colorSurface};
      color: ${tokens.colorText};
      font: inherit;
      cursor: pointer;
    }
    .period:first-child {
      border-inline-start: 0;
    }
    .period:hover {
      background: ${tokens.colorSurfaceHover};
    }
    .period[aria-checked='true'] {
      background: ${tokens.colorAccent};
      color: ${tokens.colorAccentText};
      font-weight: ${tokens.fontWeightStrong};
    }
    .period:focus-visible {
      outline-offset: -4px;
      outline-color: currentColor;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: ${tokens.spaceL};
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: ${tokens.spaceM};
      margin: 0;
    }
    .stat {
      min-block-size: 4.5rem;
      padding: ${tokens.spaceM};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    dt,
    .note {
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    /* A text's own first letters set its direction: an English note keeps its order in an RTL page. */
    .note,
    .recipe-name {
      unicode-bidi: plaintext;
    }
    dd {
      display: flex;
      flex-direction: column;
      margin: 0;
    }
    .value {
      font-size: 1.5em;
      font-weight: ${tokens.fontWeightStrong};
    }
    .skeleton {
      background: ${tokens.colorSkeleton};
      border-color: transparent;
      border-radius: ${tokens.radius};
    }
    .chart-skeleton {
      block-size: 16rem;
    }
    .figure {
      margin: 0;
    }
    figcaption,
    h3 {
      margin: 0 0 ${tokens.spaceS};
      font-size: inherit;
      font-weight: ${tokens.fontWeightStrong};
    }
    .chart-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceL};
      margin-block-end: ${tokens.spaceS};
    }
    .button[aria-pressed='true'] {
      background: ${tokens.colorSurfaceSelected};
    }
    .legend {
      display: flex;
      gap: ${tokens.spaceL};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .legend li,
    .tooltip span {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceXs};
    }
    .swatch {
      display: inline-block;
      inline-size: 12px;
      block-size: 12px;
      border-radius: 2px;
    }
    .swatch.success {
      background: ${success};
    }
    /* The same hatching as the chart's failed bars, so the legend matches without colour. */
    .swatch.failed {
      background: repeating-linear-gradient(45deg, ${failure} 0 3px, ${tokens.colorSurface} 3px 4.5px);
    }
    .plot {
      position: relative;
    }
    svg {
      display: block;
      inline-size: 100%;
      max-block-size: var(--customer-dashboard-chart-max-block-size, 320px);
      overflow: visible;
    }
    .axis text {
      fill: ${tokens.colorTextMuted};
      font-size: 11px;
    }
    .grid-line {
      stroke: ${tokens.colorBorder};
    }
    .success {
      fill: ${success};
    }
    .failed-fill {
      fill: ${failure};
    }
    .hatch-line {
      stroke: ${tokens.colorSurface};
      stroke-width: 2;
    }
    .hit {
      fill: transparent;
    }
    .bar {
      outline: none;
    }
    .bar.active .hit {
      fill: ${tokens.colorSurfaceHover};
    }
    .bar:focus-visible .hit {
      stroke: ${tokens.colorFocusRing};
      stroke-width: 2;
    }
    .tooltip {
      position: absolute;
      inset-block-start: 0;
      transform: translateX(-50%);
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: ${tokens.spaceXs} ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radiusSmall};
      background: ${tokens.colorSurfaceRaised};
      font-size: ${tokens.fontSizeSmall};
      white-space: nowrap;
      pointer-events: none;
    }
    .table-scroller {
      max-block-size: 20rem;
      overflow: auto;
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: ${tokens.spaceXs} ${tokens.spaceM};
      border-block-end: 1px solid ${tokens.colorBorder};
      text-align: end;
    }
    th:first-child {
      text-align: start;
      font-weight: normal;
    }
    thead th {
      position: sticky;
      inset-block-start: 0;
      background: ${tokens.colorSurfaceRaised};
      font-weight: ${tokens.fontWeightStrong};
    }
    ol {
      display: flex;
      flex-direction: column;
      gap: ${tokens.spaceS};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .recipe {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${tokens.spaceXs} ${tokens.spaceS};
    }
    .recipe-name {
      font-weight: ${tokens.fontWeightStrong};
      overflow-wrap: anywhere;
    }
    .tag {
      padding-inline: ${tokens.spaceXs};
      border: 1px solid ${tokens.colorBorderStrong};
      border-radius: ${tokens.radiusSmall};
      font-size: ${tokens.fontSizeSmall};
    }
    .meter {
      flex-basis: 100%;
      display: flex;
      block-size: 6px;
      border-radius: 2px;
      background: ${tokens.colorSurfaceRaised};
    }
    .meter .swatch {
      block-size: 100%;
    }
    /* Forced colours would paint the meter's swatches as Canvas: keep their own colours (they match
       the legend) inside an edge the palette draws. */
    @media (forced-colors: active) {
      .meter {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }
    }
    .message {
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .message p {
      margin: 0 0 ${tokens.spaceS};
      max-inline-size: 60ch;
    }
    .message-title {
      font-weight: ${tokens.fontWeightStrong};
    }
  `,
];
