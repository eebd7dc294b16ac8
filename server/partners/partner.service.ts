import { type DataSource } from 'typeorm';
import { withTotal } from '../common/counts.js';
import { type Cursors } from '../common/cursors.js';
import { badUserInput, forbidden } from '../common/errors.js';
import { checkPageSize, connectionOf, splitPage } from '../common/pagination.js';
import { Role, type Viewer } from '../common/viewer.js';
import { type CaseService } from '../cases/case.service.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { figureFor, SMALL_GROUP_MIN_PLEDGES } from '../totals/small-group.rule.js';
import { type TotalsScope, type TotalsService } from '../totals/totals.service.js';
import { pledgeLineRows, timelineRows } from './partner.queries.js';
import { type FacultyStanding, type PledgeLineConnection, type TimelineBucket, type TimelineInterval } from './partner.types.js';

/** Aggregates for partner faculties' own charts. None of it can name a person. */
export class PartnerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly totals: TotalsService,
    private readonly cases: CaseService,
    private readonly events: EventService,
    private readonly faculties: FacultyService,
    private readonly cursors: Cursors,
  ) {}

  /**
   * Appeal letters and solidarity cards per hour or day, read from the pledges: for reports,
   * not for the live screen. Another faculty's small buckets are withheld.
   */
  async timeline(viewer: Viewer, scope: TotalsScope, interval: TimelineInterval, timeZone: string): Promise<TimelineBucket[]> {
    if (!isTimeZone(timeZone)) throw badUserInput([{ field: 'timeZone', message: 'Use an IANA time zone such as Europe/Brussels.' }]);
    const rows = await timelineRows(this.dataSource, scope, interval, timeZone);
    return rows.map((row) =>
      figureFor(viewer, scope.facultyId, {
        start: new Date(row.start),
        ...withTotal({ appealLetters: row.appeal_letters, solidarityCards: row.solidarity_cards }),
        pledges: row.pledges,
      }),
    );
  }

  /**
   * Faculties by total, from the tallies (O(faculties)). A faculty with fewer than 5 pledges
   * has no place and no numbers, except for its own partner and organisers, who see them.
   */
  async leaderboard(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<FacultyStanding[]> {
    const standings = (await this.totals.byFaculty(viewer, scope)).map((figures) => {
      // Withheld figures read 0: they are small by the rule's own test.
      const small = figures.withheld || figures.pledges < SMALL_GROUP_MIN_PLEDGES;
      const shown = !figures.withheld;
      return {
        rank: null as number | null,
        faculty: figures.faculty,
        fewerThanFive: small,
        pledgesLabel: small ? `fewer than ${SMALL_GROUP_MIN_PLEDGES}` : String(figures.pledges),
        pledges: shown ? figures.pledges : null,
        appealLetters: shown ? figures.appealLetters : null,
        solidarityCards: shown ? figures.solidarityCards : null,
        total: shown ? figures.total : null,
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
    checkPageSize(first, 1000, 'lines');
    let facultyId = scope.facultyId;
    if (viewer.role === Role.PARTNER) {
      if (facultyId && facultyId !== viewer.facultyId) throw forbidden("A partner token shows its own faculty's pledge lines only.", 'faculty');
      facultyId = viewer.facultyId ?? -1;
    }
    const [afterPledge, afterCase] = this.cursors.decode('pledgeLines', after, 2) ?? ['0', '0'];
    const rows = await pledgeLineRows(this.dataSource, { campaignId: scope.campaign.id, eventId: scope.eventId, facultyId }, [afterPledge!, afterCase!], first + 1);
    const [cases, events, faculties] = await Promise.all([
      this.cases.listByCampaign(scope.campaign.id),
      this.events.listByCampaign(scope.campaign.id),
      this.faculties.list(),
    ]);
    const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
    const [caseById, eventById, facultyById] = [byId(cases), byId(events), byId(faculties)];
    const { page, hasNextPage } = splitPage(rows, first);
    return connectionOf(
      page,
      hasNextPage,
      (row) => this.cursors.encode('pledgeLines', [row.pledge_id, row.case_id]),
      (row) => ({
        case: caseById.get(row.case_id)!,
        appealLetters: row.appeal_letters,
        solidarityCards: row.solidarity_cards,
        faculty: row.faculty_id ? (facultyById.get(row.faculty_id) ?? null) : null,
        event: row.event_id ? (eventById.get(row.event_id) ?? null) : null,
        createdAt: new Date(row.created_at),
      }),
    );
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
