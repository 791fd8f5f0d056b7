import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { minifyTemplates } from '/work/main/scripts/minify-templates.mjs';
const entry = process.argv[2] || 'index.ts';
const r = await build({ root: '/work/main', configFile: false, logLevel: 'silent', plugins: [minifyTemplates()],
  define: { 'process.env.NODE_ENV': '"production"' }, resolve: { conditions: ['production', 'browser', 'import', 'default'] },
  build: { write: false, minify: true, rolldownOptions: { input: '/work/main/' + entry, preserveEntrySignatures: 'strict', output: { codeSplitting: false } } } });
const out = (Array.isArray(r) ? r : [r]).flatMap(x => x.output).filter(c => c.type === 'chunk');
const rows = [];
for (const c of out) for (const [id, m] of Object.entries(c.modules)) rows.push([m.renderedLength, gzipSync(m.code || '').length, id.replace('/work/main/', '')]);
rows.sort((a, b) => b[0] - a[0]);
const groups = {};
for (const [len, gz, id] of rows) { const g = id.includes('node_modules') ? id.split('node_modules/')[1].split('/').slice(0, id.includes('node_modules/@') ? 2 : 1).join('/') : id.split('/').slice(0, 2).join('/'); groups[g] = (groups[g] || 0) + gz; }
console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).map(([g, n]) => `${(n / 1024).toFixed(1)}\t${g}`).join('\n'));
console.log('---');
console.log(rows.slice(0, 45).map(([l, g, id]) => `${(l / 1024).toFixed(1)}\t${(g / 1024).toFixed(1)}\t${id}`).join('\n'));
