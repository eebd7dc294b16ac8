import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildGraphQLSchema } from './schema.js';

/** Relative to the project root, where npm scripts and the tests run. */
export const schemaFile = resolve('schema/schema.graphql');

/** The committed SDL: sorted, so that it changes only when the API does. */
export function renderSchema(schema: GraphQLSchema): string {
  return `# Generated from the TypeGraphQL resolvers by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

// Building the schema needs no resolver instances: they are looked up only when a query runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(schemaFile, renderSchema(await buildGraphQLSchema(new Map())));
  console.log(`Wrote ${schemaFile}`);
}
