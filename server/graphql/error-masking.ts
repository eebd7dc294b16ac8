import { type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Context } from './context.js';
import { isDatabaseUnavailable, publicErrorCodes, serviceUnavailable } from './errors.js';

const INTERNAL_MESSAGE = 'Something went wrong on our side. Nothing was saved; please try again.';

type ErrorKind = 'public' | 'unavailable' | 'internal';

/**
 * A GraphQLError with a known code is meant for the client; a database outage is not a bug;
 * anything else (an Error thrown by our code or a library, a GraphQLError without a known code)
 * is one.
 */
function classify(error: unknown): ErrorKind {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) return 'unavailable';
  if (original instanceof Error && !(original instanceof GraphQLError)) return 'internal';
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return publicErrorCodes.has(String(code ?? '')) ? 'public' : 'internal';
}

/**
 * What a client may see of an error: known codes as they are, a database outage as
 * SERVICE_UNAVAILABLE, anything else as a bare INTERNAL_SERVER_ERROR (no stack, no SQL).
 * Used for HTTP and WebSocket alike.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  switch (classify(error)) {
    case 'public': {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    case 'unavailable': {
      const unavailable = serviceUnavailable();
      return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
    }
    case 'internal':
      return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

/** Logs every unexpected error with its request id, and gives the client that id to quote. */
export function errorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const kind = classify(error);
            if (kind === 'public') continue;
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
          contextValue.logger.info(
            {
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
