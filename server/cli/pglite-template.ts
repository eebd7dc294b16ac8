import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { getPGliteInstance } from 'typeorm-pglite';
import { loadConfig } from '../common/config.js';
import { createDataSource } from '../database/data-source.js';
import { runMigrations } from '../database/migrations.js';
import { pgliteTemplateFile } from '../database/pglite-template.js';
import { seed } from '../database/seed.js';

// `npm run build:pglite` (part of `npm run build`): an in-memory cluster, migrated and seeded as
// a first start would leave it, dumped where the server looks for it (database/pglite-template.ts).
const dataSource = createDataSource(loadConfig({ DATA_DIR: 'memory://' }));
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  await seed(dataSource);
  const dump = await (await getPGliteInstance()).dumpDataDir('gzip');
  mkdirSync(dirname(pgliteTemplateFile), { recursive: true });
  writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()));
} finally {
  await dataSource.destroy();
}
