import { type RequestHandler } from 'express';
import helmet from 'helmet';
import { type Config } from '../common/config.js';

/** Where the embeddable widgets live: the one path other sites may show in a frame. */
const EMBED_PATH = /^\/embed(\/|$)/;

/** GraphQL over HTTP; a browser's GET of it is answered with Apollo's landing page, the only page there. */
const GRAPHQL_PATH = /^\/graphql\/?$/;

/**
 * What Apollo's landing page at GET /graphql needs beyond the strict policy outside production
 * (Apollo Sandbox, `ApolloServerPluginLandingPageLocalDefault`; in production the page is our
 * own, graphql/landing-page.ts, and needs nothing beyond the strict policy): its
 * inline script and styles, Sandbox's script from Apollo's CDN, Sandbox itself in a frame, the
 * favicon and manifest from Apollo's CDN, Google's font stylesheet. Apollo makes a new nonce for
 * every page and offers no way to pass one in (@apollo/server 5), so the header cannot name it
 * and allows inline code instead; the page brings its own policy in a <meta> tag that requires
 * that nonce, and a browser enforces both, so only Apollo's own inline code runs.
 */
const LANDING_PAGE_SOURCES = {
  scriptSrc: ["'unsafe-inline'", 'https://embeddable-sandbox.cdn.apollographql.com'],
  styleSrc: ["'unsafe-inline'", 'https://fonts.googleapis.com'],
  fontSrc: ['https://fonts.gstatic.com'],
  imgSrc: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  manifestSrc: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  frameSrc: ['https://sandbox.embed.apollographql.com'],
} satisfies Record<string, string[]>;

/** HSTS, once a browser has reached the service over HTTPS: a year, as browsers' preload lists ask. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The security headers of every response, pages, GraphQL, exports and errors alike, decided
 * here and nowhere else (helmet, configured for this app):
 *
 * - a Content-Security-Policy the built web app runs under: its own scripts only (Vite emits
 *   no inline script), its own styles, images and fonts plus `data:`/`blob:` images (QR codes
 *   and Chart.js), the API and the live WebSocket on its own origin, its own service worker and
 *   manifest; no plugins, no `<base>`, forms posting nowhere else;
 * - on GET /graphql outside production, what Apollo Sandbox needs besides (LANDING_PAGE_SOURCES);
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
export function securityHeaders(config: Pick<Config, 'embedOrigins' | 'publicUrl' | 'production'>): RequestHandler {
  const embedAncestors = config.embedOrigins === '*' ? ['*'] : ["'self'", ...config.embedOrigins];
  const https = config.publicUrl?.startsWith('https://') ?? false;
  const forPages = (frameAncestors: string[], also: Partial<Record<keyof typeof LANDING_PAGE_SOURCES, string[]>> = {}) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...(also.scriptSrc ?? [])],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", ...(also.styleSrc ?? [])],
          imgSrc: ["'self'", 'data:', 'blob:', ...(also.imgSrc ?? [])],
          fontSrc: ["'self'", ...(also.fontSrc ?? [])],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'", ...(also.manifestSrc ?? [])],
          frameSrc: ["'self'", ...(also.frameSrc ?? [])],
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
  const strict = forPages(["'none'"]);
  // Every page but /embed: the strict policy; outside production a GET of /graphql (Sandbox) its own.
  if (config.production) return applyFramePolicy(embed, strict);
  const landingPage = forPages(["'none'"], LANDING_PAGE_SOURCES);
  const others: typeof strict = (req, res, next) =>
    (req.method === 'GET' && GRAPHQL_PATH.test((req.url ?? '/').split('?', 1)[0]!) ? landingPage : strict)(req, res, next);

  return applyFramePolicy(embed, others);
}

/** /embed with its own headers, every other page with `others`' and X-Frame-Options: DENY. */
function applyFramePolicy(embed: RequestHandler, others: RequestHandler): RequestHandler {
  // helmet's middlewares only set headers and call back at once.
  return (req, res, next) => {
    if (EMBED_PATH.test(req.path)) {
      embed(req, res, () => undefined);
    } else {
      others(req, res, () => undefined);
      res.setHeader('x-frame-options', 'DENY');
    }
    next();
  };
}
