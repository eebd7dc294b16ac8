import { randomUUID } from 'node:crypto';

export const SUBMIT_PLEDGE = /* GraphQL */ `
  mutation SubmitPledge($input: PledgeInput!) {
    submitPledge(input: $input) { id clientKey total createdAt }
  }
`;

export const TOTALS = /* GraphQL */ `
  query Totals($campaign: String, $event: String, $faculty: String) {
    totals(campaign: $campaign, event: $event, faculty: $faculty) {
      appealLetters solidarityCards total pledges updatedAt
      cases { case { slug name } appealLetters solidarityCards total }
    }
  }
`;

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
