import { type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, type ContainerType, type NonEmptyArray, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker.js';

/** What the root types are; TypeGraphQL has no decorator for them, and every type of the schema says what it is. */
const ROOT_DESCRIPTIONS = {
  query: 'Reading: totals, timelines, reference data, and for organisers the kit orders and pledges.',
  mutation: 'Writing: pledges and kit orders for everyone; campaigns, cases, events, faculties, tokens and fulfilment for organisers.',
  subscription: 'Live data over WebSocket (graphql-transport-ws): the totals.',
} as const;

/**
 * The schema of the API from the resolver instances the composition root built (server/app.ts
 * lists them, once): TypeGraphQL reads each one's class and asks this container for the
 * instance when a query runs. `pubSub` is where subscriptions get their events.
 */
export async function buildGraphQLSchema(options: { resolvers: readonly object[]; pubSub: PubSub }): Promise<GraphQLSchema> {
  const instances = new Map(options.resolvers.map((resolver) => [resolver.constructor, resolver]));
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.get(someClass as Function);
      if (!instance) throw new Error(`No instance for resolver ${String((someClass as Function).name)}`);
      return instance;
    },
  };
  const schema = await buildSchema({
    resolvers: [...instances.keys()] as unknown as NonEmptyArray<Function>,
    container,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    authChecker,
    // Checked on every field, also of objects reached through a resolver that is not protected.
    authMode: 'error',
    validate: false, // inputs are validated by the services (zod), the one place for each rule
    pubSub: options.pubSub,
    emitSchemaFile: false,
  });
  for (const [root, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const) {
    if (type) type.description = ROOT_DESCRIPTIONS[root];
  }
  return schema;
}
