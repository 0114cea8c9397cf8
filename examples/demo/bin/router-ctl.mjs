#!/usr/bin/env node
// The demo's router_command for the deploy and rollback actions when nginx is not installed: sends the weights
// the action decided to the demo's router (examples/demo/src/node-router.ts) through its admin listener, and
// fails (exit 1) unless the router applied them.
//
//   node router-ctl.mjs <admin url>        (env from the action: ROUTES_JSON, WEIGHTS, BLUE_WEIGHT, GREEN_WEIGHT)
const [adminUrl] = process.argv.slice(2);
if (!adminUrl) {
  process.stderr.write('usage: node router-ctl.mjs <admin url>\n');
  process.exit(2);
}
let routes;
try {
  routes = JSON.parse(process.env.ROUTES_JSON ?? '');
} catch {
  process.stderr.write(`router-ctl: ROUTES_JSON is not JSON: ${process.env.ROUTES_JSON}\n`);
  process.exit(2);
}
const list = (Array.isArray(routes) ? routes : (routes.upstreams ?? routes.routes ?? [])).map((r) => ({
  address: r.address ?? `${r.host ?? '127.0.0.1'}:${r.port}`,
  weight: Number(r.weight ?? 0),
}));
const res = await fetch(adminUrl, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(list),
  signal: AbortSignal.timeout(5000),
});
const text = await res.text();
if (!res.ok) {
  process.stderr.write(`router-ctl: the router refused the weights (${res.status}): ${text}\n`);
  process.exit(1);
}
process.stdout.write(`router: ${list.map((u) => `${u.address} weight ${u.weight}`).join(', ')}\n`);
