import 'reflect-metadata';
import { loadConfig } from '../common/config.js';
import { createDataSource } from './data-source.js';

/**
 * The data source TypeORM's CLI reads for `npm run migration:generate -- migrations/<Name>`: it
 * compares the entities with the database named by the environment and writes the difference
 * as a migration. Add the new file to migrations/index.ts.
 */
export default createDataSource(loadConfig());
