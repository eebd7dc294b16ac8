import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { type TokenService } from '../auth/token.service.js';
import { publicViewer, type Viewer } from '../auth/viewer.js';
import { type Logger } from '../logger.js';
import { type LiveTotals } from '../totals/live-totals.js';
import { createCachedSubscribe } from './cached-subscribe.js';
import { type Context } from './context.js';
import { type ErrorMasker } from './error-masking.js';
import { limitRules, queryLimits } from './limits.js';

/** Largest WebSocket message accepted; a subscribe message is well under 2 KB. */
export const MAX_WS_MESSAGE_BYTES = 64 * 1024;
/** Distinct subscription texts kept parsed and validated; the oldest goes first. */
const MAX_CHECKED_DOCUMENTS = 500;
/** How often idle sockets are pinged; a socket that misses a pong by the next ping is dropped. */
const PING_INTERVAL_MS = 15_000;

export type SubscriptionServer = {
  readonly openSockets: number;
  /** Closes every socket with 1001 and stops accepting new ones. */
  close(): Promise<void>;
};

/**
 * graphql-ws on the HTTP server's `/graphql` path. Apollo's plugins do not see this path, so
 * error masking is applied here too.
 */
export function attachSubscriptions(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  logger: Logger;
  live: LiveTotals;
  tokens: TokenService;
  maskError: ErrorMasker;
}): SubscriptionServer {
  const { httpServer, schema, logger, live, tokens, maskError } = options;
  const rules = [...specifiedRules, ...limitRules];
  // Thousands of phones send the same subscription: parse and validate each text once.
  const checked = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const check = (query: string): DocumentNode | readonly GraphQLError[] => {
    let result = checked.get(query);
    if (!result) {
      try {
        const document = parse(query, { maxTokens: queryLimits.maxTokens });
        const errors = validate(schema, document, rules);
        result = errors.length > 0 ? errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED')) : document;
      } catch (error) {
        result = [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
      }
      if (checked.size >= MAX_CHECKED_DOCUMENTS) checked.delete(checked.keys().next().value!);
      checked.set(query, result);
    }
    return result;
  };
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_WS_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();

  wss.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.get(socket)) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, PING_INTERVAL_MS);
  heartbeat.unref();

  const server = useServer<Record<string, unknown>, { viewer?: Viewer; request: IncomingMessage }>(
    {
      schema,
      subscribe: createCachedSubscribe(),
      // The token travels in connectionParams, as `authorization: "Bearer ..."` or `token`.
      // An invalid one refuses the connection: graphql-ws closes it with 4403.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const token = typeof params.token === 'string' ? `Bearer ${params.token}` : params.authorization;
        try {
          ctx.extra.viewer = await tokens.viewerFor(typeof token === 'string' ? token : undefined);
          return true;
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') return false;
          throw error;
        }
      },
      // Parsed and validated here rather than by graphql-ws, so that the token limit and the
      // validation rules are the ones HTTP requests get.
      onSubscribe: (ctx, _id, payload) => {
        const document = check(payload.query);
        if (Array.isArray(document)) return document;
        const requestId = randomUUID();
        const context: Context = {
          requestId,
          logger: logger.child({ requestId }),
          viewer: ctx.extra.viewer ?? publicViewer,
          clientAddress: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          live,
        };
        return { schema, document: document as DocumentNode, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => maskError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), error)) };
      },
    },
    wss,
  );

  return {
    get openSockets() {
      return wss.clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      // graphql-ws's dispose closes every socket with 1001 (going away) and the server with them.
      await server.dispose();
    },
  };
}

/** The same error with the code HTTP clients would get for it. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
