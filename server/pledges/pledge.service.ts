import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { type DataSource } from 'typeorm';
import { badUserInput, badUserInputFromZod, type FieldIssue } from '../graphql/errors.js';
import { Pledge } from './pledge.entity.js';
import { type PledgeInput, pledgeSchema, type ValidPledge } from './pledge.inputs.js';

/** The slugs of a pledge turned into ids, in one round trip. */
type ResolvedRefs = {
  campaign_id: number | null;
  event_id: number | null;
  event_campaign_id: number | null;
  faculty_id: number | null;
  case_ids: Record<string, number> | null;
};

type RecordedPledge = {
  pledge_id: string;
  pledge_created_at: Date;
  pledge_appeal_letters: number;
  pledge_solidarity_cards: number;
  pledge_content_hash: string;
  recorded: boolean;
};

/** What a submitted pledge was, for the caller that needs to know (e.g. to tell subscribers). */
export type PledgeReceipt = { pledge: Pledge; campaignId: number; eventId: number | null; recorded: boolean };

export class PledgeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Validates and records a pledge. The same client key with the same content returns the same
   * pledge and counts once, also when copies race; with other content it is refused.
   */
  async submit(input: PledgeInput): Promise<PledgeReceipt> {
    const parsed = pledgeSchema.safeParse(input);
    if (!parsed.success) throw badUserInputFromZod(parsed.error, 'input');
    const pledge = parsed.data;

    const refs = await this.resolveRefs(pledge);
    const lines = [...pledge.lines]
      .map((line) => ({ ...line, caseId: refs.case_ids![line.case]! }))
      .sort((a, b) => a.caseId - b.caseId);
    const contentHash = hashContent(refs, lines);

    const [row] = await this.dataSource.query<RecordedPledge[]>(
      'SELECT * FROM record_pledge($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        pledge.clientKey,
        refs.campaign_id,
        refs.event_id,
        refs.faculty_id,
        contentHash,
        lines.map((line) => line.caseId),
        lines.map((line) => line.appealLetters),
        lines.map((line) => line.solidarityCards),
      ],
    );
    if (!row) throw new Error('record_pledge returned no row');
    if (row.pledge_content_hash !== contentHash) {
      throw new GraphQLError('This pledge key was already used for a different pledge. Make a new key for a new pledge.', {
        extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' },
      });
    }
    const recorded = Object.assign(new Pledge(), {
      id: String(row.pledge_id),
      clientKey: pledge.clientKey,
      campaignId: refs.campaign_id!,
      eventId: refs.event_id,
      facultyId: refs.faculty_id,
      contentHash,
      appealLetters: row.pledge_appeal_letters,
      solidarityCards: row.pledge_solidarity_cards,
      createdAt: new Date(row.pledge_created_at),
    });
    return { pledge: recorded, campaignId: refs.campaign_id!, eventId: refs.event_id, recorded: row.recorded };
  }

  /**
   * Looks up campaign, event, faculty and cases at once; each unknown slug is an issue on its
   * field. Without a campaign slug, the event's campaign counts, else the current one.
   */
  private async resolveRefs(pledge: ValidPledge): Promise<ResolvedRefs> {
    const [refs] = await this.dataSource.query<ResolvedRefs[]>(
      `SELECT campaign.id AS campaign_id,
              event.id AS event_id,
              event.campaign_id AS event_campaign_id,
              (SELECT id FROM faculty WHERE slug = $3) AS faculty_id,
              (SELECT json_object_agg(c.slug, c.id) FROM "case" c
                WHERE c.campaign_id = campaign.id AND c.slug = ANY($4::text[])) AS case_ids
       FROM (SELECT 1) AS one
       LEFT JOIN event ON event.slug = $2
       LEFT JOIN campaign ON (CASE
         WHEN $1::text IS NOT NULL THEN campaign.slug = $1
         WHEN event.id IS NOT NULL THEN campaign.id = event.campaign_id
         ELSE campaign.is_current
       END)`,
      [pledge.campaign ?? null, pledge.event ?? null, pledge.faculty ?? null, pledge.lines.map((line) => line.case)],
    );
    const issues: FieldIssue[] = [];
    if (!refs?.campaign_id) {
      issues.push({
        field: 'input.campaign',
        message: pledge.campaign ? `There is no campaign "${pledge.campaign}".` : 'There is no current campaign to pledge to.',
      });
    }
    if (pledge.event && (!refs?.event_id || refs.event_campaign_id !== refs.campaign_id)) {
      issues.push({ field: 'input.event', message: `There is no event "${pledge.event}" in this campaign.` });
    }
    if (pledge.faculty && !refs?.faculty_id) {
      issues.push({ field: 'input.faculty', message: `There is no faculty "${pledge.faculty}".` });
    }
    if (refs?.campaign_id) {
      pledge.lines.forEach((line, index) => {
        if (!refs.case_ids?.[line.case]) {
          issues.push({ field: `input.lines.${index}.case`, message: `There is no case "${line.case}" in this campaign.` });
        }
      });
    }
    if (issues.length > 0) throw badUserInput(issues);
    return refs!;
  }
}

/** A replay must say the same thing: same campaign, event, faculty and lines. */
function hashContent(refs: ResolvedRefs, lines: { caseId: number; appealLetters: number; solidarityCards: number }[]): string {
  const content = JSON.stringify([
    refs.campaign_id,
    refs.event_id,
    refs.faculty_id,
    lines.map((line) => [line.caseId, line.appealLetters, line.solidarityCards]),
  ]);
  return createHash('sha256').update(content).digest('base64url');
}
