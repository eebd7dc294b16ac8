import { type IncomingMessage } from 'node:http';
import { type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * Why a body could not be read: `status` is the HTTP status jsonErrors answers with, and
 * `publicMessage`, when given, the sentence it sends (otherwise a general one).
 */
class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    readonly publicMessage?: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

const DECOMPRESSORS: Record<string, () => Transform> = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * The JSON body of a request, read as express.json() read it before (that parser was the
 * only work Express did for GraphQL): only `application/json` (a body of any other type: 415,
 * which also refuses the form posts and `text/plain` that CSRF prevention is about; no body or
 * no type gives `undefined`, which Apollo refuses: "POST body missing" or its CSRF prevention), in
 * UTF-8 (another charset: 415), identity or gzip, deflate or br encoded (another encoding: 415),
 * at most `limitBytes` after decoding (413, refused from the declared length before anything
 * is read), and an object or an array (anything else: 400). An empty body is `{}`.
 */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const mediaType = parseContentType(request.headers['content-type']);
  const hasBody = request.headers['transfer-encoding'] !== undefined || request.headers['content-length'] !== undefined;
  if (!hasBody || mediaType === undefined) return Promise.resolve(undefined);
  if (mediaType.type !== 'application/json') {
    return refuse(request, new BodyError(415, `unsupported content type "${mediaType.type}"`, 'Send the request as JSON, with "content-type: application/json".'));
  }
  if (mediaType.charset !== undefined && mediaType.charset !== 'utf-8' && mediaType.charset !== 'utf8') {
    return refuse(request, new BodyError(415, `unsupported charset "${mediaType.charset.toUpperCase()}"`));
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = encoding === 'identity' ? Number(request.headers['content-length'] ?? Number.NaN) : Number.NaN;
  if (declared > limitBytes) return refuse(request, new BodyError(413, 'request entity too large'));
  let decompressor: Transform | undefined;
  if (encoding !== 'identity') {
    const decompress = DECOMPRESSORS[encoding];
    if (!decompress) return refuse(request, new BodyError(415, `unsupported content encoding "${encoding}"`));
    decompressor = decompress();
    request.pipe(decompressor);
  }
  return readAll(request, decompressor, limitBytes, declared).then(parseJson);
}

/**
 * A refusal, with the rest of the body read and dropped (as body-parser does), so a keep-alive
 * connection is left at the start of its next request rather than in the middle of this body.
 */
function refuse(request: IncomingMessage, error: BodyError): Promise<never> {
  request.resume();
  return Promise.reject(error);
}

function parseContentType(header: string | undefined): { type: string; charset: string | undefined } | undefined {
  if (!header) return undefined;
  const [type = '', ...parameters] = header.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals !== -1 && parameter.slice(0, equals).trim().toLowerCase() === 'charset') {
      charset = parameter.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * The bytes of the request, through `decompressor` when it is encoded, refused past
 * `limitBytes` (413), when they are not the `declared` length (400), when the encoding is
 * broken (400) or when the client goes away (400). The request is listened to itself, since a
 * pipe passes on neither its end by abort nor its errors. On a refusal the decompressor is
 * unpiped and destroyed and the rest of the request drained.
 */
function readAll(request: IncomingMessage, decompressor: Transform | undefined, limitBytes: number, declared: number): Promise<Buffer> {
  const source: Readable = decompressor ?? request;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (error: BodyError | null) => {
      // An error on the request itself reaches both its listeners when it is the source.
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      request.off('aborted', onAborted);
      request.off('error', onAborted);
      request.off('close', onClose);
      if (error) {
        if (decompressor) {
          request.unpipe(decompressor);
          decompressor.destroy();
        }
        request.resume();
        reject(error);
      } else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) finish(new BodyError(413, 'request entity too large'));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(!Number.isNaN(declared) && received !== declared ? new BodyError(400, 'request size did not match content length') : null);
    const onError = () => finish(new BodyError(400, 'the request body could not be read'));
    const onAborted = () => finish(new BodyError(400, 'request aborted'));
    const onClose = () => {
      if (!request.complete) onAborted();
    };
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    request.once('aborted', onAborted);
    request.once('error', onAborted);
    request.once('close', onClose);
  });
}

/** Strict JSON, as body-parser's `strict` option: an object or an array; a byte order mark is skipped. */
function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.length === 0) return {};
  const first = /^[\s]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyError(400, 'the request body is not a JSON object or array');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'the request body is not valid JSON');
  }
}
