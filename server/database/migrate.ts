import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { createDataSource, runMigrations } from './data-source.js';

/** `npm run migration:run`: applies pending migrations without starting the service. */
const dataSource = createDataSource(loadConfig());
await dataSource.initialize();
try {
  const applied = await runMigrations(dataSource);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.');
} finally {
  await dataSource.destroy();
}
