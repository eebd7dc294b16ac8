import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import express from 'express';
import { type GraphQLSchema } from 'graphql';
import { type DataSource } from 'typeorm';
import { SIGN_IN_CODE_MINUTES, SignInCodeService } from './auth/sign-in-code.service.js';
import { startTokenAdmin } from './auth/token-admin.js';
import { TokenResolver } from './auth/token.resolver.js';
import { TokenService } from './auth/token.service.js';
import { CampaignResolver } from './campaigns/campaign.resolver.js';
import { CampaignService } from './campaigns/campaign.service.js';
import { CampaignCasesResolver, CaseResolver } from './cases/case.resolver.js';
import { CaseService } from './cases/case.service.js';
import { type Config } from './common/config.js';
import { allowOnly } from './common/http-errors.js';
import { ContentResolver, createContentFieldsResolvers } from './content/content.resolver.js';
import { ContentService } from './content/content.service.js';
import { Cursors } from './common/cursors.js';
import { LiveChangesRelay } from './common/live-changes.js';
import { createLogger, type Logger } from './common/logger.js';
import { Metrics } from './common/metrics.js';
import { RateLimits } from './common/rate-limits.js';
import { lockDataFolder, writeHolder, type DataFolderLock } from './database/data-folder-lock.js';
import { createDataSource } from './database/data-source.js';
import { runMigrations } from './database/migrations.js';
import { templateFor } from './database/pglite-template.js';
import { seed } from './database/seed.js';
import { loadCursorKey } from './database/server-secrets.js';
import { EmailSender } from './email/email-sender.js';
import { EventResolver } from './events/event.resolver.js';
import { EventService } from './events/event.service.js';
import { joinRouter } from './events/join.router.js';
import { exportRouter } from './exports/export.router.js';
import { corsFor } from './http/browser-access.js';
import { securityHeaders } from './http/security-headers.js';
import { FacultyResolver } from './faculties/faculty.resolver.js';
import { FacultyService } from './faculties/faculty.service.js';
import { createErrorMasker } from './graphql/error-masking.js';
import { graphqlHandler, startApollo } from './graphql/apollo.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { attachSubscriptions, type SubscriptionServer } from './graphql/subscriptions.js';
import { answerClientError, jsonErrors, notFound } from './http/json-errors.js';
import { listen } from './http/listen.js';
import { opsRouter, startMetricsListener } from './http/ops.router.js';
import { KitOrderEmailService } from './kits/kit-order-email.service.js';
import { KitOrderResolver } from './kits/kit-order.resolver.js';
import { KitOrderService } from './kits/kit-order.service.js';
import { PickupPointNamesRelay } from './kits/pickup-point-names.js';
import { PartnerResolver } from './partners/partner.resolver.js';
import { PartnerService } from './partners/partner.service.js';
import { PledgeReviewResolver } from './pledges/pledge-review.resolver.js';
import { PledgeReviewService } from './pledges/pledge-review.service.js';
import { PledgeResolver } from './pledges/pledge.resolver.js';
import { EMBEDDED_BATCHING, SERVER_BATCHING } from './pledges/pledge-batcher.js';
import { PledgeService } from './pledges/pledge.service.js';
import { dashboardRouter } from './site/dashboard.router.js';
import { SiteResolver } from './site/site.resolver.js';
import { LiveTotals } from './totals/live-totals.js';
import { TotalsResolver } from './totals/totals.resolver.js';
import { TotalsService } from './totals/totals.service.js';

/** Largest request body accepted; a pledge is well under 2 KB. */
const MAX_BODY_BYTES = 64 * 1024;

export type App = {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** Where Prometheus scrapes, when METRICS_PORT gives metrics a listener of their own. */
  readonly metricsUrl: string | undefined;
  readonly dataSource: DataSource;
  readonly logger: Logger;
  /** The schema this server serves (what `npm run schema:emit` writes). */
  readonly schema: GraphQLSchema;
  readonly services: Services;
  /** The one-time organiser sign-in link to print, when it was asked for and no organiser token exists. */
  readonly signInLink: string | null;
  /** Stops in order; `onStep` hears each step as it begins, so a stop that hangs can say where. */
  stop(onStep?: (step: string) => void): Promise<void>;
};

/** Every service of the server, each built once, in `createServices`. */
type Services = ReturnType<typeof createServices>;

/**
 * The composition root: opens the database, builds every service and resolver by hand (each
 * handed what it needs by its constructor), and serves them over HTTP and WebSocket.
 */
