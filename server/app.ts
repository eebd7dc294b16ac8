import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { type DataSource } from 'typeorm';
import { SIGN_IN_CODE_MINUTES, SignInCodeService } from './auth/sign-in-code.service.js';
import { startTokenAdmin } from './auth/token-admin.js';
import { TokenResolver } from './auth/token.resolver.js';
import { TokenService } from './auth/token.service.js';
import { CampaignResolver } from './campaigns/campaign.resolver.js';
import { CampaignService } from './campaigns/campaign.service.js';
import { CaseResolver } from './cases/case.resolver.js';
import { CaseService } from './cases/case.service.js';
import { type Config } from './config.js';
import { dashboardRouter } from './dashboard.js';
import { lockDataFolder, writeHolder } from './database/data-folder-lock.js';
import { EmailOutboxService } from './email/email-outbox.service.js';
import { EmailSender } from './email/email-sender.js';
import { createDataSource, runMigrations } from './database/data-source.js';
import { seed } from './database/seed.js';
import { exportRouter } from './exports/export.router.js';
import { EventResolver } from './events/event.resolver.js';
import { EventService } from './events/event.service.js';
import { joinRouter } from './events/join.router.js';
import { FacultyResolver } from './faculties/faculty.resolver.js';
import { FacultyService } from './faculties/faculty.service.js';
import { type Context } from './graphql/context.js';
import { Cursors, loadCursorKey } from './graphql/cursors.js';
import { createErrorMasker, errorLoggingPlugin } from './graphql/error-masking.js';
import { limitRules, queryLimits } from './graphql/limits.js';
import { RateLimits } from './graphql/rate-limits.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { attachSubscriptions } from './graphql/subscriptions.js';
import { KitOrderResolver } from './kits/kit-order.resolver.js';
import { KitOrderService } from './kits/kit-order.service.js';
import { createLogger, type Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { PartnerResolver } from './partners/partner.resolver.js';
import { PartnerService } from './partners/partner.service.js';
import { PledgeReviewResolver } from './pledges/pledge-review.resolver.js';
import { PledgeReviewService } from './pledges/pledge-review.service.js';
import { PledgeResolver } from './pledges/pledge.resolver.js';
import { PledgeService } from './pledges/pledge.service.js';
import { SiteResolver } from './site.resolver.js';
import { LiveTotals } from './totals/live-totals.js';
import { TotalsResolver } from './totals/totals.resolver.js';
import { TotalsService } from './totals/totals.service.js';

/** Largest GraphQL request body accepted; a pledge is well under 2 KB. */
const MAX_BODY = '64kb';
/** How long requests in flight may take to finish at SIGTERM before their sockets are closed. */
const DRAIN_MS = 5_000;

export type App = {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** Where Prometheus scrapes, when METRICS_PORT gives metrics a listener of their own. */
  readonly metricsUrl: string | undefined;
  readonly dataSource: DataSource;
  readonly logger: Logger;
  /** The one-time organiser sign-in link to print, when it was asked for and no organiser token exists. */
  readonly signInLink: string | null;
  /** Stops in order; `onStep` hears each step as it begins, so a stop that hangs can say where. */
  stop(onStep?: (step: string) => void): Promise<void>;
};

/**
 * The composition root: opens the database, migrates and seeds it, builds every service and
 * resolver by hand, and serves them over HTTP.
 */
export async function createApp(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: {
    /** Make a one-time sign-in link if no organiser token exists: only where the console is seen by the person starting it. */
    offerSignInLink?: boolean;
  } = {},
): Promise<App> {
  // An embedded database in a folder belongs to one process: this one, or it refuses to start.
  const folder =
    config.databaseUrl || config.dataDir === 'memory://'
      ? null
      : await lockDataFolder(config.dataDir, 'server', (error) => logger.error({ err: error }, 'data folder lock lost'));
  const dataSource = createDataSource(config);
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
    await seed(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await folder?.release();
    throw error;
  }
  const cursors = new Cursors(await loadCursorKey(dataSource));

  const campaigns = new CampaignService(dataSource);
  const cases = new CaseService(dataSource);
  const faculties = new FacultyService(dataSource);
  const events = new EventService(dataSource);
  const pledges = new PledgeService(dataSource);
  const outbox = new EmailOutboxService(dataSource, Boolean(config.email.smtpUrl), logger);
  const emailSender = config.email.smtpUrl ? new EmailSender(outbox, { ...config.email, smtpUrl: config.email.smtpUrl }, logger) : null;
  if (emailSender) outbox.onQueued = () => emailSender.kick();
  const kitOrders = new KitOrderService(dataSource, campaigns, cursors, outbox);
  const totals = new TotalsService(dataSource, campaigns, cases, events, faculties);
  const tokens = new TokenService(dataSource);
  const signInCodes = new SignInCodeService(dataSource);
  const pledgeReview = new PledgeReviewService(dataSource, cases, events, faculties, cursors);
  const partners = new PartnerService(dataSource, cases, events, faculties, cursors);
  const live = new LiveTotals(dataSource, totals, logger, config.liveTotalsIntervalMs, config.liveMaxMessagesPerSecond);
  const rateLimits = new RateLimits(config.rateLimitsPerMinute);
  const maskError = createErrorMasker({ hideSuggestions: config.production });
  let openSockets = () => 0;
  const metrics = new Metrics({ dataSource, subscribers: () => live.subscriberCount, sockets: () => openSockets() });

  const schema = await buildGraphQLSchema(
    new Map<Function, object>([
      [CampaignResolver, new CampaignResolver(campaigns, cases)],
      [CaseResolver, new CaseResolver(campaigns, cases)],
      [EventResolver, new EventResolver(campaigns, events)],
      [FacultyResolver, new FacultyResolver(faculties)],
      [KitOrderResolver, new KitOrderResolver(kitOrders, rateLimits, config.formMinFillMs)],
      [PledgeResolver, new PledgeResolver(pledges, rateLimits, metrics, config.formMinFillMs)],
      [TotalsResolver, new TotalsResolver(totals)],
      [SiteResolver, new SiteResolver(config)],
      [PartnerResolver, new PartnerResolver(partners, totals)],
      [PledgeReviewResolver, new PledgeReviewResolver(pledgeReview, totals)],
      [TokenResolver, new TokenResolver(tokens, faculties, signInCodes)],
    ]),
  );

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);
  const subscriptions = attachSubscriptions({
    httpServer,
    schema,
    logger,
    live,
    tokens,
    maskError,
    limits: config.webSocketLimits,
    introspection: config.introspection,
    trustProxy: app.get('trust proxy fn'),
  });
  openSockets = () => subscriptions.openSockets;
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Too many tokens is refused while parsing, with a 400, before any work is done.
    parseOptions: { maxTokens: queryLimits.maxTokens },
    validationRules: limitRules,
    // main.ts owns the signals. Apollo's own handlers would start a second stop() that the
    // first one then waits for forever (the hang seen at SIGTERM outside tests).
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_MS }), errorLoggingPlugin(), metrics.plugin()],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await dataSource.showMigrations();
      if (pending) res.status(503).json({ status: 'migrations pending' });
      else res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  const serveMetrics: express.RequestHandler = async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
  // On the public port, metrics need METRICS_TOKEN; without one configured, nobody gets them there.
  app.get('/metrics', (req, res, next) => {
    if (config.metrics.token && bearerMatches(req.header('authorization'), config.metrics.token)) return serveMetrics(req, res, next);
    res.status(401).setHeader('www-authenticate', 'Bearer').json({
      errors: [{ message: 'Metrics need "Authorization: Bearer <METRICS_TOKEN>", or METRICS_PORT.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
  // METRICS_PORT: a listener of their own, meant for a private interface (METRICS_HOST), no token needed.
  let metricsServer: Server | undefined;
  if (config.metrics.port !== undefined) {
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', serveMetrics);
    metricsServer = createServer(metricsApp);
    await listen(metricsServer, config.metrics.port, config.metrics.host);
  }
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = validRequestId(req.header('x-request-id')) ?? randomUUID();
        res.setHeader('x-request-id', requestId);
        const viewer = await tokens.viewerFor(req.header('authorization'));
        const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        return { requestId, logger: logger.child({ requestId }), viewer, clientAddress, live };
      },
    }),
  );
  app.use(exportRouter({ dataSource, tokens, campaigns, logger }));
  app.use(joinRouter(events));
  const dashboard = dashboardRouter(config.dashboardDir);
  if (dashboard) app.use(dashboard);
  else logger.warn({ dashboardDir: config.dashboardDir }, 'dashboard not built; serving the API only');
  app.use(jsonErrors(logger));

  await listen(httpServer, config.port, config.host);
  live.start();
  emailSender?.start();
  // The token command cannot open a folder the server holds; it asks the server instead.
  const tokenAdmin = folder ? await startTokenAdmin(tokens, logger) : null;
  if (tokenAdmin) writeHolder(config.dataDir, { pid: process.pid, host: hostname(), kind: 'server', admin: { port: tokenAdmin.port, secret: tokenAdmin.secret } });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  const code = options.offerSignInLink ? await signInCodes.offer() : null;
  const signInLink = code ? `${config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${port}`}/admin#sign-in=${code}` : null;
  if (code) logger.info({ expiresInMinutes: SIGN_IN_CODE_MINUTES }, 'sign-in link printed');
  else if (!options.offerSignInLink && !(await signInCodes.hasOrganiser())) {
    logger.info('no organiser token yet: make one with npm run token -- create --role organiser --name "..."');
  }
  const metricsAddress = metricsServer?.address() as AddressInfo | undefined;
  const metricsUrl = metricsAddress ? `http://${config.metrics.host}:${metricsAddress.port}/metrics` : undefined;

  return {
    url,
    metricsUrl,
    dataSource,
    logger,
    signInLink,
    async stop(onStep = () => undefined) {
      onStep('live totals');
      live.stop();
      onStep('websockets');
      await subscriptions.close();
      metricsServer?.close();
      onStep('http requests in flight');
      await apollo.stop();
      onStep('email sender');
      await emailSender?.stop();
      onStep('token admin endpoint');
      await tokenAdmin?.close();
      onStep('database');
      await dataSource.destroy();
      await folder?.release();
    },
  };
}

/** Compares a bearer token in constant time (hashing first makes the lengths equal). */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!given) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A request id from a proxy is kept if it is a plain token, so that logs line up across hops. */
function validRequestId(header: string | undefined): string | undefined {
  return header && /^[\w.-]{8,64}$/.test(header) ? header : undefined;
}

/** Errors before GraphQL (a body too large, broken JSON) answered as GraphQL-shaped JSON. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const message =
      status === 413
        ? `The request is too large (at most ${MAX_BODY}).`
        : status === 500
          ? 'Something went wrong on our side.'
          : 'The request could not be read.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
