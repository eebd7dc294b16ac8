import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';

declare const untyped: unique symbol;

/** A document sent as written, without generated types: made by `rawDocument`. */
export type RawDocument = string & { readonly [untyped]: true };

/**
 * Marks a document the tests send as written, which no .graphql file holds and so no schema
 * checks: one the service must refuse (a syntax error, an unknown field or argument, a depth,
 * alias or cost attack, hostile text), or one built while the test runs. Every other document
 * is an operation in `test/support/*.graphql` (or the dashboard's own), whose types
 * `npm run codegen` writes from the schema, so that a renamed field breaks the type check.
 */
export const rawDocument = (text: string): RawDocument => text as RawDocument;

/**
 * Variables sent with a typed document without their types checked: input the service must
 * refuse for its shape (a wrong type, an unknown or missing field), which the generated
 * types would not let a test write.
 */
export const untypedVariables = <V>(variables: Record<string, unknown>): V => variables as V;

export type GraphQLResponse<T> = {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
};

/** Runs one operation over HTTP: a generated document, typed by its result and variables, or a raw one. */
export type GraphQLClient = {
  <T, V>(document: TypedDocumentString<T, V>, variables?: V, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  (document: RawDocument, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<any>>;
};

/** A GraphQL client for the service at `url`, sending what any client sends: a JSON POST. */
export function graphqlClient(url: string): GraphQLClient {
  return ((document: { toString(): string }, variables?: unknown, headers?: Record<string, string>) => postGraphQL(url, document, variables, headers)) as GraphQLClient;
}

/** The one request of every GraphQL client here; typed through `GraphQLClient`. */
export async function postGraphQL(url: string, document: { toString(): string }, variables?: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<unknown>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The Authorization header of a token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
