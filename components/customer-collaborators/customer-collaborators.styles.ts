import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { tokens } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    .scroller {
      max-block-size: var(--customer-collaborators-block-size, 24rem);
      overflow: auto;
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurface};
    }
    .scroller:focus-visible {
      outline-offset: 2px;
    }
    table {
      inline-size: 100%;
      border-collapse: separate;
      border-spacing: 0;
    }
    caption {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      text-align: start;
      font-weight: ${tokens.fontWeightStrong};
    }
    thead th {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      background: var(--customer-collaborators-header-background, ${tokens.colorSurfaceRaised});
      color: ${tokens.colorTextMuted};
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
      text-align: start;
    }
    th,
    td {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-block-end: 1px solid ${tokens.colorBorder};
      text-align: start;
      vertical-align: baseline;
    }
    tbody th {
      font-weight: normal;
    }
    tbody tr:last-child > * {
      border-block-end: 0;
    }
    .name {
      font-weight: ${tokens.fontWeightStrong};
      overflow-wrap: anywhere;
    }
    .email {
      overflow-wrap: anywhere;
    }
    /* Text and an outline, so the tag reads without colour too. */
    .tag {
      display: inline-block;
      margin-inline-start: ${tokens.spaceXs};
      padding: 0 ${tokens.spaceS};
      border: 1px solid ${tokens.colorAccent};
      border-radius: 999px;
      background: var(--customer-collaborators-tag-background, ${tokens.colorSurfaceSelected});
      color: ${tokens.colorText};
      font-size: ${tokens.fontSizeSmall};
      white-space: nowrap;
    }
    .note,
    .message {
      margin: ${tokens.spaceS} 0;
      color: ${tokens.colorTextMuted};
    }
    .message.error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
      color: ${tokens.colorDanger};
    }
    .message.error p {
      margin: 0;
    }
    .skeletons {
      display: grid;
      gap: ${tokens.spaceS};
    }
    .skeleton {
      block-size: 1.5rem;
      border-radius: ${tokens.radiusSmall};
      background: ${tokens.colorSkeleton};
    }
  `,
];
