import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { queryTooComplex } from '../common/errors.js';

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
  // Lists multiply by their `first` or `last`: a partner's largest page (1,000 pledge lines)
  // with every field of a line, its case (with its writing kit), faculty and event costs about
  // 223,000, and must pass; two such pages in one request must not
  // (test/server/partner-connections.test.ts).
  maxCost: 300_000,
} as const;

/**
 * The rules would otherwise throw, which GraphQL's validate does not catch (Apollo would answer
 * 500). They are reported as validation errors instead (a 400), each as QUERY_TOO_COMPLEX with
 * a sentence that names the limit, not the library's "Syntax Error: …".
 */
function reportAs(sentence: (found: number) => string, extensions: Record<string, number>) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? /(\d+)\s*$/.exec(error.message)?.[1] ?? Number.NaN);
        context?.reportError(queryTooComplex(sentence(found), extensions, error.nodes));
      },
    ],
  };
}

const number = (value: number) => value.toLocaleString('en');

/** Validation rules added to GraphQL's own; the token limit is applied while parsing. */
export const limitRules: ValidationRule[] = [
  maxDepthRule({
    n: queryLimits.maxDepth,
    ...reportAs(() => `This query nests fields more than ${queryLimits.maxDepth} levels deep, the limit: select less deeply.`, { maxDepth: queryLimits.maxDepth }),
  }),
  maxAliasesRule({
    n: queryLimits.maxAliases,
    ...reportAs(() => `This query uses more than ${queryLimits.maxAliases} aliases, the limit: send fewer at once.`, { maxAliases: queryLimits.maxAliases }),
  }),
  maxDirectivesRule({
    n: queryLimits.maxDirectives,
    ...reportAs(() => `This query uses more than ${queryLimits.maxDirectives} directives, the limit: send fewer at once.`, { maxDirectives: queryLimits.maxDirectives }),
  }),
  costLimitRule({
    maxCost: queryLimits.maxCost,
    ...reportAs(
      (found) =>
        `This query costs ${Number.isNaN(found) ? 'more' : number(found)} and the limit is ${number(queryLimits.maxCost)}: ask for smaller pages (first or last) or fewer fields, or split it into several requests.`,
      { maxCost: queryLimits.maxCost },
    ),
  }),
];

/**
 * Introspection refused where GRAPHQL_INTROSPECTION is off (production), on HTTP and WebSocket
 * alike, with a sentence that sends a partner's tool to the published schema; Apollo's own rule
 * would tell the partner how to configure Apollo.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new GraphQLError('This server does not answer introspection (__schema, __type): its schema is schema/schema.graphql in the project, and docs/partners.md explains it.', { nodes: node }),
    );
  },
});

/** Without field suggestions, a stranger cannot map a schema by guessing ("Did you mean …?"). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?/g, '').trim();
}
