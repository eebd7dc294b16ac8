import { type Operation } from './request';

export type CaseSummary = { slug: string; name: string; country: string; reason: string };
export type Faculty = { slug: string; name: string };
export type EventSummary = { slug: string; title: string };

export type PledgeLine = { case: string; appealLetters: number; solidarityCards: number };
export type PledgeInput = {
  clientKey: string;
  event?: string | null;
  faculty?: string | null;
  lines: PledgeLine[];
  /** The honeypot: people never see it, so it stays empty. */
  website?: string | null;
  /** How long the form was open before it was sent. */
  fillTimeMs?: number;
};
export type PledgeReceipt = { id: string; clientKey: string; total: number; createdAt: string };

/** Everything the pledge form needs, in one round trip. */
export const LOAD_PLEDGE_FORM: Operation = {
  operationName: 'LoadPledgeForm',
  query: /* GraphQL */ `
    query LoadPledgeForm {
      cases { slug name country reason }
      faculties { slug name }
      events { slug title }
    }
  `,
};
export type LoadPledgeFormResult = { cases: CaseSummary[]; faculties: Faculty[]; events: EventSummary[] };

export const SUBMIT_PLEDGE: Operation = {
  operationName: 'SubmitPledge',
  query: /* GraphQL */ `
    mutation SubmitPledge($input: PledgeInput!) {
      submitPledge(input: $input) { id clientKey total createdAt }
    }
  `,
};
export type SubmitPledgeResult = { submitPledge: PledgeReceipt };

export const GET_TOTALS: Operation = {
  operationName: 'GetTotals',
  query: /* GraphQL */ `
    query GetTotals($event: String) {
      totals(event: $event) { total appealLetters solidarityCards pledges }
    }
  `,
};
export type TotalsSummary = { total: number; appealLetters: number; solidarityCards: number; pledges: number };
export type GetTotalsResult = { totals: TotalsSummary };

/** The live total: the first message is the current total, then a new one whenever it changes. */
export const ON_TOTALS_UPDATED: Operation = {
  operationName: 'OnTotalsUpdated',
  query: /* GraphQL */ `
    subscription OnTotalsUpdated($event: String) {
      totalsUpdated(event: $event) { total }
    }
  `,
};
export type OnTotalsUpdatedResult = { totalsUpdated: { total: number } };
