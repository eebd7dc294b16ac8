import { type DataSource } from 'typeorm';
import { type Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { type CaseService } from '../cases/case.service.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { notFound } from '../graphql/errors.js';
import { type Viewer } from '../auth/viewer.js';
import { totalsFor } from './small-group-rule.js';
import { type Totals } from './totals.types.js';

/** Which totals: a campaign, optionally narrowed to one event and/or one faculty (0 = all). */
export type TotalsScope = { campaign: Campaign; eventId: number; facultyId: number };

/** The slugs a caller names a scope by; all optional. */
export type TotalsScopeArgs = { campaign?: string | null; event?: string | null; faculty?: string | null };

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
    const { campaign, eventId, facultyId } = scope;
    const parameters = [campaign.id, eventId, facultyId];
    const [cases, caseSums, [scopeSums]] = await Promise.all([
      this.cases.listByCampaign(campaign.id),
      this.dataSource.query<{ case_id: number; appeal_letters: number; solidarity_cards: number }[]>(CASE_SUMS_SQL, parameters),
      this.dataSource.query<{ pledges: number; updated_at: Date | null }[]>(SCOPE_SUMS_SQL, parameters),
    ]);

    const sumsByCase = new Map(caseSums.map((row) => [row.case_id, row]));
    const rows = cases.map((someCase) => {
      const sums = sumsByCase.get(someCase.id);
      const appealLetters = sums?.appeal_letters ?? 0;
      const solidarityCards = sums?.solidarity_cards ?? 0;
      return { case: someCase, appealLetters, solidarityCards, total: appealLetters + solidarityCards };
    });
    const appealLetters = rows.reduce((sum, row) => sum + row.appealLetters, 0);
    const solidarityCards = rows.reduce((sum, row) => sum + row.solidarityCards, 0);
    return {
      campaign,
      appealLetters,
      solidarityCards,
      total: appealLetters + solidarityCards,
      pledges: scopeSums?.pledges ?? 0,
      cases: rows,
      updatedAt: new Date(scopeSums?.updated_at ?? campaign.createdAt),
      withheld: false,
    };
  }
}
