import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import { themeStyles } from '../components/shared/tokens.js';
// Generated from the elements' JSDoc (@summary @csspart @cssprop @fires) by `npm run analyze`.
import manifest from '../custom-elements.json';
import { docsManifest, elementArgTypes, elementDescription, elementsByTag, eventNames, type Manifest } from './element-docs.js';
import { KEYBOARD } from './keyboard.js';

/** The public API only (see element-docs.ts): what the docs pages list and the controls drive. */
const publicManifest = docsManifest(manifest as unknown as Manifest);
setCustomElementsManifest(publicManifest);
const elements = elementsByTag(publicManifest);
const EVENTS = eventNames(publicManifest);

// The light and dark token sets as page CSS, so `data-theme` on any ancestor (the toolbar's wrapper) themes every element.
document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeStyles.styleSheet!];

/** Wrappers whose kit events already go to the Actions panel. */
const listening = new WeakSet<Element>();

/** Every kit event that reaches the story's wrapper (they bubble and are composed) goes to the Actions panel, with its `detail`. */
function logEvents(wrapper: Element | undefined): void {
  if (!wrapper || listening.has(wrapper)) return;
  listening.add(wrapper);
  for (const name of EVENTS) {
    const log = action(name);
    wrapper.addEventListener(name, (event) => log((event as CustomEvent).detail ?? null));
  }
}

/**
 * The toolbar's theme and direction: a wrapper with `data-theme`, `dir` and `lang` (`ar` for
 * right-to-left, so numbers and dates follow too) and the theme's surface colour behind the story.
 * A story that sets its own `data-theme` or `dir` (the DarkTheme and RightToLeft stories) keeps it.
 */
const withThemeAndDirection: Decorator = (story, context) => {
  const theme = (context.globals['theme'] as string | undefined) ?? 'light';
  const dir = (context.globals['direction'] as string | undefined) ?? 'ltr';
  const fill = context.viewMode === 'story' ? 'min-block-size: 100vh;' : '';
  return html`<div
    class="story-frame"
    data-theme=${theme}
    dir=${dir}
    lang=${dir === 'rtl' ? 'ar' : 'en'}
    style="box-sizing: border-box; ${fill} padding: 16px; background: var(--customers-console-color-surface); color: var(--customers-console-color-text)"
    ${ref(logEvents)}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withThemeAndDirection],
  globalTypes: {
    theme: {
      description: 'Token set: data-theme on a wrapper around the story',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Reading direction: dir (and lang="ar" for right-to-left) on a wrapper around the story',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right (en)' },
          { value: 'rtl', title: 'Right to left (ar)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
    viewport: {
      options: {
        ...MINIMAL_VIEWPORTS,
        phone: { name: 'Phone (375 × 667)', styles: { width: '375px', height: '667px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 × 1024)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
    docs: {
      // The public API from the manifest (properties as controls, parts as `::part(name)`, no internals).
      extractArgTypes: (component: unknown) => {
        const element = typeof component === 'string' ? elements.get(component) : undefined;
        return element ? elementArgTypes(element) : null;
      },
      extractComponentDescription: (component: unknown) => {
        const element = typeof component === 'string' ? elements.get(component) : undefined;
        return element ? elementDescription(element, KEYBOARD[element.tagName!]) : null;
      },
    },
  },
};
export default preview;
