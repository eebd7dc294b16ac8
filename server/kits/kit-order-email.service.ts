import { type DataSource, type Repository } from 'typeorm';
import { type Logger } from '../common/logger.js';
import { type ClaimedEmail, type Outbox } from '../email/email.types.js';
import { type EmailKind, KitOrderEmail, EmailStatus } from './kit-order-email.entity.js';
import { composeKitEmail, type EmailLocale, type KitEmailFacts } from './kit-order-email.texts.js';
import { claimEmails, nextEmailDue, queueEmail, requeueEmail } from './kit-order.queries.js';

/** How long a sender may take over one batch before another process may take its rows. */
const CLAIM_SECONDS = 120;

/** Confirmations one address gets in a day at most, however many orders name it. */
const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 5;

/**
 * The outbox of kit-order emails. Every change is one statement, so it works the same on
 * PostgreSQL (several processes claim rows side by side: FOR UPDATE SKIP LOCKED) and on PGlite
 * (one connection shared by every request, where a transaction would take in other requests'
 * statements).
 */
export class KitOrderEmailService implements Outbox {
  private readonly emails: Repository<KitOrderEmail>;
  /** Whether a mail server is configured: without one nothing is queued, and nothing promised. */
  readonly enabled: boolean;
  private readonly onQueued: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    /** `onQueued` is called after each email is queued, so that this process's sender sends it at once. */
    options: { enabled: boolean; onQueued: () => void },
  ) {
    this.emails = dataSource.getRepository(KitOrderEmail);
    this.enabled = options.enabled;
    this.onQueued = options.onQueued;
  }

  /**
   * Queues one email about an order; a no-op without a mail server. Never throws: the order it
   * is about has been stored already and must not fail because its email could not be queued.
   */
  async enqueue(kitOrderId: number, kind: EmailKind, locale: EmailLocale, recipient: string, facts: KitEmailFacts): Promise<void> {
    if (!this.enabled) return;
    const { subject, body } = composeKitEmail(kind, locale, facts);
    try {
      const queued = await queueEmail(this.dataSource, { kitOrderId, kind, locale, recipient, subject, body }, CONFIRMATIONS_PER_ADDRESS_PER_DAY);
      if (queued) this.onQueued();
      else this.logger.warn({ kitOrderId, kind }, 'email not sent: too many confirmations to this address today');
    } catch (error) {
      this.logger.error({ kitOrderId, kind, code: (error as { code?: string }).code }, 'email could not be queued');
    }
  }

  /** Organisers: what was sent about an order and what was not, oldest first. */
  forOrder(kitOrderId: number): Promise<KitOrderEmail[]> {
    return this.emails.find({ where: { kitOrderId }, order: { id: 'ASC' } });
  }

  claim(limit: number): Promise<ClaimedEmail[]> {
    return claimEmails(this.dataSource, limit, CLAIM_SECONDS);
  }

  async sent(id: number): Promise<void> {
    await this.emails.update({ id }, { status: EmailStatus.SENT, sentAt: () => 'now()', claimedUntil: null, lastError: null });
  }

  /** A failed try: again after `retryInMs`, or given up for good. `reason` is a code, never the server's words. */
  async failed(id: number, reason: string, retryInMs: number | null): Promise<void> {
    if (retryInMs === null) {
      await this.emails.update({ id }, { status: EmailStatus.FAILED, claimedUntil: null, lastError: reason });
      return;
    }
    await requeueEmail(this.dataSource, id, reason, retryInMs);
  }

  nextDue(): Promise<Date | null> {
    return nextEmailDue(this.dataSource);
  }
}
