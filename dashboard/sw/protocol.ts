/** What the service worker tells the pages it controls. */

/** The worker's Background Sync copy of a pledge has reached the server (recorded or refused). */
export type PledgeReplayedMessage = { type: 'pledge-replayed'; clientKey: string };

export function isPledgeReplayed(data: unknown): data is PledgeReplayedMessage {
  const message = data as PledgeReplayedMessage | null;
  return Boolean(message && message.type === 'pledge-replayed' && typeof message.clientKey === 'string');
}
