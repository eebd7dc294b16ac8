import { type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, type ContainerType } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.js';
import { CampaignResolver } from '../campaigns/campaign.resolver.js';
import { CaseResolver } from '../cases/case.resolver.js';
import { EventResolver } from '../events/event.resolver.js';
import { FacultyResolver } from '../faculties/faculty.resolver.js';
import { KitOrderResolver } from '../kits/kit-order.resolver.js';
import { PartnerResolver } from '../partners/partner.resolver.js';
import { PledgeReviewResolver } from '../pledges/pledge-review.resolver.js';
import { PledgeResolver } from '../pledges/pledge.resolver.js';
import { TokenResolver } from '../auth/token.resolver.js';
import { SiteResolver } from '../site.resolver.js';
import { TotalsResolver } from '../totals/totals.resolver.js';

export const resolverClasses = [
  CampaignResolver,
  CaseResolver,
  EventResolver,
  FacultyResolver,
  KitOrderResolver,
  PartnerResolver,
  PledgeResolver,
  PledgeReviewResolver,
  SiteResolver,
  TokenResolver,
  TotalsResolver,
] as const;

/** Resolver instances built by the composition root, handed to TypeGraphQL by class. */
export type ResolverInstances = Map<Function, object>;

export function buildGraphQLSchema(resolvers: ResolverInstances): Promise<GraphQLSchema> {
  const container: ContainerType = {
    get: (someClass) => {
      const instance = resolvers.get(someClass as Function);
      if (!instance) throw new Error(`No instance for resolver ${String((someClass as Function).name)}`);
      return instance;
    },
  };
  return buildSchema({
    resolvers: resolverClasses,
    container,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    authChecker,
    // Checked on every field, also of objects reached through a resolver that is not protected.
    authMode: 'error',
    validate: false, // inputs are validated by the services (zod), the one place for each rule
    // TypeGraphQL insists on a pub/sub once there is a subscription. Ours brings its own
    // `subscribe` (live totals read the database), so nothing is ever published through this.
    pubSub: {
      publish: () => {
        throw new Error('Subscriptions here do not use a pub/sub');
      },
      subscribe: () => {
        throw new Error('Subscriptions here do not use a pub/sub');
      },
    },
    emitSchemaFile: false,
  });
}
