import { type DataSource } from 'typeorm';
import { badUserInput, idempotencyKeyReused } from '../common/errors.js';
import { type Locale } from '../common/locale.js';
import { parseInput } from '../common/validation.js';
import { type Viewer } from '../common/viewer.js';
import { Pledge } from './pledge.entity.js';
import { type PledgeInput } from './pledge.inputs.js';
import { PledgeBatcher, type PledgeBatching } from './pledge-batcher.js';
import { pledgeMessages } from './pledge.messages.js';
import { eventClosed, pledgeRulesFor, pledgeTime, unknownReferences } from './pledge.rules.js';

/** What a submitted pledge was, for the caller that needs to know (e.g. to count it). */
export type PledgeReceipt = { pledge: Pledge; recorded: boolean };

export class PledgeService {
  /** Group commit: pledges that arrive together go to the database in one statement. */
  readonly batcher: PledgeBatcher;

  /** `clock`: the time an event's closing is measured against (the tests give their own). */
  constructor(
    dataSource: DataSource,
    batching: PledgeBatching,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.batcher = new PledgeBatcher(dataSource, batching);
  }

  /**
   * Checks a pledge and records it with the pledges that arrive with it, in one round trip
   * (the SQL function `submit_pledges`); it resolves once that statement has committed. The
   * same client key with the same content returns the same pledge and counts once, also when
   * copies race; with other content it is refused. Which rule is checked where: pledge.rules.ts.
   * A refusal is worded in `locale`, the request's.
   */
  async submit(input: PledgeInput, viewer: Viewer, locale: Locale = 'en'): Promise<PledgeReceipt> {
    const pledge = parseInput(pledgeRulesFor(viewer, locale), input, 'input', locale);

    const row = await this.batcher.submit({
      clientKey: pledge.clientKey,
      campaign: pledge.campaign ?? null,
      event: pledge.event ?? null,
      faculty: pledge.faculty ?? null,
      lines: pledge.lines,
      madeAt: pledgeTime(pledge, viewer, this.clock()),
    });
    const issues = unknownReferences(pledge, { campaignId: row.campaign_id, eventId: row.event_id, facultyId: row.faculty_id, caseIds: row.case_ids }, locale);
    if (issues.length > 0) throw badUserInput(issues);
    if (row.event_closed) throw badUserInput([eventClosed(pledge, locale)]);
    if (!row.same_content) throw idempotencyKeyReused('input.clientKey', pledgeMessages[locale].keyReused);
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
    return { pledge: recorded, recorded: row.recorded === true };
  }
}
