// `npm run build`'s contract step: writes the OpenAPI document partners import as
// `customers-console/openapi.json` (from src/contract/openapi.ts, built from the zod schemas) and
// bundles the checker CLI (`npx customers-console-contract`, src/contract/cli.ts) for Node into
// dist/contract-cli.js. Runs after `vite build`, which empties dist/. The folder may be given as the
// first argument.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildOpenApiDocument } from '../src/contract/openapi.js';

const root = join(import.meta.dirname, '..');

export async function writeContract(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const openapi = join(outDir, 'openapi.json');
  writeFileSync(openapi, `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`);
  const cli = join(outDir, 'contract-cli.js');
  await build({
    entryPoints: [join(root, 'src/contract/cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The package's own dependency, shared with the rest of the kit.
    external: ['zod'],
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(cli, 0o755);
  return [openapi, cli];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? join(root, 'dist');
  for (const file of await writeContract(outDir)) console.log(`wrote ${file}`);
}
