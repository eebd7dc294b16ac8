import { type PledgeInput, type SubmitPledgeMutation } from '../graphql/generated/pledge';
import { GraphQLRequestError, refusesUnknownField } from '../graphql/request';

/**
 * The pledges a phone still has to deliver. A pledge gets its client key when it is first
 * submitted and keeps it for every retry, so the server counts it once however often it is sent.
 * Kept in storage first, then sent: a page closed mid-request still has it on the next visit.
 *
 * Pure apart from what is passed in (storage, transport, timer), so that it runs in unit tests.
 */

/** What the server answers for a pledge it has (recorded now or before). */
export type PledgeReceipt = SubmitPledgeMutation['submitPledge'];

/** A pledge waiting on the phone. */
export type QueuedPledge = { input: PledgeInput; queuedAt: string };

export type PledgeOutcome =
  | { status: 'sent'; input: PledgeInput; receipt: PledgeReceipt }
  | { status: 'queued'; input: PledgeInput; error: GraphQLRequestError }
  | { status: 'rejected'; input: PledgeInput; error: GraphQLRequestError };

/** What a pledge is before it has a key: the form's content. */
export type PledgeDraft = Omit<PledgeInput, 'clientKey' | 'madeAt'>;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type PledgeQueueOptions = {
  storage: KeyValueStorage | null;
  /** Sends one pledge; throws a GraphQLRequestError when it fails. */
  send: (input: PledgeInput) => Promise<PledgeReceipt>;
  newKey: () => string;
  /** Runs `task` after `ms`; returns a cancel function. */
  schedule?: (task: () => void, ms: number) => () => void;
  random?: () => number;
  now?: () => Date;
  /** Told after each delivery or refusal of a pledge that was waiting, and on every change of the list. */
  onSettled?: (outcome: PledgeOutcome) => void;
  onChange?: (pending: readonly QueuedPledge[]) => void;
};

export const STORAGE_KEY = 'writing-marathon.pledge-queue';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Waits grow 1 s, 2 s, 4 s ... up to 30 s, each shortened by up to half at random so phones do not retry in step. */
export function retryDelay(failures: number, random: number): number {
  const full = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (0.5 + random / 2));
}

function asError(error: unknown): GraphQLRequestError {
  if (error instanceof GraphQLRequestError) return error;
  return new GraphQLRequestError('network', error instanceof Error ? error.message : String(error));
}

function isQueuedPledge(value: unknown): value is QueuedPledge {
  const entry = value as QueuedPledge | null;
  return Boolean(entry && typeof entry.input?.clientKey === 'string' && Array.isArray(entry.input.lines));
}

export class PledgeQueue {
  private entries: QueuedPledge[];
  private readonly inFlight = new Set<string>();
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private flushing: Promise<void> | null = null;
  private readonly schedule: NonNullable<PledgeQueueOptions['schedule']>;
  private readonly random: () => number;
  private readonly now: () => Date;

  constructor(private readonly options: PledgeQueueOptions) {
    this.schedule =
      options.schedule ??
      ((task, ms) => {
        const timer = setTimeout(task, ms);
        return () => clearTimeout(timer);
      });
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.entries = this.load();
  }

  get pending(): readonly QueuedPledge[] {
    return this.entries;
  }

  /** Whether a retry is waiting on its timer. */
  get retryScheduled(): boolean {
    return this.cancelRetry !== null;
  }

  /**
   * Gives the draft its key, keeps it, and tries to send it at once. Resolves `sent`, `queued`
   * (kept and retried later) or `rejected` (the server refused it; dropped, nothing stored).
   */
  async submit(draft: PledgeDraft): Promise<PledgeOutcome> {
    // When it was made travels with it: an event takes pledges until a while after its end,
    // and one made during the event that waited offline for longer still counts.
    const madeAt = this.now().toISOString();
    const input: PledgeInput = { clientKey: this.options.newKey(), ...draft, madeAt };
    this.add({ input, queuedAt: madeAt });
    const outcome = await this.deliver(input);
    if (outcome.status === 'queued') this.retryLater();
    return outcome;
  }

  /**
   * Sends every waiting pledge, oldest first, one at a time. Stops at the first failure that
   * a later try may fix and plans that try. Calls made while a flush runs share it.
   */
  flush(): Promise<void> {
    this.flushing ??= this.runFlush().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** The connection is back: try now rather than at the planned time. */
  retryNow(): Promise<void> {
    this.failures = 0;
    return this.flush();
  }

  dispose(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  private async runFlush(): Promise<void> {
    this.cancelRetry?.();
    this.cancelRetry = null;
    for (const entry of [...this.entries]) {
      if (this.inFlight.has(entry.input.clientKey)) continue;
      // A pledge queued by an older version of the page has its time in `queuedAt` only.
      const outcome = await this.deliver({ madeAt: entry.queuedAt, ...entry.input });
      this.options.onSettled?.(outcome);
      if (outcome.status === 'queued') {
        this.retryLater();
        return;
      }
    }
  }

  private async deliver(input: PledgeInput): Promise<PledgeOutcome> {
    this.inFlight.add(input.clientKey);
    try {
      const receipt = await this.sendToAnyServer(input);
      this.failures = 0;
      this.remove(input.clientKey);
      return { status: 'sent', input, receipt };
    } catch (caught) {
      const error = asError(caught);
      if (error.retryable) return { status: 'queued', input, error };
      this.remove(input.clientKey);
      return { status: 'rejected', input, error };
    } finally {
      this.inFlight.delete(input.clientKey);
    }
  }

  /**
   * Sends the pledge; should the server not know `madeAt` (an older deployment: a rollback, or
   * the last version's process during a deploy), sends it again without it, with the same key,
   * as useCase.ts asks an older server again without the kit fields.
   */
  private async sendToAnyServer(input: PledgeInput): Promise<PledgeReceipt> {
    try {
      return await this.options.send(input);
    } catch (error) {
      if (!('madeAt' in input) || !refusesUnknownField(error, 'madeAt')) throw error;
      const { madeAt: _madeAt, ...older } = input;
      return await this.options.send(older);
    }
  }

  private retryLater(): void {
    if (this.cancelRetry) return;
    this.failures += 1;
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      void this.flush();
    }, retryDelay(this.failures, this.random()));
  }

  private add(entry: QueuedPledge): void {
    this.entries = [...this.entries, entry];
    this.save();
  }

  private remove(clientKey: string): void {
    const kept = this.entries.filter((entry) => entry.input.clientKey !== clientKey);
    if (kept.length === this.entries.length) return;
    this.entries = kept;
    this.save();
  }

  private load(): QueuedPledge[] {
    try {
      const parsed: unknown = JSON.parse(this.options.storage?.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isQueuedPledge) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      this.options.storage?.setItem(STORAGE_KEY, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked (private browsing): the pledge still waits in memory for this visit.
    }
    this.options.onChange?.(this.entries);
  }
}

/** A version 4 UUID from the platform's random source; `crypto.randomUUID` exists only on HTTPS pages. */
export function newClientKey(getRandomValues: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
