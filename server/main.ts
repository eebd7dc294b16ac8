import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './common/config.js';
import { createLogger, standardOutput } from './common/logger.js';
import { DataFolderBusyError } from './database/data-folder-lock.js';

/**
 * A stop that takes longer than this is cut short: whatever hangs, SIGTERM ends the process
 * within 10 s (orchestrators send SIGKILL soon after; better to exit on our own, saying why).
 */
const SHUTDOWN_DEADLINE_MS = 9_000;

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Log lines are written asynchronously; the lines for the person who started the server go
// through the same stream, so that they come out after the log lines before them.
const stdout = standardOutput();
const logger = createLogger(config.logLevel, stdout);
let app;
try {
  // The one-time sign-in link goes to the console of the person starting the server, never into
  // a log shipped elsewhere: in production only when the output is a terminal.
  app = await createApp(config, logger, { offerSignInLink: process.stdout.isTTY || !config.production });
} catch (error) {
  if (!(error instanceof DataFolderBusyError)) throw error;
  console.error(error.message);
  process.exit(1);
}
logger.info({ url: app.url, database: config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})` }, 'ready');
// One write, so that whoever waits for the "running" line has the link with it.
const signIn = app.signInLink
  ? `  No organiser token exists yet. Open this link once to sign in to /admin (it works for 30 minutes):\n\n    ${app.signInLink}\n\n`
  : '';
stdout.write(`\n  writing-marathon is running: GraphQL at ${app.url}\n\n${signIn}\n`);
// Sent now, not with the next 4 KB of log lines: someone is waiting for it.
stdout.flush();

let stopping = false;
let step = 'starting';
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second Ctrl-C means "now".
      logger.warn({ signal, step }, 'second signal while shutting down; exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Not unref-ed: a stop stuck on a promise must still end here, with its reason logged.
    setTimeout(() => {
      logger.error({ step, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    app.stop((next) => (step = next)).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error, step }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
