import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';
import { allowOnly } from '../common/http-errors.js';

/**
 * Paths the server itself answers; `/api` and `/health`, which a script trying addresses may
 * guess; and `/assets`, the build's hashed files, where a file a new deployment no longer has
 * must be a 404: as the app shell it would be HTML run as a tab's code, and kept under the
 * file's name by the service worker. Below them an unknown address is a JSON 404
 * (http/json-errors.ts), never the app shell. Everything else that asks for HTML is the
 * dashboard's.
 */
const serverPaths = /^\/(graphql|healthz|readyz|metrics|export|p|api|health|assets)(\/|$)/;

/**
 * Files whose name stays the same from one deployment to the next, served with `no-cache`
 * (a cache may keep them, but asks the server first): the app shell, also when the service
 * worker's precache asks for it by name; the service worker script, whose bytes are how a
 * browser learns of a new deployment; and the web app manifest. The content types are
 * set here rather than left to the extension's lookup: a worker script needs a JavaScript type.
 */
const revalidatedFiles: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'sw.js': 'text/javascript; charset=utf-8',
  'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
};

/**
 * Serves the built Vue app: hashed assets cached for a year, and index.html for every other
 * page path so that /live, /pledge?event=... and /cases/... work when opened directly.
 * index.html, sw.js and the manifest are always revalidated, so a deployment reaches browsers
 * and their service workers at once (docs/architecture.md, "The offline app").
 * Returns null when the dashboard has not been built.
 */
export function dashboardRouter(dashboardDir: string): Router | null {
  const root = resolve(dashboardDir);
  const indexHtml = resolve(root, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const revalidated = new Map(Object.entries(revalidatedFiles).map(([name, type]) => [resolve(root, name), type]));
  const router = express.Router();
  router.use('/assets', express.static(resolve(root, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(
    express.static(root, {
      index: false,
      maxAge: '1h',
      setHeaders(res, path) {
        const type = revalidated.get(path);
        if (!type) return;
        res.setHeader('content-type', type);
        res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
  // Pages take GET (and HEAD) only: another method is a 405, OPTIONS a 204, both with Allow.
  const pageMethods = allowOnly('GET', 'HEAD');
  router
    .route(/.*/)
    .get((req, res, next) => {
      if (serverPaths.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(indexHtml);
    })
    .all((req, res, next) => (serverPaths.test(req.path) || req.method === 'GET' || req.method === 'HEAD' ? next() : pageMethods(req, res, next)));
  return router;
}
