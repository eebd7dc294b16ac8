import { randomUUID } from 'node:crypto';

/** The pledge form's own documents, so that the tests send what the page sends. */
export { SubmitPledgeDocument as SUBMIT_PLEDGE } from '../../dashboard/graphql/generated/pledge.js';
export { TotalsDocument as TOTALS } from './generated/operations.js';

/**
 * The evening of the seed event (human-rights-day-2026), which most tests pledge to. In-process
 * servers read the rules' time from a clock set to it (server.ts); a test that pledges to that
 * event on a spawned server says its pledge was made then (`madeAt`), as a phone does that kept
 * it offline, so that it counts on any date.
 */
export const SEED_EVENING = '2026-12-10T18:00:00.000Z';

export type PledgeLine = { case: string; appealLetters: number; solidarityCards: number };

export function pledgeInput(lines: PledgeLine[], extra: { event?: string; faculty?: string; campaign?: string; clientKey?: string } = {}) {
  return { clientKey: randomUUID(), ...extra, lines };
}

/** Row counts of every table a pledge writes to, to show that a refused pledge stored nothing. */
export const PLEDGE_TABLE_COUNTS = `
  SELECT (SELECT count(*) FROM pledge)::int AS pledges,
         (SELECT count(*) FROM pledge_line)::int AS lines,
         (SELECT count(*) FROM case_tally)::int AS case_tallies,
         (SELECT coalesce(sum(pledges), 0) FROM scope_tally)::int AS scope_pledges,
         (SELECT count(*) FROM kit_order)::int AS kit_orders`;
