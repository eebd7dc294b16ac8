import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createApp } from '../app.js';
import { loadConfig } from '../common/config.js';

/** Relative to the project root, where npm scripts and the tests run. */
export const schemaFile = resolve('schema/schema.graphql');

/** The committed SDL: sorted, so that it changes only when the API does. */
export function renderSchema(schema: GraphQLSchema): string {
  return `# Generated from the TypeGraphQL resolvers by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

// `npm run schema:emit`: the schema a server serves, from one started on an in-memory database
// (the resolvers it lists are the ones the composition root builds), written and stopped.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const app = await createApp(loadConfig({ DATA_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DASHBOARD_DIR: 'no-dashboard' }));
  try {
    await writeFile(schemaFile, renderSchema(app.schema));
    console.log(`Wrote ${schemaFile}`);
  } finally {
    await app.stop();
  }
}
