import { type DataSource } from 'typeorm';
import { type Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { type Case } from '../cases/case.entity.js';
import { type CaseService } from '../cases/case.service.js';
import { withTotal } from '../common/counts.js';
import { type ContentService } from '../content/content.service.js';
import { ContentSubject } from '../content/content.types.js';
import { type Locale } from '../common/locale.js';
import { notFound } from '../common/errors.js';
import { type Viewer } from '../common/viewer.js';
import { type Event } from '../events/event.entity.js';
import { type EventService } from '../events/event.service.js';
import { type Faculty } from '../faculties/faculty.entity.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { figureFor, seesInFull, SMALL_GROUP_MIN_PLEDGES, totalsFor, withheldScopes } from './small-group.rule.js';
import { caseFacultySums, facultySums, scopePledges, scopeSums } from './totals.queries.js';
import { type Totals } from './totals.types.js';

/** Which totals: a campaign, optionally narrowed to one event and/or one faculty (0 = all). */
export type TotalsScope = { campaign: Campaign; event: Event | null; eventId: number; facultyId: number };

/** The slugs a caller names a scope by; all optional. */
export type TotalsScopeArgs = { campaign?: string | null; event?: string | null; faculty?: string | null };

/** Figures over some pledges, as this viewer may see them (withheld: see the small-group rule). */
type Figures = { pledges: number; appealLetters: number; solidarityCards: number; total: number; withheld: boolean };

/** One faculty's figures in a scope; `fewerThanFive` whether its real pledges are (said also when withheld). */
export type FacultyFigures = Figures & { faculty: Faculty; fewerThanFive: boolean };

/** A faculty's place in the race; a withheld one has no numbers. */
export type FacultyRaceEntry = { faculty: Faculty; withheld: boolean; appealLetters: number | null; solidarityCards: number | null; total: number | null };

/** One case's figures within one faculty; `pledges` are the faculty's. */
export type CaseFacultyFigures = Figures & { case: Case; faculty: Faculty; fewerThanFive: boolean };

/**
 * Reads totals from the sharded tallies. One read touches at most (cases + 1) x shards tally
 * rows whatever the number of pledges: see docs/architecture.md and the test that counts them.
 */
export class TotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly cases: CaseService,
    private readonly events: EventService,
    private readonly faculties: FacultyService,
    /** The faculties' names in the language shown, by which the race breaks its ties. */
    private readonly content: Pick<ContentService, 'text'>,
  ) {}

  /** Turns slugs into a scope; an event alone implies its campaign. Unknown slugs are NOT_FOUND. */
  async resolveScope(args: TotalsScopeArgs): Promise<TotalsScope> {
    const event = args.event ? await this.events.get(args.event) : null;
    const faculty = args.faculty ? await this.faculties.get(args.faculty) : null;
    const campaign = event && !args.campaign ? await this.campaigns.getById(event.campaignId) : await this.campaigns.get(args.campaign);
    if (event && event.campaignId !== campaign.id) {
      throw notFound(`The event "${event.slug}" is not part of the campaign "${campaign.slug}".`, 'event');
    }
    return { campaign, event, eventId: event?.id ?? 0, facultyId: faculty?.id ?? 0 };
  }

  /** The same scope with its campaign and event read again: an organiser may have changed a goal or a title since. */
  async reloaded(scope: TotalsScope): Promise<TotalsScope> {
    const [campaign, event] = await Promise.all([this.campaigns.getById(scope.campaign.id), scope.event ? this.events.getById(scope.event.id) : null]);
    return { ...scope, campaign, event: event ?? scope.event };
  }

  /** The totals of a scope as this viewer may see them: the small-group rule applied. */
  async readFor(viewer: Viewer, scope: TotalsScope): Promise<Totals> {
    // Who sees the faculty in full needs no table: nothing is withheld from them.
    const [totals, withheld] = await Promise.all([this.read(scope), seesInFull(viewer, scope.facultyId) ? null : this.withheldIn(viewer, scope.campaign)]);
    return totalsFor(totals, withheld?.(scope.eventId, scope.facultyId) ?? false);
  }

  /**
   * Which (event, faculty) figures of a campaign this viewer may not see (event 0: the whole
   * campaign), decided on the campaign's whole table so that no subtraction gives one back.
   */
  async withheldIn(viewer: Viewer, campaign: Campaign): Promise<(eventId: number, facultyId: number) => boolean> {
    const [rows, events, faculties] = await Promise.all([scopePledges(this.dataSource, campaign.id), this.events.listByCampaign(campaign.id), this.faculties.list()]);
    return withheldScopes(
      viewer,
      rows.map((row) => ({ eventId: row.event_id, facultyId: row.faculty_id, pledges: row.pledges })),
      events.map((event) => event.id),
      faculties.map((faculty) => faculty.id),
    );
  }

  /** The exact totals of a scope, for organisers' and live screens' use (no faculty there). */
  async read(scope: TotalsScope): Promise<Totals> {
    const { campaign } = scope;
    const [cases, sums] = await Promise.all([
      this.cases.listByCampaign(campaign.id),
      scopeSums(this.dataSource, { campaignId: campaign.id, eventId: scope.eventId, facultyId: scope.facultyId }),
    ]);
    const sumsByCase = new Map(sums.cases.map((row) => [row.case_id, row]));
    const rows = cases.map((someCase) => {
      const row = sumsByCase.get(someCase.id);
      return { case: someCase, ...withTotal({ appealLetters: row?.appeal_letters ?? 0, solidarityCards: row?.solidarity_cards ?? 0 }) };
    });
    return {
      campaign,
      goal: scope.event?.letterGoal ?? campaign.letterGoal,
      ...withTotal({
        appealLetters: rows.reduce((sum, row) => sum + row.appealLetters, 0),
        solidarityCards: rows.reduce((sum, row) => sum + row.solidarityCards, 0),
      }),
      pledges: sums.pledges,
      cases: rows,
      updatedAt: new Date(sums.updatedAt ?? campaign.createdAt),
      withheld: false,
    };
  }

  /** Every faculty's figures in a campaign or event, from the tallies (O(faculties)). */
  async byFaculty(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<FacultyFigures[]> {
    const [rows, faculties, withheld] = await Promise.all([
      facultySums(this.dataSource, { campaignId: scope.campaign.id, eventId: scope.eventId }),
      this.faculties.list(),
      this.withheldIn(viewer, scope.campaign),
    ]);
    const facultyById = new Map(faculties.map((faculty) => [faculty.id, faculty]));
    return rows.map((row) => ({
      ...figureFor(withTotal({ pledges: row.pledges, appealLetters: row.appeal_letters, solidarityCards: row.solidarity_cards }), withheld(scope.eventId, row.faculty_id)),
      faculty: facultyById.get(row.faculty_id)!,
      fewerThanFive: row.pledges < SMALL_GROUP_MIN_PLEDGES,
    }));
  }

  /**
   * The faculty race: faculties that have pledges here, shown ones by total (largest first),
   * withheld ones after them with no numbers; ties by the faculty's name in the language shown,
   * so that a screen in French lists them as a French reader looks for them. The figures are
   * byFaculty's, so the small-group rule has been applied before anything is sorted.
   */
  async facultyRace(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>, locale: Locale = 'en'): Promise<FacultyRaceEntry[]> {
    const rows = (await this.byFaculty(viewer, scope)).filter((row) => row.withheld || row.pledges > 0);
    // One query for every name (the content's DataLoader), none in English.
    const names = new Map(
      await Promise.all(rows.map(async (row) => [row.faculty.id, (await this.content.text(locale, ContentSubject.FACULTY, row.faculty, 'name')) ?? row.faculty.name] as const)),
    );
    const key = (row: FacultyFigures) => (row.withheld ? -1 : row.total);
    rows.sort((a, b) => key(b) - key(a) || names.get(a.faculty.id)!.localeCompare(names.get(b.faculty.id)!, locale));
    return rows.map((row) => ({
      faculty: row.faculty,
      withheld: row.withheld,
      appealLetters: row.withheld ? null : row.appealLetters,
      solidarityCards: row.withheld ? null : row.solidarityCards,
      total: row.withheld ? null : row.total,
    }));
  }

  /**
   * A campaign's (or one event's) figures per case and faculty, for the report back to Amnesty:
   * every case by every faculty, zeros included, so that whether a row is there says nothing.
   * Cases in screen order, faculties by name; a faculty's rows are withheld together.
   */
  async byCaseAndFaculty(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<CaseFacultyFigures[]> {
    const { campaign, eventId } = scope;
    const [rows, pledgesByFaculty, cases, faculties, withheld] = await Promise.all([
      caseFacultySums(this.dataSource, { campaignId: campaign.id, eventId }),
      facultySums(this.dataSource, { campaignId: campaign.id, eventId }),
      this.cases.listByCampaign(campaign.id),
      this.faculties.list(),
      this.withheldIn(viewer, campaign),
    ]);
    const sums = new Map(rows.map((row) => [`${row.case_id}:${row.faculty_id}`, row]));
    const pledges = new Map(pledgesByFaculty.map((row) => [row.faculty_id, row.pledges]));
    const byName = [...faculties].sort((a, b) => a.name.localeCompare(b.name));
    return cases.flatMap((someCase) =>
      byName.map((faculty) => {
        const row = sums.get(`${someCase.id}:${faculty.id}`);
        const counts = withTotal({ appealLetters: row?.appeal_letters ?? 0, solidarityCards: row?.solidarity_cards ?? 0 });
        const facultyPledges = pledges.get(faculty.id) ?? 0;
        return { ...figureFor({ ...counts, pledges: facultyPledges }, withheld(eventId, faculty.id)), case: someCase, faculty, fewerThanFive: facultyPledges < SMALL_GROUP_MIN_PLEDGES };
      }),
    );
  }
}
