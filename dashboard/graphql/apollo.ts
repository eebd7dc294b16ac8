import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { type Operation } from './request';

/**
 * Apollo Client, on HTTP, for the projector's reads (/live). Subscriptions go through the one
 * WebSocket client (socket.ts): their snapshots replace each other and are never cached.
 */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache(),
});

const parsed = new WeakMap<object, TypedDocumentNode<any, any>>();

/** The generated document (text) as the parsed document Apollo takes, parsed once. */
export function apolloDocument<TResult, TVariables>(operation: Operation<TResult, TVariables>): TypedDocumentNode<TResult, TVariables> {
  let document = parsed.get(operation);
  if (!document) parsed.set(operation, (document = gql(operation.toString())));
  return document as TypedDocumentNode<TResult, TVariables>;
}
