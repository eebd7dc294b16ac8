import { type Viewer } from '../auth/viewer.js';
import { type Logger } from '../logger.js';
import { type LiveTotals } from '../totals/live-totals.js';

/** What every resolver gets for one request (or one subscription). */
export type Context = {
  requestId: string;
  logger: Logger;
  /** Who is asking: public, a partner faculty or an organiser. */
  viewer: Viewer;
  /** Live totals, for the totalsUpdated subscription. */
  live: LiveTotals;
};
