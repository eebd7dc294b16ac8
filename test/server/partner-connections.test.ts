import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryLimits } from '../../server/graphql/limits.js';
import { MAX_PLEDGE_LINES_PAGE } from '../../server/partners/partner.service.js';
import { ListPledgeLinesDocument } from '../support/generated/partners.js';
import { rawDocument } from '../support/graphql.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

/** Every field a client can select under a type, without arguments it must give, `depth` levels down. */
function fullSelection(schema: GraphQLSchema, type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => arg.type.toString().endsWith('!') === false))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (!isObjectType(named) || depth === 0) return null;
      return `${field.name} { ${fullSelection(schema, named, depth - 1)} }`;
    })
    .filter((field): field is string => Boolean(field));
  return fields.join(' ');
}

describe('pledgeLines as a Relay connection', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
    for (let i = 0; i < 5; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: i, solidarityCards: 1 }], { faculty: 'engineering' }) });
    }
  });
  afterAll(() => sut?.stop());

  const PAGE = ListPledgeLinesDocument;
  const page = async (variables: { first?: number; after?: string | null; last?: number; before?: string | null }) => {
    const { data, errors } = await sut.gql(PAGE, variables, tokens.partner);
    expect(errors).toBeUndefined();
    return data!.pledgeLines;
  };

  it('pages forwards and backwards over the same lines, with totalCount, startCursor and hasPreviousPage', async () => {
    const first = await page({ first: 2 });
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((edge) => edge.node.appealLetters)).toEqual([0, 1]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[1]!.cursor });
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.appealLetters)).toEqual([2, 3]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const newest = await page({ last: 2 });
    expect(newest.edges.map((edge) => edge.node.appealLetters)).toEqual([3, 4]);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const back = await page({ last: 2, before: newest.pageInfo.startCursor });
    expect(back.edges.map((edge) => edge.node.appealLetters)).toEqual([1, 2]);
    const oldest = await page({ last: 2, before: back.pageInfo.startCursor });
    expect(oldest.edges.map((edge) => edge.node.appealLetters)).toEqual([0]);
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('refuses first with last, and a page over the maximum, with BAD_USER_INPUT on the field', async () => {
    const both = await sut.gql(PAGE, { first: 2, last: 2 }, tokens.partner);
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    const over = await sut.gql(PAGE, { first: MAX_PLEDGE_LINES_PAGE + 1 }, tokens.partner);
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(over.errors![0]!.message).toBe(`Ask for 1 to ${MAX_PLEDGE_LINES_PAGE} lines at a time.`);
  });

  it('lets a full selection of the largest page through the cost limit, and refuses two with QUERY_TOO_COMPLEX in a sentence', async () => {
    const connection = sut.app.schema.getType('PledgeLineConnection') as GraphQLObjectType;
    const selection = fullSelection(sut.app.schema, connection, 3);
    const full = `pledgeLines(first: ${MAX_PLEDGE_LINES_PAGE}) { ${selection} }`;
    // Built from the schema while the test runs, to be the largest selection there is.
    const one = await sut.gql(rawDocument(`{ ${full} }`), undefined, tokens.partner);
    expect(one.errors).toBeUndefined();
    expect(one.data!.pledgeLines.edges).toHaveLength(5);

    const two = await sut.gql(rawDocument(`{ a: ${full} b: ${full} }`), undefined, tokens.partner);
    expect(two.status).toBe(400);
    const [error] = two.errors!;
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: queryLimits.maxCost });
    expect(error!.message).not.toMatch(/Syntax Error/);
    expect(error!.message).toMatch(new RegExp(`costs \\d[\\d,]* .*limit is ${queryLimits.maxCost.toLocaleString('en')}`));
  });
});
