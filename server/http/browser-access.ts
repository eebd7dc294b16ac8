import cors from 'cors';
import { type RequestHandler } from 'express';

/**
 * Which other sites' pages may call the API from a browser (CORS): the origins of
 * CORS_ORIGINS, for GraphQL over HTTP and the CSV exports. Tokens travel in the
 * `authorization` header, never in cookies, so no credentials are allowed; Apollo's CSRF
 * prevention still applies to every request (a JSON body or a preflight-forcing header), so a
 * page on another site can only send what CORS lets it read. Subscriptions over WebSocket are
 * not subject to CORS; they need a token for anything a partner may see.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin.toLowerCase())),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
  // The answer depends on Origin for every origin, not only the allowed ones the cors package
  // marks, so that a shared cache never gives an allowed site's answer to another, or back.
  // A preflight from a site not allowed goes on to the route's OPTIONS (204, no CORS headers).
  return (req, res, next) => {
    res.vary('origin');
    handler(req, res, next);
  };
}
