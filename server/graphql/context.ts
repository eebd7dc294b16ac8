import { type Logger } from '../logger.js';

/** What every resolver gets for one request (or one subscription). */
export type Context = {
  requestId: string;
  logger: Logger;
};
