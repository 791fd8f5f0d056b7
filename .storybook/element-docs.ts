/**
 * What Storybook's docs pages and controls read about each element, made from the custom elements
 * manifest (`npm run analyze`, from the elements' JSDoc):
 *
 * - only the public API: members that are private or protected, `#`/`_`-named, or static (the
 *   controllers, tasks, handlers and render helpers) are dropped, so a docs page no longer lists
 *   `lookupsTask` with its source as a "default", `#focus` or `searchTimer`;
 * - one row per property: an attribute that reflects a property is named in the property's row
 *   instead of being a second row (and a second, dead control);
 * - no name collisions: Storybook keys every row by name, so a part, slot or event named like a
 *   property hid one of them. Parts are keyed `::part(top-apps)` and slots `slot="title"`, as a
 *   partner writes them; and the parts that were named like a property, method or slot were
 *   renamed in the elements themselves (the table's `apps` part is `top-apps`, the console's
 *   `title` and `tab` are `heading` and `tab-button`, the dashboard's `period` is `period-option`,
 *   the settings' `plan` and `app-access` wrappers are `plan-slot` and `app-access-slot`, `retry`
 *   parts are `retry-button`), which test/unit/element-parts.test.ts keeps so;
 * - public methods (Storybook's table leaves methods out) and the keyboard model go into the
 *   component description above the table.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';

interface ManifestType {
  text?: string;
}
interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  description?: string;
  type?: ManifestType;
  default?: string;
  attribute?: string;
  reflects?: boolean;
  parameters?: { name: string; type?: ManifestType; description?: string }[];
  return?: { type?: ManifestType };
}
interface ManifestNamed {
  name: string;
  description?: string;
  fieldName?: string;
  type?: ManifestType;
  default?: string;
}
export interface ElementDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: ManifestNamed[];
  events?: ManifestNamed[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: ElementDeclaration[]; exports?: unknown[] }[];
}

/** Whether a member is internal: kept out of the docs whatever its name says. */
export function isInternal(member: ManifestMember): boolean {
  return (
    member.privacy === 'private' ||
    member.privacy === 'protected' ||
    member.static === true ||
    member.name.startsWith('#') ||
    member.name.startsWith('_')
  );
}

/**
 * The manifest with only the public API of each element: internal members dropped, and attributes
 * of a kept property folded into its row. Everything else (module paths, exports, definitions) as
 * the analyzer wrote it.
 */
export function docsManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!declaration.customElement) return declaration;
        const members = (declaration.members ?? []).filter((member) => !isInternal(member));
        const fields = new Set(members.filter((m) => m.kind === 'field').map((m) => m.name));
        return {
          ...declaration,
          members,
          attributes: (declaration.attributes ?? []).filter((attribute) => !attribute.fieldName || !fields.has(attribute.fieldName)),
        };
      }),
    })),
  };
}

/** Every custom element declaration of the manifest, by tag name. */
export function elementsByTag(manifest: Manifest): Map<string, ElementDeclaration> {
  const found = new Map<string, ElementDeclaration>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) if (declaration.customElement && declaration.tagName) found.set(declaration.tagName, declaration);
  }
  return found;
}

/** Options of the kit's string-union types that the manifest names only by their alias. */
const ALIASES: Record<string, string[]> = {
  TableMode: ['auto', 'client', 'server'],
  CustomerTab: ['dashboard', 'collaborators', 'settings'],
  DashboardPeriod: ['1d', '7d', '30d', '90d'],
};

/** A control for a property, from its TypeScript type as the manifest spells it. */
export function controlFor(type: string | undefined, readonly = false): InputType['control'] {
  if (readonly || !type) return false;
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && parts[0]! in ALIASES) return { type: 'inline-radio' };
  if (parts.length > 1 && parts.every((p) => /^'[^']*'$/.test(p))) return { type: 'inline-radio' };
  if (parts.length !== 1) return { type: 'object' };
  const only = parts[0]!;
  if (only === 'boolean') return { type: 'boolean' };
  if (only === 'number') return { type: 'number' };
  if (only === 'string') return { type: 'text' };
  if (only === 'Date') return { type: 'date' };
  // Functions and backends are objects with behaviour: a story sets them, a JSON editor cannot.
  if (only.includes('=>') || /Backend$/.test(only)) return false;
  return { type: 'object' };
}

