import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { ref } from 'vue';

/** The state of the live connection, for the small indicator on screens that show live data. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';
export const connectionState = ref<ConnectionState>('connecting');

const MAX_BACKOFF_MS = 10_000;

function websocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The WebSocket client: lazy (opened by the first subscription), retrying forever with
 * exponential backoff and jitter, because a projector must come back by itself after Wi-Fi drops.
 */
export const wsClient: Client = createClient({
  url: websocketUrl(),
  retryAttempts: Infinity,
  shouldRetry: () => true,
  retryWait: async (retries) => {
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** retries) * (0.75 + Math.random() / 2);
    await new Promise((resolve) => setTimeout(resolve, delay));
  },
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
