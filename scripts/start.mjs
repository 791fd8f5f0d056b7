// `npm start`: builds the demo pages when they are missing or older than their sources, then runs the
// reference server (demo/server/main.ts) in this process through tsx. If the demo build fails (for
// example before demo/index.html exists), the server serves its built-in customer list page instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = join(import.meta.dirname, '..');
const builtPage = join(root, 'dist-demo', 'index.html');
const SOURCES = ['demo', 'components', 'src', 'index.ts', 'vite.config.ts'];

/** The newest modification time under the demo's sources (the server's own files excluded). */
function newestSourceMtime() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (path === join(root, 'demo', 'server')) return;
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(join(root, source));
  return newest;
}

const stale = !existsSync(builtPage) || statSync(builtPage).mtimeMs < newestSourceMtime();
if (stale) {
  if (!existsSync(join(root, 'demo', 'index.html'))) {
    console.log('demo/index.html does not exist yet: the server will serve its built-in customer list page.');
  } else {
    console.log('Building the demo pages (vite build --mode demo)…');
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      console.log('The demo build failed: the server will serve its built-in customer list page.');
    }
  }
}

register();
const { main } = await import('../demo/server/main.ts');
await main();
