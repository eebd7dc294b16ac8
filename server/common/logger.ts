import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** What a logged database error may say: which error, which code, which schema object. Never a value. */
type LoggedError = {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  routine?: string;
  message?: string;
  stack?: string;
  cause?: LoggedError;
};

/** SQLSTATE: five characters, digits and upper-case letters. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const NAME_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;
/**
 * Class 42 (an undefined function, table or column; a syntax error in our own SQL) is what a
 * bad deployment looks like. Its messages name schema objects and quote our SQL text, whose
 * values are always parameters, so they are kept: "function record_pledge(…) does not exist".
 */
const SCHEMA_ERROR = /^42/;

type ErrorLike = Error & Record<string, unknown> & { driverError?: Record<string, unknown> };

/**
 * The one place that decides what a log line says about an error. A database error (TypeORM's
 * QueryFailedError, or a driver's error with a SQLSTATE) is logged by class, SQLSTATE and the
 * names of the constraint, table and column involved. Its message, `detail` ("Failing row
 * contains (...)"), `where`, and TypeORM's `query` and `parameters` can all hold what a person
 * typed, so none of them is logged (but for schema errors, see SCHEMA_ERROR). Other errors are bugs or outages of our own making: their
 * message and stack are what an engineer needs, and hold no input (inputs are checked before
 * any code that could fail with them).
 */
export function serializeError(error: unknown, depth = 0): LoggedError | unknown {
  if (!(error instanceof Error)) return typeof error === 'string' || typeof error === 'number' ? { type: typeof error } : error;
  const err = error as ErrorLike;
  const driver = (err.driverError ?? err) as Record<string, unknown>;
  const code = typeof driver.code === 'string' ? driver.code : typeof err.code === 'string' ? err.code : undefined;
  const fromDatabase = err.name === 'QueryFailedError' || err.driverError !== undefined || (code !== undefined && SQLSTATE.test(code));
  const logged: LoggedError = { type: err.name || err.constructor?.name || 'Error' };
  if (code) logged.code = code;
  if (fromDatabase) {
    for (const field of NAME_FIELDS) if (typeof driver[field] === 'string') logged[field] = driver[field] as string;
    if (code && SCHEMA_ERROR.test(code) && typeof driver.message === 'string') logged.message = driver.message;
  } else {
    logged.message = err.message;
    if (err.stack) logged.stack = err.stack;
  }
  if (err.cause !== undefined && depth < 3) logged.cause = serializeError(err.cause, depth + 1) as LoggedError;
  return logged;
}

/**
 * A busy server writes a log line for every request. Written one by one, each line is a write
 * on Node's thread pool and two thread wake-ups, which cost a lone pledge more CPU than the
 * line is worth; gathered, they go out 4 KB at a time, and at most a quarter of a second after
 * they were logged (and at exit, by pino), so a quiet server's lines are not held back.
 */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 250;

/** Standard output as the logger writes to it: asynchronously, in order with whatever else is written to it; `flush()` sends what waits at once. */
export function standardOutput(): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: 1, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
}

/**
 * Structured JSON logs. Personal data never goes into a log line: errors go through
 * {@link serializeError}, and kit-order contact fields and SQL payloads are redacted wherever they
 * might appear, as a second line of defence behind not logging them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'writing-marathon' },
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: [
          ...['email', 'contactName', 'contactEmail', 'address', 'postalAddress', 'query', 'parameters', 'detail', 'where', 'variables'].flatMap((key) => [key, `*.${key}`]),
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
