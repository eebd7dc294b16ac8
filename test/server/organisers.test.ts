import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { CreateEventDocument, EraseKitOrderContactDocument, UpdateCaseDocument, UpdateEventDocument } from '../../dashboard/graphql/generated/admin.js';
import { CreateFacultyDocument } from '../support/generated/catalogue.js';
import {
  GetKitOrderHistoryDocument,
  ListKitOrderReferencesDocument,
  MoveKitOrderDocument,
  PurgeDeliveredKitOrderContactsDocument,
} from '../support/generated/kit-orders.js';
import { TotalsDocument } from '../support/generated/operations.js';
import { GetFacultyStandingsDocument, GetTimelineDocument, ListPledgeLinesDocument } from '../support/generated/partners.js';
import { CreateApiTokenDocument, GetViewerDocument, GetViewerRoleDocument, RevokeApiTokenDocument } from '../support/generated/tokens.js';
import { bearer } from '../support/graphql.js';
import { BY_POST, kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const CAMPAIGN = 'write-for-rights-2026';

describe('organiser and partner tools', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const asOrganiser = <T, V>(document: TypedDocumentString<T, V>, variables?: V) => sut.gql(document, variables, tokens.organiser);
  const orderKit = async (overrides: Parameters<typeof kitOrderInput>[2] = {}) => {
    const { data, errors } = await sut.gql(ORDER_KIT, {
      input: kitOrderInput('Ciham Ali Ahmed', 'ciham@vub.be', { delivery: { method: 'PICKUP', pickupPoint: 'jette-library' }, ...overrides }),
    });
    expect(errors).toBeUndefined();
    return data!.orderKit.reference;
  };

  describe('kit-order status', () => {
    it('follows requested -> packed -> ready for pickup -> delivered, keeping each note', async () => {
      const reference = await orderKit();
      for (const [status, note] of [['PACKED', 'Packed by Lies'], ['READY_FOR_PICKUP', null], ['DELIVERED', 'Picked up']] as const) {
        const { errors } = await asOrganiser(MoveKitOrderDocument, { reference, status, note });
        expect(errors).toBeUndefined();
      }
      const { data } = await asOrganiser(GetKitOrderHistoryDocument, { reference });
      expect(data!.kitOrder.status).toBe('DELIVERED');
      expect(data!.kitOrder.history).toEqual([
        { fromStatus: 'REQUESTED', toStatus: 'PACKED', note: 'Packed by Lies' },
        { fromStatus: 'PACKED', toStatus: 'READY_FOR_PICKUP', note: null },
        { fromStatus: 'READY_FOR_PICKUP', toStatus: 'DELIVERED', note: 'Picked up' },
      ]);
    });

    it.each([
      ['requested', [], 'DELIVERED', /requested can only become packed or cancelled/],
      ['a pickup order', ['PACKED'], 'SHIPPED', /packed can only become ready for pickup or cancelled/],
      ['delivered', ['PACKED', 'READY_FOR_PICKUP', 'DELIVERED'], 'CANCELLED', /delivered cannot change any more/],
      ['cancelled', ['CANCELLED'], 'PACKED', /cancelled cannot change any more/],
    ] as const)('refuses a wrong step from %s, and changes nothing', async (_from, path, to, message) => {
      const reference = await orderKit();
      for (const status of path) expect((await asOrganiser(MoveKitOrderDocument, { reference, status })).errors).toBeUndefined();
      const [before] = await sut.sql('SELECT status, (SELECT count(*)::int FROM kit_order_status_change) AS changes FROM kit_order WHERE reference = $1', [reference]);
      const { errors } = await asOrganiser(MoveKitOrderDocument, { reference, status: to });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
      expect(errors![0]!.message).toMatch(message);
      const [after] = await sut.sql('SELECT status, (SELECT count(*)::int FROM kit_order_status_change) AS changes FROM kit_order WHERE reference = $1', [reference]);
      expect(after).toEqual(before);
    });

    it('cancels from any step before delivered, and ships postal orders', async () => {
      const postal = await orderKit({ delivery: BY_POST });
      for (const status of ['PACKED', 'SHIPPED', 'CANCELLED'] as const) expect((await asOrganiser(MoveKitOrderDocument, { reference: postal, status })).errors).toBeUndefined();
    });

    it('answers NOT_FOUND for an unknown reference', async () => {
      const { errors } = await asOrganiser(MoveKitOrderDocument, { reference: 'KIT-NOPE00', status: 'PACKED' });
      expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    });
  });

  it('lists kit orders a page at a time, oldest first, with filters', async () => {
    const references = [await orderKit({ email: 'page-a@vub.be' }), await orderKit({ email: 'page-b@vub.be' }), await orderKit({ email: 'page-c@vub.be' })];
    const page = { filter: { search: 'page-' }, first: 2 };
    const first = (await asOrganiser(ListKitOrderReferencesDocument, page)).data!.kitOrders;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await asOrganiser(ListKitOrderReferencesDocument, { ...page, after: first.pageInfo.endCursor })).data!.kitOrders;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.reference)).toEqual(references);
  });

  it("erases a person's contact data on request, and the order stays counted", async () => {
    const reference = await orderKit({ email: 'Erase.Me@vub.be', name: 'Erase Me' });
    const { data } = await asOrganiser(EraseKitOrderContactDocument, { email: 'erase.me@VUB.be' });
    expect(data!.eraseKitOrderContact).toBe(1);
    const [row] = await sut.sql('SELECT contact_name, contact_email, kits, erased_at FROM kit_order WHERE reference = $1', [reference]);
    expect(row).toMatchObject({ contact_name: null, contact_email: null, kits: 2 });
    expect(row.erased_at).not.toBeNull();
  });

  it("purges the contacts of a finished campaign's delivered orders only", async () => {
    const refused = await asOrganiser(PurgeDeliveredKitOrderContactsDocument, { campaign: CAMPAIGN });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaign' });

    const delivered = await orderKit({ email: 'purge-delivered@vub.be' });
    const open = await orderKit({ email: 'purge-open@vub.be' });
    for (const status of ['PACKED', 'READY_FOR_PICKUP', 'DELIVERED'] as const) await asOrganiser(MoveKitOrderDocument, { reference: delivered, status });
    await sut.sql(`UPDATE campaign SET ends_on = current_date - 1 WHERE slug = 'write-for-rights-2026'`);
    const { data } = await asOrganiser(PurgeDeliveredKitOrderContactsDocument, { campaign: CAMPAIGN });
    expect(data!.purgeDeliveredKitOrderContacts).toBeGreaterThanOrEqual(1);
    const rows = await sut.sql('SELECT reference, contact_email FROM kit_order WHERE reference = ANY($1)', [[delivered, open]]);
    expect(Object.fromEntries(rows.map((row) => [row.reference, row.contact_email]))).toEqual({ [delivered]: null, [open]: 'purge-open@vub.be' });
    await sut.sql(`UPDATE campaign SET ends_on = '2026-12-20' WHERE slug = 'write-for-rights-2026'`);
  });

  it('stops a revoked token at once', async () => {
    const created = await asOrganiser(CreateApiTokenDocument, { input: { name: 'Short-lived', role: 'PARTNER', faculty: 'engineering' } });
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^wm_/);
    const headers = bearer(token);
    expect((await sut.gql(GetViewerDocument, {}, headers)).data!.viewer).toEqual({ role: 'PARTNER', faculty: { slug: 'engineering' } });
    const [{ token_hash }] = await sut.sql('SELECT token_hash FROM api_token WHERE id = $1', [apiToken.id]);
    expect(token_hash).not.toContain(token); // only its hash is kept
    await asOrganiser(RevokeApiTokenDocument, { id: apiToken.id });
    const after = await sut.gql(GetViewerRoleDocument, {}, headers);
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('exports totals per case and faculty as CSV that reads back exactly, names with commas and quotes included', async () => {
    await asOrganiser(CreateFacultyDocument, { input: { slug: 'quotes', name: 'Law, "Order" and Rights' } });
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'ciham-ali-ahmed', appealLetters: 3, solidarityCards: 1 }], { faculty: 'quotes' }) });
    const response = await fetch(new URL('/export/totals.csv', sut.url), { headers: tokens.organiser });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((r) => r.case === 'Ciham Ali Ahmed' && r.faculty === 'Law, "Order" and Rights');
    expect(row).toEqual({
      campaign: 'write-for-rights-2026',
      event: '',
      case_slug: 'ciham-ali-ahmed',
      case: 'Ciham Ali Ahmed',
      country: 'Eritrea',
      faculty_slug: 'quotes',
      faculty: 'Law, "Order" and Rights',
      appeal_letters: '3',
      solidarity_cards: '1',
      total: '4',
      note: '',
    });
    // The cases of all faculties together are a file of their own, never rows among these.
    const cases = parse(await (await fetch(new URL('/export/cases.csv', sut.url), { headers: tokens.organiser })).text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(cases.find((r) => r.case === 'Ciham Ali Ahmed')!.total).toBe('4');
  });

  it('exports kit orders for fulfilment as CSV', async () => {
    const reference = await orderKit({ name: 'Zoë "Z" Peeters, jr.', email: 'zoe@vub.be' });
    const response = await fetch(new URL('/export/kit-orders.csv?status=requested', sut.url), { headers: tokens.organiser });
    const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.reference === reference)).toMatchObject({ contact_name: 'Zoë "Z" Peeters, jr.', contact_email: 'zoe@vub.be', status: 'requested', pickup_point: 'Library desk, health campus Jette' });
  });

  describe('partner aggregates', () => {
    it('show a faculty with fewer than 5 pledges as "fewer than 5" (with numbers for its own partner only), and rank the others', async () => {
      for (let i = 0; i < 5; i++) {
        await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 1 }], { faculty: 'medicine-pharmacy' }) });
      }
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { faculty: 'engineering' }) });
      // Five students who named no faculty: what the campaign total leaves beside the faculties
      // shown is then 5 or more, so no faculty is withheld as cover for the small ones
      // (test/server/small-group-differencing.test.ts).
      for (let i = 0; i < 5; i++) await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'janna-jihad', appealLetters: 1, solidarityCards: 0 }]) });
      const { data } = await sut.gql(GetFacultyStandingsDocument, {}, tokens.partner);
      const standings = data!.facultyLeaderboard;
      expect(standings.find((s) => s.faculty.slug === 'medicine-pharmacy')).toEqual({ rank: 1, faculty: { slug: 'medicine-pharmacy' }, pledgesLabel: '5', pledges: 5, total: 10, fewerThanFive: false });
      // The partner token belongs to engineering: it sees its own small numbers, unranked.
      expect(standings.find((s) => s.faculty.slug === 'engineering')).toEqual({ rank: null, faculty: { slug: 'engineering' }, pledgesLabel: 'fewer than 5', pledges: 1, total: 1, fewerThanFive: true });
      const other = standings.find((s) => s.faculty.slug === 'quotes');
      expect(other).toEqual({ rank: null, faculty: { slug: 'quotes' }, pledgesLabel: 'fewer than 5', pledges: null, total: null, fewerThanFive: true });
    });

    it("give a partner its own faculty's pledge lines only, a page at a time", async () => {
      const first = (await sut.gql(ListPledgeLinesDocument, { first: 1 }, tokens.partner)).data!.pledgeLines;
      expect(first.edges).toHaveLength(1);
      expect(first.edges[0]!.node.faculty).toEqual({ slug: 'engineering' });
      expect(Object.keys(first.edges[0]!.node).sort()).toEqual(['appealLetters', 'case', 'createdAt', 'event', 'faculty', 'solidarityCards']);
      const other = await sut.gql(ListPledgeLinesDocument, { faculty: 'medicine-pharmacy' }, tokens.partner);
      expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const all = (await asOrganiser(ListPledgeLinesDocument, { first: 1000 })).data!.pledgeLines.edges;
      expect(new Set(all.map((edge) => edge.node.faculty?.slug))).toContain('medicine-pharmacy');
    });

    it('chart letters per day and per hour, adding up to the totals', async () => {
      const timeline = async (variables: { interval?: 'DAY' | 'HOUR'; timeZone?: string }) => (await sut.gql(GetTimelineDocument, variables, tokens.partner)).data!.timeline;
      const { total } = (await sut.gql(TotalsDocument, {}, tokens.partner)).data!.totals;
      const sum = (buckets: { total: number | null }[]) => buckets.reduce((s, b) => s + (b.total ?? 0), 0);
      expect(sum(await timeline({ interval: 'DAY' }))).toBe(total);
      expect(sum(await timeline({ interval: 'HOUR', timeZone: 'UTC' }))).toBe(total);
      const bad = await sut.gql(GetTimelineDocument, { timeZone: 'Mars/Olympus' }, tokens.partner);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    });
  });

  it('edits events and cases, and refuses a taken slug on its field', async () => {
    const updated = await asOrganiser(UpdateCaseDocument, {
      slug: 'bernardo-caal-xol',
      input: { status: 'GOOD_NEWS', statusNote: 'Released in 2022', appealAddress: 'Presidente de la República, Guatemala' },
    });
    expect(updated.data!.updateCase).toMatchObject({ status: 'GOOD_NEWS', statusNote: 'Released in 2022', appealAddress: 'Presidente de la República, Guatemala', name: 'Bernardo Caal Xol' });
    const taken = await asOrganiser(CreateEventDocument, {
      input: { slug: 'human-rights-day-2026', title: 'Again', startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T12:00:00Z' },
    });
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    const backwards = await asOrganiser(UpdateEventDocument, { slug: 'human-rights-day-2026', input: { endsAt: '2026-12-01T00:00:00Z' } });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
  });
});
