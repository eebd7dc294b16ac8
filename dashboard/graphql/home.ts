import { type Operation } from './request';

export type HomeCase = { slug: string; name: string; country: string; reason: string };
export type HomeEvent = { slug: string; title: string; location: string | null; startsAt: string; endsAt: string };
export type GetHomePageResult = {
  campaign: { slug: string; title: string; letterGoal: number | null; cases: HomeCase[] } | null;
  events: HomeEvent[];
  totals: { total: number };
};

/**
 * The landing page in one round trip. Plain fetch rather than Apollo: `/` is where phones land
 * first, and it should not pay for the projector's client.
 */
export const GET_HOME_PAGE: Operation = {
  operationName: 'GetHomePage',
  query: /* GraphQL */ `
    query GetHomePage {
      campaign { slug title letterGoal cases { slug name country reason } }
      events { slug title location startsAt endsAt }
      totals { total }
    }
  `,
};
