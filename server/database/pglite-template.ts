import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A PostgreSQL cluster for PGlite, made once by the build (`npm run build:pglite`:
 * server/cli/pglite-template.ts), migrated and seeded, as PGlite's own dump (a gzipped tar of
 * the data folder). A new data folder is loaded from it instead of running `initdb`, the
 * migrations and the seed in WebAssembly, which took most of a first start. Beside dist/server/,
 * so that the built server finds it wherever it was copied (the Docker image too); the source
 * tree has none, and a data folder is then made the slow way.
 */
export const pgliteTemplateFile = fileURLToPath(new URL('../../pglite/template.tar.gz', import.meta.url));

/** Whether PGlite has made its cluster in this folder already (PostgreSQL's own marker file). */
function holdsCluster(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir), 'PG_VERSION'));
}

/**
 * The template for a new data folder, or undefined when the folder holds a cluster or no
 * template was built. The files PGlite unpacks from it keep the tar's open modes; the folder
 * around them is its owner's only (lockDataFolder, which takes the folder first).
 */
export function templateFor(dataDir: string): Blob | undefined {
  if (holdsCluster(dataDir) || !existsSync(pgliteTemplateFile)) return undefined;
  return new Blob([readFileSync(pgliteTemplateFile)]);
}
