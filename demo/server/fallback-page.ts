/**
 * The page `npm start` serves when the built demo pages (dist-demo) are missing: a plain list of the
 * first customers from the API, so the server is still visibly working. Names are set as text.
 */
export function fallbackPage(apiBase: string): string {
  const base = JSON.stringify(apiBase);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Customers (reference server)</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:start;border-bottom:1px solid #ddd}</style>
</head>
<body>
<h1>Customers</h1>
<p>The built demo page is missing (run <code>npx vite build --mode demo</code>); this is the reference server's plain list.</p>
<p id="status">Loading…</p>
<table><thead><tr><th>User ID</th><th>Name</th><th>External ID</th><th>Plan</th><th>Joined</th></tr></thead><tbody id="rows"></tbody></table>
<script type="module">
const status = document.getElementById('status');
try {
  const config = await (await fetch(${base} + '/demo-config.json')).json();
  const res = await fetch(config.api_base + '/customers?per_page=50', { headers: { Authorization: 'Bearer ' + config.token } });
  const page = await res.json();
  if (!res.ok) throw new Error(page.detail || page.title);
  const rows = document.getElementById('rows');
  for (const c of page.items) {
    const tr = rows.insertRow();
    for (const value of [c.id, c.name, c.external_id ?? '', c.plan_id, c.created_at.slice(0, 10)]) tr.insertCell().textContent = String(value);
  }
  status.textContent = page.total + ' customers (' + page.counts.active + ' active, ' + page.counts.trial + ' in trial, ' + page.counts.expired + ' expired)';
} catch (error) {
  status.textContent = 'Could not load customers: ' + error.message;
}
</script>
</body>
</html>`;
}
