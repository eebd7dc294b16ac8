import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateEventDocument } from '../../dashboard/graphql/generated/admin.js';
import { EVENT_PLEDGE_GRACE_MS } from '../../server/pledges/pledge.rules.js';
import { PLEDGE_TABLE_COUNTS, SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const HOUR = 60 * 60 * 1000;

describe('pledges naming an event that has ended', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  // The evenings are placed around the real time: this server runs on the real clock.
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const evenings = {
    ended: { startsAt: at(-6 * HOUR), endsAt: at(-EVENT_PLEDGE_GRACE_MS - HOUR) },
    'just-ended': { startsAt: at(-3 * HOUR), endsAt: at(-EVENT_PLEDGE_GRACE_MS + HOUR) },
    open: { startsAt: at(-HOUR), endsAt: at(HOUR) },
  };

  beforeAll(async () => {
    sut = await startServer({}, { clock: () => new Date() });
    tokens = await createTokens(sut);
    for (const [slug, times] of Object.entries(evenings)) {
      const { errors } = await sut.gql(CreateEventDocument, { input: { slug, title: `Evening ${slug}`, ...times } }, tokens.organiser);
      expect(errors, JSON.stringify(errors)).toBeUndefined();
    }
  });
  afterAll(() => sut?.stop());

  const line = [{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }];
  const counts = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];
  const eventTotal = async (event: string) => (await sut.gql(TOTALS, { event })).data!.totals.total;

  it('refuses an anonymous pledge for an event that ended more than the grace period ago, and stores nothing', async () => {
    const before = await counts();
    const { data, errors } = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(line, { event: 'ended' }) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.event' });
    expect(errors![0]!.message).toBe('The event "ended" has ended: pledges for it were taken until 2 hours after its end.');
    expect(await counts()).toEqual(before);
    expect(await eventTotal('ended')).toBe(0);
  });

  it('takes pledges during the grace period after the end, and while the event runs', async () => {
    for (const event of ['just-ended', 'open']) {
      const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(line, { event }) });
      expect(errors, event).toBeUndefined();
      expect(await eventTotal(event), event).toBe(3);
    }
  });

  it('counts a pledge made during the event and sent later from the phone’s queue, once', async () => {
    const queued = { ...pledgeInput(line, { event: 'ended' }), madeAt: at(-EVENT_PLEDGE_GRACE_MS - 2 * HOUR) };
    const first = await sut.gql(SUBMIT_PLEDGE, { input: queued });
    expect(first.errors).toBeUndefined();
    expect(await eventTotal('ended')).toBe(3);
    // The service worker's copy of the same request, replayed later still: the same pledge, counted once.
    const before = await counts();
    const replay = await sut.gql(SUBMIT_PLEDGE, { input: queued });
    expect(replay.data!.submitPledge).toEqual(first.data!.submitPledge);
    // A copy without its time (an older page) gets the counted pledge back too, not a refusal.
    const { madeAt: _madeAt, ...untimed } = queued;
    const copy = await sut.gql(SUBMIT_PLEDGE, { input: untimed });
    expect(copy.data!.submitPledge).toEqual(first.data!.submitPledge);
    expect(await counts()).toEqual(before);
  });

  it('refuses a queued pledge made after the grace period, and takes a phone clock running ahead as now', async () => {
    const late = { ...pledgeInput(line, { event: 'ended' }), madeAt: at(-HOUR / 2) };
    expect((await sut.gql(SUBMIT_PLEDGE, { input: late })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.event' });
    const ahead = { ...pledgeInput(line, { event: 'ended' }), madeAt: at(24 * HOUR) };
    expect((await sut.gql(SUBMIT_PLEDGE, { input: ahead })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.event' });
    const aheadOpen = { ...pledgeInput(line, { event: 'open' }), madeAt: at(24 * HOUR) };
    expect((await sut.gql(SUBMIT_PLEDGE, { input: aheadOpen })).errors).toBeUndefined();
  });

  it('refuses the ended event among good pledges of the same batch, and the others count', async () => {
    const good = pledgeInput(line, { event: 'open' });
    const bad = pledgeInput(line, { event: 'ended' });
    const before = await eventTotal('open');
    const [ok, refused] = await Promise.all([sut.gql(SUBMIT_PLEDGE, { input: good }), sut.gql(SUBMIT_PLEDGE, { input: bad })]);
    expect(ok.errors).toBeUndefined();
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'input.event' });
    expect(await eventTotal('open')).toBe(before + 3);
    expect(await sut.sql('SELECT 1 FROM pledge WHERE client_key = $1', [bad.clientKey])).toEqual([]);
  });

  it('leaves organisers’ pledges for an ended event alone: they enter the paper counts afterwards', async () => {
    const before = await eventTotal('ended');
    const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: { clientKey: randomUUID(), event: 'ended', lines: [{ case: 'zhang-zhan', appealLetters: 120, solidarityCards: 40 }] } }, tokens.organiser);
    expect(errors).toBeUndefined();
    expect(await eventTotal('ended')).toBe(before + 160);
  });

  it('refuses a time that is not a date', async () => {
    const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: { ...pledgeInput(line, { event: 'open' }), madeAt: 'yesterday' } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
