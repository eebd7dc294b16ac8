import { type DataSource, type Repository } from 'typeorm';
import { type Logger } from '../logger.js';
import { EmailKind, EmailOutbox, EmailStatus } from './email-outbox.entity.js';
import { composeKitEmail, type EmailLocale, type KitEmailFacts } from './kit-emails.js';

/** Tries before an email is given up as failed; with the backoff, about a day at the default delay. */
export const MAX_ATTEMPTS = 8;
/** How long a sender may take over one batch before another process may take its rows. */
const CLAIM_SECONDS = 120;

/** A claimed email, ready to hand to the mail server. */
export type ClaimedEmail = Pick<EmailOutbox, 'id' | 'kitOrderId' | 'kind' | 'recipient' | 'subject' | 'body' | 'attempts'> & { locale: EmailLocale };

/**
 * The outbox of kit-order emails. Every change is one statement, so it works the same on
 * PostgreSQL (several processes claim rows side by side: FOR UPDATE SKIP LOCKED) and on PGlite
 * (one connection shared by every request, where a transaction would take in other requests'
 * statements).
 */
export class EmailOutboxService {
  private readonly emails: Repository<EmailOutbox>;
  /** Called after each email is queued: the sender of this process sends it at once. */
  onQueued: () => void = () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    /** Whether a mail server is configured: without one nothing is queued, and nothing promised. */
    readonly enabled: boolean,
    private readonly logger: Logger,
  ) {
    this.emails = dataSource.getRepository(EmailOutbox);
  }

  /**
   * Queues one email about an order; a no-op without a mail server. Never throws: the order it
   * is about has been stored already and must not fail because its email could not be queued.
   */
  async enqueue(kitOrderId: number, kind: EmailKind, locale: EmailLocale, recipient: string, facts: KitEmailFacts): Promise<void> {
    if (!this.enabled) return;
    const { subject, body } = composeKitEmail(kind, locale, facts);
    try {
      await this.emails.insert({ kitOrderId, kind, locale, recipient, subject, body, status: EmailStatus.QUEUED });
      this.onQueued();
    } catch (error) {
      this.logger.error({ kitOrderId, kind, code: (error as { code?: string }).code }, 'email could not be queued');
    }
  }

  /** Organisers: what was sent about an order and what was not, oldest first. */
  forOrder(kitOrderId: number): Promise<EmailOutbox[]> {
    return this.emails.find({ where: { kitOrderId }, order: { id: 'ASC' } });
  }

  /**
   * Takes up to `limit` due emails for this process: queued ones whose time has come, and ones
   * another sender claimed but never settled (it crashed). Skips rows another process is
   * claiming at this moment, so no email is taken twice.
   */
  claim(limit: number): Promise<ClaimedEmail[]> {
    // Wrapped in a SELECT: for a bare UPDATE, TypeORM's query() answers [rows, count].
    return this.dataSource.query<ClaimedEmail[]>(
      `WITH claimed AS (
       UPDATE email_outbox SET status = '${EmailStatus.SENDING}', attempts = attempts + 1,
              claimed_until = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM email_outbox
         WHERE status IN ('${EmailStatus.QUEUED}', '${EmailStatus.SENDING}') AND next_attempt_at <= now()
           AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY next_attempt_at, id
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, kit_order_id AS "kitOrderId", kind, locale, recipient, subject, body, attempts)
       SELECT * FROM claimed ORDER BY id`,
      [limit, CLAIM_SECONDS],
    );
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
    await this.dataSource.query(
      `UPDATE email_outbox SET status = '${EmailStatus.QUEUED}', claimed_until = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = '${EmailStatus.SENDING}'`,
      [id, reason, retryInMs / 1000],
    );
  }

  /** When the next queued email is due, so the sender can sleep until then. */
  async nextDue(): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ due: Date | null }[]>(
      `SELECT min(next_attempt_at) AS due FROM email_outbox WHERE status IN ('${EmailStatus.QUEUED}', '${EmailStatus.SENDING}')`,
    );
    return row?.due ? new Date(row.due) : null;
  }
}
