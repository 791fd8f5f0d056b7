// The import rules of ARCHITECTURE.md, checked over the sources: which room may import which.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|mts|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

/** Every module a file imports: static, side-effect, re-export and dynamic forms. */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*'([^']+)'/g, /\bimport\s*'([^']+)'/g, /\bimport\(\s*'([^']+)'\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

interface Edge {
  from: string;
  to: string;
}

/** Imports between the repository's own files, as repository-relative paths (packages are left out). */
function edges(dirs: string[]): Edge[] {
  const all: Edge[] = [];
  for (const file of dirs.flatMap(sources)) {
    for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      all.push({ from: file, to: normalize(join(dirname(file), spec)) });
    }
  }
  return all;
}

const room = (path: string) => path.split('/').slice(0, 2).join('/');

/** Edges that break `allowed`, printed as "from → to". */
function violations(dirs: string[], allowed: (edge: Edge) => boolean): string[] {
  return edges(dirs)
    .filter((edge) => !allowed(edge))
    .map(({ from, to }) => `${from} → ${relative(ROOT, join(ROOT, to))}`);
}

describe('ARCHITECTURE.md import rules', () => {
  it('finds imports of every form', () => {
    assert.deepEqual(
      importsOf(`import { a } from './a.js';\nimport './b.js';\nexport * from './c.js';\nconst d = await import('./d.js');`).sort(),
      ['./a.js', './b.js', './c.js', './d.js'],
    );
  });

  it('src/ never imports the elements, the demo or the tests', () => {
    assert.deepEqual(
      violations(['src'], ({ to }) => to.startsWith('src/')),
      [],
    );
  });

  it('src/model imports only itself and the origin rules; src/query only itself and src/model; src/embed only itself', () => {
    const allowed: Record<string, string[]> = {
      'src/model': ['src/model'],
      'src/query': ['src/query', 'src/model'],
      'src/embed': ['src/embed'],
    };
    assert.deepEqual(
      violations(
        ['src/model', 'src/query', 'src/embed'],
        ({ from, to }) => allowed[room(from)]!.includes(room(to)) || (room(from) === 'src/model' && to === 'src/embed/origins.js'),
      ),
      [],
    );
  });

  it('src/contract imports itself, src/model, src/query and src/backend; only its CLI uses Node built-ins', () => {
    const rooms = ['src/contract', 'src/model', 'src/query', 'src/backend'];
    assert.deepEqual(
      violations(['src/contract'], ({ to }) => rooms.includes(room(to))),
      [],
    );
    const nodeImports = sources('src/contract')
      .filter((file) => importsOf(readFileSync(join(ROOT, file), 'utf8')).some((spec) => spec.startsWith('node:')))
      .sort();
    assert.deepEqual(nodeImports, ['src/contract/cli.ts']);
  });

  it('src/server (Node only) imports itself, src/embed and src/backend; nothing else in src/ or the elements imports it', () => {
    const rooms = ['src/server', 'src/embed', 'src/backend'];
    assert.deepEqual(
      violations(['src/server'], ({ to }) => rooms.includes(room(to))),
      [],
    );
    assert.deepEqual(
      violations(['src/model', 'src/query', 'src/embed', 'src/backend', 'src/contract', 'components'], ({ to }) => room(to) !== 'src/server'),
      [],
    );
    const packages = sources('src/server')
      .flatMap((file) => importsOf(readFileSync(join(ROOT, file), 'utf8')))
      .filter((spec) => !spec.startsWith('.'));
    assert.deepEqual([...new Set(packages)].filter((spec) => !spec.startsWith('node:') && spec !== 'jose'), [], 'only Node built-ins and jose');
  });

  it('an element imports its own folder, components/shared and src/, and another element only through its define module', () => {
    assert.deepEqual(
      violations(['components'], ({ from, to }) => {
        if (to.startsWith('src/') || to.startsWith('components/shared/')) return true;
        if (room(from) === 'components/shared') return false;
        return room(to) === room(from) || /^components\/[^/]+\/define\.js$/.test(to);
      }),
      [],
    );
  });

  it('the reference server never imports the elements', () => {
    assert.deepEqual(
      violations(['demo/server'], ({ to }) => !to.startsWith('components/')),
      [],
    );
  });

  it('pages, stories and benchmarks use elements through their define modules (and shared tokens for theming)', () => {
    assert.deepEqual(
      violations(['demo', 'stories', 'bench'], ({ to }) => !to.startsWith('components/') || /^components\/[^/]+\/define\.js$/.test(to) || to === 'components/shared/tokens.js'),
      [],
    );
  });
});
