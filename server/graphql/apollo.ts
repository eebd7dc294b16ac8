import { randomUUID } from 'node:crypto';
import { type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import { type GraphQLSchema } from 'graphql';
import { type TokenService } from '../auth/token.service.js';
import { type Context } from '../common/context.js';
import { negotiatedLocale } from '../common/locale.js';
import { type Logger } from '../common/logger.js';
import { type Metrics } from '../common/metrics.js';
import { errorLoggingPlugin, type ErrorMasker } from './error-masking.js';
import { limitRules, queryLimits } from './limits.js';
import { metricsPlugin } from './metrics-plugin.js';

/** How long requests in flight may take to finish at SIGTERM before their sockets are closed. */
const DRAIN_MS = 5_000;

/** Apollo on the HTTP server: the limits, error masking, logging and metrics of every HTTP request. */
export async function startApollo(options: {
  schema: GraphQLSchema;
  httpServer: Server;
  maskError: ErrorMasker;
  introspection: boolean;
  metrics: Metrics;
}): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: options.maskError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Too many tokens is refused while parsing, with a 400, before any work is done.
    parseOptions: { maxTokens: queryLimits.maxTokens },
    validationRules: limitRules,
    // main.ts owns the signals. Apollo's own handlers would start a second stop() that the
    // first one then waits for forever (the hang seen at SIGTERM outside tests).
    stopOnTerminationSignals: false,
    plugins: [
      // Installed by default, it wraps every field's resolver to gather cache hints that nothing
      // here gives: answers are never cached (POST), so it only cost time on every request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: DRAIN_MS }),
      errorLoggingPlugin(),
      metricsPlugin(options.metrics),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * POST /graphql: the body (at most `maxBody`), then Apollo with each request's context: its
 * request id (sent back as `x-request-id`), its logger, who is asking, from where, and in which
 * language (Accept-Language, sent back as `Content-Language`).
 */
export function graphqlHandlers(apollo: ApolloServer<Context>, options: { tokens: TokenService; logger: Logger; maxBody: string }): RequestHandler[] {
  return [
    express.json({ limit: options.maxBody }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = validRequestId(req.header('x-request-id')) ?? randomUUID();
        res.setHeader('x-request-id', requestId);
        const viewer = await options.tokens.viewerFor(req.header('authorization'));
        const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const locale = negotiatedLocale(req);
        res.setHeader('content-language', locale);
        res.vary('accept-language');
        return { requestId, logger: options.logger.child({ requestId }), viewer, clientAddress, locale };
      },
    }),
  ];
}

/** A request id from a proxy is kept if it is a plain token, so that logs line up across hops. */
function validRequestId(header: string | undefined): string | undefined {
  return header && /^[\w.-]{8,64}$/.test(header) ? header : undefined;
}
