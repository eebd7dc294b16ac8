import { GraphQLError } from 'graphql';
import { type DataSource } from 'typeorm';
import { Role, type Viewer } from '../auth/viewer.js';
import { type CaseService } from '../cases/case.service.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { type Cursors } from '../graphql/cursors.js';
import { badUserInput } from '../graphql/errors.js';
import { figureFor, SMALL_GROUP_MIN_PLEDGES, withholds } from '../totals/small-group-rule.js';
import { type TotalsScope } from '../totals/totals.service.js';
import {
  type FacultyStanding,
  type PledgeLineConnection,
  type TimelineBucket,
  type TimelineInterval,
} from './partner.types.js';

/** Aggregates for partner faculties' own charts. None of it can name a person. */
export class PartnerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly events: EventService,
    private readonly faculties: FacultyService,
    private readonly cursors: Cursors,
  ) {}

  /**
   * Letters and cards per hour or day. Read from the pledges (with an index on campaign and
   * time), so it costs O(pledges in the campaign): for reports, not for the live screen.
   * Voided pledges are left out; another faculty's small buckets are withheld.
   */
  async timeline(viewer: Viewer, scope: TotalsScope, interval: TimelineInterval, timeZone: string): Promise<TimelineBucket[]> {
    if (!isTimeZone(timeZone)) throw badUserInput([{ field: 'timeZone', message: 'Use an IANA time zone such as Europe/Brussels.' }]);
    const rows = await this.dataSource.query<{ start: Date; appeal_letters: number; solidarity_cards: number; pledges: number }[]>(
      `SELECT date_trunc($2, created_at, $3) AS start,
              sum(appeal_letters)::int AS appeal_letters, sum(solidarity_cards)::int AS solidarity_cards, count(*)::int AS pledges
       FROM pledge
       WHERE campaign_id = $1 AND ($4 = 0 OR event_id = $4) AND ($5 = 0 OR faculty_id = $5) AND voided_at IS NULL
       GROUP BY 1 ORDER BY 1`,
      [scope.campaign.id, interval, timeZone, scope.eventId, scope.facultyId],
    );
    return rows.map((row) =>
      figureFor(viewer, scope.facultyId, {
        start: new Date(row.start),
        appealLetters: row.appeal_letters,
        solidarityCards: row.solidarity_cards,
        total: row.appeal_letters + row.solidarity_cards,
        pledges: row.pledges,
      }),
    );
  }

  /**
   * Faculties by total, from the tallies (O(faculties)). A faculty with fewer than 5 pledges
   * has no place and no numbers, except for its own partner and organisers, who see them.
   */
  async leaderboard(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<FacultyStanding[]> {
    const rows = await this.dataSource.query<{ faculty_id: number; pledges: number; appeal_letters: number; solidarity_cards: number }[]>(
      `SELECT f.id AS faculty_id, coalesce(s.pledges, 0)::int AS pledges,
              coalesce(c.appeal_letters, 0)::int AS appeal_letters, coalesce(c.solidarity_cards, 0)::int AS solidarity_cards
       FROM faculty f
       LEFT JOIN (SELECT faculty_id, sum(pledges) AS pledges FROM scope_tally
                  WHERE campaign_id = $1 AND event_id = $2 AND faculty_id > 0 GROUP BY faculty_id) s ON s.faculty_id = f.id
       LEFT JOIN (SELECT faculty_id, sum(appeal_letters) AS appeal_letters, sum(solidarity_cards) AS solidarity_cards FROM case_tally
                  WHERE campaign_id = $1 AND event_id = $2 AND faculty_id > 0 GROUP BY faculty_id) c ON c.faculty_id = f.id`,
      [scope.campaign.id, scope.eventId],
    );
    const faculties = new Map((await this.faculties.list()).map((faculty) => [faculty.id, faculty]));
    const standings = rows.map((row) => {
      const small = row.pledges < SMALL_GROUP_MIN_PLEDGES;
      const shown = !withholds(viewer, row.faculty_id, row.pledges);
      const total = row.appeal_letters + row.solidarity_cards;
      return {
        rank: null as number | null,
        faculty: faculties.get(row.faculty_id)!,
        fewerThanFive: small,
        pledgesLabel: small ? `fewer than ${SMALL_GROUP_MIN_PLEDGES}` : String(row.pledges),
        pledges: shown ? row.pledges : null,
        appealLetters: shown ? row.appeal_letters : null,
        solidarityCards: shown ? row.solidarity_cards : null,
        total: shown ? total : null,
      };
    });
    // Ranked faculties first, by total; small ones after them, unranked, whoever may see their numbers.
    const sortKey = (standing: (typeof standings)[number]) => (standing.fewerThanFive ? -1 : standing.total!);
    standings.sort((a, b) => sortKey(b) - sortKey(a) || a.faculty.name.localeCompare(b.faculty.name));
    standings.forEach((standing, index) => {
      if (!standing.fewerThanFive) standing.rank = index + 1;
    });
    return standings;
  }

  /** Pledge lines, oldest first. A partner sees its own faculty's lines only. */
  async pledgeLines(scope: TotalsScope, viewer: Viewer, first: number, after: string | null | undefined): Promise<PledgeLineConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 1000) throw badUserInput([{ field: 'first', message: 'Ask for 1 to 1000 lines at a time.' }]);
    let facultyId = scope.facultyId;
    if (viewer.role === Role.PARTNER) {
      if (facultyId && facultyId !== viewer.facultyId) {
        throw new GraphQLError("A partner token shows its own faculty's pledge lines only.", { extensions: { code: 'FORBIDDEN', field: 'faculty' } });
      }
      facultyId = viewer.facultyId ?? -1;
    }
    const [afterPledge, afterCase] = this.cursors.decode('pledgeLines', after, 2) ?? ['0', '0'];
    const rows = await this.dataSource.query<
      { pledge_id: string; case_id: number; appeal_letters: number; solidarity_cards: number; faculty_id: number | null; event_id: number | null; created_at: Date }[]
    >(
      `SELECT pl.pledge_id, pl.case_id, pl.appeal_letters, pl.solidarity_cards, p.faculty_id, p.event_id, p.created_at
       FROM pledge_line pl JOIN pledge p ON p.id = pl.pledge_id
       WHERE p.campaign_id = $1 AND ($2 = 0 OR p.event_id = $2) AND ($3 = 0 OR p.faculty_id = $3)
         AND p.voided_at IS NULL AND (pl.pledge_id, pl.case_id) > ($4::bigint, $5::bigint)
       ORDER BY pl.pledge_id, pl.case_id
       LIMIT $6`,
      [scope.campaign.id, scope.eventId, facultyId, afterPledge, afterCase, first + 1],
    );
    const [cases, events, faculties] = await Promise.all([
      this.cases.listByCampaign(scope.campaign.id),
      this.events.listByCampaign(scope.campaign.id),
      this.faculties.list(),
    ]);
    const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
    const [caseById, eventById, facultyById] = [byId(cases), byId(events), byId(faculties)];
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: this.cursors.encode('pledgeLines', [row.pledge_id, row.case_id]),
      node: {
        case: caseById.get(row.case_id)!,
        appealLetters: row.appeal_letters,
        solidarityCards: row.solidarity_cards,
        faculty: row.faculty_id ? (facultyById.get(row.faculty_id) ?? null) : null,
        event: row.event_id ? (eventById.get(row.event_id) ?? null) : null,
        createdAt: new Date(row.created_at),
      },
    }));
    return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > first } };
  }
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
