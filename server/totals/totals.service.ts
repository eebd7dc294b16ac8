import { type DataSource } from 'typeorm';
import { type Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { type Case } from '../cases/case.entity.js';
import { type CaseService } from '../cases/case.service.js';
import { withTotal } from '../common/counts.js';
import { notFound } from '../common/errors.js';
import { type Viewer } from '../common/viewer.js';
import { type EventService } from '../events/event.service.js';
import { type Faculty } from '../faculties/faculty.entity.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { figureFor, totalsFor } from './small-group.rule.js';
import { caseFacultySums, facultySums, scopeSums } from './totals.queries.js';
import { type Totals } from './totals.types.js';

/** Which totals: a campaign, optionally narrowed to one event and/or one faculty (0 = all). */
export type TotalsScope = { campaign: Campaign; eventId: number; facultyId: number };

/** The slugs a caller names a scope by; all optional. */
export type TotalsScopeArgs = { campaign?: string | null; event?: string | null; faculty?: string | null };

/** Figures over some pledges, as this viewer may see them (withheld: see the small-group rule). */
type Figures = { pledges: number; appealLetters: number; solidarityCards: number; total: number; withheld: boolean };

/** One faculty's figures in a scope. */
export type FacultyFigures = Figures & { faculty: Faculty };

/** A faculty's place in the race; a withheld one has no numbers. */
export type FacultyRaceEntry = { faculty: Faculty; withheld: boolean; appealLetters: number | null; solidarityCards: number | null; total: number | null };

/** One case's figures within one faculty (null: all faculties). */
export type CaseFacultyFigures = Figures & { case: Case; faculty: Faculty | null };

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
  ) {}

  /** Turns slugs into a scope; an event alone implies its campaign. Unknown slugs are NOT_FOUND. */
  async resolveScope(args: TotalsScopeArgs): Promise<TotalsScope> {
    const event = args.event ? await this.events.get(args.event) : null;
    const faculty = args.faculty ? await this.faculties.get(args.faculty) : null;
    const campaign = event && !args.campaign ? await this.campaigns.getById(event.campaignId) : await this.campaigns.get(args.campaign);
    if (event && event.campaignId !== campaign.id) {
      throw notFound(`The event "${event.slug}" is not part of the campaign "${campaign.slug}".`, 'event');
    }
    return { campaign, eventId: event?.id ?? 0, facultyId: faculty?.id ?? 0 };
  }

  /** The totals of a scope as this viewer may see them: the small-group rule applied. */
  async readFor(viewer: Viewer, scope: TotalsScope): Promise<Totals> {
    return totalsFor(viewer, scope.facultyId, await this.read(scope));
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
    const [rows, faculties] = await Promise.all([facultySums(this.dataSource, { campaignId: scope.campaign.id, eventId: scope.eventId }), this.faculties.list()]);
    const facultyById = new Map(faculties.map((faculty) => [faculty.id, faculty]));
    return rows.map((row) => ({
      ...figureFor(viewer, row.faculty_id, withTotal({ pledges: row.pledges, appealLetters: row.appeal_letters, solidarityCards: row.solidarity_cards })),
      faculty: facultyById.get(row.faculty_id)!,
    }));
  }

  /**
   * The faculty race: faculties that have pledges here, shown ones by total (largest first),
   * withheld ones after them by name with no numbers. The figures are byFaculty's, so the
   * small-group rule has been applied before anything is sorted.
   */
  async facultyRace(viewer: Viewer, scope: Pick<TotalsScope, 'campaign' | 'eventId'>): Promise<FacultyRaceEntry[]> {
    const rows = (await this.byFaculty(viewer, scope)).filter((row) => row.withheld || row.pledges > 0);
    const key = (row: FacultyFigures) => (row.withheld ? -1 : row.total);
    rows.sort((a, b) => key(b) - key(a) || a.faculty.name.localeCompare(b.faculty.name));
    return rows.map((row) => ({
      faculty: row.faculty,
      withheld: row.withheld,
      appealLetters: row.withheld ? null : row.appealLetters,
      solidarityCards: row.withheld ? null : row.solidarityCards,
      total: row.withheld ? null : row.total,
    }));
  }

  /**
   * A campaign's figures per case and faculty, for the report back to Amnesty: per case in
   * screen order, all faculties first, then each faculty with pledges, by name.
   */
  async byCaseAndFaculty(viewer: Viewer, campaign: Campaign): Promise<CaseFacultyFigures[]> {
    const [rows, cases, faculties] = await Promise.all([caseFacultySums(this.dataSource, campaign.id), this.cases.listByCampaign(campaign.id), this.faculties.list()]);
    const caseOrder = new Map(cases.map((someCase, index) => [someCase.id, index]));
    const caseById = new Map(cases.map((someCase) => [someCase.id, someCase]));
    const facultyById = new Map(faculties.map((faculty) => [faculty.id, faculty]));
    const facultyName = (id: number) => facultyById.get(id)?.name ?? '';
    return rows
      .filter((row) => caseById.has(row.case_id))
      .sort(
        (a, b) =>
          caseOrder.get(a.case_id)! - caseOrder.get(b.case_id)! ||
          Number(b.faculty_id === 0) - Number(a.faculty_id === 0) ||
          facultyName(a.faculty_id).localeCompare(facultyName(b.faculty_id)),
      )
      .map((row) => ({
        ...figureFor(viewer, row.faculty_id, withTotal({ pledges: row.pledges, appealLetters: row.appeal_letters, solidarityCards: row.solidarity_cards })),
        case: caseById.get(row.case_id)!,
        faculty: facultyById.get(row.faculty_id) ?? null,
      }));
  }
}
