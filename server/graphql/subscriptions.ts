import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import proxyAddr from 'proxy-addr';
import { WebSocketServer, type WebSocket } from 'ws';
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { type TokenService } from '../auth/token.service.js';
import { type Config } from '../common/config.js';
import { type Context } from '../common/context.js';
import { isLocale, negotiatedLocale, type Locale } from '../common/locale.js';
import { badRequest, ErrorCode, hasCode, rateLimited, unauthenticated } from '../common/errors.js';
import { type Logger } from '../common/logger.js';
import { publicViewer, type Viewer } from '../common/viewer.js';
import { createCachedSubscribe } from './cached-subscribe.js';
import { type ErrorMasker } from './error-masking.js';
import { limitRules, noIntrospection, queryLimits } from './limits.js';

/** Largest WebSocket message accepted; a subscribe message is well under 2 KB. */
const MAX_WS_MESSAGE_BYTES = 64 * 1024;
/** Distinct subscription texts kept parsed and validated; the oldest goes first. */
const MAX_CHECKED_DOCUMENTS = 500;
/** How often idle sockets are pinged; a socket that misses a pong by the next ping is dropped. */
const PING_INTERVAL_MS = 15_000;
/** How often the tokens of open sockets are looked up, for revocations made by other processes. */
const TOKEN_CHECK_INTERVAL_MS = 2_000;
/** The window of the per-socket message budget (WS_MAX_MESSAGES_PER_MINUTE, counted per tenth of it). */
const MESSAGE_WINDOW_MS = 10_000;

/**
 * Close codes of our own, documented in docs/operations.md. graphql-ws uses 4400, 4401, 4403,
 * 4406, 4408, 4409, 4429, 4499, 4500 and 4504; these stay clear of them. Its client retries
 * them with backoff, as it should: the limit may be lifted by then, or another process free.
 */
const CloseCodes = {
  /** The token was revoked (graphql-ws's Forbidden): the client must not retry with it. */
  revoked: 4403,
  tooManySubscriptionsOnSocket: 4430,
  tooManySubscriptionsInProcess: 4431,
  tooManyMessages: 4432,
  tooManySocketsFromAddress: 4433,
  tooManySubscriptionsFromAddress: 4434,
} as const;

/** What graphql-ws keeps for one socket, beyond its own state. */
type SocketExtra = { viewer?: Viewer; authorization?: string; locale?: Locale; request: IncomingMessage; socket: WebSocket };

