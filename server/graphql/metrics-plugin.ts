import { type ApolloServerPlugin } from '@apollo/server';
import { type Context } from '../common/context.js';
import { type Metrics } from '../common/metrics.js';

/**
 * Counts and times every HTTP GraphQL request by its first root field (e.g. `submitPledge`):
 * bounded by the schema, unlike operation names, which clients make up.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => {
      const stopTimer = metrics.latency.startTimer();
      return {
        willSendResponse: async ({ document, response }) => {
          const definition = document?.definitions.find((node) => node.kind === 'OperationDefinition');
          const [first] = definition?.kind === 'OperationDefinition' ? definition.selectionSet.selections : [];
          const operation = first?.kind === 'Field' ? first.name.value : 'invalid';
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.requests.inc({ operation, outcome: errors?.length ? String(errors[0]!.extensions?.code ?? 'error') : 'ok' });
          stopTimer({ operation });
        },
      };
    },
  };
}
