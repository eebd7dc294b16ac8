/**
 * The requests the benchmarks send. Every system gets the same pledge: the seed event, one
 * faculty and two lines (2 letters and 1 card in all), under a fresh client key each time.
 */
export const PLEDGE = {
  event: 'human-rights-day-2026',
  faculty: 'engineering',
  lines: [
    { case: 'zhang-zhan', appealLetters: 1, solidarityCards: 1 },
    { case: 'janna-jihad', appealLetters: 1, solidarityCards: 0 },
  ],
};

export const SUBMIT_PLEDGE = `mutation SubmitPledge($input: PledgeInput!) { submitPledge(input: $input) { id total } }`;

export const SUBMIT_PLEDGE_POSTGRAPHILE = `mutation SubmitPledge($input: SubmitPledgeInput!) {
  submitPledge(input: $input) { result { rowId total } }
}`;

export const TOTALS = `query Totals { totals { appealLetters solidarityCards total pledges updatedAt cases { case { slug } total } } }`;

export const ON_TOTALS_UPDATED = `subscription OnTotalsUpdated($campaign: String, $event: String) {
  totalsUpdated(campaign: $campaign, event: $event) { total pledges updatedAt cases { case { slug } total } }
}`;

const serverPledge = (clientKey) => JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input: { clientKey, ...PLEDGE } } });

const postgraphilePledge = (clientKey) =>
  JSON.stringify({
    query: SUBMIT_PLEDGE_POSTGRAPHILE,
    variables: {
      input: {
        clientKey,
        eventSlug: PLEDGE.event,
        facultySlug: PLEDGE.faculty,
        caseSlugs: PLEDGE.lines.map((line) => line.case),
        appealLetters: PLEDGE.lines.map((line) => line.appealLetters),
        solidarityCards: PLEDGE.lines.map((line) => line.solidarityCards),
      },
    },
  });

const totalsBody = JSON.stringify({ query: TOTALS });

/** Request bodies by kind, each made from a fresh client key. */
export const requestBodies = {
  'server-pledge': serverPledge,
  'postgraphile-pledge': postgraphilePledge,
  totals: () => totalsBody,
};
