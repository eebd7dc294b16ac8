import 'reflect-metadata';
import { loadConfig } from '../common/config.js';
import { createDataSource } from './data-source.js';
import { runMigrations } from './migrations.js';

/** `npm run migration:run`: applies pending migrations and changed function files without starting the service. */
const dataSource = createDataSource(loadConfig());
await dataSource.initialize();
try {
  const { migrations, functions } = await runMigrations(dataSource);
  const applied = [...migrations, ...functions.map((name) => `functions/${name}.sql`)];
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.');
} finally {
  await dataSource.destroy();
}
