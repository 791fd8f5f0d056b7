/**
 * Design tokens of the kit as CSS custom properties with full names (`--customers-console-…`).
 *
 * Elements never hard-code a colour: they read `tokens.colorText` and friends, each a
 * `var(--customers-console-color-text, <light value>)`, so an element looks right with no page
 * stylesheet at all, and a partner themes it by setting the properties anywhere above it (custom
 * properties inherit into shadow roots).
 *
 * Dark values are a second token set switched by `data-theme="dark"` — on the element itself (see
 * base.styles.ts) or on any ancestor once the page loads the theme CSS (`themeCss`, shipped as
 * `customers-console/themes/dark.css`, or `themeStyles` adopted) — not by
 * `prefers-color-scheme`, because the partner's product decides the theme, not the OS.
 */
import { unsafeCSS, type CSSResult } from 'lit';

export const TOKEN_PREFIX = '--customers-console-';

/**
 * Light values: the defaults. Text colours meet WCAG AA (4.5:1) on `color-surface` and
 * `color-surface-raised`; `color-border-strong`, the edge of fields, pickers and the usage bar's
 * track, meets 3:1 (WCAG 1.4.11) on every surface a field or a row can have.
 */
export const LIGHT_TOKENS = {
  'color-surface': '#ffffff',
  'color-surface-raised': '#f6f7f9',
  'color-surface-hover': '#eef1f6',
  'color-surface-selected': '#e3ebfb',
  'color-text': '#1d2433',
  'color-text-muted': '#556070',
  'color-border': '#d5dae1',
  'color-border-strong': '#7a8393',
  'color-accent': '#1f5fd1',
  'color-accent-text': '#ffffff',
  'color-focus-ring': '#1f5fd1',
  'color-mark-background': '#fff0a8',
  'color-mark-text': '#1d2433',
  'color-success': '#1d7a46',
  'color-warning': '#8a5a00',
  'color-warning-fill': '#e0a100',
  'color-danger': '#b42318',
  'color-danger-fill': '#d92d20',
  'color-skeleton': '#e6e9ee',
  'color-badge-background': '#eef1f6',
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  'font-size': '14px',
  'font-size-small': '12px',
  'line-height': '1.4',
  'font-weight-strong': '600',
  'radius': '6px',
  'radius-small': '4px',
  'space-xs': '4px',
  'space-s': '8px',
  'space-m': '12px',
  'space-l': '16px',
  'space-xl': '24px',
  'focus-ring-width': '2px',
  'duration': '150ms',
} as const;

export type TokenName = keyof typeof LIGHT_TOKENS;

/** Dark values for the tokens that change; the rest keep their light value. */
export const DARK_TOKENS: Partial<Record<TokenName, string>> = {
  'color-surface': '#15181e',
  'color-surface-raised': '#1d2129',
  'color-surface-hover': '#262b35',
  'color-surface-selected': '#22324f',
  'color-text': '#e7eaf0',
  'color-text-muted': '#a6afbd',
  'color-border': '#343a46',
  'color-border-strong': '#717b8b',
  'color-accent': '#7aa7ff',
  'color-accent-text': '#0d1424',
  'color-focus-ring': '#7aa7ff',
  'color-mark-background': '#6b5a00',
  'color-mark-text': '#fff8d6',
  'color-success': '#5fd08f',
  'color-warning': '#f5c451',
  'color-warning-fill': '#d69e1f',
  'color-danger': '#ff8a80',
  'color-danger-fill': '#f0625a',
  'color-skeleton': '#2a303b',
  'color-badge-background': '#262b35',
};

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

type CamelName<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelName<T>>}` : S;

/** `tokens.colorText` → `var(--customers-console-color-text, #1d2433)`, ready for a `css` template. */
export const tokens = Object.fromEntries(
  Object.entries(LIGHT_TOKENS).map(([name, value]) => [camel(name), unsafeCSS(`var(${TOKEN_PREFIX}${name}, ${value})`)]),
) as { [K in TokenName as CamelName<K>]: CSSResult };

/** Declarations (`--customers-console-x: value;`) for a token set, to put under any selector. */
export function tokenDeclarations(values: Partial<Record<TokenName, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${TOKEN_PREFIX}${name}: ${value};`)
    .join('\n');
}

export type ThemeName = 'light' | 'dark';

/**
 * The text of a theme's page stylesheet, shipped as `customers-console/themes/<name>.css`
 * (scripts/build-themes.ts writes it from here, so tokens.ts stays the one source).
 *
 * light: every token on `:root` and on `[data-theme='light']`. dark: every token, dark where it
 * differs, on `[data-theme='dark']` — also as `:root[data-theme='dark']`, which outranks light's
 * `:root` whichever file the page loads first. Either file works alone, for the element's own
 * `var()` fallbacks are the light values.
 */
export function themeCss(name: ThemeName): string {
  const [selector, values] =
    name === 'light'
      ? [":root,\n[data-theme='light']", LIGHT_TOKENS]
      : [":root[data-theme='dark'],\n[data-theme='dark']", { ...LIGHT_TOKENS, ...DARK_TOKENS }];
  const declarations = `${tokenDeclarations(values)}\ncolor-scheme: ${name};`.replace(/^/gm, '  ');
  return `/* customers-console ${name} theme: generated from components/shared/tokens.ts */\n${selector} {\n${declarations}\n}\n`;
}

/**
 * Both themes as one stylesheet for the page (or a story): the same text as the shipped theme CSS.
 * Adopt it with `document.adoptedStyleSheets`, or import `customers-console/themes/light.css` and
 * `/themes/dark.css` instead.
 */
// Marked pure so that a bundle that does not use it (every element's) drops it with themeCss.
export const themeStyles: CSSResult = /* @__PURE__ */ (() => unsafeCSS(`${themeCss('light')}${themeCss('dark')}`))();
