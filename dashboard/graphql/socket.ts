import { createClient, type Client, type Sink } from 'graphql-ws';
import { ref } from 'vue';
import { contentLanguage, onContentLanguageChange } from './language';
import { operationName, type Operation } from './request';
import { waitBeforeRetry } from './reconnect';

/**
 * The one WebSocket client of the dashboard (graphql-ws alone, a few kilobytes): the projector's
 * live totals and the running total under the pledge form both subscribe through it.
 */

/** The state of the live connection, for the small indicator on screens that show live data. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';
export const connectionState = ref<ConnectionState>('connecting');

let client: Client | null = null;
/** The open socket, so that a change of language can restart it. */
let openSocket: WebSocket | null = null;
/** graphql-ws's "restart" close: not fatal, so the client reconnects and subscribes again. */
const RESTART_CODE = 4205;

function websocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Made on the first subscription, not when a page loads this module. Lazy (the socket closes
 * when nothing listens), retrying forever, because a projector must come back by itself after
 * Wi-Fi drops: backoff with jitter and a low cap, cut short by the server's readiness probe
 * (reconnect.ts).
 */
function socket(): Client {
  client ??= createClient({
    url: websocketUrl(),
    // Read at every connection: the server answers a socket in the language it asked in.
    connectionParams: () => ({ locale: contentLanguage() }),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
    on: {
      opened: (socket) => (openSocket = socket as WebSocket),
      connected: () => (connectionState.value = 'connected'),
      closed: () => {
        openSocket = null;
        connectionState.value = 'reconnecting';
      },
      connecting: () => {
        if (connectionState.value !== 'connected') return;
        connectionState.value = 'reconnecting';
      },
    },
  });
  return client;
}

// The student switched language: the live names come again in the new one, from a new socket
// whose subscriptions graphql-ws renews by itself (the first message is whole totals).
onContentLanguageChange(() => {
  if (openSocket?.readyState === WebSocket.OPEN) openSocket.close(RESTART_CODE, 'Language changed');
});

/** Subscribes to a generated subscription document; returns the function that ends it. */
export function subscribe<TResult, TVariables>(
  operation: Operation<TResult, TVariables>,
  variables: TVariables,
  sink: Sink<{ data?: TResult | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>,
): () => void {
  return socket().subscribe(
    { operationName: operationName(operation), query: operation.toString(), variables: variables as Record<string, unknown> },
    sink as Sink,
  );
}
