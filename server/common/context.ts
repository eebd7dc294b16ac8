import { type Locale } from './locale.js';
import { type Logger } from './logger.js';
import { type Viewer } from './viewer.js';

/** What every resolver gets for one request (or one subscription). */
export type Context = {
  requestId: string;
  logger: Logger;
  /** Who is asking: public, a partner faculty or an organiser. */
  viewer: Viewer;
  /** The client's network address, for rate limits (the proxy's view when TRUST_PROXY is set). */
  clientAddress: string;
  /** The language the request asked for (Accept-Language, or a socket's connectionParams.locale); content comes in it, falling back to English. */
  locale: Locale;
};
