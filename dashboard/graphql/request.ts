/**
 * A small GraphQL-over-HTTP client for the student pages (home, pledge, kit, case), and for
 * checking a token before /admin signs in with it. Its rules for telling failures apart are
 * also Apollo's on /live and /admin (apollo.ts `requestError`) and the service worker's.
 *
 * Why not Apollo Client here: the `/pledge` route must stay under 120 KB of gzipped JavaScript
 * on a phone, and Vue, the router and vue-i18n already take about 70 KB; Apollo Client with
 * graphql-js adds about 60 KB more. These pages send one-shot requests and need no normalised
 * cache, but they do need to tell "the network failed, try again" from "the server refused this
 * input" precisely, which a plain `fetch` makes explicit. /live and /admin use Apollo (apollo.ts).
 */

import { type PublicErrorCode } from './generated/errorCodes';
import { type TypedDocumentString } from './generated/typedDocumentString';
import { contentLanguage } from './language';

/** One problem with one input field, as the server reports it in `extensions.issues`. */
export type FieldIssue = { field: string; message: string };

/**
 * - `network`: the request did not get a usable answer (offline, timeout, proxy error page);
 *   nothing is known to be stored, sending the same request again is the remedy.
 * - `unavailable`: the server answered but cannot act now (SERVICE_UNAVAILABLE, RATE_LIMITED,
 *   an internal error); again, try later.
 * - `rejected`: the server refused the request as it is (BAD_USER_INPUT, NOT_FOUND, ...);
 *   sending it again will not help.
 */
export type FailureKind = 'network' | 'unavailable' | 'rejected';

export class GraphQLRequestError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly code: string | null = null,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** Whether sending the same request later may succeed. */
  get retryable(): boolean {
    return this.kind !== 'rejected';
  }
}

/**
 * What each code the server may send means for the request: "this input will never be
 * accepted", or "this may pass on a later try". Keyed by the server's own list
 * (graphql/generated/errorCodes.ts), so a new code does not compile until it is placed here.
 * A code outside the list (INTERNAL_SERVER_ERROR) is "later".
 */
const FAILURE_KINDS: Record<PublicErrorCode, Exclude<FailureKind, 'network'>> = {
  BAD_REQUEST: 'rejected',
  QUERY_TOO_COMPLEX: 'rejected',
  BAD_USER_INPUT: 'rejected',
  FORBIDDEN: 'rejected',
  GRAPHQL_PARSE_FAILED: 'rejected',
  GRAPHQL_VALIDATION_FAILED: 'rejected',
  IDEMPOTENCY_KEY_REUSED: 'rejected',
  NOT_FOUND: 'rejected',
  UNAUTHENTICATED: 'rejected',
  OPERATION_RESOLUTION_FAILURE: 'unavailable',
  PERSISTED_QUERY_NOT_FOUND: 'unavailable',
  PERSISTED_QUERY_NOT_SUPPORTED: 'unavailable',
  RATE_LIMITED: 'unavailable',
  SERVICE_UNAVAILABLE: 'unavailable',
};

function failureKind(code: string | null): Exclude<FailureKind, 'network'> {
  return code && Object.hasOwn(FAILURE_KINDS, code) ? FAILURE_KINDS[code as PublicErrorCode] : 'unavailable';
}

/**
 * Whether the server refused the request for not knowing an input field (an older deployment:
 * a rollback, or the last version's process during a deploy), rather than for its content.
 * graphql-js says `Field "madeAt" is not defined by type "PledgeInput".`, as BAD_USER_INPUT for a
 * variable and GRAPHQL_VALIDATION_FAILED for a literal.
 */
export function refusesUnknownField(error: unknown, field: string): boolean {
  return (
    error instanceof GraphQLRequestError &&
    (error.code === 'BAD_USER_INPUT' || error.code === 'GRAPHQL_VALIDATION_FAILED') &&
    error.message.includes(`Field "${field}" is not defined by type`)
  );
}

