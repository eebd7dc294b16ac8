import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { ref } from 'vue';
import { waitBeforeRetry } from './reconnect';

/** The state of the live connection, for the small indicator on screens that show live data. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';
export const connectionState = ref<ConnectionState>('connecting');

function websocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The WebSocket client: lazy (opened by the first subscription), retrying forever, because a
 * projector must come back by itself after Wi-Fi drops: backoff with jitter and a low cap, cut
 * short by the server's readiness probe (reconnect.ts).
 */
export const wsClient: Client = createClient({
  url: websocketUrl(),
  retryAttempts: Infinity,
  shouldRetry: () => true,
  retryWait: waitBeforeRetry,
  on: {
    connected: () => (connectionState.value = 'connected'),
    closed: () => (connectionState.value = 'reconnecting'),
    connecting: () => {
      if (connectionState.value !== 'connected') return;
      connectionState.value = 'reconnecting';
    },
  },
});

const isSubscription = ({ query }: ApolloLink.Operation) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
};

export const apolloClient = new ApolloClient({
  link: ApolloLink.split(isSubscription, new GraphQLWsLink(wsClient), new HttpLink({ uri: '/graphql' })),
  cache: new InMemoryCache(),
});
