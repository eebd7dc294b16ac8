import { In, type DataSource, type Repository } from 'typeorm';
import { withTotal } from '../common/counts.js';
import { type Cursors } from '../common/cursors.js';
import { badUserInput, notFound } from '../common/errors.js';
import { type LiveChanges } from '../common/live-changes.js';
import { checkPageSize, connectionOf, splitPage } from '../common/pagination.js';
import { type Viewer } from '../common/viewer.js';
import { type CaseService } from '../cases/case.service.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { type TotalsScope } from '../totals/totals.service.js';
import { PledgeCorrection } from './pledge-correction.entity.js';
import { type RecordedPledge, type RecordedPledgeConnection } from './pledge-review.types.js';
import { correctPledge, linesOf, pledgeById, recentPledges, type PledgeRow } from './pledge.queries.js';

const MAX_REASON = 500;
/** Pledge ids are bigint; anything else names no pledge. */
const PLEDGE_ID = /^[1-9]\d{0,17}$/;

/**
 * Organisers find a bad pledge (a script, 1000 letters typed for 10) in the latest pledges of
 * an event and void it: it leaves every total, tally, timeline, list and CSV, and the live
 * screen with its next tick, and can be restored. The change, its audit row and the tallies
 * are one call of the SQL function `correct_pledge`. A voided pledge keeps its client key, so a
 * phone that sends it again gets it back without counting it.
 */
export class PledgeReviewService {
  private readonly corrections: Repository<PledgeCorrection>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly events: EventService,
    private readonly faculties: FacultyService,
    private readonly cursors: Cursors,
    private readonly live: LiveChanges,
  ) {
    this.corrections = dataSource.getRepository(PledgeCorrection);
  }

  /** The latest pledges of a campaign or event, newest first, voided ones included (and marked). */
  async recent(scope: TotalsScope, first: number, after: string | null | undefined): Promise<RecordedPledgeConnection> {
    checkPageSize(first, 200, 'pledges');
    const [before] = this.cursors.decode('recentPledges', after, 1) ?? ['0'];
    const { page, hasNextPage } = splitPage(await recentPledges(this.dataSource, scope, before!, first + 1), first);
    return connectionOf(await this.withDetails(page), { hasNextPage, hasPreviousPage: Boolean(after) }, (pledge) => this.cursors.encode('recentPledges', [pledge.id]));
  }

  /** Takes a pledge out of every total. Voiding one that is voided already is refused on `id`. */
  void(id: string, reason: string, viewer: Viewer): Promise<RecordedPledge> {
    return this.correct(id, true, reason, viewer);
  }

  /** Counts a voided pledge again. */
  restore(id: string, reason: string, viewer: Viewer): Promise<RecordedPledge> {
    return this.correct(id, false, reason, viewer);
  }

  private async correct(id: string, voiding: boolean, reason: string, viewer: Viewer): Promise<RecordedPledge> {
    const why = reason.trim();
    if (!why || why.length > MAX_REASON) {
      throw badUserInput([{ field: 'reason', message: `Say in a few words why (1 to ${MAX_REASON} characters); it stays in the pledge's history.` }]);
    }
    if (!PLEDGE_ID.test(id)) throw notFound('There is no such pledge.', 'id');
    const outcome = await correctPledge(this.dataSource, { id, voiding, reason: why, tokenId: viewer.tokenId });
    if (!outcome) throw notFound('There is no such pledge.', 'id');
    if (!outcome.changed) {
      throw badUserInput([{ field: 'id', message: voiding ? 'This pledge is voided already.' : 'This pledge is counted; there is nothing to restore.' }]);
    }
    const [pledge] = await this.withDetails(await pledgeById(this.dataSource, id));
    // The tallies' change marker moves too; this makes this process's screens follow at the next tick.
    this.live.changed({ campaignId: pledge!.campaignId });
    return pledge!;
  }

  /** Lines, event, faculty and audit trail for a page of pledges: three queries, whatever the page size. */
  private async withDetails(rows: PledgeRow[]): Promise<RecordedPledge[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const campaignIds = [...new Set(rows.map((row) => row.campaign_id))];
    const [lines, corrections, caseLists, eventLists, faculties] = await Promise.all([
      linesOf(this.dataSource, ids),
      this.corrections.find({ where: { pledgeId: In(ids) }, order: { id: 'ASC' } }),
      Promise.all(campaignIds.map((campaignId) => this.cases.listByCampaign(campaignId))),
      Promise.all(campaignIds.map((campaignId) => this.events.listByCampaign(campaignId))),
      this.faculties.list(),
    ]);
    const cases = caseLists.flat();
    const position = new Map(cases.map((someCase, index) => [someCase.id, index]));
    const caseById = new Map(cases.map((someCase) => [someCase.id, someCase]));
    const eventById = new Map(eventLists.flat().map((event) => [event.id, event]));
    const facultyById = new Map(faculties.map((faculty) => [faculty.id, faculty]));
    return rows.map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      createdAt: new Date(row.created_at),
      event: row.event_id ? (eventById.get(row.event_id) ?? null) : null,
      faculty: row.faculty_id ? (facultyById.get(row.faculty_id) ?? null) : null,
      ...withTotal({ appealLetters: row.appeal_letters, solidarityCards: row.solidarity_cards }),
      lines: lines
        .filter((line) => line.pledge_id === row.id)
        .sort((a, b) => (position.get(a.case_id) ?? 0) - (position.get(b.case_id) ?? 0))
        .map((line) => ({ case: caseById.get(line.case_id)!, appealLetters: line.appeal_letters, solidarityCards: line.solidarity_cards })),
      voided: row.voided_at !== null,
      voidedAt: row.voided_at ? new Date(row.voided_at) : null,
      corrections: corrections.filter((correction) => String(correction.pledgeId) === row.id),
    }));
  }
}
