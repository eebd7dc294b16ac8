import { type DataSource } from 'typeorm';
import { type Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Case } from '../cases/case.entity.js';
import { type EventService } from '../events/event.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { notFound } from '../graphql/errors.js';
import { type Totals } from './totals.types.js';

/** Which totals: a campaign, optionally narrowed to one event and/or one faculty (0 = all). */
export type TotalsScope = { campaign: Campaign; eventId: number; facultyId: number };

/** The slugs a caller names a scope by; all optional. */
export type TotalsScopeArgs = { campaign?: string | null; event?: string | null; faculty?: string | null };

type CaseTotalsRow = {
  id: number;
  slug: string;
  name: string;
  country: string;
  country_code: string | null;
  reason: string;
  ask: Case['ask'];
  goal: number | null;
  position: number;
  appeal_letters: number;
  solidarity_cards: number;
};

/**
 * Reads totals from the sharded tallies. One read touches at most (cases + 1) x shards tally
 * rows whatever the number of pledges: see docs/architecture.md and the test that counts them.
 */
export class TotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
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

  async read(scope: TotalsScope): Promise<Totals> {
    const { campaign, eventId, facultyId } = scope;
    const [caseRows, scopeRows] = await Promise.all([
      this.dataSource.query<CaseTotalsRow[]>(
        `SELECT c.id, c.slug, c.name, c.country, c.country_code, c.reason, c.ask, c.goal, c.position,
                coalesce(t.appeal_letters, 0)::int AS appeal_letters,
                coalesce(t.solidarity_cards, 0)::int AS solidarity_cards
         FROM "case" c
         LEFT JOIN (
           SELECT case_id, sum(appeal_letters) AS appeal_letters, sum(solidarity_cards) AS solidarity_cards
           FROM case_tally
           WHERE campaign_id = $1 AND event_id = $2 AND faculty_id = $3
           GROUP BY case_id
         ) t ON t.case_id = c.id
         WHERE c.campaign_id = $1
         ORDER BY c.position, c.id`,
        [campaign.id, eventId, facultyId],
      ),
      this.dataSource.query<{ pledges: number; updated_at: Date | null }[]>(
        `SELECT coalesce(sum(pledges), 0)::int AS pledges, max(updated_at) AS updated_at
         FROM scope_tally
         WHERE campaign_id = $1 AND event_id = $2 AND faculty_id = $3`,
        [campaign.id, eventId, facultyId],
      ),
    ]);

    const cases = caseRows.map((row) => {
      const entity = Object.assign(new Case(), {
        id: row.id,
        campaignId: campaign.id,
        slug: row.slug,
        name: row.name,
        country: row.country,
        countryCode: row.country_code,
        reason: row.reason,
        ask: row.ask,
        goal: row.goal,
        position: row.position,
      });
      return {
        case: entity,
        appealLetters: row.appeal_letters,
        solidarityCards: row.solidarity_cards,
        total: row.appeal_letters + row.solidarity_cards,
      };
    });
    const appealLetters = cases.reduce((sum, row) => sum + row.appealLetters, 0);
    const solidarityCards = cases.reduce((sum, row) => sum + row.solidarityCards, 0);
    const [scopeRow] = scopeRows;
    return {
      campaign,
      appealLetters,
      solidarityCards,
      total: appealLetters + solidarityCards,
      pledges: scopeRow?.pledges ?? 0,
      cases,
      updatedAt: new Date(scopeRow?.updated_at ?? campaign.createdAt),
    };
  }
}
