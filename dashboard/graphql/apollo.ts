import {
  ApolloClient,
  CombinedGraphQLErrors,
  gql,
  HttpLink,
  InMemoryCache,
  ServerError,
  type FieldPolicy,
  type OperationVariables,
  type Reference,
  type TypedDocumentNode,
} from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { contentLanguage } from './language';
import { GraphQLRequestError, readGraphQLResponse, type Operation } from './request';

/**
 * Apollo Client, on HTTP, for the pages that earn it: the projector's reads (/live) and the
 * organiser pages (/admin), whose normalised cache makes a changed order or pledge change in
 * every list that shows it. The student pages use request.ts, and subscriptions the one
 * WebSocket client (socket.ts): their snapshots replace each other and are never cached.
 */

/** The projector's client: public reads only, in the language the screen shows. */
export const apolloClient = new ApolloClient({
  link: new SetContextLink((context) => ({ headers: { ...context.headers, 'accept-language': contentLanguage() } })).concat(new HttpLink({ uri: '/graphql' })),
  cache: new InMemoryCache(),
});

/**
 * The organisers' forms edit the English source texts (a case's reason, an event's title), so
 * their reads ask for English whatever language /admin's buttons speak: a Dutch text read into
 * a form and saved would otherwise replace the English one. Every language is edited in the
 * Texts tab, which reads them all at once.
 */
const ORGANISER_CONTENT_LANGUAGE = 'en';

type Connection = { edges: { node: Reference }[] };

/**
 * A keyset-paged list kept per filter (`keyArgs`): the first page replaces it, a page after a
 * cursor is appended, each node once.
 */
function pagedList(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      const known = new Set(existing.edges.map((edge) => edge.node.__ref));
      return { ...incoming, edges: [...existing.edges, ...incoming.edges.filter((edge) => !known.has(edge.node.__ref))] };
    },
  };
}

/**
 * An organiser's client: every request carries the token, and the cache is this session's
 * alone (made at sign-in, dropped at sign-out), since it holds students' contact data. Kit
 * orders are known by their reference, pledges by id, events by slug; a case's slug is unique
 * within its campaign only, so cases are not merged across lists. Reads go to the network:
 * another organiser may have moved an order since.
 */
export function createOrganiserClient(token: () => string | null): ApolloClient {
  return new ApolloClient({
    link: new SetContextLink((context) => ({
      headers: { ...context.headers, authorization: `Bearer ${token()}`, 'accept-language': ORGANISER_CONTENT_LANGUAGE },
    })).concat(new HttpLink({ uri: '/graphql' })),
    cache: new InMemoryCache({
      typePolicies: {
        KitOrder: { keyFields: ['reference'] },
        Event: { keyFields: ['slug'] },
        Case: { keyFields: false },
        Query: { fields: { kitOrders: pagedList(['filter']), recentPledges: pagedList(['campaign', 'event']) } },
      },
    }),
    defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only', nextFetchPolicy: 'cache-first' } },
  });
}

const parsed = new WeakMap<object, TypedDocumentNode<any, any>>();

/** The generated document (text) as the parsed document Apollo takes, parsed once. */
export function apolloDocument<TResult, TVariables extends OperationVariables>(operation: Operation<TResult, TVariables>): TypedDocumentNode<TResult, TVariables> {
  let document = parsed.get(operation);
  if (!document) parsed.set(operation, (document = gql(operation.toString())));
  return document as TypedDocumentNode<TResult, TVariables>;
}

/** Whether a document is a mutation (else a query). */
export function isMutation(document: TypedDocumentNode<any, any>): boolean {
  return document.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation');
}

/** Apollo's errors told apart the way the student pages' client tells them (request.ts). */
export function requestError(error: unknown): GraphQLRequestError {
  if (error instanceof GraphQLRequestError) return error;
  const classify = (status: number, body: unknown): GraphQLRequestError => {
    try {
      readGraphQLResponse(status, body);
    } catch (classified) {
      if (classified instanceof GraphQLRequestError) return classified;
    }
    return new GraphQLRequestError('unavailable', `Unexpected answer (HTTP ${status}).`);
  };
  if (CombinedGraphQLErrors.is(error)) return classify(200, { errors: error.errors });
  if (ServerError.is(error)) {
    let body: unknown = null;
    try {
      body = JSON.parse(error.bodyText);
    } catch {
      // Not JSON: a proxy's error page.
    }
    return classify(error.statusCode, body);
  }
  return new GraphQLRequestError('network', error instanceof Error ? error.message : 'Network error.');
}
