import { randomUUID } from 'node:crypto';

/** The pledge form's own documents, so that the tests send what the page sends. */
export { SubmitPledgeDocument as SUBMIT_PLEDGE } from '../../dashboard/graphql/generated/pledge.js';
export { TotalsDocument as TOTALS } from './generated/operations.js';

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
