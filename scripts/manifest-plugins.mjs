// Analyzer plugins that make custom-elements.json describe the package as partners install it:
// module paths name the shipped `dist` files (not the `.ts` sources), every element has a
// `custom-element-definition` export in the module that registers it (`dist/elements/<tag>.js`,
// the `customers-console/<tag>.js` entry), and every event carries its type from the kit's one
// event map (components/shared/events.ts).
import { readFileSync } from 'node:fs';

/** `components/x/y.ts` → `dist/components/x/y.js`: where the build puts each module. */
export function distPath(sourcePath) {
  return `dist/${sourcePath.replace(/^\.\//, '').replace(/\.ts$/, '.js')}`;
}

/** `'query-change': CustomEvent<QueryChangeDetail>;` lines of CustomersConsoleEventMap → name → type. */
export function eventTypes(eventsSource) {
  const map = /interface CustomersConsoleEventMap \{([\s\S]*?)\n\}/.exec(eventsSource);
  if (!map) throw new Error('manifest: CustomersConsoleEventMap not found in components/shared/events.ts');
  return new Map([...map[1].matchAll(/'([a-z-]+)':\s*(CustomEvent<[^>]+>);/g)].map((m) => [m[1], m[2]]));
}

function rewriteModuleRefs(node) {
  if (Array.isArray(node)) node.forEach(rewriteModuleRefs);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string' && value.endsWith('.ts')) node[key] = distPath(value);
      else rewriteModuleRefs(value);
    }
  }
}

export function packageManifestPlugin({ eventsFile = 'components/shared/events.ts' } = {}) {
  return {
    name: 'customers-console-package-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const types = eventTypes(readFileSync(eventsFile, 'utf8'));
      const definitions = [];
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const event of declaration.events ?? []) {
            const type = types.get(event.name);
            if (!type) throw new Error(`manifest: ${declaration.tagName} fires "${event.name}", which CustomersConsoleEventMap does not declare`);
            event.type = { text: type };
          }
          if (declaration.tagName) {
            definitions.push({
              kind: 'javascript-module',
              path: `dist/elements/${declaration.tagName}.js`,
              declarations: [],
              exports: [
                { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: module.path } },
                { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: module.path } },
              ],
            });
          }
        }
      }
      manifest.modules.push(...definitions);
      rewriteModuleRefs(manifest.modules);
      for (const module of manifest.modules) if (module.path.endsWith('.ts')) module.path = distPath(module.path);
    },
  };
}
