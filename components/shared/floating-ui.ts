/**
 * The part of Floating UI the popover uses, as the one module popover.ts loads with `import()`:
 * a dynamic import keeps every export of what it names, so naming `@floating-ui/dom` itself would
 * ship all of it (arrow, hide, inline, autoPlacement…) wherever a bundler inlines the import.
 */
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
