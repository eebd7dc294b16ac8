import { once } from 'node:events';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { ListKitOrdersDocument } from '../../dashboard/graphql/generated/admin.js';
import {
  AllCampaignsDocument,
  AllCasesDocument,
  AllEventsDocument,
  AllFacultiesDocument,
  AllPickupPointsDocument,
  ApiTokensDocument,
  CampaignTotalDocument,
  ClearStatusNoteDocument,
  ConfirmReasonDocument,
  ContentTextsDocument,
  CreateMatrixCaseDocument,
  CreateMatrixEventDocument,
  CreateMatrixFacultyDocument,
  CreateNextCampaignDocument,
  CreateOrganiserTokenDocument,
  CurrentCampaignDocument,
  EraseNobodysContactDocument,
  FacultyLeaderboardDocument,
  FirstPledgeLinesDocument,
  HourlyTimelineDocument,
  KitOrderConsentDocument,
  KitOrderContactsDocument,
  KitOrderReferencesDocument,
  MakeFacultyPartnerDocument,
  MissingKitOrderDocument,
  MoveEventDocument,
  OneCaseDocument,
  PackMissingKitOrderDocument,
  PublicUrlDocument,
  PurgeDeliveredContactsDocument,
  RecentPledgesDocument,
  RestoreMissingPledgeDocument,
  RevokeMissingTokenDocument,
  SetCampaignGoalDocument,
  SetCurrentCampaignDocument,
  TranslateReasonDocument,
  ViewerRoleDocument,
  VoidMissingPledgeDocument,
} from '../support/generated/authorization.js';
import { kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';
import { watchTotals, websocketUrl } from '../support/live.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

type Who = 'public' | 'partner' | 'organiser';
const everyone: Who[] = ['public', 'partner', 'organiser'];
const partners: Who[] = ['partner', 'organiser'];
const organisers: Who[] = ['organiser'];

const kitInput = (email: string) => kitOrderInput('Matrix Person', email, { kits: 1 });

/** Every query, mutation and personal-data field, and who may use it. */
const matrix: [string, Who[], TypedDocumentString<unknown, any>, Record<string, unknown>?][] = [
  ['campaigns', everyone, AllCampaignsDocument],
  ['campaign', everyone, CurrentCampaignDocument],
  ['cases', everyone, AllCasesDocument],
  ['case', everyone, OneCaseDocument],
  ['faculties', everyone, AllFacultiesDocument],
  ['events', everyone, AllEventsDocument],
  ['totals', everyone, CampaignTotalDocument],
  ['pickupPoints', everyone, AllPickupPointsDocument],
  ['kitOrderConsent', everyone, KitOrderConsentDocument],
  ['viewer', everyone, ViewerRoleDocument],
  ['publicUrl', everyone, PublicUrlDocument],
  ['submitPledge', everyone, SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) }],
  ['orderKit', everyone, ORDER_KIT, { input: kitInput('matrix@vub.be') }],
  ['timeline', partners, HourlyTimelineDocument],
  ['facultyLeaderboard', partners, FacultyLeaderboardDocument],
  ['pledgeLines', partners, FirstPledgeLinesDocument],
  ['kitOrders', organisers, KitOrderReferencesDocument],
  ['kitOrders contact fields', organisers, KitOrderContactsDocument],
  ['kitOrder', organisers, MissingKitOrderDocument],
  ['updateKitOrderStatus', organisers, PackMissingKitOrderDocument],
  ['eraseKitOrderContact', organisers, EraseNobodysContactDocument],
  ['purgeDeliveredKitOrderContacts', organisers, PurgeDeliveredContactsDocument],
  ['recentPledges', organisers, RecentPledgesDocument],
  ['voidPledge', organisers, VoidMissingPledgeDocument],
  ['restorePledge', organisers, RestoreMissingPledgeDocument],
  ['apiTokens', organisers, ApiTokensDocument],
  ['createApiToken', organisers, CreateOrganiserTokenDocument],
  ['revokeApiToken', organisers, RevokeMissingTokenDocument],
  ['createCampaign', organisers, CreateNextCampaignDocument],
  ['updateCampaign', organisers, SetCampaignGoalDocument],
  ['setCurrentCampaign', organisers, SetCurrentCampaignDocument],
  ['createCase', organisers, CreateMatrixCaseDocument],
  ['updateCase', organisers, ClearStatusNoteDocument],
  ['createEvent', organisers, CreateMatrixEventDocument],
  ['updateEvent', organisers, MoveEventDocument],
  ['createFaculty', organisers, CreateMatrixFacultyDocument],
  ['updateFaculty', organisers, MakeFacultyPartnerDocument],
  ['contentTexts', organisers, ContentTextsDocument],
  ['setContentText', organisers, TranslateReasonDocument],
  ['confirmContentText', organisers, ConfirmReasonDocument],
];

