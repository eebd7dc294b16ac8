/**
 * The busy time of a service CPU profile (`node --cpu-prof`) by layer of the request path, per
 * pledge: each sample goes to the innermost package (or server file) on its stack, so that time
 * in Node's own code counts for whoever called it; socket and standard-output writes are shown
 * apart, by who wrote. Idle time and the first `skip` seconds (start-up) are left out.
 * The server runs as one bundled file (build/server.mjs); its source map gives each function's
 * own file back, so the layers are those of the sources, not one "main.js".
 * Usage: node bench/profile-layers.js <file.cpuprofile> <pledges in the profile> [skip seconds=6]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const [file, pledgesArg, skipArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const pledges = Number(pledgesArg);
const skipUs = Number(skipArg ?? 6) * 1e6;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const sourceMaps = new Map();
/** The file a function came from: through the bundle's source map where there is one. */
function sourceOf({ url, lineNumber, columnNumber }) {
  if (!url.startsWith('file:')) return url;
  if (!sourceMaps.has(url)) {
    const mapFile = `${fileURLToPath(url)}.map`;
    sourceMaps.set(url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  const entry = sourceMaps.get(url)?.findEntry(lineNumber, columnNumber);
  return entry?.originalSource ? new URL(entry.originalSource, url).href : url;
}
// The bundle's map names its sources from the project's root (server/pledges/...), so resolved
// against dist/server/main.js they read dist/server/server/...: the source is the last server/.
const packageOf = (url) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /\/(server\/(?!server\/).*)$/.exec(url)?.[1].replace(/\.ts$/, '.js') ?? null;

const LAYERS = [
  ['HTTP integration: Express, body, CORS, context', /^(express|router|body-parser|raw-body|type-is|media-typer|content-type|@as-integrations\/express5|cors|vary|parseurl|finalhandler|proxy-addr|forwarded|mime-types|etag|fresh|send|encodeurl|on-finished|debug|http-errors|iconv-lite|unpipe|depd|qs|server\/http\/.*|server\/graphql\/apollo\.js|server\/common\/locale\.js)$/],
  ['pg: the prepared statement', /^(pg|pg-pool|pg-protocol|pg-types|postgres-array|postgres-date|typeorm|server\/common\/prepared-query\.js|server\/pledges\/pledge\.queries\.js)$/],
  ['the request log line (pino)', /^(pino|sonic-boom|@pinojs\/.*|fast-redact|pino-std-serializers|quick-format-unescaped|safe-stable-stringify)$/],
  ['zod', /^zod$/],
  ['TypeGraphQL', /^type-graphql$/],
  ['graphql: coercion and execution', /^(graphql|graphql-scalars|@escape\.tech\/.*)$/],
  ['Apollo pipeline and plugins', /^(@apollo\/.*|negotiator|prom-client|tdigest|bintrees|server\/graphql\/(error-masking|metrics-plugin)\.js)$/],
  ['pledge batcher', /^server\/pledges\/pledge-batcher\.js$/],
  ['resolver, rate limits, service', /^(server\/.*|rate-limiter-flexible)$/],
];
const layerOf = (pkg) => LAYERS.find(([, pattern]) => pattern.test(pkg))?.[0] ?? `other: ${pkg}`;
const WRITES = /^(writev|writeString|writeBuffer|writeUtf8String|writeLatin1String)$/;

const layers = new Map();
let at = 0;
let busy = 0;
profile.samples.forEach((id, index) => {
  const us = profile.timeDeltas[index] ?? 0;
  at += us;
  const leaf = nodes.get(id).callFrame.functionName;
  if (at < skipUs || leaf === '(idle)') return;
  busy += us;
  let pkg = null;
  for (let node = id; node !== undefined && !pkg; node = parents.get(node)) pkg = packageOf(sourceOf(nodes.get(node).callFrame));
  let layer = leaf === '(garbage collector)' || leaf === '(program)' ? leaf : pkg ? layerOf(pkg) : "Node's HTTP and streams";
  if (WRITES.test(leaf)) layer = `write system call: ${pkg ? layerOf(pkg) : 'node'}`;
  layers.set(layer, (layers.get(layer) ?? 0) + us);
});

console.log(`${file}: busy ${(busy / 1000).toFixed(0)} ms, ${(busy / pledges).toFixed(0)} µs per pledge over ${pledges} pledges`);
for (const [layer, us] of [...layers].sort((a, b) => b[1] - a[1])) {
  console.log(`${(us / pledges).toFixed(0).padStart(6)} µs ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${layer}`);
}
