/**
 * `npm run build:server`: compiles server/ and migrations/ into dist/ with SWC, file by file (a
 * second or so, where tsc's emit took most of a first start), and copies the database function
 * files beside the compiled JavaScript (server/database/functions.ts reads them there). The
 * options are the ones tsconfig.json gives tsc and the tests' SWC (legacy decorators with their
 * metadata, no define semantics for class fields, ES2022), so all three build the same schema.
 * Types are checked by `npm run typecheck`, not here.
 *
 * Then the server's entry, dist/server/main.js, is replaced by one file holding it and
 * everything it imports, its dependencies too (Rolldown, which Vite builds with): Node then
 * reads, resolves and links one module instead of some two thousand, which took about half
 * of a start on a data folder started before (bench/RESULTS.md, "Start-up"). The other entries
 * (the token command, the migration and schema commands) stay file by file.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { transformFile } from '@swc/core';
import { build } from 'rolldown';

const SOURCES = ['server', 'migrations'];
const OUT = 'dist';

const options = (file) => ({
  filename: file,
  sourceMaps: true,
  sourceFileName: relative(dirname(join(OUT, file)), file),
  module: { type: 'es6' },
  jsc: {
    target: 'es2022',
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
});

const typescriptFiles = (folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

await Promise.all(
  SOURCES.flatMap(typescriptFiles).map(async (file) => {
    const target = join(OUT, file.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, options(file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
  }),
);
rmSync(join(OUT, 'server/database/functions'), { recursive: true, force: true });
cpSync('server/database/functions', join(OUT, 'server/database/functions'), { recursive: true });

/**
 * Kept out of the bundle: PGlite finds its WebAssembly and data files beside its own module;
 * pg-native and class-validator are optional imports of pg and TypeGraphQL that are not
 * installed (and never taken).
 */
const EXTERNAL = /^(@electric-sql\/pglite|pg-native|class-validator)(\/|$)/;
const ENTRY = join(OUT, 'server/main.js');
const entryDir = resolve(dirname(ENTRY));

/**
 * `import.meta.url` in a bundled module of ours still means that module's own file (beside which
 * it finds the database function files or the PGlite template), not the bundle's.
 */
const ownModuleUrls = {
  name: 'own-module-urls',
  transform(code, id) {
    if (!id.startsWith(resolve(OUT) + sep) || !code.includes('import.meta.url')) return null;
    const fromEntry = `./${relative(entryDir, id).split(sep).join('/')}`;
    return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromEntry)}, import.meta.url).href`), map: null };
  },
};

const bundled = await build({
  input: ENTRY,
  platform: 'node',
  external: (id) => EXTERNAL.test(id),
  resolve: { alias: { '@apollo/utils.createhash': resolve('build/node-create-hash.mjs') } },
  plugins: [ownModuleUrls],
  logLevel: 'warn',
  write: false,
  output: { format: 'esm', keepNames: true, codeSplitting: false, sourcemap: true },
});
const [chunk] = bundled.output;
writeFileSync(ENTRY, `${chunk.code}\n//# sourceMappingURL=main.js.map\n`);
writeFileSync(`${ENTRY}.map`, chunk.map.toString());
