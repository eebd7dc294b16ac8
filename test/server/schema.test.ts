import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderSchema, schemaFile } from '../../server/graphql/emit-schema.js';
import { buildGraphQLSchema } from '../../server/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('is what the resolvers produce (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(schemaFile, 'utf8');
    expect(renderSchema(await buildGraphQLSchema(new Map()))).toBe(committed);
  });

  it('keeps the names of the public contract', async () => {
    const committed = await readFile(schemaFile, 'utf8');
    for (const line of [
      'campaign(slug: String): Campaign',
      'case(campaign: String, slug: String!): Case',
      'totals(campaign: String, event: String, faculty: String): Totals!',
      'submitPledge(input: PledgeInput!): Pledge!',
      'orderKit(input: KitOrderInput!): KitOrderReceipt!',
      'updatedAt: DateTime!',
    ]) {
      expect(committed).toContain(line);
    }
  });
});
