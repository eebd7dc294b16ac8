import { STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';
import { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '../common/errors.js';
import { httpErrorBody, sendHttpError } from '../common/http-errors.js';
import { type Logger } from '../common/logger.js';

/**
 * Errors before GraphQL (a body too large, broken JSON, a body that is not JSON) answered as
 * GraphQL-shaped JSON; `maxBodyBytes` is the limit a 413 names. An error may carry a
 * `publicMessage`, a sentence written for the client; any other message stays on the server.
 */
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
          : typeof error?.publicMessage === 'string'
            ? (error.publicMessage as string)
            : 'The request could not be read.';
    sendHttpError(res, status, message, status === 500 ? 'INTERNAL_SERVER_ERROR' : ErrorCode.BAD_REQUEST);
  };
}

/**
 * The last handler: nothing else answered the request. The web app has taken its pages before
 * (server/site/dashboard.router.ts), so what is left is an address of the API or the
 * operators' endpoints that does not exist, or a method no page takes: a JSON 404, never
 * Express's HTML page, and nothing logged (the address could be anything a client typed).
 */
export function notFound(): RequestHandler {
  return (_req, res) => {
    sendHttpError(res, 404, 'There is nothing at this address. The API is GraphQL over POST /graphql (see the partners’ guide).', ErrorCode.NOT_FOUND);
  };
}

/** Why Node's HTTP parser gave up on a request, as the status Node itself would answer. */
const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: 'The request is too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
};

/**
 * The answer to a request Node's HTTP parser refused before Express saw it (headers over 16 KB,
 * a malformed request line, a request that never finished): the same JSON as every other error,
 * written to the socket, which is then closed, as Node does by default (`clientError`). Nothing
 * of the request is logged or repeated: its bytes may hold a token.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's own handler: a socket that is gone, or whose response has begun, is only closed.
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, message } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, message: 'The request could not be read.' };
  const body = JSON.stringify(httpErrorBody(message, ErrorCode.BAD_REQUEST));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'x-content-type-options: nosniff\r\n' +
      'connection: close\r\n\r\n' +
      body,
  );
}
