import { type DataSource } from 'typeorm';

/*
 * The SQL of totals. Every read here sums tally rows (case_tally, scope_tally), never pledges:
 * it costs O(cases x shards) whatever the number of pledges (docs/architecture.md). The tallies
 * are written by the database functions record_pledges and correct_pledge.
 */

/** Sums over the shards of one scope; exported so that a test can check what they touch. */
export const CASE_SUMS_SQL = `
  SELECT case_id, sum(appeal_letters)::int AS appeal_letters, sum(solidarity_cards)::int AS solidarity_cards
  FROM case_tally
  WHERE campaign_id = $1 AND event_id = $2 AND faculty_id = $3
  GROUP BY case_id`;

export const SCOPE_SUMS_SQL = `
  SELECT coalesce(sum(pledges), 0)::int AS pledges, max(updated_at) AS updated_at
  FROM scope_tally
  WHERE campaign_id = $1 AND event_id = $2 AND faculty_id = $3`;

/** A scope as the tallies key it: a campaign, an event and a faculty, 0 meaning "all". */
export type ScopeIds = { campaignId: number; eventId: number; facultyId: number };

export type CaseSums = { case_id: number; appeal_letters: number; solidarity_cards: number };

/**
 * Both sums in one statement, so they come from one snapshot of the database: read as two
 * queries on two pooled connections, a pledge committed between them gave totals that counted
 * its letters but not the pledge. One row per case with sums (the scope's sums on each), or
 * one row without a case.
 */
const SCOPE_AND_CASE_SUMS_SQL = `
  SELECT s.pledges, s.updated_at, c.case_id, c.appeal_letters, c.solidarity_cards
  FROM (${SCOPE_SUMS_SQL}) s LEFT JOIN (${CASE_SUMS_SQL}) c ON true`;

export async function scopeSums(dataSource: DataSource, scope: ScopeIds): Promise<{ cases: CaseSums[]; pledges: number; updatedAt: Date | null }> {
  const rows = await dataSource.query<(Omit<CaseSums, 'case_id'> & { case_id: number | null; pledges: number; updated_at: Date | null })[]>(SCOPE_AND_CASE_SUMS_SQL, [
    scope.campaignId,
    scope.eventId,
    scope.facultyId,
  ]);
  const cases = rows.flatMap(({ case_id, appeal_letters, solidarity_cards }) => (case_id === null ? [] : [{ case_id, appeal_letters, solidarity_cards }]));
  return { cases, pledges: rows[0]?.pledges ?? 0, updatedAt: rows[0]?.updated_at ?? null };
}

/**
 * The live screen's change marker of each scope (faculty 0): how many pledges, and when the
 * latest came in, in one query for every watched scope. Keyed by `campaignId:eventId`.
 */
export async function changeMarkers(dataSource: DataSource, scopes: { campaignId: number; eventId: number }[]): Promise<Map<string, string>> {
  const rows = await dataSource.query<{ campaign_id: number; event_id: number; marker: string }[]>(
    `SELECT campaign_id, event_id, sum(pledges) || '@' || max(updated_at) AS marker
     FROM scope_tally
     WHERE faculty_id = 0
       AND (campaign_id, event_id) IN (SELECT * FROM unnest($1::int[], $2::int[]))
     GROUP BY campaign_id, event_id`,
    [scopes.map((scope) => scope.campaignId), scopes.map((scope) => scope.eventId)],
  );
  return new Map(rows.map((row) => [`${row.campaign_id}:${row.event_id}`, row.marker]));
}

export type FacultySums = { faculty_id: number; pledges: number; appeal_letters: number; solidarity_cards: number };

/** Every faculty's sums in a campaign or event (zeros for faculties without pledges): O(faculties). */
export function facultySums(dataSource: DataSource, scope: { campaignId: number; eventId: number }): Promise<FacultySums[]> {
  return dataSource.query<FacultySums[]>(
    `SELECT f.id AS faculty_id, coalesce(s.pledges, 0)::int AS pledges,
            coalesce(c.appeal_letters, 0)::int AS appeal_letters, coalesce(c.solidarity_cards, 0)::int AS solidarity_cards
     FROM faculty f
     LEFT JOIN (SELECT faculty_id, sum(pledges) AS pledges FROM scope_tally
                WHERE campaign_id = $1 AND event_id = $2 AND faculty_id > 0 GROUP BY faculty_id) s ON s.faculty_id = f.id
     LEFT JOIN (SELECT faculty_id, sum(appeal_letters) AS appeal_letters, sum(solidarity_cards) AS solidarity_cards FROM case_tally
                WHERE campaign_id = $1 AND event_id = $2 AND faculty_id > 0 GROUP BY faculty_id) c ON c.faculty_id = f.id`,
    [scope.campaignId, scope.eventId],
  );
}

export type CaseFacultySums = { case_id: number; faculty_id: number; appeal_letters: number; solidarity_cards: number };

/** A campaign's or event's sums per case and faculty, for the report back to Amnesty: only rows that have tallies. */
export function caseFacultySums(dataSource: DataSource, scope: { campaignId: number; eventId: number }): Promise<CaseFacultySums[]> {
  return dataSource.query<CaseFacultySums[]>(
    `SELECT case_id, faculty_id, sum(appeal_letters)::int AS appeal_letters, sum(solidarity_cards)::int AS solidarity_cards
     FROM case_tally
     WHERE campaign_id = $1 AND event_id = $2 AND faculty_id > 0
     GROUP BY case_id, faculty_id`,
    [scope.campaignId, scope.eventId],
  );
}

/** A campaign's pledges per (event, faculty), 0 meaning all: the table the small-group rule decides on. O(events x faculties). */
export function scopePledges(dataSource: DataSource, campaignId: number): Promise<{ event_id: number; faculty_id: number; pledges: number }[]> {
  return dataSource.query(
    `SELECT event_id, faculty_id, sum(pledges)::int AS pledges FROM scope_tally WHERE campaign_id = $1 GROUP BY event_id, faculty_id`,
    [campaignId],
  );
}