function optionsFor(type: string | undefined): string[] | undefined {
  if (!type) return undefined;
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && parts[0]! in ALIASES) return ALIASES[parts[0]!];
  if (parts.length > 1 && parts.every((p) => /^'[^']*'$/.test(p))) return parts.map((p) => p.slice(1, -1));
  return undefined;
}

/** The element's argTypes: properties (with controls), attributes without a property, events, slots, CSS properties and parts. */
export function elementArgTypes(element: ElementDeclaration): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const member of element.members ?? []) {
    if (member.kind !== 'field') continue;
    const notes = [
      member.attribute ? `Attribute \`${member.attribute}\`${member.reflects ? ' (reflects)' : ''}.` : '',
      member.readonly ? 'Read-only.' : '',
    ].filter(Boolean);
    const options = optionsFor(member.type?.text);
    argTypes[member.name] = {
      name: member.name,
      description: [member.description ?? '', ...notes].filter(Boolean).join(' '),
      control: controlFor(member.type?.text, member.readonly),
      ...(options ? { options } : {}),
      table: {
        category: 'properties',
        type: { summary: member.type?.text ?? '' },
        ...(member.default !== undefined ? { defaultValue: { summary: member.default } } : {}),
      },
    };
  }
  for (const attribute of element.attributes ?? []) {
    argTypes[`attr:${attribute.name}`] = {
      name: attribute.name,
      description: attribute.description,
      control: false,
      table: { category: 'attributes', type: { summary: attribute.type?.text ?? 'string' } },
    };
  }
  for (const event of element.events ?? []) {
    argTypes[`event:${event.name}`] = {
      name: event.name,
      description: `${event.description ?? ''} Shown in the Actions panel with its \`detail\`.`.trim(),
      control: false,
      table: { category: 'events', type: { summary: event.type?.text ?? 'CustomEvent' } },
    };
  }
  for (const slot of element.slots ?? []) {
    argTypes[`slot:${slot.name}`] = {
      name: `slot="${slot.name}"`,
      description: slot.description,
      control: false,
      table: { category: 'slots' },
    };
  }
  for (const property of element.cssProperties ?? []) {
    argTypes[`css:${property.name}`] = {
      name: property.name,
      description: property.description,
      control: false,
      table: { category: 'css custom properties', ...(property.default ? { defaultValue: { summary: property.default } } : {}) },
    };
  }
  for (const part of element.cssParts ?? []) {
    argTypes[`part:${part.name}`] = {
      name: `::part(${part.name})`,
      description: part.description,
      control: false,
      table: { category: 'css shadow parts' },
    };
  }
  return argTypes;
}

function signature(method: ManifestMember): string {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ');
  return `${method.name}(${params})${method.return?.type?.text ? `: ${method.return.type.text}` : ''}`;
}

/** Summary, description, the public methods and the keyboard model, as the docs page's Markdown. */
export function elementDescription(element: ElementDeclaration, keyboard?: string): string {
  const methods = (element.members ?? []).filter((m) => m.kind === 'method');
  return [
    element.summary ? `**${element.summary}**` : '',
    element.description ?? '',
    methods.length > 0 ? `#### Methods\n\n${methods.map((m) => `- \`${signature(m)}\` — ${m.description ?? ''}`).join('\n')}` : '',
    keyboard ? `#### Keyboard\n\n${keyboard}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Every event the kit's elements fire (the Actions panel listens for all of them around each story). */
export function eventNames(manifest: Manifest): string[] {
  return [...new Set([...elementsByTag(manifest).values()].flatMap((element) => (element.events ?? []).map((event) => event.name)))].sort();
}
