import { GraphQLError } from 'graphql';
import { type ZodError } from 'zod';
import { commonMessages } from './messages.js';

/**
 * The error codes of our own that clients may rely on, each made by one constructor below.
 * The list is the API's: docs/operations.md names the same codes.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A request this API does not take: bad JSON, a query over the WebSocket. Apollo uses it too. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A document over a query limit (depth, aliases, directives, cost), refused before it runs. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Apollo's own codes, for requests that never reach a resolver. */
const apolloCodes = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'];

/** The codes a client may see as they are; anything else is an internal error and gets masked. */
export const publicErrorCodes: ReadonlySet<string> = new Set([...Object.values(ErrorCode), ...apolloCodes]);

/** One problem with one field of the input, as a form shows it next to that field. */
export type FieldIssue = { field: string; message: string };

/**
 * Bad input. `field` is the path from the argument, e.g. `input.lines.0.appealLetters`;
 * `issues` lists every problem found, so a form can mark all its fields at once.
 */
export function badUserInput(issues: FieldIssue[]): GraphQLError {
  const [first] = issues;
  return new GraphQLError(first?.message ?? 'The input is not valid.', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, issues },
  });
}

/** Every problem zod found, each on its field under `argument`. */
export function badUserInputFromZod(error: ZodError, argument: string): GraphQLError {
  return badUserInput(error.issues.map((issue) => ({ field: [argument, ...issue.path].join('.'), message: issue.message })));
}

export function notFound(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) } });
}

/** No token, or one that does not work (HTTP 401). */
export function unauthenticated(message = 'This token is not valid or has been revoked.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** A document over one of the query limits, with the limit it broke (e.g. `maxCost`) in its extensions. */
export function queryTooComplex(message: string, limits: Record<string, number>, nodes?: GraphQLError['nodes']): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...limits } });
}

/** A token that works but does not allow this. */
export function forbidden(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...(field ? { field } : {}) } });
}

/** Over a rate limit: HTTP 429 with Retry-After. */
export function rateLimited(retryAfterSeconds: number, message = commonMessages.en.rateLimited(retryAfterSeconds)): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The service cannot reach its database for a moment. Nothing was saved; please try again.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
  });
}

/** A client key sent again with other content than the first time; the sentence is the pledge's (pledges/pledge.messages.ts). */
export function idempotencyKeyReused(field: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED, field },
  });
}

export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST } });
}

/** Whether an error is one of ours with this code. */
export function hasCode(error: unknown, code: ErrorCode): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === code;
}

/**
 * The code of a database or network error: PostgreSQL's SQLSTATE, or Node's (ECONNREFUSED).
 * TypeORM wraps the driver's error, so look there first.
 */
function errorCode(error: unknown): string | undefined {
  const wrapped = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = wrapped?.driverError?.code ?? wrapped?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a database error is a unique-constraint violation, e.g. a slug already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return errorCode(error) === '23505';
}

/** PostgreSQL cannot store U+0000 in text (22021, 22P05): bad input, not a bug. */
export function isUnstorableText(error: unknown): boolean {
  const code = errorCode(error);
  return code === '22021' || code === '22P05';
}

/** PostgreSQL error classes and network errors that mean "the database is away", not "bug". */
const unavailableSqlStates = /^(08|53|57P0[1-3])/;
const unavailableNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = errorCode(error);
  if (code && (unavailableSqlStates.test(code) || unavailableNetworkCodes.has(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}