/** graphql-ws's subscriptions of one socket, by id: an entry from the subscribe message until the end. */
type SocketSubscriptions = { subscriptions: Record<string, unknown> };

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
  /** Subscriptions open in this process, for WS_MAX_SUBSCRIPTIONS. */
  subscriberCount: () => number;
  tokens: TokenService;
  maskError: ErrorMasker;
  limits: Config['webSocketLimits'];
  /** Whether introspection is allowed (GRAPHQL_INTROSPECTION / NODE_ENV), as on HTTP. */
  introspection: boolean;
  /** Express's compiled `trust proxy`, so that client addresses follow the HTTP rules (TRUST_PROXY). */
  trustProxy: (address: string, hop: number) => boolean;
}): SubscriptionServer {
  const { httpServer, schema, logger, subscriberCount, tokens, maskError, limits, trustProxy } = options;
  const rules = [...specifiedRules, ...limitRules, ...(options.introspection ? [] : [noIntrospection])];
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

  // Sockets opened with a token, by token id: closed at once when that token is revoked.
  const socketsByToken = new Map<number, Set<WebSocket>>();
  const closeSocketsOf = (tokenId: number) => {
    for (const socket of socketsByToken.get(tokenId) ?? []) socket.close(CloseCodes.revoked, 'Forbidden');
    socketsByToken.delete(tokenId);
  };
  const stopListening = tokens.onRevoked(closeSocketsOf);
  // Another process (the token CLI, another server) revokes in the database only: one cheap
  // query every couple of seconds for all the token ids of open sockets.
  let checking = false;
  const tokenCheck = setInterval(() => {
    if (checking || socketsByToken.size === 0) return;
    checking = true;
    tokens
      .revokedAmong([...socketsByToken.keys()])
      .then((revoked) => revoked.forEach(closeSocketsOf))
      .catch((error: unknown) => logger.warn({ err: error }, 'token check of open sockets failed'))
      .finally(() => (checking = false));
  }, TOKEN_CHECK_INTERVAL_MS);
  tokenCheck.unref();

  // The sockets of each client address, with graphql-ws's subscriptions of each, for the
  // per-address limits. Counted from the socket's own entries, which graphql-ws keeps from the
  // subscribe message to the end, so a subscription still starting counts too.
  const byAddress = new Map<string, Set<WebSocket>>();
  const subscriptionsOf = new WeakMap<WebSocket, SocketSubscriptions>();
  const addressOf = (request: IncomingMessage) => proxyAddr(request, trustProxy);
  const subscriptionsFrom = (address: string): number => {
    let count = 0;
    for (const socket of byAddress.get(address) ?? []) count += Object.keys(subscriptionsOf.get(socket)?.subscriptions ?? {}).length;
    return count;
  };
  // Subscriptions accepted by onSubscribe whose subscribe() has not returned yet: not counted by
  // subscriberCount() so far, but holding a slot, so that a burst waiting for its token look-ups
  // cannot all pass the process limit at once.
  let starting = 0;

  const messagesPerWindow = Math.max(1, Math.floor(limits.messagesPerMinute / (60_000 / MESSAGE_WINDOW_MS)));
  wss.on('connection', (socket, request) => {
    const address = addressOf(request);
    const sockets = byAddress.get(address) ?? new Set<WebSocket>();
    if (sockets.size >= limits.socketsPerAddress) {
      socket.close(CloseCodes.tooManySocketsFromAddress, 'Too many connections from this address');
      return;
    }
    byAddress.set(address, sockets.add(socket));
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) byAddress.delete(address);
    });
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    // A fixed window per socket: a client that floods messages is cut off before it costs much.
    let windowStart = Date.now();
    let messages = 0;
    socket.on('message', () => {
      const now = Date.now();
      if (now - windowStart >= MESSAGE_WINDOW_MS) {
        windowStart = now;
        messages = 0;
      }
      if (++messages > messagesPerWindow) socket.close(CloseCodes.tooManyMessages, 'Too many messages');
    });
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

  const cachedSubscribe = createCachedSubscribe();
  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      subscribe: async (args) => {
        try {
          return await cachedSubscribe(args);
        } finally {
          starting--;
        }
      },
      // The token travels in connectionParams, as `authorization: "Bearer ..."` or `token`.
      // An invalid one refuses the connection: graphql-ws closes it with 4403.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const token = typeof params.token === 'string' ? `Bearer ${params.token}` : params.authorization;
        const authorization = typeof token === 'string' ? token : undefined;
        try {
          const viewer = await tokens.viewerFor(authorization);
          ctx.extra.viewer = viewer;
          ctx.extra.authorization = authorization;
          // The dashboard says the language it shows; other clients may rely on their Accept-Language.
          ctx.extra.locale = isLocale(params.locale) ? params.locale : negotiatedLocale(ctx.extra.request);
          subscriptionsOf.set(ctx.extra.socket, ctx);
          if (viewer.tokenId !== null) {
            const { socket } = ctx.extra;
            const id = viewer.tokenId;
            socketsByToken.set(id, (socketsByToken.get(id) ?? new Set()).add(socket));
            socket.once('close', () => {
              socketsByToken.get(id)?.delete(socket);
              if (socketsByToken.get(id)?.size === 0) socketsByToken.delete(id);
            });
          }
          return true;
        } catch (error) {
          if (hasCode(error, ErrorCode.UNAUTHENTICATED)) return false;
          throw error;
        }
      },
      // Parsed and validated here rather than by graphql-ws, so that the token limit and the
      // validation rules are the ones HTTP requests get.
      onSubscribe: async (ctx, _id, payload) => {
        const document = check(payload.query);
        if (Array.isArray(document)) return document;
        // Queries and mutations go over HTTP, where every request looks its token up: a socket
        // that outlives its token's revocation can then never read or change anything.
        const operation = getOperationAST(document as DocumentNode, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [badRequest('Over WebSocket only subscriptions are accepted; send queries and mutations over HTTP (POST /graphql).')];
        }
        // Variables are coerced here, as Apollo does over HTTP: graphql-js's own coercion errors
        // carry no code, and would be masked as internal ones.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
        if (coerced.errors) {
          return coerced.errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT } }));
        }
        const { socket } = ctx.extra;
        // graphql-ws counts this subscription in ctx.subscriptions already, until it ends.
        if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerSocket) {
          return closing(socket, CloseCodes.tooManySubscriptionsOnSocket, 'Too many subscriptions on this socket');
        }
        if (subscriberCount() + starting >= limits.subscriptions) {
          return closing(socket, CloseCodes.tooManySubscriptionsInProcess, 'The server is at its subscription limit');
        }
        const clientAddress = addressOf(ctx.extra.request);
        if (subscriptionsFrom(clientAddress) > limits.subscriptionsPerAddress) {
          return closing(socket, CloseCodes.tooManySubscriptionsFromAddress, 'Too many subscriptions from this address');
        }
        // The slot is taken before the token is looked up, and given back by subscribe() above.
        starting++;
        let accepted = false;
        try {
          // The token's current state, not the one at connection_init (revoked since, expired).
          let viewer = ctx.extra.viewer ?? publicViewer;
          if (ctx.extra.authorization) {
            try {
              viewer = await tokens.viewerFor(ctx.extra.authorization);
            } catch (error) {
              if (!hasCode(error, ErrorCode.UNAUTHENTICATED)) throw error;
              return closing(socket, CloseCodes.revoked, 'Forbidden');
            }
          }
          const requestId = randomUUID();
          const context: Context = { requestId, logger: logger.child({ requestId }), viewer, clientAddress, locale: ctx.extra.locale ?? 'en' };
          accepted = true;
          return { schema, document: document as DocumentNode, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
        } finally {
          if (!accepted) starting--;
        }
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
      clearInterval(tokenCheck);
      stopListening();
      // graphql-ws's dispose closes every socket with 1001 (going away) and the server with them.
      await server.dispose();
    },
  };
}

/**
 * Closes the socket and gives graphql-ws the error it wants back from onSubscribe; on a closing
 * socket it sends nothing.
 */
function closing(socket: WebSocket, code: number, reason: string): GraphQLError[] {
  socket.close(code, reason);
  return [code === CloseCodes.revoked ? unauthenticated(reason) : rateLimited(MESSAGE_WINDOW_MS / 1000, reason)];
}

/** The same error with the code HTTP clients would get for it. */
/** GraphQL's own errors get `code`; one that has a code of ours already (QUERY_TOO_COMPLEX) keeps it. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code: error.extensions.code ?? code } });
}
