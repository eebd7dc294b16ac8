import { type DataSource } from 'typeorm';
import { withTotal } from '../common/counts.js';
import { type Cursors } from '../common/cursors.js';
import { badUserInput, forbidden } from '../common/errors.js';
import { connectionOf, splitPage } from '../common/pagination.js';
import { Role, type Viewer } from '../common/viewer.js';
import { type CaseService } from '../cases/case.service.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { figureFor, seesInFull, SMALL_GROUP_MIN_PLEDGES, withheldBuckets } from '../totals/small-group.rule.js';
import { type TotalsScope, type TotalsService } from '../totals/totals.service.js';
import { pledgeLineCount, pledgeLineRows, timelineBuckets, timelineSums } from './partner.queries.js';
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
   * Appeal letters and solidarity cards per hour or day, every bucket from the campaign's first
   * day to its last or today (an event: its whole time), empty ones included, each with its local label and a row
   * per case. Read from the pledges: for reports, not for the live screen. Another faculty's
   * buckets are withheld by the small-group rule, decided on the table of every faculty's buckets.
   */
  async timeline(viewer: Viewer, scope: TotalsScope, interval: TimelineInterval, timeZone: string): Promise<TimelineBucket[]> {
    if (!isTimeZone(timeZone)) throw badUserInput([{ field: 'timeZone', message: 'Use an IANA time zone such as Europe/Brussels.' }]);
    const event = scope.eventId ? (await this.events.listByCampaign(scope.campaign.id)).find((candidate) => candidate.id === scope.eventId) : undefined;
    const range = event
      ? { from: event.startsAt, to: event.endsAt, untilNow: false }
      : { from: dayStart(scope.campaign.startsOn, 0), to: dayStart(scope.campaign.endsOn, 1), untilNow: true };
    const [buckets, { sums, cases: caseSums }, cases, faculties] = await Promise.all([
      timelineBuckets(this.dataSource, scope, interval, timeZone, range),
      timelineSums(this.dataSource, scope, interval, timeZone),
      this.cases.listByCampaign(scope.campaign.id),
      this.faculties.list(),
    ]);
    if (buckets.length > MAX_TIMELINE_BUCKETS) {
      throw badUserInput([{ field: 'interval', message: `This timeline would have ${buckets.length} buckets, more than ${MAX_TIMELINE_BUCKETS}: ask for DAY, or for one event.` }]);
    }
    const wanted = (facultyId: number) => !scope.facultyId || facultyId === scope.facultyId;
    const labels = buckets.map((bucket) => bucket.label);
    let withheld = (_label: string, _facultyId: number) => false;
    if (!seesInFull(viewer, scope.facultyId)) {
      const scopeWithheld = await this.totals.withheldIn(viewer, scope.campaign);
      const rows = sums.map((row) => ({ label: row.label, facultyId: row.faculty_id, pledges: row.pledges }));
      withheld = withheldBuckets(viewer, labels, rows, faculties.map((faculty) => faculty.id), (facultyId) => scopeWithheld(scope.eventId, facultyId));
    }
    const add = <T extends { appealLetters: number; solidarityCards: number }>(into: Map<string, T>, key: string, blank: () => T, row: { appeal_letters: number; solidarity_cards: number }) => {
      const figure = into.get(key) ?? blank();
      figure.appealLetters += row.appeal_letters;
      figure.solidarityCards += row.solidarity_cards;
      into.set(key, figure);
    };
    const byLabel = new Map<string, { pledges: number; appealLetters: number; solidarityCards: number }>();
    for (const row of sums.filter((row) => wanted(row.faculty_id))) {
      add(byLabel, row.label, () => ({ pledges: 0, appealLetters: 0, solidarityCards: 0 }), row);
      byLabel.get(row.label)!.pledges += row.pledges;
    }
    const byLabelAndCase = new Map<string, { appealLetters: number; solidarityCards: number }>();
    for (const row of caseSums.filter((row) => wanted(row.faculty_id))) add(byLabelAndCase, `${row.label}|${row.case_id}`, () => ({ appealLetters: 0, solidarityCards: 0 }), row);
    return buckets.map(({ label, start }) => {
      const hidden = withheld(label, scope.facultyId);
      const counts = byLabel.get(label) ?? { pledges: 0, appealLetters: 0, solidarityCards: 0 };
      return {
        ...figureFor({ start: new Date(start), label, ...withTotal(counts) }, hidden),
        cases: cases.map((someCase) => {
          const row = hidden ? undefined : byLabelAndCase.get(`${label}|${someCase.id}`);
          return { case: someCase, ...withTotal({ appealLetters: row?.appealLetters ?? 0, solidarityCards: row?.solidarityCards ?? 0 }) };
        }),
      };
    });
  }

  /**
   * Faculties by total, from the tallies (O(faculties)). A faculty with fewer than 5 pledges
   * has no place and no numbers, except for its own partner and organisers, who see them.
   */
  async leaderboard(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<FacultyStanding[]> {
    const standings = (await this.totals.byFaculty(viewer, scope)).map((figures) => {
      const shown = !figures.withheld;
      return {
        rank: null as number | null,
        faculty: figures.faculty,
        fewerThanFive: figures.fewerThanFive,
        withheld: figures.withheld,
        pledgesLabel: figures.fewerThanFive ? `fewer than ${SMALL_GROUP_MIN_PLEDGES}` : shown ? String(figures.pledges) : 'not shown',
        pledges: shown ? figures.pledges : null,
        appealLetters: shown ? figures.appealLetters : null,
        solidarityCards: shown ? figures.solidarityCards : null,
        total: shown ? figures.total : null,
      };
    });
    // Ranked faculties first, by total; small and withheld ones after them, unranked (a place
    // between two shown faculties would tell a withheld one's total), whoever may see their numbers.
    const ranked = (standing: (typeof standings)[number]) => !standing.fewerThanFive && !standing.withheld;
    const sortKey = (standing: (typeof standings)[number]) => (ranked(standing) ? standing.total! : -1);
    standings.sort((a, b) => sortKey(b) - sortKey(a) || a.faculty.name.localeCompare(b.faculty.name));
    standings.forEach((standing, index) => {
      if (ranked(standing)) standing.rank = index + 1;
    });
    return standings;
  }

  /**
   * Pledge lines, oldest first, as a Relay connection: `first` lines after `after`, or the
   * `last` lines before `before`. A partner sees its own faculty's lines only.
   */
  async pledgeLines(scope: TotalsScope, viewer: Viewer, window: PageWindow): Promise<PledgeLineConnection> {
    const { size, cursor, backwards } = pageWindow(window, MAX_PLEDGE_LINES_PAGE, 'lines');
    let facultyId = scope.facultyId;
    if (viewer.role === Role.PARTNER) {
      if (facultyId && facultyId !== viewer.facultyId) throw forbidden("A partner token shows its own faculty's pledge lines only.", 'faculty');
      facultyId = viewer.facultyId ?? -1;
    }
    const field = backwards ? 'before' : 'after';
    const start = backwards ? [MAX_BIGINT, MAX_BIGINT] : ['0', '0'];
    const [pledgeId, caseId] = this.cursors.decode('pledgeLines', cursor, 2, field) ?? start;
    const lineScope = { campaignId: scope.campaign.id, eventId: scope.eventId, facultyId };
    const [rows, totalCount, cases, events, faculties] = await Promise.all([
      pledgeLineRows(this.dataSource, lineScope, { position: [pledgeId!, caseId!], backwards }, size + 1),
      pledgeLineCount(this.dataSource, lineScope),
      this.cases.listByCampaign(scope.campaign.id),
      this.events.listByCampaign(scope.campaign.id),
      this.faculties.list(),
    ]);
    const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
    const [caseById, eventById, facultyById] = [byId(cases), byId(events), byId(faculties)];
    const { page, hasNextPage: more } = splitPage(rows, size);
    // Read backwards, the rows come newest first; a page is always oldest first.
    if (backwards) page.reverse();
    const pages = backwards ? { hasPreviousPage: more, hasNextPage: Boolean(cursor) } : { hasNextPage: more, hasPreviousPage: Boolean(cursor) };
    const connection = connectionOf(
      page,
      pages,
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
    return { ...connection, totalCount };
  }
}

/** The largest page of pledge lines (`first` or `last`); the query cost limit lets a full selection of it through. */
export const MAX_PLEDGE_LINES_PAGE = 1000;
const DEFAULT_PAGE = 100;
const MAX_BIGINT = '9223372036854775807';

/** A window of a connection as the client asks it: forwards (`first`, `after`) or backwards (`last`, `before`). */
export type PageWindow = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

/** Which way to read and how much: one direction per request, as the Relay specification advises. */
function pageWindow(window: PageWindow, max: number, items: string): { size: number; cursor: string | null; backwards: boolean } {
  const backwards = window.last != null || window.before != null;
  if (backwards && (window.first != null || window.after != null)) {
    throw badUserInput([{ field: window.last != null ? 'last' : 'before', message: 'Page forwards (first, after) or backwards (last, before), not both at once.' }]);
  }
  const size = (backwards ? window.last : window.first) ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badUserInput([{ field: backwards ? 'last' : 'first', message: `Ask for 1 to ${max} ${items} at a time.` }]);
  return { size, cursor: (backwards ? window.before : window.after) ?? null, backwards };
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A timeline has at most this many buckets: a month of hours, or years of days. */
const MAX_TIMELINE_BUCKETS = 2_000;

/** The instant a YYYY-MM-DD day starts (plus `days`), taken in UTC: a bound the query widens to every pledge anyway. */
function dayStart(day: string | null, days: number): Date | null {
  if (!day) return null;
  const start = new Date(`${day}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + days);
  return start;
}
