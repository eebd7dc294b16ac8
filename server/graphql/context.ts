import { type Logger } from '../logger.js';
import { type LiveTotals } from '../totals/live-totals.js';

/** What every resolver gets for one request (or one subscription). */
export type Context = {
  requestId: string;
  logger: Logger;
  /** Live totals, for the totalsUpdated subscription. */
  live: LiveTotals;
};