type GraphQLBody<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; issues?: FieldIssue[] } }[];
};

/**
 * Turns an HTTP answer into data or a classified error. Pure, so that the rules can be tested
 * without a network.
 */
export function readGraphQLResponse<T>(status: number, body: unknown): T {
  if (!body || typeof body !== 'object') {
    throw new GraphQLRequestError(status >= 500 || status === 0 ? 'network' : 'unavailable', `Unexpected answer (HTTP ${status}).`);
  }
  const { data, errors } = body as GraphQLBody<T>;
  if (errors && errors.length > 0) {
    const [first] = errors;
    const code = first!.extensions?.code ?? null;
    const issues: FieldIssue[] = errors.flatMap((error) => {
      const listed = error.extensions?.issues;
      if (Array.isArray(listed) && listed.length > 0) return listed;
      const field = error.extensions?.field;
      return field ? [{ field, message: error.message }] : [];
    });
    const kind = failureKind(code);
    throw new GraphQLRequestError(kind, first!.message, code, issues);
  }
  if (data === undefined || data === null) {
    throw new GraphQLRequestError(status >= 500 ? 'network' : 'unavailable', `No data in the answer (HTTP ${status}).`);
  }
  return data;
}

/** A generated document (graphql/generated/): its text, typed with its result and variables. */
export type Operation<TResult = unknown, TVariables = Record<string, unknown>> = TypedDocumentString<TResult, TVariables>;

/** The operation's name, which codegen puts beside every document. */
export function operationName(operation: Operation<unknown, never>): string {
  return String(operation.__meta__?.operationName);
}

/** A request that hangs on bad Wi-Fi is treated as failed after this long; retries are safe. */
const TIMEOUT_MS = 15_000;

/**
 * Names the operation outside the body, so that the service worker can tell which requests it
 * handles without reading any other (dashboard/sw/sw.ts). Apollo's own clients send the same header.
 */
export const OPERATION_HEADER = 'x-apollo-operation-name';

/** The request body for an operation: the page and the service worker's warm-up send the same bytes. */
export function operationBody<TVariables>(operation: Operation<unknown, TVariables>, variables?: TVariables): string {
  return JSON.stringify({ operationName: operationName(operation), query: operation.toString(), variables: variables ?? {} });
}

export type RequestOptions = {
  /** An API token, sent as `Authorization: Bearer <token>`; none for the public pages. */
  token?: string | null;
  /**
   * Cancels the request: a page that asks again (another language) aborts the answer it no
   * longer wants, so that a slow one cannot land after the newer one. An aborted request
   * rejects with the signal's reason (an `AbortError`), never a {@link GraphQLRequestError}.
   */
  signal?: AbortSignal;
};

/** Sends one operation to `/graphql`. Throws {@link GraphQLRequestError} on any failure. */
export async function graphqlRequest<TResult, TVariables>(
  operation: Operation<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const { signal } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  // Not AbortSignal.any: phones a few years old lack it.
  const cancel = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  try {
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          [OPERATION_HEADER]: operationName(operation),
          // Content (case stories, titles) comes in the language the page shows.
          'accept-language': contentLanguage(),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: operationBody(operation, variables),
        signal: controller.signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new GraphQLRequestError('network', error instanceof Error ? error.message : 'Network error.');
    } finally {
      clearTimeout(timer);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (signal?.aborted) throw signal.reason;
    return readGraphQLResponse<TResult>(response.status, body);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Issues keyed by the field path below the argument: `input.lines.0.appealLetters` becomes
 * `lines.0.appealLetters`. The first message per field wins; forms show one message a field.
 */
export function issuesByField(issues: FieldIssue[], argument = 'input'): Record<string, string> {
  const result: Record<string, string> = {};
  const prefix = `${argument}.`;
  for (const { field, message } of issues) {
    const key = field.startsWith(prefix) ? field.slice(prefix.length) : field;
    result[key] ??= message;
  }
  return result;
}
