// The parts every element documents (the custom elements manifest, from the JSDoc @csspart tags):
// none is named like a public property, method or slot of its element (Storybook's docs, editors
// and partners' code all meet the two under one name, and one hid the other), and
// <customer-console> forwards every part of every element it renders.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { elementsByTag, isInternal, type ElementDeclaration, type Manifest } from '../../.storybook/element-docs.js';

const REPO = join(import.meta.dirname, '..', '..');
const MANIFEST = join(REPO, 'custom-elements.json');

/** custom-elements.json, made again (`custom-elements-manifest analyze`) when a component is newer. */
function manifest(): Manifest {
  const components = join(REPO, 'components');
  const newest = Math.max(...readdirSync(components, { recursive: true }).map((f) => statSync(join(components, String(f))).mtimeMs));
  if (!existsSync(MANIFEST) || statSync(MANIFEST).mtimeMs < newest) {
    const result = spawnSync('npx', ['custom-elements-manifest', 'analyze'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(result.status, 0, `custom-elements-manifest analyze failed:\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

const partsOf = (element: ElementDeclaration) => (element.cssParts ?? []).map((part) => part.name);

let elements: Map<string, ElementDeclaration>;
before(() => {
  elements = elementsByTag(manifest());
});

describe('element parts', () => {
  it('documents parts for every element', () => {
    assert.ok(elements.size >= 10, `${elements.size} elements in the manifest`);
    for (const [tag, element] of elements) assert.ok(partsOf(element).length > 0, `${tag} documents no part`);
  });

  it('names no part like a public property, method or slot of its element', () => {
    const collisions: string[] = [];
    for (const [tag, element] of elements) {
      const members = (element.members ?? []).filter((member) => !isInternal(member)).map((member) => member.name);
      const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const taken = new Set([...members, ...members.map(kebab), ...(element.slots ?? []).map((slot) => slot.name)]);
      for (const part of partsOf(element)) if (taken.has(part)) collisions.push(`${tag}: ${part}`);
    }
    assert.deepEqual(collisions, []);
  });

  it('has <customer-console> forward every part of each element it renders', () => {
    const source = readFileSync(join(REPO, 'components/customer-console/customer-console.ts'), 'utf8');
    const forwarded = (tag: string): string[] => {
      if (tag === 'customer-settings') {
        const list = /const SETTINGS_PARTS = \[([^\]]*)\]/.exec(source)![1]!;
        return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
      }
      const attribute = new RegExp(`<${tag}\\b[^>]*?exportparts="([^"]*)"`, 's').exec(source);
      assert.ok(attribute, `<${tag}> has exportparts`);
      return attribute[1]!.split(',').map((entry) => entry.split(':')[0]!.trim());
    };
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const tag of ['customer-filters', 'customer-table', 'customer-form', 'customer-switch-button', 'customer-dashboard', 'customer-collaborators', 'customer-settings']) {
      const parts = partsOf(elements.get(tag)!);
      const names = forwarded(tag);
      for (const part of parts) if (!names.includes(part)) missing.push(`${tag}: ${part}`);
      for (const name of names) if (!parts.includes(name)) unknown.push(`${tag}: ${name}`);
    }
    assert.deepEqual({ missing, unknown }, { missing: [], unknown: [] });
  });
});
