import { type RequestHandler, type Response } from 'express';
import { ErrorCode } from './errors.js';

/**
 * The one shape of every error the service answers over HTTP outside GraphQL: the shape of a
 * GraphQL error, `{ errors: [{ message, extensions: { code } }] }`, so that a partner's script
 * reads a refused export, an unknown address or a body too large as it reads a GraphQL error.
 */
export function httpErrorBody(message: string, code: string): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/** Answers `status` with {@link httpErrorBody}. */
export function sendHttpError(res: Response, status: number, message: string, code: string): void {
  res.status(status).json(httpErrorBody(message, code));
}

/**
 * For an address that exists, the methods it takes: another method gets a JSON 405 with
 * `Allow`, and OPTIONS a 204 with `Allow` (a CORS preflight from an allowed site has been
 * answered before, by the CORS middleware). Mount it with `.all()` after the address's routes.
 */
export function allowOnly(...methods: string[]): RequestHandler {
  const allow = [...methods, 'OPTIONS'].join(', ');
  const use = methods.filter((method) => method !== 'HEAD').join(' or ');
  return (req, res) => {
    res.setHeader('allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    // Node's parser takes only the methods it knows, so the name is safe to repeat.
    sendHttpError(res, 405, `${req.method} is not allowed here; use ${use}.`, ErrorCode.BAD_REQUEST);
  };
}
