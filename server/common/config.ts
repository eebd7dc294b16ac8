import { z } from 'zod';

/**
 * The service's configuration: the only place that reads `process.env`.
 * Every value is validated at start; a bad one stops the process with a sentence per problem.
 */
/** One origin (scheme, host, optional port: no path), or several separated by commas. */
const ORIGIN = /https?:\/\/[a-z0-9.-]+(:\d{1,5})?/i;
const ORIGIN_LIST = new RegExp(`^${ORIGIN.source}(\\s*,\\s*${ORIGIN.source})*$`, 'i');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_URL: z.url('must be a full URL such as https://marathon.example.edu').optional(),
  DASHBOARD_DIR: z.string().min(1).default('dist/dashboard'),
  LIVE_TOTALS_INTERVAL_MS: z.coerce.number().int().min(50).max(5000).default(250),
  LIVE_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(30_000),
  LIVE_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  RATE_LIMIT_PLEDGES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(900),
  RATE_LIMIT_LETTERS_PER_MINUTE: z.coerce.number().int().min(50).max(100_000_000).default(5_000),
  RATE_LIMIT_KIT_ORDERS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  FORM_MIN_FILL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // Node's own default is five minutes, for which a client trickling its bytes holds a connection.
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  // Parsed as a whole URL here, so that a typo is refused at start with a sentence instead of
  // surfacing in nodemailer later; the message never repeats the value, which holds a password.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, hostname: /./, error: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.edu:587' })
    .optional(),
  EMAIL_FROM: z.string().min(3).default('Write for Rights <no-reply@localhost>'),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|loopback|\d+|[\d.:/a-f, ]+)$/i, 'must be true, loopback, a number of proxies, or proxy addresses')
    .optional(),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false'], 'must be true or false').optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (a random secret)').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).max(100_000).default(50),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  // A lecture hall on one NAT address holds a few hundred phones; a script on one address
  // must not take the whole process's subscriptions from the projectors.
  WS_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(500),
  WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  WS_MAX_MESSAGES_PER_MINUTE: z.coerce.number().int().min(6).max(10_000_000).default(600),
  CORS_ORIGINS: z.string().regex(ORIGIN_LIST, 'must be origins such as https://ingenieurs.vub.be, separated by commas').optional(),
  EMBED_ORIGINS: z.string().regex(new RegExp(`^(\\*|${ORIGIN_LIST.source.slice(1, -1)})$`, 'i'), 'must be * or origins such as https://ingenieurs.vub.be, separated by commas').optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  /** PostgreSQL server URL; absent means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps everything in memory. */
  dataDir: string;
  databasePoolSize: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  production: boolean;
  /** The address students reach the service at, for links and QR codes. */
  publicUrl: string | undefined;
  /** The built dashboard, served at `/` when present. */
  dashboardDir: string;
  /** How often live totals check for changes: at most this many snapshots per topic. */
  liveTotalsIntervalMs: number;
  /**
   * How often every watched snapshot is read again although no pledge moved it: an organiser's
   * edit in another process (a goal, a case's name) reaches this process's live screens so.
   */
  liveRefreshMs: number;
  /** Snapshots per second a process sends over all its sockets, at most; ticks slow down beyond it. */
  liveMaxMessagesPerSecond: number;
  /** Writes per minute per client address (or per token), in each process. */
  rateLimitsPerMinute: { pledge: number; kitOrder: number; letters: number };
  /** A public form sent sooner than this after it was shown is taken for a script. */
  formMinFillMs: number;
  /** How long a client may take to send one whole request, headers and body (then 408). */
  requestTimeoutMs: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe for client addresses. */
  trustProxy: boolean | number | string | undefined;
  /** Whether the schema can be introspected: off in production unless GRAPHQL_INTROSPECTION says otherwise. */
  introspection: boolean;
  /** /metrics: a bearer token it needs on the main port, and/or a listener of its own. */
  metrics: { token: string | undefined; port: number | undefined; host: string };
  /** WebSocket limits: subscriptions per socket and per process, sockets and subscriptions per client address, messages per socket per minute. */
  webSocketLimits: {
    subscriptionsPerSocket: number;
    subscriptions: number;
    socketsPerAddress: number;
    subscriptionsPerAddress: number;
    messagesPerMinute: number;
  };
  /** Kit-order emails: the mail server (absent: no email is sent or promised), the sender, the first retry delay. */
  email: { smtpUrl: string | undefined; from: string; retryBaseMs: number };
  /** Sites whose pages may call the API from the browser (CORS), e.g. a faculty's dashboard. */
  corsOrigins: readonly string[];
  /** Sites that may show /embed widgets in a frame; `*`: any site. */
  embedOrigins: readonly string[] | '*';
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration from an environment (by default `process.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.DATA_DIR,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    logLevel: values.LOG_LEVEL,
    production: values.NODE_ENV === 'production',
    publicUrl: values.PUBLIC_URL,
    dashboardDir: values.DASHBOARD_DIR,
    liveTotalsIntervalMs: values.LIVE_TOTALS_INTERVAL_MS,
    liveRefreshMs: values.LIVE_REFRESH_MS,
    liveMaxMessagesPerSecond: values.LIVE_MAX_MESSAGES_PER_SECOND,
    trustProxy: parseTrustProxy(values.TRUST_PROXY),
    formMinFillMs: values.FORM_MIN_FILL_MS,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    rateLimitsPerMinute: {
      pledge: values.RATE_LIMIT_PLEDGES_PER_MINUTE,
      kitOrder: values.RATE_LIMIT_KIT_ORDERS_PER_MINUTE,
      letters: values.RATE_LIMIT_LETTERS_PER_MINUTE,
    },
    introspection: values.GRAPHQL_INTROSPECTION ? values.GRAPHQL_INTROSPECTION === 'true' : values.NODE_ENV !== 'production',
    metrics: { token: values.METRICS_TOKEN, port: values.METRICS_PORT, host: values.METRICS_HOST },
    webSocketLimits: {
      subscriptionsPerSocket: values.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      subscriptions: values.WS_MAX_SUBSCRIPTIONS,
      socketsPerAddress: values.WS_MAX_SOCKETS_PER_ADDRESS,
      subscriptionsPerAddress: values.WS_MAX_SUBSCRIPTIONS_PER_ADDRESS,
      messagesPerMinute: values.WS_MAX_MESSAGES_PER_MINUTE,
    },
    email: { smtpUrl: values.SMTP_URL, from: values.EMAIL_FROM, retryBaseMs: values.EMAIL_RETRY_BASE_MS },
    corsOrigins: originsOf(values.CORS_ORIGINS),
    embedOrigins: values.EMBED_ORIGINS === undefined || values.EMBED_ORIGINS.trim() === '*' ? '*' : originsOf(values.EMBED_ORIGINS),
  });
}

/** Origins as browsers send them in `Origin`: lower case, no trailing slash. */
function originsOf(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((origin) => origin.trim().toLowerCase())
    .filter(Boolean);
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined) return undefined;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
