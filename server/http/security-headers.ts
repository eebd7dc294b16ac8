import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type RequestHandler } from 'express';
import helmet from 'helmet';
import { type Config } from '../common/config.js';

/** Where the embeddable widgets live: the one path other sites may show in a frame. */
const EMBED_PATH = /^\/embed(\/|$)/;

/** HSTS, once a browser has reached the service over HTTPS: a year, as browsers' preload lists ask. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

type Headers = {
  /** Sets the headers, as Express middleware mounted before every route. */
  middleware: RequestHandler;
};

/**
 * The security headers of every response, pages, GraphQL, exports and errors alike, decided
 * here and nowhere else (helmet, configured for this app):
 *
 * - a Content-Security-Policy the built web app runs under: its own scripts only (Vite emits
 *   no inline script), its own styles, images and fonts plus `data:`/`blob:` images (QR codes
 *   and Chart.js), the API and the live WebSocket on its own origin, its own service worker and
 *   manifest; no plugins, no `<base>`, forms posting nowhere else;
 * - frames: `/embed` may be shown by this site (the snippet's preview in /admin) and the sites
 *   of EMBED_ORIGINS (`*`: any), every other page by none (also X-Frame-Options: DENY, for
 *   browsers that predate `frame-ancestors`), against clickjacking on the forms and /admin;
 * - HSTS only when PUBLIC_URL is an https:// address: over plain HTTP on a laptop's LAN
 *   address it would mean nothing, and on localhost it would pin every other local service;
 * - no Referer to other sites (a pledge link can name an event), nosniff, and helmet's other
 *   defaults (cross-origin opener and resource policies, no DNS prefetching).
 *
 * Express's own `x-powered-by` is turned off in app.ts.
 */
export function securityHeaders(config: Pick<Config, 'embedOrigins' | 'publicUrl'>): Headers {
  const embedAncestors = config.embedOrigins === '*' ? ['*'] : ["'self'", ...config.embedOrigins];
  const https = config.publicUrl?.startsWith('https://') ?? false;
  const forPages = (frameAncestors: string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          frameSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors,
        },
      },
      strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
      // Set below with the frame rule, so that one place decides frames.
      xFrameOptions: false,
      xPoweredBy: false,
    });
  const embed = forPages(embedAncestors);
  const others = forPages(["'none'"]);

  const apply = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    // helmet's middleware only sets headers and calls back at once.
    if (EMBED_PATH.test(path)) {
      embed(req, res, () => undefined);
    } else {
      others(req, res, () => undefined);
      res.setHeader('x-frame-options', 'DENY');
    }
  };
  return {
    middleware: (req, res, next) => {
      apply(req, res);
      next();
    },
  };
}
