import { type Operation } from './request';

/** Operations and types of the organiser pages (/admin). Every one needs an organiser token. */

export type Role = 'PUBLIC' | 'PARTNER' | 'ORGANISER';
export type Viewer = { role: Role; faculty: { slug: string; name: string } | null };

export type KitOrderStatus = 'REQUESTED' | 'PACKED' | 'SHIPPED' | 'READY_FOR_PICKUP' | 'DELIVERED' | 'CANCELLED';
export const KIT_ORDER_STATUSES: readonly KitOrderStatus[] = ['REQUESTED', 'PACKED', 'SHIPPED', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED'];

export type KitOrderEmailKind = 'CONFIRMATION' | 'SHIPPED' | 'READY_FOR_PICKUP';
export type KitOrderEmailStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
/** An email to the student about the order: sent, waiting or failed (with the mail server's code). */
export type KitOrderEmail = { kind: KitOrderEmailKind; status: KitOrderEmailStatus; attempts: number; lastError: string | null; sentAt: string | null };

export type KitOrderStatusChange = { fromStatus: KitOrderStatus; toStatus: KitOrderStatus; note: string | null; changedAt: string };

/** A kit order as organisers see it. Contact fields are null once erased. */
export type AdminKitOrder = {
  reference: string;
  status: KitOrderStatus;
  kits: number;
  language: string;
  deliveryMethod: 'PICKUP' | 'POST';
  contactName: string | null;
  contactEmail: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  faculty: { name: string } | null;
  pickupPoint: { name: string } | null;
  createdAt: string;
  erasedAt: string | null;
  history: KitOrderStatusChange[];
  emails: KitOrderEmail[];
};

export type AdminCampaign = { slug: string; title: string; current: boolean };

export type AdminEvent = { slug: string; title: string; location: string | null; startsAt: string; endsAt: string; letterGoal: number | null };
export type EventInput = { slug: string; title: string; location: string | null; startsAt: string | null; endsAt: string | null; letterGoal: number | null };

export type CaseAsk = 'RELEASE' | 'PROTECT' | 'CHANGE_LAW';
export type CaseStatus = 'AT_RISK' | 'GOOD_NEWS';
export type AdminCase = {
  slug: string;
  name: string;
  country: string;
  countryCode: string | null;
  reason: string;
  ask: CaseAsk;
  status: CaseStatus;
  statusNote: string | null;
  about: string | null;
  appealAddress: string | null;
  cardAddress: string | null;
  goal: number | null;
};
export type CaseInput = AdminCase;

const KIT_ORDER_FIELDS = /* GraphQL */ `
  reference status kits language deliveryMethod
  contactName contactEmail addressLine1 addressLine2 postalCode city countryCode
  faculty { name } pickupPoint { name } createdAt erasedAt
  history { fromStatus toStatus note changedAt }
  emails { kind status attempts lastError sentAt }
`;
const EVENT_FIELDS = 'slug title location startsAt endsAt letterGoal';
const CASE_FIELDS = 'slug name country countryCode reason ask status statusNote about appealAddress cardAddress goal';

export const CHECK_VIEWER: Operation = {
  operationName: 'CheckViewer',
  query: /* GraphQL */ `
    query CheckViewer {
      viewer { role faculty { slug name } }
    }
  `,
};
export type CheckViewerResult = { viewer: Viewer };

export const REDEEM_SIGN_IN_CODE: Operation = {
  operationName: 'RedeemSignInCode',
  query: /* GraphQL */ `
    mutation RedeemSignInCode($code: String!) {
      redeemSignInCode(code: $code) { token }
    }
  `,
};
export type RedeemSignInCodeResult = { redeemSignInCode: { token: string } };

export const LIST_CAMPAIGNS: Operation = {
  operationName: 'ListCampaigns',
  query: /* GraphQL */ `
    query ListCampaigns {
      campaigns { slug title current }
    }
  `,
};
export type ListCampaignsResult = { campaigns: AdminCampaign[] };

export type KitOrderFilter = { campaign: string | null; status: KitOrderStatus | null; search: string | null };

export const LIST_KIT_ORDERS: Operation = {
  operationName: 'ListKitOrders',
  query: /* GraphQL */ `
    query ListKitOrders($filter: KitOrderFilter, $first: Int!, $after: String) {
      kitOrderEmails
      kitOrders(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { cursor node { ${KIT_ORDER_FIELDS} } }
      }
    }
  `,
};
export type ListKitOrdersResult = {
  kitOrderEmails: boolean;
  kitOrders: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { cursor: string; node: AdminKitOrder }[] };
};

