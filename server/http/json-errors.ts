import { type ErrorRequestHandler } from 'express';
import { ErrorCode } from '../common/errors.js';
import { type Logger } from '../common/logger.js';

/** Errors before GraphQL (a body too large, broken JSON) answered as GraphQL-shaped JSON; `maxBodyBytes` is the limit a 413 names. */
export function jsonErrors(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  const maxBody = maxBodyBytes % 1024 === 0 ? `${maxBodyBytes / 1024} KB` : `${maxBodyBytes} bytes`;
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const message =
      status === 413
        ? `The request is too large (at most ${maxBody}).`
        : status === 500
          ? 'Something went wrong on our side.'
          : 'The request could not be read.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : ErrorCode.BAD_REQUEST } }] });
  };
}
