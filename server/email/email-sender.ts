import nodemailer, { type Transporter } from 'nodemailer';
import { type Logger } from '../common/logger.js';
import { type ClaimedEmail, type Outbox } from './email.types.js';

/** Tries before an email is given up as failed; with the backoff, about a day at the default delay. */
const MAX_ATTEMPTS = 8;

/** Emails taken per claim; a few at a time keeps one slow mail server from holding many rows. */
const BATCH = 5;
/** How often the outbox is read even without news: other processes' emails and retries. */
const POLL_MS = 5_000;
/** The longest wait between two tries of one email. */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * A mail server's answer as a short code for the outbox and the log: its SMTP reply code or
 * nodemailer's error code. Never its words, which often repeat the address.
 */
function reasonOf(error: unknown): { reason: string; permanent: boolean } {
  const failure = error as { responseCode?: number; code?: string } | null;
  if (typeof failure?.responseCode === 'number') {
    // 5xx is the mail server saying "never" (no such mailbox, refused); 4xx is "later".
    return { reason: `SMTP ${failure.responseCode}`, permanent: failure.responseCode >= 500 };
  }
  return { reason: typeof failure?.code === 'string' ? failure.code : 'ERROR', permanent: false };
}

/**
 * Sends the outbox: wakes when this process queues an email and every few seconds otherwise,
 * claims a few due emails, hands each to the mail server, and settles it as sent, to be
 * retried later (doubling delays), or failed. Orders never wait for any of it.
 */
export class EmailSender {
  private readonly transport: Transporter;
  private readonly retryBaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    options: { smtpUrl: string; from: string; retryBaseMs: number },
    private readonly logger: Logger,
  ) {
    // Short timeouts: a mail server that hangs must not hold a batch (or a shutdown) for minutes.
    this.transport = nodemailer.createTransport(
      { url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
      { from: options.from },
    );
    this.retryBaseMs = options.retryBaseMs;
  }

  start(): void {
    this.schedule(0);
  }

  /** Something was queued here: send it now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the batch under way; what is left is sent after the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        void this.afterDrain();
      });
    }, ms);
  }

  private async afterDrain(): Promise<void> {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      return this.schedule(0);
    }
    try {
      const due = await this.outbox.nextDue();
      this.schedule(due ? Math.min(POLL_MS, Math.max(0, due.getTime() - Date.now())) : POLL_MS);
    } catch {
      this.schedule(POLL_MS);
    }
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.outbox.claim(BATCH);
        for (const email of batch) await this.send(email);
        if (batch.length < BATCH || this.stopped) return;
      }
    } catch (error) {
      // The database is away: the next poll tries again.
      this.logger.warn({ err: error }, 'email outbox unavailable');
    }
  }

  private async send(email: ClaimedEmail): Promise<void> {
    if (!email.recipient || !email.body) {
      // Nothing to send to (erased as it was claimed): settle it rather than try again.
      await this.outbox.failed(email.id, 'ERASED', null);
      return;
    }
    try {
      await this.transport.sendMail({
        to: email.recipient,
        subject: email.subject ?? '',
        text: email.body,
        headers: { 'Content-Language': email.locale },
      });
      await this.outbox.sent(email.id);
      this.logger.info({ emailId: email.id, kitOrderId: email.kitOrderId, kind: email.kind, attempts: email.attempts }, 'email sent');
    } catch (error) {
      const { reason, permanent } = reasonOf(error);
      const giveUp = permanent || email.attempts >= MAX_ATTEMPTS;
      const retryInMs = giveUp ? null : Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (email.attempts - 1));
      await this.outbox.failed(email.id, reason, retryInMs);
      const fields = { emailId: email.id, kitOrderId: email.kitOrderId, kind: email.kind, attempts: email.attempts, reason, retryInMs };
      if (giveUp) this.logger.error(fields, 'email failed; given up');
      else this.logger.warn(fields, 'email not sent; will retry');
    }
  }
}
