import { type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Context } from '../common/context.js';
import { type Logger } from '../common/logger.js';
import { badUserInput, ErrorCode, isDatabaseUnavailable, isUnstorableText, publicErrorCodes, serviceUnavailable } from '../common/errors.js';
import { withoutSuggestions } from './limits.js';

const INTERNAL_MESSAGE = 'Something went wrong on our side. Nothing was saved; please try again.';

type ErrorKind = 'public' | 'unavailable' | 'unstorable' | 'internal';

/**
 * A GraphQLError with a known code is meant for the client; a database outage is not a bug;
 * anything else (an Error thrown by our code or a library, a GraphQLError without a known code)
 * is one.
 */
function classify(error: unknown): ErrorKind {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) return 'unavailable';
  if (isUnstorableText(original)) return 'unstorable';
  if (original instanceof Error && !(original instanceof GraphQLError)) return 'internal';
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return publicErrorCodes.has(String(code ?? '')) ? 'public' : 'internal';
}

export type ErrorMasker = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * What a client may see of an error: known codes as they are, a database outage as
 * SERVICE_UNAVAILABLE, anything else as a bare INTERNAL_SERVER_ERROR (no stack, no SQL).
 * In production, validation messages lose their field suggestions. Used for HTTP and
 * WebSocket alike.
 */
export function createErrorMasker(options: { hideSuggestions: boolean }): ErrorMasker {
  return (formatted, error) => maskError(formatted, error, options.hideSuggestions);
}

function maskError(formatted: GraphQLFormattedError, error: unknown, hideSuggestions: boolean): GraphQLFormattedError {
  switch (classify(error)) {
    case 'public': {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      // Apollo codes every validation error GRAPHQL_VALIDATION_FAILED; a limit's refusal keeps its own.
      if (error instanceof GraphQLError && error.originalError instanceof GraphQLError && error.originalError.extensions.code === ErrorCode.QUERY_TOO_COMPLEX) {
        extensions.code = ErrorCode.QUERY_TOO_COMPLEX;
      }
      const message = withoutEchoedValue(hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message);
      return { ...formatted, message, extensions };
    }
    case 'unstorable': {
      const refused = badUserInput([{ field: 'input', message: 'Text cannot contain the NUL character (U+0000).' }]);
      return { message: refused.message, path: formatted.path, extensions: refused.extensions };
    }
    case 'unavailable': {
      const unavailable = serviceUnavailable();
      return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
    }
    case 'internal':
      return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

/**
 * Logs every unexpected error with its request id, and gives the client that id to quote; and
 * writes each request's `graphql request` line, on `logger` with the request id as a field (the
 * same line a logger bound to the request id writes, without making one for every request).
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const kind = classify(error);
            // A NUL character in a string is the sender's mistake, answered as BAD_USER_INPUT.
            if (kind === 'public' || kind === 'unstorable') continue;
            const level = kind === 'unavailable' ? 'warn' : 'error';
            contextValue.logger[level]({ err: unwrapResolverError(error), operationName, path: error.path }, 'request failed');
          }
        },
        async willSendResponse({ response, operationName }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName,
              ms: Math.round(performance.now() - started),
              errors: errors?.map((error) => error.extensions?.code),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/**
 * GraphQL's message for a variable of the wrong shape repeats the value sent, which for a kit
 * order is a name and an address: the message keeps the path and the reason, not the value.
 */
function withoutEchoedValue(message: string): string {
  const match = /^(Variable "\$[^"]+") got invalid value [\s\S]*?((?: at "[^"]*")?; [^;]*)$/.exec(message);
  return match ? `${match[1]} got an invalid value${match[2]}` : message;
}