describe('authorization', () => {
  let sut: TestServer;
  let headers: Record<Who, Record<string, string>>;
  let partnerToken: string;
  beforeAll(async () => {
    sut = await startServer();
    const tokens = await createTokens(sut);
    headers = { public: {}, partner: tokens.partner, organiser: tokens.organiser };
    partnerToken = tokens.partnerToken;
  });
  afterAll(() => sut?.stop());

  describe.each(matrix)('%s', (_name, allowed, query, variables) => {
    it.each(everyone)('as %s', async (who) => {
      const response = await sut.gql(query, variables, headers[who]);
      const codes = (response.errors ?? []).map((error) => error.extensions?.code);
      if (allowed.includes(who)) {
        expect(codes).not.toContain('UNAUTHENTICATED');
        expect(codes).not.toContain('FORBIDDEN');
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      } else {
        expect(codes).toContain(who === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(response.data).toBeNull();
      }
    });
  });

  it('refuses an unknown token with UNAUTHENTICATED (401), even on public queries', async () => {
    const response = await sut.gql(CampaignTotalDocument, {}, { authorization: 'Bearer wm_not-a-real-token' });
    expect(response.status).toBe(401);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lets everyone subscribe to totalsUpdated, with or without a token', async () => {
    for (const connectionParams of [{}, { token: partnerToken }]) {
      const watcher = watchTotals(sut.url, {}, { connectionParams });
      expect((await watcher.waitFor(() => true)).total).toEqual(expect.any(Number));
      await watcher.close();
    }
  });

  it('closes a WebSocket that brings an invalid token with 4403', async () => {
    const socket = new WebSocket(websocketUrl(sut.url), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { token: 'wm_forged' } }));
    const [code] = await once(socket, 'close');
    expect(code).toBe(4403);
  });

  it('keeps kit-order contacts from partners and the public, in data, errors and logs', async () => {
    await sut.gql(ORDER_KIT, { input: kitInput('pii-probe@vub.be') });
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { faculty: 'engineering' }) });
    const seen: string[] = [];
    for (const who of ['public', 'partner'] as const) {
      for (const [, , query, variables] of matrix) seen.push(JSON.stringify(await sut.gql(query, variables, headers[who])));
      seen.push(await (await fetch(new URL('/export/totals.csv', sut.url), { headers: headers[who] })).text());
      seen.push(await (await fetch(new URL('/export/kit-orders.csv', sut.url), { headers: headers[who] })).text());
    }
    expect(seen.join('\n')).not.toMatch(/pii-probe|Matrix Person/);
    expect(JSON.stringify(sut.logs)).not.toMatch(/pii-probe|Matrix Person/);
    // The organiser does see it, so the probe was real.
    const organiserView = await sut.gql(ListKitOrdersDocument, { filter: { search: 'pii-probe' }, first: 1 }, headers.organiser);
    expect(organiserView.data!.kitOrders.edges[0]!.node.contactEmail).toBe('pii-probe@vub.be');
  });

  it('answers the exports by role: totals for partners and organisers, kit orders for organisers', async () => {
    const status = async (path: string, who: Who) => (await fetch(new URL(path, sut.url), { headers: headers[who] })).status;
    expect(await status('/export/totals.csv', 'public')).toBe(401);
    expect(await status('/export/totals.csv', 'partner')).toBe(200);
    expect(await status('/export/totals.csv', 'organiser')).toBe(200);
    expect(await status('/export/kit-orders.csv', 'public')).toBe(401);
    expect(await status('/export/kit-orders.csv', 'partner')).toBe(403);
    expect(await status('/export/kit-orders.csv', 'organiser')).toBe(200);
  });
});
