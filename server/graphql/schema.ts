import { type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, type ContainerType, type NonEmptyArray, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker.js';

/**
 * The schema of the API from the resolver instances the composition root built (server/app.ts
 * lists them, once): TypeGraphQL reads each one's class and asks this container for the
 * instance when a query runs. `pubSub` is where subscriptions get their events.
 */
export function buildGraphQLSchema(options: { resolvers: readonly object[]; pubSub: PubSub }): Promise<GraphQLSchema> {
  const instances = new Map(options.resolvers.map((resolver) => [resolver.constructor, resolver]));
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.get(someClass as Function);
      if (!instance) throw new Error(`No instance for resolver ${String((someClass as Function).name)}`);
      return instance;
    },
  };
  return buildSchema({
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
}
