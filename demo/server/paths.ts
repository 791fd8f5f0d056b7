/** Where the reference server keeps its files, relative to the repository root. */
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
/** The default database of `npm start` and `npm run seed` (gitignored). */
export const DEFAULT_DB_FILE = join(REPO_ROOT, 'demo', 'server', 'data', 'console.sqlite');
/** The built demo pages (`vite build --mode demo`). */
export const DEMO_DIST_DIR = join(REPO_ROOT, 'dist-demo');