export async function createApp(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: {
    /** Make a one-time sign-in link if no organiser token exists: only where the console is seen by the person starting it. */
    offerSignInLink?: boolean;
    /** The time the rules read (an event's closing for pledges); the real one unless a test gives its own. */
    clock?: () => Date;
  } = {},
): Promise<App> {
  const { dataSource, folder } = await openDatabase(config, logger);
  const cursors = new Cursors(await loadCursorKey(dataSource));
  // The metrics count the WebSocket server's sockets, which opens once the services exist.
  let sockets: SubscriptionServer | undefined;
  const services = createServices(config, dataSource, logger, { cursors, openSockets: () => sockets?.openSockets ?? 0, clock: options.clock });
  const schema = await buildGraphQLSchema({ resolvers: createResolvers(config, services), pubSub: services.live.asPubSub() });
  const http = await serve(config, logger, dataSource, services, schema);
  sockets = http.subscriptions;

  services.live.start();
  services.emailSender?.start();
  // The token command cannot open a folder the server holds; it asks the server instead.
  const tokenAdmin = folder ? await startTokenAdmin(services.tokens, logger) : null;
  if (tokenAdmin) writeHolder(config.dataDir, { pid: process.pid, host: hostname(), kind: 'server', admin: { port: tokenAdmin.port, secret: tokenAdmin.secret } });
  const { port } = http.server.address() as AddressInfo;
  const code = options.offerSignInLink ? await services.signInCodes.offer() : null;
  const signInLink = code ? `${config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${port}`}/admin#sign-in=${code}` : null;
  if (code) logger.info({ expiresInMinutes: SIGN_IN_CODE_MINUTES }, 'sign-in link printed');
  else if (!options.offerSignInLink && !(await services.signInCodes.hasOrganiser())) {
    logger.info('no organiser token yet: make one with npm run token -- create --role organiser --name "..."');
  }
  const metricsAddress = http.metricsServer?.address() as AddressInfo | undefined;

  return {
    url: `http://localhost:${port}/graphql`,
    metricsUrl: metricsAddress ? `http://${config.metrics.host}:${metricsAddress.port}/metrics` : undefined,
    dataSource,
    logger,
    schema,
    services,
    signInLink,
    async stop(onStep = () => undefined) {
      onStep('live totals');
      services.live.stop();
      onStep('websockets');
      await http.subscriptions.close();
      http.metricsServer?.close();
      onStep('http requests in flight');
      await http.stopApollo();
      onStep('email sender');
      await services.emailSender?.stop();
      onStep('token admin endpoint');
      await tokenAdmin?.close();
      onStep('database');
      await dataSource.destroy();
      await folder?.release();
    },
  };
}

/**
 * The database, migrated and seeded. An embedded database in a folder belongs to one process:
 * this one, or it refuses to start.
 */
async function openDatabase(config: Config, logger: Logger): Promise<{ dataSource: DataSource; folder: DataFolderLock | null }> {
  const folder =
    config.databaseUrl || config.dataDir === 'memory://'
      ? null
      : await lockDataFolder(config.dataDir, 'server', (error) => logger.error({ err: error }, 'data folder lock lost'));
  // A new data folder starts from the cluster the build made, not from initdb.
  const template = folder ? templateFor(config.dataDir) : undefined;
  if (template) logger.info({ dataDir: config.dataDir }, 'new data folder: made from the cluster the build prepared');
  const dataSource = createDataSource(config, { logger, pgliteTemplate: template });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.migrations.length > 0) logger.info({ migrations: applied.migrations }, 'applied migrations');
    if (applied.functions.length > 0) logger.info({ functions: applied.functions }, 'applied database functions');
    await seed(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await folder?.release();
    throw error;
  }
  return { dataSource, folder };
}

/**
 * Every service, in the order they need each other. Services that change what the live screen
 * shows announce it through `liveChanges`, which is connected to live totals once they exist
 * (live totals read through the campaign, case and content services); the kit orders ask the
 * content for pickup points' names through `pickupPointNames`, connected the same way.
 */
function createServices(config: Config, dataSource: DataSource, logger: Logger, { cursors, openSockets, clock }: { cursors: Cursors; openSockets: () => number; clock?: () => Date }) {
  const liveChanges = new LiveChangesRelay();
  const campaigns = new CampaignService(dataSource, liveChanges);
  const cases = new CaseService(dataSource, liveChanges);
  const faculties = new FacultyService(dataSource);
  const events = new EventService(dataSource, liveChanges);

  const { smtpUrl } = config.email;
  // The outbox wakes this process's sender when it queues an email; the sender reads the outbox.
  let emailSender: EmailSender | null = null;
  const kitOrderEmails = new KitOrderEmailService(dataSource, logger, { enabled: Boolean(smtpUrl), onQueued: () => emailSender?.kick() });
  emailSender = smtpUrl ? new EmailSender(kitOrderEmails, { ...config.email, smtpUrl }, logger) : null;

  // The emails name the pickup point in the student's language, from the content's translations.
  const pickupPointNames = new PickupPointNamesRelay();
  const kitOrders = new KitOrderService(dataSource, campaigns, faculties, cursors, kitOrderEmails, pickupPointNames);
  const content = new ContentService(dataSource, campaigns, cases, events, faculties, kitOrders, liveChanges);
  pickupPointNames.connect(content);
  const totals = new TotalsService(dataSource, campaigns, cases, events, faculties, content);
  // Live totals compare the translated names too, which the content service reads.
  const live = new LiveTotals(dataSource, totals, content, logger, { tickMs: config.liveTotalsIntervalMs, refreshMs: config.liveRefreshMs, maxMessagesPerSecond: config.liveMaxMessagesPerSecond });
  liveChanges.connect(live);
  const pledges = new PledgeService(dataSource, config.databaseUrl ? SERVER_BATCHING : EMBEDDED_BATCHING, clock);
  const metrics = new Metrics({ dataSource, subscribers: () => live.subscriberCount, sockets: () => openSockets() });
  pledges.batcher.events.on('batch', ({ size }: { size: number }) => metrics.pledgeBatchSize.observe(size));

  return {
    campaigns,
    cases,
    faculties,
    events,
    totals,
    live,
    pledges,
    pledgeReview: new PledgeReviewService(dataSource, cases, events, faculties, cursors, liveChanges),
    partners: new PartnerService(dataSource, totals, cases, events, faculties, cursors),
    kitOrders,
    content,
    emailSender,
    tokens: new TokenService(dataSource, faculties),
    signInCodes: new SignInCodeService(dataSource),
    rateLimits: new RateLimits(config.rateLimitsPerMinute),
    metrics,
  };
}

