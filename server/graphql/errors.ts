import { GraphQLError } from 'graphql';
import { type ZodError } from 'zod';

/** The codes clients may rely on; anything else is an internal error and gets masked. */
export const publicErrorCodes = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  // Apollo's own, for requests that never reach a resolver.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** One problem with one field of the input, as a form shows it next to that field. */
export type FieldIssue = { field: string; message: string };

/**
 * Bad input. `field` is the path from the argument, e.g. `input.lines.0.appealLetters`;
 * `issues` lists every problem found, so a form can mark all its fields at once.
 */
export function badUserInput(issues: FieldIssue[]): GraphQLError {
  const [first] = issues;
  return new GraphQLError(first?.message ?? 'The input is not valid.', {
    extensions: { code: 'BAD_USER_INPUT', field: first?.field, issues },
  });
}

export function badUserInputFromZod(error: ZodError, argument: string): GraphQLError {
  return badUserInput(
    error.issues.map((issue) => ({ field: [argument, ...issue.path].join('.'), message: issue.message })),
  );
}

export function notFound(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
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
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The service cannot reach its database for a moment. Nothing was saved; please try again.', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}
