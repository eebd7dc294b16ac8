import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';

/** Paths the server itself answers; everything else that asks for HTML is the dashboard's. */
const serverPaths = /^\/(graphql|healthz|readyz|metrics|export|p)(\/|$)/;

/**
 * Serves the built Vue app: hashed assets cached for a year, and index.html for every other
 * page path so that /live, /pledge?event=... and /cases/... work when opened directly.
 * Returns null when the dashboard has not been built.
 */
export function dashboardRouter(dashboardDir: string): Router | null {
  const root = resolve(dashboardDir);
  const indexHtml = resolve(root, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const router = express.Router();
  router.use('/assets', express.static(resolve(root, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(root, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (serverPaths.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
