import { type Operation } from './request';

export type CaseAsk = 'RELEASE' | 'PROTECT' | 'CHANGE_LAW';

export type CaseDetails = {
  slug: string;
  name: string;
  country: string;
  countryCode: string | null;
  reason: string;
  ask: CaseAsk;
  /** Who the person is; absent until the data has it. */
  about?: string | null;
  /** Where appeal letters go. */
  appealAddress?: string | null;
  /** Where solidarity cards go. */
  cardAddress?: string | null;
};

export const GET_CASE: Operation = {
  operationName: 'GetCase',
  query: /* GraphQL */ `
    query GetCase($slug: String!) {
      case(slug: $slug) { slug name country countryCode reason ask about appealAddress cardAddress }
    }
  `,
};

/** The same without the detail fields, for a server that does not have them yet. */
export const GET_CASE_SUMMARY: Operation = {
  operationName: 'GetCaseSummary',
  query: /* GraphQL */ `
    query GetCaseSummary($slug: String!) {
      case(slug: $slug) { slug name country countryCode reason ask }
    }
  `,
};
export type GetCaseResult = { case: CaseDetails | null };
