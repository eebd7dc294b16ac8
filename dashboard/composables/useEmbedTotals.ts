import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { type EmbedScope, type EmbedTotals } from '../graphql/embed';
import { OnEmbedTotalsDocument } from '../graphql/generated/embed';

/** After a lost connection, try again this much later (doubling, at most a minute). */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * The live totals a widget shows, over the WebSocket in the graphql-transport-ws protocol,
 * spoken by hand: the widget sits on other sites' pages, so it loads no GraphQL client (the
 * projector's Apollo and graphql-ws stay in the projector's chunk). The first message of each
 * subscription is the current totals, so a reconnect makes the widget whole again. NOT_FOUND
 * ends it for good.
 */
export function useEmbedTotals(scope: EmbedScope) {
  const totals = shallowRef<EmbedTotals | null>(null);
  const problem = ref<'notFound' | 'unavailable' | null>(null);
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket: WebSocket | null = null;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function connect(): void {
    socket = new WebSocket(url, 'graphql-transport-ws');
    const send = (message: object) => socket?.send(JSON.stringify(message));
    socket.onopen = () => send({ type: 'connection_init' });
    socket.onmessage = ({ data }) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') send({ id: 'totals', type: 'subscribe', payload: { query: OnEmbedTotalsDocument.toString(), variables: scope } });
      else if (message.type === 'ping') send({ type: 'pong' });
      else if (message.type === 'next' && message.payload?.data) {
        totals.value = message.payload.data.totalsUpdated;
        problem.value = null;
        retryMs = FIRST_RETRY_MS;
      } else if (message.type === 'error') {
        stopped = message.payload?.[0]?.extensions?.code === 'NOT_FOUND';
        problem.value = stopped ? 'notFound' : totals.value ? null : 'unavailable';
        socket?.close();
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      if (!totals.value) problem.value = 'unavailable';
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  }

  connect();
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(retryTimer);
    socket?.close();
  });
  return { totals, problem };
}
