import { type DataSource, type SelectQueryBuilder } from 'typeorm';
import { EmailKind, EmailStatus } from './kit-order-email.entity.js';
import { KitDeliveryMethod, KitOrder, KitOrderStatus } from './kit-order.entity.js';
import { type ClaimedEmail } from '../email/email.types.js';

/*
 * The SQL of kit orders and their emails. Every write is one statement: PGlite shares one
 * connection between all requests, so no multi-statement transaction is opened at run time.
 */

/** A campaign's orders with their faculty and pickup point, narrowed by status and a search. */
export function ordersOf(dataSource: DataSource, campaignId: number, filter: { status?: KitOrderStatus | null; search?: string | null }): SelectQueryBuilder<KitOrder> {
  const query = dataSource
    .getRepository(KitOrder)
    .createQueryBuilder('o')
    .leftJoinAndSelect('o.faculty', 'faculty')
    .leftJoinAndSelect('o.pickupPoint', 'pickupPoint')
    .where('o.campaign_id = :campaignId', { campaignId });
  if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
  const search = filter.search?.trim();
  if (search) {
    query.andWhere('(o.reference = upper(:search) OR o.contact_email ILIKE :like OR o.contact_name ILIKE :like)', {
      search,
      like: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    });
  }
  return query.orderBy('o.id', 'ASC');
}

/**
 * Moves an order to `to` if it is in one of the `from` statuses (and, for shipping or pickup,
 * has that delivery method), writing its history row: the check, the change and the history
 * are one statement, so two organisers cannot both move it. Whether it moved.
 */
export async function moveOrder(
  dataSource: DataSource,
  move: { reference: string; to: KitOrderStatus; from: KitOrderStatus[]; onlyFor: KitDeliveryMethod | null; note: string | null; tokenId: number | null },
): Promise<boolean> {
  const changed = await dataSource.query<{ kit_order_id: number }[]>(
    `WITH changed AS (
       UPDATE kit_order o SET status = $2, updated_at = now()
       FROM kit_order old
       WHERE old.id = o.id AND o.reference = $1 AND o.status = ANY($3::text[])
         AND ($4::text IS NULL OR o.delivery_method = $4)
       RETURNING o.id, old.status AS from_status
     )
     INSERT INTO kit_order_status_change (kit_order_id, from_status, to_status, note, token_id)
     SELECT id, from_status, $2, $5, $6 FROM changed
     RETURNING kit_order_id`,
    [move.reference, move.to, move.from, move.onlyFor, move.note, move.tokenId],
  );
  return changed.length > 0;
}

/** Which orders lose their contact data: those of one email address, or a campaign's delivered ones. */
export type ErasedOrders = { email: string } | { campaignId: number; delivered: true };

/**
 * Erases the contact data of some orders and, in the same statement, the address and text of
 * the emails about them (those not sent yet are cancelled). Returns how many orders changed.
 */
export async function eraseContacts(dataSource: DataSource, orders: ErasedOrders): Promise<number> {
  const [where, parameters] =
    'email' in orders
      ? ['lower(contact_email) = $1', [orders.email]]
      : [`campaign_id = $1 AND status = '${KitOrderStatus.DELIVERED}'`, [orders.campaignId]];
  // Wrapped in a SELECT: for a bare UPDATE, TypeORM's query() answers [rows, count].
  const [row] = await dataSource.query<{ erased: number }[]>(
    `WITH erased AS (
       UPDATE kit_order
       SET contact_name = NULL, contact_email = NULL, address_line1 = NULL, address_line2 = NULL,
           postal_code = NULL, city = NULL, erased_at = now(), updated_at = now()
       WHERE ${where} AND erased_at IS NULL
       RETURNING id
     ), emails AS (
       UPDATE email_outbox SET recipient = NULL, subject = NULL, body = NULL, claimed_until = NULL,
              status = CASE WHEN status IN ('${EmailStatus.QUEUED}', '${EmailStatus.SENDING}') THEN '${EmailStatus.CANCELLED}' ELSE status END
       WHERE kit_order_id IN (SELECT id FROM erased)
     )
     SELECT count(*)::int AS erased FROM erased`,
    parameters,
  );
  return row?.erased ?? 0;
}

/**
 * Takes up to `limit` due emails: queued ones whose time has come, and ones another sender
 * claimed but never settled (it crashed). Skips rows another process is claiming at this
 * moment, so no email is taken twice.
 */
export function claimEmails(dataSource: DataSource, limit: number, claimSeconds: number): Promise<ClaimedEmail[]> {
  return dataSource.query<ClaimedEmail[]>(
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
    [limit, claimSeconds],
  );
}

/** Puts a claimed email back in the queue, to be tried again after `retryInMs`. */
export async function requeueEmail(dataSource: DataSource, id: number, reason: string, retryInMs: number): Promise<void> {
  await dataSource.query(
    `UPDATE email_outbox SET status = '${EmailStatus.QUEUED}', claimed_until = NULL, last_error = $2,
            next_attempt_at = now() + make_interval(secs => $3)
     WHERE id = $1 AND status = '${EmailStatus.SENDING}'`,
    [id, reason, retryInMs / 1000],
  );
}

/** When the next queued email is due. */
export async function nextEmailDue(dataSource: DataSource): Promise<Date | null> {
  const [row] = await dataSource.query<{ due: Date | null }[]>(
    `SELECT min(next_attempt_at) AS due FROM email_outbox WHERE status IN ('${EmailStatus.QUEUED}', '${EmailStatus.SENDING}')`,
  );
  return row?.due ? new Date(row.due) : null;
}

/** An email to queue: which order it is about and what it says. */
export type NewEmail = { kitOrderId: number; kind: string; locale: string; recipient: string; subject: string; body: string };

/**
 * Queues an email, or records it as not sent when it is a confirmation and the address had
 * `perDay` confirmations in the last day already: anyone can order a kit for any address, so
 * without a limit the form would be a way to flood a stranger's mailbox. The count and the
 * insert are one statement; two orders at the same instant may both pass, which is enough.
 * Whether the email was queued.
 */
export async function queueEmail(dataSource: DataSource, email: NewEmail, perDay: number): Promise<boolean> {
  const [row] = await dataSource.query<{ status: string }[]>(
    `INSERT INTO email_outbox (kit_order_id, kind, locale, recipient, subject, body, status, last_error)
     SELECT $1, $2, $3, $4, $5, $6,
            CASE WHEN held THEN '${EmailStatus.FAILED}' ELSE '${EmailStatus.QUEUED}' END,
            CASE WHEN held THEN $8 END
     FROM (
       SELECT $2 = '${EmailKind.CONFIRMATION}' AND (
         SELECT count(*) FROM email_outbox
         WHERE kind = '${EmailKind.CONFIRMATION}' AND lower(recipient) = lower($4) AND created_at > now() - interval '1 day'
       ) >= $7 AS held
     ) AS recipient_limit
     RETURNING status`,
    [email.kitOrderId, email.kind, email.locale, email.recipient, email.subject, email.body, perDay, `limit: ${perDay} confirmations a day to this address`],
  );
  return row?.status === EmailStatus.QUEUED;
}