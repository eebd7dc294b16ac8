import { GraphQLError } from 'graphql';
import { type DataSource } from 'typeorm';
import { badUserInput, badUserInputFromZod, type FieldIssue } from '../graphql/errors.js';
import { Pledge } from './pledge.entity.js';
import { Role, type Viewer } from '../auth/viewer.js';
import { anonymousPledgeSchema, organiserPledgeSchema, type PledgeInput, type ValidPledge } from './pledge.inputs.js';

/** What `submit_pledge` answers: the ids its slugs resolved to, and the pledge when recorded. */
type SubmittedPledge = {
  campaign_id: number | null;
  event_id: number | null;
  faculty_id: number | null;
  case_ids: (number | null)[] | null;
  pledge_id: string | null;
  pledge_created_at: Date | null;
  pledge_appeal_letters: number | null;
  pledge_solidarity_cards: number | null;
  same_content: boolean | null;
  recorded: boolean;
};

/** What a submitted pledge was, for the caller that needs to know (e.g. to count it). */
export type PledgeReceipt = { pledge: Pledge; recorded: boolean };

export class PledgeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Validates and records a pledge in one round trip (the SQL function `submit_pledge`). The
   * same client key with the same content returns the same pledge and counts once, also when
   * copies race; with other content it is refused. An organiser's token lifts the per-pledge
   * limits to a whole table's letters.
   */
  async submit(input: PledgeInput, viewer: Viewer): Promise<PledgeReceipt> {
    const schema = viewer.role === Role.ORGANISER ? organiserPledgeSchema : anonymousPledgeSchema;
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw badUserInputFromZod(parsed.error, 'input');
    const pledge = parsed.data;

    const [row] = await this.dataSource.query<SubmittedPledge[]>('SELECT * FROM submit_pledge($1, $2, $3, $4, $5, $6, $7)', [
      pledge.clientKey,
      pledge.campaign ?? null,
      pledge.event ?? null,
      pledge.faculty ?? null,
      pledge.lines.map((line) => line.case),
      pledge.lines.map((line) => line.appealLetters),
      pledge.lines.map((line) => line.solidarityCards),
    ]);
    if (!row) throw new Error('submit_pledge returned no row');
    const issues = unknownReferences(pledge, row);
    if (issues.length > 0) throw badUserInput(issues);
    if (!row.same_content) {
      throw new GraphQLError('This pledge key was already used for a different pledge. Make a new key for a new pledge.', {
        extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' },
      });
    }
    const recorded = Object.assign(new Pledge(), {
      id: String(row.pledge_id),
      clientKey: pledge.clientKey,
      campaignId: row.campaign_id!,
      eventId: row.event_id,
      facultyId: row.faculty_id,
      appealLetters: row.pledge_appeal_letters!,
      solidarityCards: row.pledge_solidarity_cards!,
      createdAt: new Date(row.pledge_created_at!),
    });
    return { pledge: recorded, recorded: row.recorded };
  }
}

/** Every slug that resolved to nothing, as an issue on its field. */
function unknownReferences(pledge: ValidPledge, row: SubmittedPledge): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!row.campaign_id) {
    issues.push({
      field: 'input.campaign',
      message: pledge.campaign ? `There is no campaign "${pledge.campaign}".` : 'There is no current campaign to pledge to.',
    });
    return issues;
  }
  if (pledge.event && !row.event_id) issues.push({ field: 'input.event', message: `There is no event "${pledge.event}" in this campaign.` });
  if (pledge.faculty && !row.faculty_id) issues.push({ field: 'input.faculty', message: `There is no faculty "${pledge.faculty}".` });
  pledge.lines.forEach((line, index) => {
    if (!row.case_ids?.[index]) issues.push({ field: `input.lines.${index}.case`, message: `There is no case "${line.case}" in this campaign.` });
  });
  return issues;
}
