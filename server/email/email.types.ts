/** An email claimed for sending; the ids and the kind are what a log line may say about it. */
export type ClaimedEmail = {
  id: number;
  kitOrderId: number;
  kind: string;
  locale: string;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  attempts: number;
};

/**
 * Where the sender takes its emails from and reports back to: the outbox of kit-order emails
 * (kits/kit-order-email.service.ts). Each call is one statement, so that several processes can
 * share one outbox.
 */
export interface Outbox {
  /** Up to `limit` due emails, claimed for this process. */
  claim(limit: number): Promise<ClaimedEmail[]>;
  sent(id: number): Promise<void>;
  /** A failed try: again after `retryInMs`, or given up for good (null). `reason` is a code. */
  failed(id: number, reason: string, retryInMs: number | null): Promise<void>;
  /** When the next email is due, so that the sender can sleep until then. */
  nextDue(): Promise<Date | null>;
}