export const GET_KIT_ORDER: Operation = {
  operationName: 'GetKitOrder',
  query: /* GraphQL */ `
    query GetKitOrder($reference: String!) {
      kitOrder(reference: $reference) { ${KIT_ORDER_FIELDS} }
    }
  `,
};
export type GetKitOrderResult = { kitOrder: AdminKitOrder };

export const UPDATE_KIT_ORDER_STATUS: Operation = {
  operationName: 'UpdateKitOrderStatus',
  query: /* GraphQL */ `
    mutation UpdateKitOrderStatus($reference: String!, $status: KitOrderStatus!, $note: String) {
      updateKitOrderStatus(reference: $reference, status: $status, note: $note) { ${KIT_ORDER_FIELDS} }
    }
  `,
};
export type UpdateKitOrderStatusResult = { updateKitOrderStatus: AdminKitOrder };

export const UPDATE_KIT_ORDER_STATUSES: Operation = {
  operationName: 'UpdateKitOrderStatuses',
  query: /* GraphQL */ `
    mutation UpdateKitOrderStatuses($references: [String!]!, $status: KitOrderStatus!) {
      updateKitOrderStatuses(references: $references, status: $status) {
        reference changed error
        kitOrder { ${KIT_ORDER_FIELDS} }
      }
    }
  `,
};
export type KitOrderStatusOutcome = { reference: string; changed: boolean; error: string | null; kitOrder: AdminKitOrder | null };
export type UpdateKitOrderStatusesResult = { updateKitOrderStatuses: KitOrderStatusOutcome[] };

export const ERASE_KIT_ORDER_CONTACT: Operation = {
  operationName: 'EraseKitOrderContact',
  query: /* GraphQL */ `
    mutation EraseKitOrderContact($email: String!) {
      eraseKitOrderContact(email: $email)
    }
  `,
};
export type EraseKitOrderContactResult = { eraseKitOrderContact: number };

export const LIST_ADMIN_EVENTS: Operation = {
  operationName: 'ListAdminEvents',
  query: /* GraphQL */ `
    query ListAdminEvents($campaign: String) {
      events(campaign: $campaign) { ${EVENT_FIELDS} }
    }
  `,
};
export type ListAdminEventsResult = { events: AdminEvent[] };

export const CREATE_EVENT: Operation = {
  operationName: 'CreateEvent',
  query: /* GraphQL */ `
    mutation CreateEvent($campaign: String, $input: EventInput!) {
      createEvent(campaign: $campaign, input: $input) { ${EVENT_FIELDS} }
    }
  `,
};
export type CreateEventResult = { createEvent: AdminEvent };

export const UPDATE_EVENT: Operation = {
  operationName: 'UpdateEvent',
  query: /* GraphQL */ `
    mutation UpdateEvent($slug: String!, $input: EventInput!) {
      updateEvent(slug: $slug, input: $input) { ${EVENT_FIELDS} }
    }
  `,
};
export type UpdateEventResult = { updateEvent: AdminEvent };

export const LIST_ADMIN_CASES: Operation = {
  operationName: 'ListAdminCases',
  query: /* GraphQL */ `
    query ListAdminCases($campaign: String) {
      cases(campaign: $campaign) { ${CASE_FIELDS} }
    }
  `,
};
export type ListAdminCasesResult = { cases: AdminCase[] };

export const CREATE_CASE: Operation = {
  operationName: 'CreateCase',
  query: /* GraphQL */ `
    mutation CreateCase($campaign: String, $input: CaseInput!) {
      createCase(campaign: $campaign, input: $input) { ${CASE_FIELDS} }
    }
  `,
};
export type CreateCaseResult = { createCase: AdminCase };

export const UPDATE_CASE: Operation = {
  operationName: 'UpdateCase',
  query: /* GraphQL */ `
    mutation UpdateCase($campaign: String, $slug: String!, $input: CaseInput!) {
      updateCase(campaign: $campaign, slug: $slug, input: $input) { ${CASE_FIELDS} }
    }
  `,
};
export type UpdateCaseResult = { updateCase: AdminCase };
