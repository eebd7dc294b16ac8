import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetTimelineDocument } from '../support/generated/partners.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const TIMELINE = GetTimelineDocument;

describe('timeline', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }, { case: 'janna-jihad', appealLetters: 0, solidarityCards: 3 }]) });
    // One pledge at 23:30 in Brussels on 25 November, which is 22:30 UTC: a Brussels day, not a UTC one.
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) });
    await sut.sql(`UPDATE pledge SET created_at = '2026-11-25T22:30:00Z' WHERE id = (SELECT max(id) FROM pledge)`);
  });
  afterAll(() => sut?.stop());

  const timeline = async (variables: { interval: 'DAY' | 'HOUR'; timeZone: string; event?: string }) => {
    const { data, errors } = await sut.gql(TIMELINE, variables, tokens.organiser);
    expect(errors).toBeUndefined();
    return data!.timeline;
  };

  it('has every day from the campaign’s first, empty ones included, labelled in the time zone', async () => {
    const days = await timeline({ interval: 'DAY', timeZone: 'Europe/Brussels' });
    // The campaign starts on 20 November; today (the last pledge) ends it so far.
    expect(days[0]).toMatchObject({ label: '2026-11-20T00:00', start: '2026-11-19T23:00:00.000Z', total: 0, pledges: 0, withheld: false });
    const labels = days.map((day) => day.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (let i = 1; i < days.length; i++) expect(Date.parse(days[i]!.start) - Date.parse(days[i - 1]!.start)).toBe(86_400_000);
    expect(days.find((day) => day.label === '2026-11-25T00:00')).toMatchObject({ total: 1, pledges: 1 });
    expect(days.reduce((sum, day) => sum + day.total!, 0)).toBe(7);
    // An event's timeline is its whole time, hour by hour, before it has begun too.
    const hours = await timeline({ interval: 'HOUR', timeZone: 'Europe/Brussels', event: 'human-rights-day-2026' });
    expect(hours.map((hour) => hour.label)).toEqual(['2026-12-10T18:00', '2026-12-10T19:00', '2026-12-10T20:00']);
    expect(hours[0]!.start).toBe('2026-12-10T17:00:00.000Z');
  });

  it('breaks each bucket down per case, zeros included, adding up to the bucket', async () => {
    const days = await timeline({ interval: 'DAY', timeZone: 'Europe/Brussels' });
    for (const day of days) {
      expect(day.cases).toHaveLength(10);
      expect(day.cases.reduce((sum, row) => sum + row.total!, 0)).toBe(day.total);
    }
    const today = days.at(-1)!;
    expect(today.cases.find((row) => row.case.slug === 'janna-jihad')).toMatchObject({ appealLetters: 0, solidarityCards: 3, total: 3 });
  });

  it('refuses an unknown time zone with BAD_USER_INPUT on timeZone', async () => {
    const { errors } = await sut.gql(TIMELINE, { interval: 'DAY', timeZone: 'Mars/Olympus' }, tokens.organiser);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
  });
});
