import { EventEmitter } from 'node:events';
import { type DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors.js';
import { submitPledges, type PledgeToSubmit, type SubmittedPledge } from './pledge.queries.js';

/** How pledges are grouped: see {@link PledgeBatcher}. */
export type PledgeBatching = Readonly<{
  /** Pledges in one statement at most. */
  maxBatch: number;
  /** Batches on their way to the database at once before new pledges wait for one to return. */
  maxInFlight: number;
  /** The longest a pledge waits for a batch on its way to return before it is sent anyway. */
  maxWaitMs: number;
}>;

/**
 * On a PostgreSQL server two batches at once keep it busy while the next one gathers; PGlite
 * runs one statement at a time, so there one is enough. 64 pledges of 50 lines are well within
 * what one statement carries.
 */
export const SERVER_BATCHING: PledgeBatching = { maxBatch: 64, maxInFlight: 2, maxWaitMs: 2 };
export const EMBEDDED_BATCHING: PledgeBatching = { maxBatch: 64, maxInFlight: 1, maxWaitMs: 2 };

type Waiting = { pledge: PledgeToSubmit; resolve: (row: SubmittedPledge) => void; reject: (error: unknown) => void };

/**
 * Group commit for pledges: pledges that arrive together are written by one `submit_pledges`
 * call, so one round trip and one transaction carry them all. A pledge goes out with the next
 * batch as soon as a batch may leave: at once (after the requests that arrived in the same
 * turn of the event loop) while fewer than `maxInFlight` are on their way; otherwise when one
 * returns, when the batch is full, or after `maxWaitMs`, whichever comes first. So a pledge
 * alone is never held back, and under load batches grow by themselves.
 *
 * Each pledge keeps its own outcome: the database answers one row per pledge (a replay or an
 * unknown slug changes nothing for the others). Should the statement fail as a whole for
 * another reason than an outage, each pledge of the batch is sent again on its own, so that
 * one pledge that PostgreSQL refuses to read (U+0000 in a slug) fails alone. A pledge's
 * promise settles only after its statement has committed, or failed.
 *
 * `events` emits `batch` with `{ size }` each time a batch leaves.
 */
export class PledgeBatcher {
  readonly events = new EventEmitter();
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private nextTurn: NodeJS.Immediate | undefined;
  private deadline: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly batching: PledgeBatching,
  ) {}

  submit(pledge: PledgeToSubmit): Promise<SubmittedPledge> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ pledge, resolve, reject });
      if (this.waiting.length >= this.batching.maxBatch) this.send();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight < this.batching.maxInFlight) {
      this.nextTurn ??= setImmediate(() => {
        this.nextTurn = undefined;
        if (this.inFlight < this.batching.maxInFlight) this.send();
        else this.schedule();
      });
    } else {
      this.deadline ??= setTimeout(() => {
        this.deadline = undefined;
        this.send();
      }, this.batching.maxWaitMs);
    }
  }

  private send(): void {
    if (this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.batching.maxBatch);
    if (this.waiting.length === 0) this.cancelTimers();
    this.inFlight += 1;
    this.events.emit('batch', { size: batch.length });
    void this.write(batch).finally(() => {
      this.inFlight -= 1;
      if (this.waiting.length > 0) {
        this.cancelTimers();
        this.send();
      }
    });
  }

  private cancelTimers(): void {
    if (this.nextTurn) clearImmediate(this.nextTurn);
    if (this.deadline) clearTimeout(this.deadline);
    this.nextTurn = undefined;
    this.deadline = undefined;
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const rows = await submitPledges(this.dataSource, batch.map((entry) => entry.pledge));
      batch.forEach((entry, index) => entry.resolve(rows[index]!));
    } catch (error) {
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      await Promise.all(
        batch.map((entry) =>
          submitPledges(this.dataSource, [entry.pledge]).then(
            ([row]) => entry.resolve(row!),
            (alone: unknown) => entry.reject(alone),
          ),
        ),
      );
    }
  }
}
