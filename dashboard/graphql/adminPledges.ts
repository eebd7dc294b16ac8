import { type Operation } from './request';

/** Operations of the organisers' pledge list (/admin?tab=pledges): find a bad pledge, void or restore it. */

export type PledgeCorrectionAction = 'VOID' | 'RESTORE';
export type PledgeCorrection = { action: PledgeCorrectionAction; reason: string; tokenId: number | null; correctedAt: string };

export type RecordedPledge = {
  id: string;
  createdAt: string;
  event: { slug: string; title: string } | null;
  faculty: { slug: string; name: string } | null;
  total: number;
  lines: { case: { slug: string; name: string }; appealLetters: number; solidarityCards: number }[];
  voided: boolean;
  corrections: PledgeCorrection[];
};

const PLEDGE_FIELDS = /* GraphQL */ `
  id createdAt total voided
  event { slug title } faculty { slug name }
  lines { case { slug name } appealLetters solidarityCards }
  corrections { action reason tokenId correctedAt }
`;

export const LIST_RECENT_PLEDGES: Operation = {
  operationName: 'ListRecentPledges',
  query: /* GraphQL */ `
    query ListRecentPledges($campaign: String, $event: String, $first: Int!, $after: String) {
      recentPledges(campaign: $campaign, event: $event, first: $first, after: $after) {
        pageInfo { endCursor hasNextPage }
        edges { node { ${PLEDGE_FIELDS} } }
      }
    }
  `,
};
export type ListRecentPledgesResult = {
  recentPledges: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: RecordedPledge }[] };
};

export const VOID_PLEDGE: Operation = {
  operationName: 'VoidPledge',
  query: /* GraphQL */ `
    mutation VoidPledge($id: ID!, $reason: String!) {
      voidPledge(id: $id, reason: $reason) { ${PLEDGE_FIELDS} }
    }
  `,
};
export type VoidPledgeResult = { voidPledge: RecordedPledge };

export const RESTORE_PLEDGE: Operation = {
  operationName: 'RestorePledge',
  query: /* GraphQL */ `
    mutation RestorePledge($id: ID!, $reason: String!) {
      restorePledge(id: $id, reason: $reason) { ${PLEDGE_FIELDS} }
    }
  `,
};
export type RestorePledgeResult = { restorePledge: RecordedPledge };
