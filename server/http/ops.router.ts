import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express, { type RequestHandler, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { ErrorCode } from '../common/errors.js';
import { allowOnly, sendHttpError } from '../common/http-errors.js';
import { type Metrics } from '../common/metrics.js';
import { listen } from './listen.js';

/**
 * What operators and orchestrators ask: /healthz (the process is up), /readyz (the database
 * answers and no migration is pending) and /metrics, which on the public port needs
 * METRICS_TOKEN; without one configured, nobody gets them there. Each takes GET and HEAD only.
 */
export function opsRouter(options: { dataSource: DataSource; metrics: Metrics; metricsToken: string | undefined }): Router {
  const { dataSource, metrics, metricsToken } = options;
  const router = express.Router();
  const getOnly = allowOnly('GET', 'HEAD');
  router.route('/healthz').get((_req, res) => {
    res.json({ status: 'ok' });
  }).all(getOnly);
  router.route('/readyz').get(async (_req, res) => {
    try {
      const pending = await dataSource.showMigrations();
      if (pending) res.status(503).json({ status: 'migrations pending' });
      else res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  }).all(getOnly);
  const serve = serveMetrics(metrics);
  router.route('/metrics').get((req, res, next) => {
    if (metricsToken && bearerMatches(req.header('authorization'), metricsToken)) return serve(req, res, next);
    res.setHeader('www-authenticate', 'Bearer');
    sendHttpError(res, 401, 'Metrics need "Authorization: Bearer <METRICS_TOKEN>", or METRICS_PORT.', ErrorCode.UNAUTHENTICATED);
  }).all(getOnly);
  return router;
}

/** METRICS_PORT: a listener of its own, meant for a private interface (METRICS_HOST), no token needed. */
export async function startMetricsListener(metrics: Metrics, port: number, host: string): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', serveMetrics(metrics));
  const server = createServer(app);
  await listen(server, port, host);
  return server;
}

function serveMetrics(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}

/** Compares a bearer token in constant time (hashing first makes the lengths equal). */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!given) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
