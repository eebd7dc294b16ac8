import { randomUUID } from 'node:crypto';
import { type Server } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { type Request, type RequestHandler, type Response } from 'express';
import { type GraphQLSchema } from 'graphql';
import { type TokenService } from '../auth/token.service.js';
import { type Context } from '../common/context.js';
import { negotiatedLocale } from '../common/locale.js';
import { type Logger } from '../common/logger.js';
import { type Metrics } from '../common/metrics.js';
import { readJsonBody } from '../http/json-body.js';
import { errorLoggingPlugin, type ErrorMasker } from './error-masking.js';
import { landingPage } from './landing-page.js';
import { limitRules, noIntrospection, queryLimits } from './limits.js';
import { metricsPlugin } from './metrics-plugin.js';

/** How long requests in flight may take to finish at SIGTERM before their sockets are closed. */
const DRAIN_MS = 5_000;

/** Apollo on the HTTP server: the limits, error masking, logging and metrics of every HTTP request. */
export async function startApollo(options: {
  schema: GraphQLSchema;
  httpServer: Server;
  maskError: ErrorMasker;
  introspection: boolean;
  /** Whether this is a production server (NODE_ENV): it decides the landing page. */
  production: boolean;
  /** PUBLIC_URL, which the production landing page's example request names. */
  publicUrl: string | undefined;
  metrics: Metrics;
  logger: Logger;
}): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: options.maskError,
    includeStacktraceInErrorResponses: false,
    // Always on for Apollo: where introspection is off, noIntrospection refuses it, in our words.
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Too many tokens is refused while parsing, with a 400, before any work is done.
    parseOptions: { maxTokens: queryLimits.maxTokens },
    validationRules: options.introspection ? limitRules : [...limitRules, noIntrospection],
    // main.ts owns the signals. Apollo's own handlers would start a second stop() that the
    // first one then waits for forever (the hang seen at SIGTERM outside tests).
    stopOnTerminationSignals: false,
    plugins: [
      // Installed by default, it wraps every field's resolver to gather cache hints that nothing
      // here gives: answers are never cached (POST), so it only cost time on every request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: DRAIN_MS }),
      landingPage(options.production, options.publicUrl),
      errorLoggingPlugin(options.logger),
      metricsPlugin(options.metrics),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * GraphQL over HTTP on /graphql: the body (JSON, at most `maxBodyBytes`, read by
 * {@link readJsonBody}), then Apollo's own integration API (`executeHTTPGraphQLRequest`) with
 * each request's context: its request id (sent back as `x-request-id`), who is asking, from
 * where, and in which language (Accept-Language, sent back as `Content-Language`).
 *
 * This is what `express.json()` and `@as-integrations/express5` did, without the work a pledge
 * does not need: a second pass over the headers by body-parser and type-is, a URL parse, and
 * Express's `res.send` (an ETag hashed over every answer, which no client of a POST uses). The
 * handler stays an Express route, so every middleware mounted before it (frame and security
 * headers, CORS) applies to GraphQL answers as to any other; a body that cannot be read goes
 * to `next`, to jsonErrors, as before. Mounted for GET (and so HEAD) and POST on /graphql only
 * (app.ts): any other method there is a 405, any address below it a 404.
 */
export function graphqlHandler(apollo: ApolloServer<Context>, options: { tokens: TokenService; logger: Logger; maxBodyBytes: number }): RequestHandler {
  apollo.assertStarted('graphqlHandler()');
  const context = async (req: Request, res: Response): Promise<Context> => {
    const requestId = validRequestId(req.headers['x-request-id']) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const viewer = await options.tokens.viewerFor(req.headers.authorization);
    const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const locale = negotiatedLocale(req);
    res.setHeader('content-language', locale);
    res.vary('accept-language');
    return requestContext(options.logger, { requestId, viewer, clientAddress, locale });
  };
  return async (req, res, next) => {
    let body: unknown;
    try {
      body = await readJsonBody(req, options.maxBodyBytes);
    } catch (error) {
      next(error);
      return;
    }
    // HEAD is answered as GET (Node sends no body with it), as HTTP asks of every GET route.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: headerMap(req.headers), search: searchOf(req.url), body };
    const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req, res) });
    // Vary is added to (CORS and the language have set theirs), every other header set.
    for (const [name, value] of answer.headers) {
      if (name === 'vary') res.vary(value);
      else res.setHeader(name, value);
    }
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/**
 * A request's context. Its logger (with the request id bound) is made when a resolver or the
 * error log first asks for it: most requests log only their one `graphql request` line, which
 * errorLoggingPlugin writes with the request id itself. The getter lives on the prototype,
 * because Apollo copies each context's own properties (which would call it) before running.
 */
function requestContext(logger: Logger, fields: Omit<Context, 'logger'>): Context {
  return new RequestContext(logger, fields);
}

class RequestContext implements Context {
  readonly requestId: string;
  readonly viewer: Context['viewer'];
  readonly clientAddress: string;
  readonly locale: Context['locale'];
  private requestLogger: Logger | undefined;

  constructor(
    private readonly baseLogger: Logger,
    fields: Omit<Context, 'logger'>,
  ) {
    ({ requestId: this.requestId, viewer: this.viewer, clientAddress: this.clientAddress, locale: this.locale } = fields);
  }

  get logger(): Logger {
    return (this.requestLogger ??= this.baseLogger.child({ requestId: this.requestId }));
  }
}

/** The request's headers as Apollo reads them: a repeated header joined with commas. */
function headerMap(headers: Request['headers']): HeaderMap {
  const map = new HeaderMap();
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

/** The query string of a request URL, with its `?` (what Apollo reads a GET's operation from), or ''. */
function searchOf(url: string): string {
  const question = url.indexOf('?');
  return question === -1 ? '' : url.slice(question);
}

/** A request id from a proxy is kept if it is a plain token, so that logs line up across hops. */
function validRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[\w.-]{8,64}$/.test(header) ? header : undefined;
}
