import { OnTotalsUpdatedDocument as ON_TOTALS_UPDATED } from '../../dashboard/graphql/generated/live.js';
import { createClient, type Client, type ClientOptions, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { type RawDocument } from './graphql.js';

/** The live screen's own subscription (dashboard/graphql/live.graphql), defined once. */
export { ON_TOTALS_UPDATED };

export function websocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

type Totals = Record<string, any>;

/**
 * A real graphql-ws client subscribed to totalsUpdated, collecting every message so that a
 * test can await the one it expects instead of sleeping.
 */
export function watchTotals(
  httpUrl: string,
  variables: Record<string, string> = {},
  options: Partial<ClientOptions> = {},
  query: TypedDocumentString<{ totalsUpdated: unknown }, any> | RawDocument = ON_TOTALS_UPDATED,
) {
  const messages: FormattedExecutionResult<{ totalsUpdated: Totals }, unknown>[] = [];
  const closeCodes: number[] = [];
  let waiters: { predicate: (totals: Totals) => boolean; resolve: (totals: Totals) => void; from: number }[] = [];
  let failure: ((error: unknown) => void) | null = null;
  let failed: unknown = null;

  const client: Client = createClient({
    url: websocketUrl(httpUrl),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    ...options,
    on: {
      closed: (event) => closeCodes.push((event as { code: number }).code),
      ...options.on,
    },
  });

  const settle = () => {
    waiters = waiters.filter((waiter) => {
      for (let i = waiter.from; i < messages.length; i++) {
        const totals = messages[i]!.data?.totalsUpdated;
        if (totals && waiter.predicate(totals)) {
          waiter.resolve(totals);
          return false;
        }
      }
      return true;
    });
  };

  const unsubscribe = client.subscribe<{ totalsUpdated: Totals }>(
    { query: query.toString(), variables },
    {
      next: (message) => {
        if (message.errors) {
          failed = message.errors;
          failure?.(message.errors);
          return;
        }
        messages.push(message);
        settle();
      },
      error: (error) => {
        failed = error;
        failure?.(error);
      },
      complete: () => undefined,
    },
  );

  return {
    messages,
    closeCodes,
    client,
    /** The first message from index `from` on that matches, already received or still to come. */
    waitFor(predicate: (totals: Totals) => boolean, from = 0): Promise<Totals> {
      return new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        failure = reject;
        waiters.push({ predicate, resolve, from });
        settle();
      });
    },
    /** Resolves with the subscription's error (e.g. NOT_FOUND), rejects if data comes instead. */
    error(): Promise<unknown> {
      return new Promise((resolve) => {
        if (failed) return resolve(failed);
        failure = resolve;
      });
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
