import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

export const customerTableStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: var(--customer-table-block-size, 560px);
    /* About five rows under the header whatever the page asks (a page sized from 100vh leaves a
       sliver at 200–400% zoom: WCAG 1.4.10); the page scrolls instead of the table vanishing. */
    min-block-size: var(
      --customer-table-min-block-size,
      calc(44px + 5 * var(--customer-table-row-height, 56px))
    );
    position: relative;
    background: ${tokens.colorSurface};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    overflow: hidden;
  }

  .row-height-probe {
    position: absolute;
    inline-size: 0;
    block-size: var(--customer-table-row-height, 56px);
    visibility: hidden;
    pointer-events: none;
  }

  .scroller {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
    position: relative;
  }

  .grid {
    min-inline-size: var(--customer-table-min-inline-size, 880px);
  }

  .row {
    display: grid;
    grid-template-columns: var(
      --customer-table-columns,
      minmax(14rem, 2.6fr) minmax(7rem, 1fr) minmax(11rem, 1.5fr) minmax(7rem, 0.9fr) minmax(9rem, 1.3fr)
    );
    align-items: center;
  }

  .cell {
    min-inline-size: 0;
    padding-block: ${tokens.spaceXs};
    padding-inline: ${tokens.spaceM};
    overflow: hidden;
    outline-offset: -2px;
  }

  .header {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--customer-table-header-background, ${tokens.colorSurfaceRaised});
    border-block-end: 1px solid ${tokens.colorBorder};
  }

  .header-cell {
    display: flex;
    align-items: center;
    gap: ${tokens.spaceXs};
    min-block-size: 44px;
    font-size: ${tokens.fontSizeSmall};
    font-weight: ${tokens.fontWeightStrong};
    color: ${tokens.colorTextMuted};
    user-select: none;
  }

  .header-cell[data-sortable] {
    cursor: pointer;
  }

  .header-cell[data-sortable]:hover,
  .header-cell[data-sortable]:focus-visible {
    color: ${tokens.colorText};
  }

  .sort-indicator {
    flex: none;
    inline-size: 12px;
    block-size: 12px;
    fill: currentColor;
    opacity: 0;
    transition: transform ${tokens.duration}, opacity ${tokens.duration};
  }

  .header-cell:not([aria-sort='none'])[aria-sort] {
    color: ${tokens.colorText};
  }

  .sort-indicator:not([data-dir='none']) {
    opacity: 1;
  }

  /* The arrow a click would give shows on keyboard focus as on hover. */
  .header-cell:hover .sort-indicator[data-dir='none'],
  .header-cell:focus-visible .sort-indicator[data-dir='none'] {
    opacity: 0.4;
  }

  .sort-indicator[data-dir='desc'] {
    transform: rotate(180deg);
  }

  .body {
    position: relative;
    contain: strict;
    inline-size: 100%;
  }

  .body-row {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    block-size: var(--customer-table-row-height, 56px);
    border-block-end: 1px solid ${tokens.colorBorder};
    cursor: pointer;
  }

  .body-row:hover {
    background: var(--customer-table-row-hover-background, ${tokens.colorSurfaceHover});
  }

  .body-row:focus-within {
    background: ${tokens.colorSurfaceSelected};
  }

  .customer {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }

  .customer-line {
    display: flex;
    align-items: baseline;
    gap: ${tokens.spaceXs};
    min-inline-size: 0;
    white-space: nowrap;
  }

  /* A button that looks like the name it is. */
  .name {
    min-inline-size: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: ${tokens.fontWeightStrong};
    text-align: start;
    cursor: pointer;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }

  /* A match inside a name or external ID too long for its place stays in view: the text before the
     first match (.lead) gives way first, cut with an ellipsis; the match and what follows (.rest)
     are the least it shrinks to (the second column's min-content), so the other of the two gives
     way before it: an ID beside a matched name, a name beside a matched ID. Only a rest wider than
     the whole line is cut, at its end. overflow: clip, not hidden, keeps the content-based minimum
     of a flex item (a scroll container has none). Layout alone, no measuring, so recycled rows
     cost nothing more while scrolling. */
  .name[data-match],
  .external-id[data-match] {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(min-content, max-content);
    flex: 0 1 auto;
    min-inline-size: auto;
    max-inline-size: 100%;
    overflow: clip;
  }

  /* An ID beside a matched name is what gives way (to nothing, if the name's match needs it all),
     a match of its own shown from its start and clipped at the end of the line; its whole text
     stays in its title. */
  .name[data-match] + .external-id {
    flex: 0 1 auto;
    min-inline-size: 0;
  }

  /* pre: the space between the lead and the match would go as trailing space. */
  .lead,
  .rest {
    white-space: pre;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* In its column even when nothing comes before the match. */
  .rest {
    grid-column: 2;
  }

  /* The keyboard's way to read a name cut short (the title is the mouse's): the focused cell lets
     the whole name wrap over the rows below, on the row's own background. */
  .body-row:focus-within {
    z-index: 1;
  }

  .customer-cell:focus-visible {
    overflow: visible;
  }

  .customer-cell:focus-visible .customer {
    background: ${tokens.colorSurfaceSelected};
    box-shadow: 0 ${tokens.spaceXs} 0 ${tokens.spaceXs} ${tokens.colorSurfaceSelected};
  }

  .customer-cell:focus-visible .name {
    display: block;
    white-space: normal;
    overflow-wrap: anywhere;
  }

  .customer-cell:focus-visible .lead,
  .customer-cell:focus-visible .rest {
    display: inline;
    white-space: normal;
  }

  .external-id {
    flex: none;
    max-inline-size: 40%;
    overflow: hidden;
    text-overflow: ellipsis;
    color: ${tokens.colorTextMuted};
    unicode-bidi: isolate;
  }

  .secondary {
    font-size: ${tokens.fontSizeSmall};
    color: ${tokens.colorTextMuted};
  }

  .plan {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .status {
    flex: none;
    padding-inline: ${tokens.spaceXs};
    border-radius: ${tokens.radiusSmall};
    background: ${tokens.colorBadgeBackground};
    color: ${tokens.colorText};
  }

  .status[data-status='expired'] {
    color: ${tokens.colorDanger};
  }

  mark {
    background: ${tokens.colorMarkBackground};
    color: ${tokens.colorMarkText};
    border-radius: 2px;
  }

  .usage {
    display: flex;
    flex-direction: column;
    gap: ${tokens.spaceXs};
  }

  .usage-figures {
    display: flex;
    align-items: baseline;
    gap: ${tokens.spaceS};
    white-space: nowrap;
  }

  .usage-level {
    font-size: ${tokens.fontSizeSmall};
    font-weight: ${tokens.fontWeightStrong};
  }

  .usage[data-level='near'] .usage-level {
    color: ${tokens.colorWarning};
  }

  .usage[data-level='over'] .usage-level,
  .connections[data-level='over'] .usage-level {
    color: ${tokens.colorDanger};
  }

  /* Connections over the plan's limit say so in words, like tasks, not in colour alone. */
  .connections {
    display: inline-flex;
    align-items: baseline;
    gap: ${tokens.spaceS};
    white-space: nowrap;
  }

  /* The track's fill is 1.22:1 on the row, so its extent is drawn by an edge of 3:1 (WCAG 1.4.11). */
  .usage-bar {
    block-size: 8px;
    max-inline-size: 10rem;
    border: 1px solid ${tokens.colorBorderStrong};
    border-radius: 4px;
    background: ${tokens.colorSkeleton};
    overflow: hidden;
  }

  .usage-fill {
    block-size: 100%;
    background: ${tokens.colorAccent};
  }

  .usage-bar[data-level='near'] .usage-fill {
    background: ${tokens.colorWarningFill};
  }

  /* Over the limit is striped as well as red, so it does not rely on colour alone. */
  .usage-bar[data-level='over'] .usage-fill {
    background: repeating-linear-gradient(
      -45deg,
      ${tokens.colorDangerFill} 0 4px,
      color-mix(in srgb, ${tokens.colorDangerFill} 60%, transparent) 4px 8px
    );
  }

  /* Forced colours paint every background as Canvas, so the bar would vanish and the badge lose its
     shape: the track gets an edge, the fill a system colour of its own, the badge a border. */
  @media (forced-colors: active) {
    .usage-bar {
      border: 1px solid CanvasText;
    }
    .usage-fill,
    .usage-bar[data-level] .usage-fill {
      forced-color-adjust: none;
      background: Highlight;
    }
    .status {
      border: 1px solid CanvasText;
    }
  }

  .apps {
    display: flex;
    gap: ${tokens.spaceXs};
  }

  .muted {
    color: ${tokens.colorTextMuted};
  }

  .placeholder {
    display: block;
    inline-size: 60%;
    block-size: 10px;
    border-radius: 5px;
    background: ${tokens.colorSkeleton};
    animation: shimmer 1.2s ease-in-out infinite alternate;
  }

  .placeholder.wide {
    inline-size: 80%;
  }

  @keyframes shimmer {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }

  .skeleton-row {
    block-size: var(--customer-table-row-height, 56px);
    border-block-end: 1px solid ${tokens.colorBorder};
  }

  .message {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: ${tokens.spaceS};
    padding: ${tokens.spaceXl};
    text-align: center;
  }

  .message p {
    margin: 0;
  }

  .message-title {
    font-weight: ${tokens.fontWeightStrong};
  }

  .message-body {
    color: ${tokens.colorTextMuted};
    overflow-wrap: anywhere;
  }
`;
