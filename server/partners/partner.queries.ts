import { type DataSource } from 'typeorm';
import { type TotalsScope } from '../totals/totals.service.js';

/*
 * The SQL of the partners' reports. These read the pledges themselves (with an index on
 * campaign and time), so they cost O(pledges in the campaign): for reports, not for the live
 * screen. Voided pledges are left out.
 */

/**
 * Where a timeline runs: from the start to the end (exclusive), widened to every pledge it
 * has; `untilNow` stops it at the present (a campaign's days to come are no news).
 */
export type TimelineRange = { from: Date | null; to: Date | null; untilNow: boolean };

/**
 * Every bucket of a timeline, empty ones included: its local label (YYYY-MM-DDTHH:MI in the
 * time zone) and the instant it starts. The range does not depend on any one faculty's pledges.
 */
export function timelineBuckets(dataSource: DataSource, scope: TotalsScope, interval: string, timeZone: string, range: TimelineRange): Promise<{ label: string; start: Date }[]> {
  return dataSource.query(
    `WITH bounds AS (
       SELECT least($5::timestamptz, min(created_at)) AS lo,
              greatest(CASE WHEN $7 THEN least($6::timestamptz - interval '1 microsecond', now()) ELSE $6::timestamptz - interval '1 microsecond' END, max(created_at)) AS hi
       FROM pledge WHERE campaign_id = $1 AND ($4 = 0 OR event_id = $4) AND voided_at IS NULL
     )
     SELECT to_char(local, 'YYYY-MM-DD"T"HH24:MI') AS label, local AT TIME ZONE $3 AS start
     FROM bounds, generate_series(date_trunc($2, lo AT TIME ZONE $3), date_trunc($2, hi AT TIME ZONE $3), ('1 ' || $2)::interval) AS local
     WHERE lo IS NOT NULL
     ORDER BY local`,
    [scope.campaign.id, interval, timeZone, scope.eventId, range.from, range.to, range.untilNow],
  );
}

export type TimelineSums = { label: string; faculty_id: number; pledges: number; appeal_letters: number; solidarity_cards: number };
export type TimelineCaseSums = { label: string; faculty_id: number; case_id: number; appeal_letters: number; solidarity_cards: number };

const BUCKET = `to_char(date_trunc($2, p.created_at AT TIME ZONE $3), 'YYYY-MM-DD"T"HH24:MI')`;
const TIMELINE_PLEDGES = 'p.campaign_id = $1 AND ($4 = 0 OR p.event_id = $4) AND p.voided_at IS NULL';

/**
 * Pledges, appeal letters and solidarity cards per bucket (its local label) and faculty (0:
 * none), and the same per case. Read from the pledges: O(pledges in the campaign), for reports.
 */
export async function timelineSums(dataSource: DataSource, scope: TotalsScope, interval: string, timeZone: string): Promise<{ sums: TimelineSums[]; cases: TimelineCaseSums[] }> {
  const parameters = [scope.campaign.id, interval, timeZone, scope.eventId];
  const [sums, cases] = await Promise.all([
    dataSource.query<TimelineSums[]>(
      `SELECT ${BUCKET} AS label, coalesce(p.faculty_id, 0) AS faculty_id, count(*)::int AS pledges,
              sum(p.appeal_letters)::int AS appeal_letters, sum(p.solidarity_cards)::int AS solidarity_cards
       FROM pledge p WHERE ${TIMELINE_PLEDGES} GROUP BY 1, 2`,
      parameters,
    ),
    dataSource.query<TimelineCaseSums[]>(
      `SELECT ${BUCKET} AS label, coalesce(p.faculty_id, 0) AS faculty_id, pl.case_id,
              sum(pl.appeal_letters)::int AS appeal_letters, sum(pl.solidarity_cards)::int AS solidarity_cards
       FROM pledge p JOIN pledge_line pl ON pl.pledge_id = p.id WHERE ${TIMELINE_PLEDGES} GROUP BY 1, 2, 3`,
      parameters,
    ),
  ]);
  return { sums, cases };
}

export type PledgeLineRow = {
  pledge_id: string;
  case_id: number;
  appeal_letters: number;
  solidarity_cards: number;
  faculty_id: number | null;
  event_id: number | null;
  created_at: Date;
};

const PLEDGE_LINES_IN_SCOPE = `p.campaign_id = $1 AND ($2 = 0 OR p.event_id = $2) AND ($3 = 0 OR p.faculty_id = $3) AND p.voided_at IS NULL`;

/**
 * Pledge lines after the position (pledge, case), oldest first, or before it, newest first
 * (`backwards`); `facultyId` 0 means every faculty.
 */
export function pledgeLineRows(
  dataSource: DataSource,
  scope: { campaignId: number; eventId: number; facultyId: number },
  from: { position: [string, string]; backwards: boolean },
  limit: number,
): Promise<PledgeLineRow[]> {
  const [comparison, order] = from.backwards ? ['<', 'DESC'] : ['>', 'ASC'];
  return dataSource.query<PledgeLineRow[]>(
    `SELECT pl.pledge_id, pl.case_id, pl.appeal_letters, pl.solidarity_cards, p.faculty_id, p.event_id, p.created_at
     FROM pledge_line pl JOIN pledge p ON p.id = pl.pledge_id
     WHERE ${PLEDGE_LINES_IN_SCOPE} AND (pl.pledge_id, pl.case_id) ${comparison} ($4::bigint, $5::bigint)
     ORDER BY pl.pledge_id ${order}, pl.case_id ${order}
     LIMIT $6`,
    [scope.campaignId, scope.eventId, scope.facultyId, from.position[0], from.position[1], limit],
  );
}

/** How many pledge lines the scope has, for a connection's totalCount: O(pledges), for reports. */
export async function pledgeLineCount(dataSource: DataSource, scope: { campaignId: number; eventId: number; facultyId: number }): Promise<number> {
  const [row] = await dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM pledge_line pl JOIN pledge p ON p.id = pl.pledge_id WHERE ${PLEDGE_LINES_IN_SCOPE}`,
    [scope.campaignId, scope.eventId, scope.facultyId],
  );
  return row?.count ?? 0;
}
