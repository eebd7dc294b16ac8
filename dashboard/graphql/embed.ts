import { type OnEmbedTotalsSubscription } from './generated/embed';

/** What a widget on another site shows: a campaign (default: the current one), optionally one event or one faculty. */
export type EmbedScope = { campaign: string | null; event: string | null; faculty: string | null };

/** A faculty's figures are withheld (numbers 0, meaning "not shown") under the small-group rule, except to its partner. */
export type EmbedTotals = OnEmbedTotalsSubscription['totalsUpdated'];

/** An event or a faculty the snippet can be made for. */
export type EmbedChoice = { slug: string; name: string };