/** Every resolver of the API, listed once. */
function createResolvers(config: Config, s: Services): object[] {
  return [
    new CampaignResolver(s.campaigns),
    new CaseResolver(s.campaigns, s.cases),
    new CampaignCasesResolver(s.cases),
    new EventResolver(s.campaigns, s.events),
    new FacultyResolver(s.faculties),
    new TotalsResolver(s.totals),
    new PledgeResolver(s.pledges, s.rateLimits, s.metrics, config.formMinFillMs),
    new PledgeReviewResolver(s.pledgeReview, s.totals),
    new PartnerResolver(s.partners, s.totals),
    new KitOrderResolver(s.kitOrders, s.rateLimits, config.formMinFillMs),
    new TokenResolver(s.tokens, s.faculties, s.signInCodes),
    new SiteResolver(config),
    new ContentResolver(s.campaigns, s.content),
    ...createContentFieldsResolvers(s.content),
  ];
}

/**
 * HTTP and WebSocket: GraphQL on /graphql (Apollo for HTTP, graphql-ws for subscriptions), the
 * operators' endpoints, the CSV exports, the join links and the built dashboard.
 */
async function serve(config: Config, logger: Logger, dataSource: DataSource, s: Services, schema: GraphQLSchema) {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // A request must arrive whole within the timeout (its headers within a third of it, at most
  // 20 s), checked every second or so, so that a slow client cannot hold connections for minutes.
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs / 4) }, app);
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(20_000, Math.ceil(config.requestTimeoutMs / 3));
  const maskError = createErrorMasker({ hideSuggestions: config.production });
  const subscriptions: SubscriptionServer = attachSubscriptions({
    httpServer: server,
    schema,
    logger,
    subscriberCount: () => s.live.subscriberCount,
    tokens: s.tokens,
    maskError,
    limits: config.webSocketLimits,
    introspection: config.introspection,
    trustProxy: app.get('trust proxy fn'),
  });
  const apollo = await startApollo({ schema, httpServer: server, maskError, introspection: config.introspection, production: config.production, publicUrl: config.publicUrl, metrics: s.metrics, logger });

  // The headers of every answer, GraphQL's included: middlewares mounted here, before any route.
  app.use(securityHeaders(config));
  // GraphQL first: the route of every pledge, reached without passing the other routers.
  app.use(['/graphql', '/export'], corsFor(config.corsOrigins));
  const graphql = graphqlHandler(apollo, { tokens: s.tokens, logger, maxBodyBytes: MAX_BODY_BYTES });
  app.route('/graphql').get(graphql).post(graphql).all(allowOnly('GET', 'HEAD', 'POST'));
  app.use(opsRouter({ dataSource, metrics: s.metrics, metricsToken: config.metrics.token }));
  const metricsServer: Server | undefined = config.metrics.port !== undefined ? await startMetricsListener(s.metrics, config.metrics.port, config.metrics.host) : undefined;
  app.use(exportRouter({ tokens: s.tokens, totals: s.totals, kitOrders: s.kitOrders, logger }));
  app.use(joinRouter(s.events, config.publicUrl));
  const dashboard = dashboardRouter(config.dashboardDir);
  if (dashboard) app.use(dashboard);
  else logger.warn({ dashboardDir: config.dashboardDir }, 'dashboard not built; serving the API only');
  app.use(notFound());
  app.use(jsonErrors(logger, MAX_BODY_BYTES));
  // A request Node's parser refuses (headers too large) never reaches Express: the same JSON.
  server.on('clientError', answerClientError);

  await listen(server, config.port, config.host);
  return { server, subscriptions, metricsServer, stopApollo: () => apollo.stop() };
}
