/**
 * The elements the list does not show, loaded the first time they are needed, so the list — what
 * the console opens with — does not carry the add-customer form, the dashboard, the team list or the
 * settings. A partner's bundler makes each `import()` its own chunk; a bundle without code splitting
 * inlines them.
 */
import type { CustomerTab } from './route.js';

type Loader = () => Promise<unknown>;

/** The add-customer dialog's form, the header's "Switch to this account", and each tab's elements. */
const LOADERS: Record<'form' | 'header' | CustomerTab, Loader> = {
  form: () => import('../customer-form/define.js'),
  header: () => import('../customer-switch-button/define.js'),
  dashboard: () => import('../customer-dashboard/define.js'),
  collaborators: () => import('../customer-collaborators/define.js'),
  settings: () =>
    Promise.all([import('../customer-settings/define.js'), import('../plan-settings/define.js'), import('../app-access-editor/define.js')]),
};

const loading = new Map<keyof typeof LOADERS, Promise<void>>();

/** Resolves once `part`'s elements are registered; a failed load is forgotten, so the next call tries again. */
export function loadPageElements(part: keyof typeof LOADERS): Promise<void> {
  let promise = loading.get(part);
  if (!promise) {
    promise = LOADERS[part]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(part);
        throw error;
      },
    );
    loading.set(part, promise);
  }
  return promise;
}

/** Whether `part`'s elements are registered already (loaded, or registered by the page itself). */
export function pageElementsReady(part: keyof typeof LOADERS): boolean {
  const tags: Record<keyof typeof LOADERS, string[]> = {
    form: ['customer-form'],
    header: ['customer-switch-button'],
    dashboard: ['customer-dashboard'],
    collaborators: ['customer-collaborators'],
    settings: ['customer-settings', 'plan-settings', 'app-access-editor'],
  };
  return tags[part].every((tag) => customElements.get(tag) !== undefined);
}
