/**
 * `npm run build:server`: compiles server/ and migrations/ into dist/ with SWC, file by file (a
 * second or so, where tsc's emit took most of a first start), and copies the database function
 * files beside the compiled JavaScript (server/database/functions.ts reads them there). The
 * options are the ones tsconfig.json gives tsc and the tests' SWC (legacy decorators with their
 * metadata, no define semantics for class fields, ES2022), so all three build the same schema.
 * Types are checked by `npm run typecheck`, not here.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';

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
