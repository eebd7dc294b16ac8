import { type DataSource } from 'typeorm';
import { type TotalsScope } from '../totals/totals.service.js';

/*
 * The SQL of the partners' reports. These read the pledges themselves (with an index on
 * campaign and time), so they cost O(pledges in the campaign): for reports, not for the live
 * screen. Voided pledges are left out.
 */

export type TimelineRow = { start: Date; appeal_letters: number; solidarity_cards: number; pledges: number };

/** Appeal letters, solidarity cards and pledges per hour or day in a time zone. */
export function timelineRows(dataSource: DataSource, scope: TotalsScope, interval: string, timeZone: string): Promise<TimelineRow[]> {
  return dataSource.query<TimelineRow[]>(
    `SELECT date_trunc($2, created_at, $3) AS start,
            sum(appeal_letters)::int AS appeal_letters, sum(solidarity_cards)::int AS solidarity_cards, count(*)::int AS pledges
     FROM pledge
     WHERE campaign_id = $1 AND ($4 = 0 OR event_id = $4) AND ($5 = 0 OR faculty_id = $5) AND voided_at IS NULL
     GROUP BY 1 ORDER BY 1`,
    [scope.campaign.id, interval, timeZone, scope.eventId, scope.facultyId],
  );
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

/** Pledge lines after the position (pledge, case), oldest first; `facultyId` 0 means every faculty. */
export function pledgeLineRows(
  dataSource: DataSource,
  scope: { campaignId: number; eventId: number; facultyId: number },
  after: [string, string],
  limit: number,
): Promise<PledgeLineRow[]> {
  return dataSource.query<PledgeLineRow[]>(
    `SELECT pl.pledge_id, pl.case_id, pl.appeal_letters, pl.solidarity_cards, p.faculty_id, p.event_id, p.created_at
     FROM pledge_line pl JOIN pledge p ON p.id = pl.pledge_id
     WHERE p.campaign_id = $1 AND ($2 = 0 OR p.event_id = $2) AND ($3 = 0 OR p.faculty_id = $3)
       AND p.voided_at IS NULL AND (pl.pledge_id, pl.case_id) > ($4::bigint, $5::bigint)
     ORDER BY pl.pledge_id, pl.case_id
     LIMIT $6`,
    [scope.campaignId, scope.eventId, scope.facultyId, after[0], after[1], limit],
  );
}
