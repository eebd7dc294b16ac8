/** What changed: everything shown about one campaign (its title and goal, its cases, its totals). */
export type LiveScope = { campaignId: number };

/**
 * What the live screen must hear about beyond new pledges (which it sees in the tallies, from
 * every process): a service that changes something shown on it announces the change here.
 */
export interface LiveChanges {
  changed(scope: LiveScope): void;
}

/**
 * The services that announce changes are built before the live totals that hear them (live
 * totals read through those services), so they are handed this relay, and the composition root
 * connects it once the listener exists. Until then, and without one, changes go nowhere.
 */
export class LiveChangesRelay implements LiveChanges {
  private listener: LiveChanges | null = null;

  connect(listener: LiveChanges): void {
    this.listener = listener;
  }

  changed(scope: LiveScope): void {
    this.listener?.changed(scope);
  }
}
