import { type DataSource } from 'typeorm';
import { preparedQuery } from '../common/prepared-query.js';
import { type TotalsScope } from '../totals/totals.service.js';
import { EVENT_PLEDGE_GRACE_MS } from './pledge.rules.js';

/*
 * The SQL of pledges. A pledge is written only by the database functions submit_pledges and
 * correct_pledge (server/database/functions/), each one statement, never through the entities.
 */

/** What PostgreSQL's types arrive as through pg and PGlite. */
type SqlValue = { integer: number; 'integer[]': (number | null)[]; bigint: string; 'timestamp with time zone': Date; boolean: boolean };

/**
 * The columns `submit_pledge` returns (its RETURNS TABLE), in order, with their SQL types;
 * `submit_pledges` returns the same after `ord`. The row type below is made from this list, and
 * a test holds the list against both functions in a migrated database, so they cannot drift apart.
 */
export const submittedPledgeColumns = {
  campaign_id: 'integer',
  event_id: 'integer',
  faculty_id: 'integer',
  case_ids: 'integer[]',
  pledge_id: 'bigint',
  pledge_created_at: 'timestamp with time zone',
  pledge_appeal_letters: 'integer',
  pledge_solidarity_cards: 'integer',
  same_content: 'boolean',
  recorded: 'boolean',
  event_closed: 'boolean',
} as const satisfies Record<string, keyof SqlValue>;

/** What `submit_pledges` answers for one pledge: the ids its slugs resolved to, and the pledge when recorded. Any column may be NULL. */
export type SubmittedPledge = { [Column in keyof typeof submittedPledgeColumns]: SqlValue[(typeof submittedPledgeColumns)[Column]] | null };

/** A pledge as `submit_pledges` takes it: slugs, not ids. */
export type PledgeToSubmit = {
  clientKey: string;
  campaign: string | null;
  event: string | null;
  faculty: string | null;
  lines: { case: string; appealLetters: number; solidarityCards: number }[];
  /** When the pledge counts as made, for the event's closing time; null: not held to it (organisers). */
  madeAt: Date | null;
};

const SUBMIT_PLEDGES =
  'SELECT * FROM submit_pledges($1::uuid[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::integer[], $8::integer[], $9::timestamptz[], make_interval(secs => $10))';

/**
 * Submits pledges that arrived together in one statement, so one round trip and one
 * transaction (`submit_pledges`); answers one row per pledge, in their order. A prepared
 * statement on PostgreSQL: planned once per connection, not at every call.
 */
export async function submitPledges(dataSource: DataSource, pledges: readonly PledgeToSubmit[]): Promise<SubmittedPledge[]> {
  const lines = pledges.flatMap((pledge, index) => pledge.lines.map((line) => ({ ...line, pledge: index + 1 })));
  const rows = await preparedQuery<SubmittedPledge & { ord: number }>(dataSource, 'submit_pledges', SUBMIT_PLEDGES, [
    pledges.map((pledge) => pledge.clientKey),
    pledges.map((pledge) => pledge.campaign),
    pledges.map((pledge) => pledge.event),
    pledges.map((pledge) => pledge.faculty),
    lines.map((line) => line.pledge),
    lines.map((line) => line.case),
    lines.map((line) => line.appealLetters),
    lines.map((line) => line.solidarityCards),
    pledges.map((pledge) => pledge.madeAt?.toISOString() ?? null),
    EVENT_PLEDGE_GRACE_MS / 1000,
  ]);
  if (rows.length !== pledges.length) throw new Error(`submit_pledges answered ${rows.length} rows for ${pledges.length} pledges`);
  return rows;
}

/** A pledge as organisers review it, without its lines. */
export type PledgeRow = {
  id: string;
  campaign_id: number;
  created_at: Date;
  event_id: number | null;
  faculty_id: number | null;
  appeal_letters: number;
  solidarity_cards: number;
  voided_at: Date | null;
};
export type PledgeLineRow = { pledge_id: string; case_id: number; appeal_letters: number; solidarity_cards: number };

const PLEDGE_COLUMNS = 'id::text, campaign_id, created_at, event_id, faculty_id, appeal_letters, solidarity_cards, voided_at';

/** The latest pledges of a scope before the pledge `before` (0: from the newest), newest first. */
export function recentPledges(dataSource: DataSource, scope: Pick<TotalsScope, 'campaign' | 'eventId'>, before: string, limit: number): Promise<PledgeRow[]> {
  return dataSource.query<PledgeRow[]>(
    `SELECT ${PLEDGE_COLUMNS}
     FROM pledge
     WHERE campaign_id = $1 AND ($2 = 0 OR event_id = $2) AND ($3::bigint = 0 OR id < $3::bigint)
     ORDER BY id DESC
     LIMIT $4`,
    [scope.campaign.id, scope.eventId, before, limit],
  );
}

export function pledgeById(dataSource: DataSource, id: string): Promise<PledgeRow[]> {
  return dataSource.query<PledgeRow[]>(`SELECT ${PLEDGE_COLUMNS} FROM pledge WHERE id = $1`, [id]);
}

export function linesOf(dataSource: DataSource, pledgeIds: string[]): Promise<PledgeLineRow[]> {
  return dataSource.query<PledgeLineRow[]>(
    'SELECT pledge_id::text, case_id, appeal_letters, solidarity_cards FROM pledge_line WHERE pledge_id = ANY($1::bigint[])',
    [pledgeIds],
  );
}

/**
 * Voids or restores a pledge with its tallies and audit row (correct_pledge). Null when there is
 * no such pledge; `changed` false when it was voided (or counted) already.
 */
export async function correctPledge(
  dataSource: DataSource,
  correction: { id: string; voiding: boolean; reason: string; tokenId: number | null },
): Promise<{ changed: boolean } | null> {
  const [row] = await dataSource.query<{ pledge_id: string; changed: boolean }[]>('SELECT pledge_id::text, changed FROM correct_pledge($1::bigint, $2, $3, $4)', [
    correction.id,
    correction.voiding,
    correction.reason,
    correction.tokenId,
  ]);
  return row ? { changed: row.changed } : null;
}
