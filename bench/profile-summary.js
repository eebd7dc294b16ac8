/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by package, and
 * total (inclusive) time of the functions that matter, so that RESULTS.md can cite it.
 * Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const selfTime = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i] ?? 0)));
const totalUs = [...selfTime.values()].reduce((a, b) => a + b, 0);

const where = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/dist/server/')) return 'server:' + url.split('/dist/server/')[1];
  if (url.startsWith('node:')) return url;
  return url ? url.split('/').slice(-2).join('/') : `(${frame.functionName || 'native'})`;
};
const label = (node) => `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame)}:${node.callFrame.lineNumber + 1}`;

const byFunction = new Map();
const byPackage = new Map();
const inclusive = new Map();
for (const [id, us] of selfTime) {
  const node = nodes.get(id);
  byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + us);
  const pkg = where(node.callFrame).replace(/:.*$/, (m) => (m.startsWith(':') ? '' : m));
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const name = label(nodes.get(at));
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}
const pct = (us) => `${((100 * us) / totalUs).toFixed(1)}%`.padStart(6);
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled`);
print('self time by package / file', byPackage);
print('self time by function', byFunction);
print('total time (self + callees) by function', inclusive);
