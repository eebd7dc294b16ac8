import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSchema, schemaFile } from '../../server/cli/emit-schema.js';
import { startServer, type TestServer } from '../support/server.js';

describe('schema/schema.graphql', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(async () => {
    await sut?.stop();
  });

  it('is what a running server serves (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(schemaFile, 'utf8');
    expect(renderSchema(sut.app.schema)).toBe(committed);
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
