import { type Operation } from './request';

/** What a widget on another site shows: a campaign (default: the current one), optionally one event or one faculty. */
export type EmbedScope = { campaign: string | null; event: string | null; faculty: string | null };

export type EmbedTotals = {
  appealLetters: number;
  solidarityCards: number;
  total: number;
  pledges: number;
  /** True for a faculty with fewer than 5 pledges (the small-group rule): the numbers are then 0 and mean "not shown". */
  withheld: boolean;
  campaign: { title: string };
};

const EMBED_TOTALS_FIELDS = 'appealLetters solidarityCards total pledges withheld campaign { title }';

/**
 * The widget's live totals: the first message is the current totals. A plain string for
 * graphql-ws, without Apollo, so that the widget does not share (and split) the projector
 * screen's Apollo chunk.
 */
export const ON_EMBED_TOTALS = /* GraphQL */ `
  subscription OnEmbedTotals($campaign: String, $event: String, $faculty: String) {
    totalsUpdated(campaign: $campaign, event: $event, faculty: $faculty) { ${EMBED_TOTALS_FIELDS} }
  }
`;

export type EmbedChoice = { slug: string; name: string };
export type ListEmbedChoicesResult = { events: { slug: string; title: string }[]; faculties: EmbedChoice[] };

/** What /admin offers to embed: the chosen campaign's events and every faculty. */
export const LIST_EMBED_CHOICES: Operation = {
  operationName: 'ListEmbedChoices',
  query: /* GraphQL */ `
    query ListEmbedChoices($campaign: String) {
      events(campaign: $campaign) { slug title }
      faculties { slug name }
    }
  `,
};
