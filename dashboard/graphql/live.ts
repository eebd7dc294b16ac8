import { gql, type TypedDocumentNode } from '@apollo/client';

/** The scope a projector shows: a campaign (default: the current one) and optionally one event. */
export type LiveScope = { campaign: string | null; event: string | null };

export type LiveCase = { slug: string; name: string; country: string };
export type LiveCaseTotals = { case: LiveCase; appealLetters: number; solidarityCards: number; total: number };
export type LiveTotals = {
  appealLetters: number;
  solidarityCards: number;
  total: number;
  pledges: number;
  /** ISO date-time: when these numbers last changed. */
  updatedAt: string;
  cases: LiveCaseTotals[];
};

const TOTALS_FIELDS = gql`
  fragment LiveTotalsFields on Totals {
    appealLetters
    solidarityCards
    total
    pledges
    updatedAt
    cases {
      case { slug name country }
      appealLetters
      solidarityCards
      total
    }
  }
`;

export type CaseAsk = 'RELEASE' | 'PROTECT' | 'CHANGE_LAW';
/** What the spotlight tells of a case beyond its name: why it matters and what the letter asks. */
export type LiveCaseStory = { slug: string; reason: string; ask: CaseAsk };

export type GetLiveBoardResult = {
  campaign: { slug: string; title: string; letterGoal: number | null } | null;
  events: { slug: string; title: string; location: string | null; code: string; letterGoal: number | null }[];
  cases: LiveCaseStory[];
  publicUrl: string | null;
};

/** What stays still on the projector: titles, the goals, the cases' stories and the address for the QR code. */
export const GET_LIVE_BOARD: TypedDocumentNode<GetLiveBoardResult, LiveScope> = gql`
  query GetLiveBoard($campaign: String) {
    campaign(slug: $campaign) { slug title letterGoal }
    events(campaign: $campaign) { slug title location code letterGoal }
    cases(campaign: $campaign) { slug reason ask }
    publicUrl
  }
`;

export type LiveFacultyTotals = {
  faculty: { slug: string; name: string };
  total: number | null;
  /** Fewer than 5 pledges: no numbers, by the small-group rule. */
  withheld: boolean;
};
export type GetFacultyRaceResult = { facultyTotals: LiveFacultyTotals[] };

/** The faculty race, as the public may see it (the server applies the small-group rule). */
export const GET_FACULTY_RACE: TypedDocumentNode<GetFacultyRaceResult, LiveScope> = gql`
  query GetFacultyRace($campaign: String, $event: String) {
    facultyTotals(campaign: $campaign, event: $event) { faculty { slug name } total withheld }
  }
`;

export type GetLiveTotalsResult = { totals: LiveTotals };

/** The numbers once over HTTP, so the screen has them even before the WebSocket is up. */
export const GET_LIVE_TOTALS: TypedDocumentNode<GetLiveTotalsResult, LiveScope> = gql`
  query GetLiveTotals($campaign: String, $event: String) {
    totals(campaign: $campaign, event: $event) { ...LiveTotalsFields }
  }
  ${TOTALS_FIELDS}
`;

export type OnTotalsUpdatedResult = { totalsUpdated: LiveTotals };

/** Whole snapshots: the first is the current totals, so a reconnect makes the screen whole again. */
export const ON_TOTALS_UPDATED: TypedDocumentNode<OnTotalsUpdatedResult, LiveScope> = gql`
  subscription OnTotalsUpdated($campaign: String, $event: String) {
    totalsUpdated(campaign: $campaign, event: $event) { ...LiveTotalsFields }
  }
  ${TOTALS_FIELDS}
`;
