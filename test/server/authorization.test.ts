import { once } from 'node:events';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchTotals, websocketUrl } from '../support/live.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

type Who = 'public' | 'partner' | 'organiser';
const everyone: Who[] = ['public', 'partner', 'organiser'];
const partners: Who[] = ['partner', 'organiser'];
const organisers: Who[] = ['organiser'];

const kitInput = (email: string) => ({
  name: 'Matrix Person',
  email,
  kits: 1,
  language: 'en',
  delivery: { method: 'PICKUP', pickupPoint: 'etterbeek-student-hub' },
  consent: true,
});

/** Every query, mutation and personal-data field, and who may use it. */
const matrix: [string, Who[], string, Record<string, unknown>?][] = [
  ['campaigns', everyone, '{ campaigns { slug } }'],
  ['campaign', everyone, '{ campaign { slug cases { slug } } }'],
  ['cases', everyone, '{ cases { slug status } }'],
  ['case', everyone, '{ case(slug: "zhang-zhan") { name about appealAddress } }'],
  ['faculties', everyone, '{ faculties { slug } }'],
  ['events', everyone, '{ events { slug } }'],
  ['totals', everyone, '{ totals { total } }'],
  ['pickupPoints', everyone, '{ pickupPoints { slug } }'],
  ['kitOrderConsent', everyone, '{ kitOrderConsent }'],
  ['viewer', everyone, '{ viewer { role } }'],
  ['publicUrl', everyone, '{ publicUrl }'],
  ['submitPledge', everyone, 'mutation($input: PledgeInput!) { submitPledge(input: $input) { id } }', { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) }],
  ['orderKit', everyone, 'mutation($input: KitOrderInput!) { orderKit(input: $input) { reference } }', { input: kitInput('matrix@vub.be') }],
  ['timeline', partners, '{ timeline(interval: HOUR) { start total } }'],
  ['facultyLeaderboard', partners, '{ facultyLeaderboard { faculty { slug } pledgesLabel } }'],
  ['pledgeLines', partners, '{ pledgeLines(first: 5) { edges { node { appealLetters } } } }'],
  ['kitOrders', organisers, '{ kitOrders { totalCount edges { node { reference } } } }'],
  ['kitOrders contact fields', organisers, '{ kitOrders { edges { node { contactName contactEmail addressLine1 postalCode city } } } }'],
  ['kitOrder', organisers, '{ kitOrder(reference: "KIT-NONE00") { reference } }'],
  ['updateKitOrderStatus', organisers, 'mutation { updateKitOrderStatus(reference: "KIT-NONE00", status: PACKED) { status } }'],
  ['eraseKitOrderContact', organisers, 'mutation { eraseKitOrderContact(email: "nobody@vub.be") }'],
  ['purgeDeliveredKitOrderContacts', organisers, 'mutation { purgeDeliveredKitOrderContacts(campaign: "write-for-rights-2026") }'],
  ['recentPledges', organisers, '{ recentPledges(first: 5) { edges { node { id total voided } } } }'],
  ['voidPledge', organisers, 'mutation { voidPledge(id: "999999", reason: "matrix") { id } }'],
  ['restorePledge', organisers, 'mutation { restorePledge(id: "999999", reason: "matrix") { id } }'],
  ['apiTokens', organisers, '{ apiTokens { id name } }'],
  ['createApiToken', organisers, 'mutation { createApiToken(input: { name: "x", role: ORGANISER }) { token } }'],
  ['revokeApiToken', organisers, 'mutation { revokeApiToken(id: 999999) { id } }'],
  ['createCampaign', organisers, 'mutation { createCampaign(input: { slug: "w4r-2027", title: "Write for Rights 2027" }) { slug } }'],
  ['updateCampaign', organisers, 'mutation { updateCampaign(slug: "write-for-rights-2026", input: { letterGoal: 6000 }) { letterGoal } }'],
  ['setCurrentCampaign', organisers, 'mutation { setCurrentCampaign(slug: "write-for-rights-2026") { current } }'],
  ['createCase', organisers, 'mutation { createCase(input: { slug: "new-case", name: "New", country: "Belgium", reason: "testing" }) { slug } }'],
  ['updateCase', organisers, 'mutation { updateCase(slug: "zhang-zhan", input: { statusNote: null }) { slug } }'],
  ['createEvent', organisers, 'mutation { createEvent(input: { slug: "matrix-event", title: "Matrix", startsAt: "2026-12-01T10:00:00Z", endsAt: "2026-12-01T12:00:00Z" }) { slug } }'],
  ['updateEvent', organisers, 'mutation { updateEvent(slug: "human-rights-day-2026", input: { location: "Aula Q" }) { location } }'],
  ['createFaculty', organisers, 'mutation { createFaculty(input: { slug: "matrix-faculty", name: "Matrix" }) { slug } }'],
  ['updateFaculty', organisers, 'mutation { updateFaculty(slug: "engineering", input: { partner: true }) { slug } }'],
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
    const response = await sut.gql('{ totals { total } }', undefined, { authorization: 'Bearer wm_not-a-real-token' });
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
    await sut.gql('mutation($input: KitOrderInput!) { orderKit(input: $input) { reference } }', { input: kitInput('pii-probe@vub.be') });
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
    const organiserView = await sut.gql('{ kitOrders(filter: { search: "pii-probe" }) { edges { node { contactEmail } } } }', undefined, headers.organiser);
    expect(organiserView.data!.kitOrders.edges[0].node.contactEmail).toBe('pii-probe@vub.be');
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
