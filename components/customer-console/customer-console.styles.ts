import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { figureStyles } from '../shared/figures.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  dialogStyles,
  /* .figure: the usage pairs of the page header read left to right under right-to-left too. */
  figureStyles,
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
    .list {
      display: flex;
      flex-direction: column;
      gap: var(--customer-console-gap, ${tokens.spaceL});
    }
    /*
     * While a customer's page shows, the list is kept but not drawn: content-visibility keeps its
     * rendering state (the table's scroll position, its loaded rows), which display: none would
     * throw away; inert keeps it out of the tab order and the accessibility tree.
     */
    .list[inert] {
      content-visibility: hidden;
    }
    .page {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: ${tokens.spaceL};
    }
    .back {
      align-self: flex-start;
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
    }
    .back svg {
      inline-size: 14px;
      block-size: 14px;
    }
    .back:dir(rtl) svg {
      transform: scaleX(-1);
    }
    .customer-header {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: ${tokens.spaceM} ${tokens.spaceL};
      align-items: start;
    }
    .identity {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${tokens.spaceS} ${tokens.spaceM};
      min-inline-size: 0;
    }
    .name {
      margin: 0;
      font-size: 1.25rem;
      font-weight: ${tokens.fontWeightStrong};
      overflow-wrap: anywhere;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceXs};
    }
    .badge {
      padding-inline: ${tokens.spaceS};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radiusSmall};
      background: ${tokens.colorBadgeBackground};
      font-size: ${tokens.fontSizeSmall};
    }
    .status[data-status='expired'] {
      color: ${tokens.colorDanger};
    }
    .status[data-status='trial'] {
      color: ${tokens.colorWarning};
    }
    .facts {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS} ${tokens.spaceXl};
      margin: 0;
    }
    .facts dt {
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .facts dd {
      margin: 0;
    }
    .usage-level {
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
    }
    .usage[data-level='near'] .usage-level {
      color: ${tokens.colorWarning};
    }
    .usage[data-level='over'] .usage-level {
      color: ${tokens.colorDanger};
    }
    .tabs {
      display: flex;
      gap: ${tokens.spaceXs};
      border-block-end: 1px solid ${tokens.colorBorder};
    }
    .tab {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 0;
      border-block-end: 2px solid transparent;
      background: transparent;
      color: ${tokens.colorTextMuted};
      font: inherit;
      cursor: pointer;
    }
    .tab:hover {
      color: ${tokens.colorText};
    }
    .tab[aria-selected='true'] {
      border-block-end-color: ${tokens.colorAccent};
      color: ${tokens.colorText};
      font-weight: ${tokens.fontWeightStrong};
    }
    /* In forced colours the selected page tab is outlined in Highlight; the badges' borders already
       keep their shape (forced to CanvasText). */
    @media (forced-colors: active) {
      .tab[aria-selected='true'] {
        outline: 2px solid Highlight;
        outline-offset: -2px;
      }
    }
    .page-heading:focus {
      outline: none;
    }
    .page-heading:focus-visible {
      outline: ${tokens.focusRingWidth} solid ${tokens.colorFocusRing};
    }
    .page-message {
      margin: 0;
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurfaceRaised};
    }
    .page-message h3 {
      margin: 0 0 ${tokens.spaceS};
      font-size: 1rem;
    }
    .page-message p {
      margin: 0 0 ${tokens.spaceM};
    }
    .page-message p:last-child {
      margin-block-end: 0;
    }
    .later {
      margin: 0;
      color: ${tokens.colorTextMuted};
    }
  `,
];
