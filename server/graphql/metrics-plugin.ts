import { type ApolloServerPlugin } from '@apollo/server';
import { type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { type Context } from '../common/context.js';
import { type Metrics } from '../common/metrics.js';

/**
 * Counts and times every HTTP GraphQL request by its first root field (e.g. `submitPledge`):
 * bounded by the schema, unlike operation names, which clients make up. A root field the schema
 * does not have counts as `unknown`, or every made-up name would add a series to /metrics.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => {
      const stopTimer = metrics.latency.startTimer();
      return {
        willSendResponse: async ({ document, response, schema }) => {
          const definition = document?.definitions.find((node) => node.kind === 'OperationDefinition');
          const operation = definition?.kind === 'OperationDefinition' ? rootFieldLabel(schema, definition) : 'invalid';
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.requests.inc({ operation, outcome: errors?.length ? String(errors[0]!.extensions?.code ?? 'error') : 'ok' });
          stopTimer({ operation });
        },
      };
    },
  };
}

function rootFieldLabel(schema: GraphQLSchema, definition: OperationDefinitionNode): string {
  const [first] = definition.selectionSet.selections;
  if (first?.kind !== 'Field') return 'unknown';
  const root = schema.getRootType(definition.operation);
  return root?.getFields()[first.name.value] || first.name.value === '__typename' ? first.name.value : 'unknown';
}
