import { readFile } from 'node:fs/promises';
import { buildSchema, isInputObjectType, isObjectType, type GraphQLObjectType } from 'graphql';
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
    // Every field as a line of the schema without descriptions, its arguments in printed order.
    const committed = buildSchema(await readFile(schemaFile, 'utf8'));
    const signatures = Object.values(committed.getTypeMap())
      .filter((type) => isObjectType(type) || isInputObjectType(type))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()))
      .map((field) => `${field.name}${field.args?.length ? `(${field.args.map((arg) => `${arg.name}: ${arg.type}`).join(', ')})` : ''}: ${field.type}`);
    for (const line of [
      'campaign(slug: String): Campaign',
      'case(campaign: String, slug: String!): Case',
      'totals(campaign: String, event: String, faculty: String): Totals!',
      'submitPledge(input: PledgeInput!): Pledge!',
      'orderKit(input: KitOrderInput!): KitOrderReceipt!',
      'updatedAt: DateTime!',
    ]) {
      expect(signatures).toContain(line);
    }
  });
});
