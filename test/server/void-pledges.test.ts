import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_PLEDGE_LIMITS, ORGANISER_PLEDGE_LIMITS } from '../../server/pledges/pledge.rules.js';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { ListRecentPledgesDocument, RestorePledgeDocument, VoidPledgeDocument } from '../../dashboard/graphql/generated/admin.js';
import { GetFacultyStandingsDocument, GetTimelineDocument, ListPledgeLinesDocument } from '../support/generated/partners.js';
import { watchTotals } from '../support/live.js';
import { pledgeInput, SUBMIT_PLEDGE, TOTALS } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const EVENT = 'human-rights-day-2026';
const FACULTY = 'law-criminology';

const leftovers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((close) => close().catch(() => undefined)));
});

// What /admin's Pledges tab sends.
const RECENT = ListRecentPledgesDocument;
const VOID = VoidPledgeDocument;
const RESTORE = RestorePledgeDocument;

describe('per-pledge limits', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const line = (slug: string, appealLetters: number, solidarityCards = 0) => ({ case: slug, appealLetters, solidarityCards });

  it('refuse an anonymous line or pledge over the limits, on the field, and store nothing', async () => {
    const overLine = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([line('zhang-zhan', ANONYMOUS_PLEDGE_LIMITS.perLine + 1)]) });
    expect(overLine.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.appealLetters' });
    expect(overLine.errors![0]!.message).toBe(`At most ${ANONYMOUS_PLEDGE_LIMITS.perLine} appeal letters per person in one pledge.`);

    const slugs = ['zhang-zhan', 'anna-and-vira', 'janna-jihad'];
    const overPledge = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(slugs.map((slug) => line(slug, ANONYMOUS_PLEDGE_LIMITS.perLine))) });
    expect(overPledge.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines' });
    expect(overPledge.errors![0]!.message).toMatch(new RegExp(`At most ${ANONYMOUS_PLEDGE_LIMITS.perPledge} letters and cards`));
    expect((await sut.sql('SELECT count(*)::int AS n FROM pledge'))[0]!.n).toBe(0);
  });

  it("let an organiser enter a whole table's letters at once, within the organiser limits", async () => {
    const table = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([line('zhang-zhan', 400, 120), line('anna-and-vira', 250)]) }, tokens.organiser);
    expect(table.errors).toBeUndefined();
    expect(table.data!.submitPledge.total).toBe(770);
    const tooMuch = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([line('zhang-zhan', ORGANISER_PLEDGE_LIMITS.perLine + 1)]) }, tokens.organiser);
    expect(tooMuch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.appealLetters' });
    // A partner's token is no organiser's: the anonymous limits apply.
    const partner = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([line('zhang-zhan', 400)]) }, tokens.partner);
    expect(partner.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('voidPledge and restorePledge', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  let organiserTokenId: number;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
    [{ id: organiserTokenId }] = await sut.sql<{ id: number }>(`SELECT id FROM api_token WHERE name = 'Test organiser'`);
    for (let i = 0; i < 6; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'janna-jihad', appealLetters: 1, solidarityCards: 1 }], { event: EVENT, faculty: FACULTY }) });
    }
  });
  afterAll(() => sut?.stop());

  const asOrganiser = <T, V>(document: TypedDocumentString<T, V>, variables?: V) => sut.gql(document, variables, tokens.organiser);
  /** Every number a voided pledge must leave. */
  async function everyFigure() {
    const totals = async (variables: Record<string, string>) => (await sut.gql(TOTALS, variables)).data!.totals.total;
    const timeline = (await sut.gql(GetTimelineDocument, { interval: 'DAY' }, tokens.organiser)).data!.timeline;
    const lines = (await sut.gql(ListPledgeLinesDocument, { first: 1000 }, tokens.organiser)).data!.pledgeLines.edges;
    const leaderboard = (await sut.gql(GetFacultyStandingsDocument, {}, tokens.organiser)).data!.facultyLeaderboard;
    const csv = parse(await (await fetch(new URL('/export/cases.csv', sut.url), { headers: tokens.organiser })).text(), { columns: true, bom: true }) as Record<string, string>[];
    return {
      campaign: await totals({}),
      event: await totals({ event: EVENT }),
      faculty: await totals({ faculty: FACULTY }),
      eventAndFaculty: await totals({ event: EVENT, faculty: FACULTY }),
      timeline: timeline.reduce((sum, bucket) => sum + (bucket.total ?? 0), 0),
      pledgeLines: lines.reduce((sum, edge) => sum + edge.node.appealLetters + edge.node.solidarityCards, 0),
      leaderboard: leaderboard.find((row) => row.faculty.slug === FACULTY)!.total,
      csv: Number(csv.find((row) => row.case === 'Zhang Zhan')?.total ?? 0),
    };
  }

  it('takes a bad pledge out of every total, tally, list, CSV and the live screen at once; keeps who, why and when; and restores it', async () => {
    const bad = pledgeInput([{ case: 'zhang-zhan', appealLetters: 20, solidarityCards: 20 }], { event: EVENT, faculty: FACULTY });
    expect((await sut.gql(SUBMIT_PLEDGE, { input: bad })).errors).toBeUndefined();
    const before = await everyFigure();
    expect(before).toMatchObject({ campaign: 52, event: 52, faculty: 52, eventAndFaculty: 52, timeline: 52, pledgeLines: 52, leaderboard: 52, csv: 40 });

    const watcher = watchTotals(sut.url, { event: EVENT });
    leftovers.push(() => watcher.close());
    expect((await watcher.waitFor(() => true)).total).toBe(52);

    // The organiser finds it first in the event's latest pledges.
    const recent = (await asOrganiser(RECENT, { event: EVENT, first: 3 })).data!.recentPledges;
    const newest = recent.edges[0]!.node;
    expect(newest).toMatchObject({ total: 40, voided: false, event: { slug: EVENT }, faculty: { slug: FACULTY }, lines: [{ case: { slug: 'zhang-zhan' }, appealLetters: 20, solidarityCards: 20 }], corrections: [] });

    const voided = await asOrganiser(VOID, { id: newest.id, reason: 'A script, 40 letters in 2 seconds' });
    expect(voided.errors).toBeUndefined();
    expect(voided.data!.voidPledge).toMatchObject({ id: newest.id, voided: true, corrections: [{ action: 'VOID', reason: 'A script, 40 letters in 2 seconds', tokenId: organiserTokenId }] });
    expect(await everyFigure()).toEqual({ campaign: 12, event: 12, faculty: 12, eventAndFaculty: 12, timeline: 12, pledgeLines: 12, leaderboard: 12, csv: 0 });
    const live = await watcher.waitFor((totals) => totals.total === 12, 1);
    expect(live.pledges).toBe(6);

    // The phone that sent it retries: the same pledge comes back, and nothing is counted again.
    const replay = await sut.gql(SUBMIT_PLEDGE, { input: bad });
    expect(replay.errors).toBeUndefined();
    expect((await everyFigure()).campaign).toBe(12);

    // Voiding twice is refused on its field; a reason is needed; unknown ids are NOT_FOUND.
    expect((await asOrganiser(VOID, { id: newest.id, reason: 'again' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await asOrganiser(RESTORE, { id: newest.id, reason: '  ' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await asOrganiser(VOID, { id: '999999', reason: 'x' })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });

    const restored = await asOrganiser(RESTORE, { id: newest.id, reason: 'It was a real table after all' });
    expect(restored.data!.restorePledge).toMatchObject({ voided: false, corrections: [{ action: 'VOID' }, { action: 'RESTORE', reason: 'It was a real table after all' }] });
    expect(await everyFigure()).toEqual(before);
    await watcher.waitFor((totals) => totals.total === 52, 1);
  });

  it('are for organisers only, and list pledges newest first a page at a time', async () => {
    const id = (await asOrganiser(RECENT, { first: 1 })).data!.recentPledges.edges[0]!.node.id;
    for (const headers of [{}, tokens.partner]) {
      expect((await sut.gql(VOID, { id, reason: 'x' }, headers)).errors![0]!.extensions!.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      expect((await sut.gql(RECENT, { first: 1 }, headers)).errors![0]!.extensions!.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    }
    const first = (await asOrganiser(RECENT, { first: 4 })).data!.recentPledges;
    const second = (await asOrganiser(RECENT, { first: 4, after: first.pageInfo.endCursor })).data!.recentPledges;
    const ids = [...first.edges, ...second.edges].map((edge) => Number(edge.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(7);
  });
});
