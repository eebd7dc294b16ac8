import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * What one GraphQL document may ask for, on HTTP and WebSocket alike. Generous for every
 * screen and partner script (the largest, an organiser's kit-order page, is depth 5 and about
 * 150 tokens), tight enough that no single request can make the server work for long.
 */
export const queryLimits = {
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  // Lists multiply by their `first`: a partner's page of 1,000 pledge lines costs about 25,000.
  maxCost: 50_000,
} as const;

/**
 * The rules would otherwise throw, which GraphQL's validate does not catch (Apollo would answer
 * 500); reported as validation errors instead, they get a 400 and GRAPHQL_VALIDATION_FAILED.
 */
const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };

/** Validation rules added to GraphQL's own; the token limit is applied while parsing. */
export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: queryLimits.maxDepth, ...report }),
  maxAliasesRule({ n: queryLimits.maxAliases, ...report }),
  maxDirectivesRule({ n: queryLimits.maxDirectives, ...report }),
  costLimitRule({ maxCost: queryLimits.maxCost, ...report }),
];

/** Without field suggestions, a stranger cannot map a schema by guessing ("Did you mean …?"). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?/g, '').trim();
}
