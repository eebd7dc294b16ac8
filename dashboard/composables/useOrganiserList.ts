import { type ObservableQuery, type OperationVariables } from '@apollo/client';
import { type Subscription } from 'rxjs';
import { onScopeDispose, shallowRef } from 'vue';
import { apolloDocument, requestError } from '../graphql/apollo';
import { type Operation } from '../graphql/request';
import { type AdminSession } from './useAdminSession';

/**
 * A list of /admin that follows the organiser's cache: read from the server by `load` (again
 * for other variables) and `loadMore` (the next page, appended by the cache's field policy,
 * graphql/apollo.ts), and shown as the cache holds it. So when a mutation returns an order or a
 * pledge, every list showing it changes, with no code here to patch it in.
 */
export function useOrganiserList<TResult, TVariables extends OperationVariables>(session: AdminSession, operation: Operation<TResult, TVariables>) {
  const document = apolloDocument(operation);
  const data = shallowRef<TResult | null>(null);
  let watched: ObservableQuery<TResult, TVariables> | null = null;
  let subscription: Subscription | null = null;
  // A newer load replaces the answer of an older one that arrives late.
  let generation = 0;

  const failure = (error: unknown) => {
    const classified = requestError(error);
    session.refusedToken(classified);
    return classified;
  };

  /** Reads the list for these variables from the server; throws a GraphQLRequestError. */
  async function load(variables: TVariables): Promise<void> {
    const mine = ++generation;
    const client = session.organiserClient();
    try {
      // From the server, not the cache: the list is read again to see what changed since.
      await client.query({ query: document, variables, fetchPolicy: 'network-only' });
    } catch (error) {
      throw failure(error);
    }
    if (mine !== generation) return;
    if (!watched) {
      watched = client.watchQuery({ query: document, variables, fetchPolicy: 'cache-first' });
      subscription = watched.subscribe((result) => {
        if (result.dataState === 'complete') data.value = result.data as TResult;
      });
    } else {
      await watched.reobserve({ variables, fetchPolicy: 'cache-first' });
    }
  }

  /** Reads the next page (the variables with its cursor) into the list. */
  async function loadMore(variables: TVariables): Promise<void> {
    if (!watched) return;
    try {
      await watched.fetchMore({ variables });
    } catch (error) {
      throw failure(error);
    }
  }

  onScopeDispose(() => subscription?.unsubscribe());
  return { data, load, loadMore };
}
