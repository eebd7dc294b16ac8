import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer.js';
import { SMALL_GROUP_MIN_PLEDGES } from '../../server/totals/small-group.rule.js';
import { ListCasesDocument, ListFacultiesDocument } from '../support/generated/catalogue.js';
import { GetFacultyStandingsDocument, GetTimelineDocument, GetWithheldTotalsDocument } from '../support/generated/partners.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

/*
 * The attacks a person without the right to a faculty's figures would try: take the figures
 * that are shown away from a total that is shown, and read what is left. The small-group rule
 * holds only if what is left is nothing or at least 5 pledges every time.
 */

const EVENT = 'human-rights-day-2026';
/** One pledge at the event. */
const SMALL = 'arts-philosophy';
/** Six pledges at the event. */
const LARGE = 'engineering';
/** Seven pledges at the event and two elsewhere: the two are the event's complement. */
const LAW = 'law-criminology';
/** Eight pledges, none at an event. */
const MEDICINE = 'medicine-pharmacy';
/** The attacker's own faculty: no pledges. */
const ATTACKER = 'sciences-bioengineering';

const TOTALS = GetWithheldTotalsDocument;

/** What is left of a shown total once the shown parts are taken away: must be 0 or at least 5. */
function expectSafeRemainder(remainder: number, what: string) {
  expect(remainder === 0 || remainder >= SMALL_GROUP_MIN_PLEDGES, `${what}: ${remainder} pledges left`).toBe(true);
}

describe('the small-group rule against differencing', () => {
  let sut: TestServer;
  /** Days in UTC, as the attacks' own arithmetic on dates counts them. */
  const timeline = (variables: { faculty?: string; event?: string }, headers: Record<string, string>) =>
    sut.gql(GetTimelineDocument, { interval: 'DAY', timeZone: 'UTC', ...variables }, headers);
  let attacker: Record<string, string>;
  let faculties: string[];

  const pledge = (faculty: string | undefined, event: string | undefined, appealLetters = 1) =>
    sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters, solidarityCards: 1 }], { faculty, event }) });

  beforeAll(async () => {
    sut = await startServer();
    const token = await sut.app.services.tokens.create({ name: 'Sciences dashboard', role: Role.PARTNER, faculty: ATTACKER });
    attacker = { authorization: `Bearer ${token.token}` };
    await pledge(SMALL, EVENT, 3);
    for (let i = 0; i < 6; i++) await pledge(LARGE, EVENT);
    for (let i = 0; i < 7; i++) await pledge(LAW, EVENT);
    for (let i = 0; i < 2; i++) await pledge(LAW, undefined);
    for (let i = 0; i < 8; i++) await pledge(MEDICINE, undefined);
    // Two of Medicine's pledges a day earlier: a day bucket of 2 beside one of 6.
    await sut.sql(
      `UPDATE pledge SET created_at = created_at - interval '1 day'
       WHERE id IN (SELECT id FROM pledge WHERE faculty_id = (SELECT id FROM faculty WHERE slug = $1) ORDER BY id LIMIT 2)`,
      [MEDICINE],
    );
    faculties = (await sut.gql(ListFacultiesDocument)).data!.faculties.map((faculty) => faculty.slug);
  });
  afterAll(() => sut?.stop());

  const totals = async (variables: { event?: string; faculty?: string }, headers: Record<string, string>) => {
    const { data, errors } = await sut.gql(TOTALS, variables, headers);
    expect(errors).toBeUndefined();
    return data!.totals as { withheld: boolean; pledges: number; total: number; appealLetters: number };
  };

  it.each([
    ['the public', () => ({})],
    ["another faculty's partner", () => attacker],
  ])('leaves 0 or at least 5 pledges when %s takes the shown faculties from the campaign and the event totals', async (_who, headers) => {
    for (const event of [undefined, EVENT]) {
      const whole = await totals({ event }, headers());
      let shownPledges = 0;
      let shownTotal = 0;
      for (const faculty of faculties) {
        const part = await totals({ event, faculty }, headers());
        if (!part.withheld) {
          shownPledges += part.pledges;
          shownTotal += part.total;
        }
      }
      expectSafeRemainder(whole.pledges - shownPledges, `totals(${event ?? 'campaign'}) minus the shown faculties`);
      // The same through the leaderboard, which lists every faculty at once.
      const board = (await sut.gql(GetFacultyStandingsDocument, { event }, attacker)).data!.facultyLeaderboard;
      expectSafeRemainder(whole.pledges - board.reduce((sum, row) => sum + (row.pledges ?? 0), 0), `leaderboard(${event ?? 'campaign'})`);
      expect(shownTotal).toBeLessThanOrEqual(whole.total);
    }
  });

  it('leaves 0 or at least 5 pledges between a faculty and its figures within the event (the complement event)', async () => {
    for (const faculty of faculties) {
      const all = await totals({ faculty }, attacker);
      const atEvent = await totals({ faculty, event: EVENT }, attacker);
      if (!all.withheld && !atEvent.withheld) expectSafeRemainder(all.pledges - atEvent.pledges, `${faculty} outside the event`);
      if (!all.withheld && atEvent.withheld) expectSafeRemainder(all.pledges, `${faculty}, all of it withheld at the event`);
    }
  });

  it("shows another faculty's empty days and its days of 1 to 4 pledges alike, and every day of the campaign", async () => {
    const small = (await timeline({ faculty: SMALL }, attacker)).data!.timeline;
    const empty = (await timeline({ faculty: 'psychology-education' }, attacker)).data!.timeline;
    expect(small.length).toBeGreaterThan(1);
    expect(small).toEqual(empty);
    expect(small.every((bucket: any) => bucket.withheld && bucket.pledges === 0 && bucket.total === 0)).toBe(true);
  });

  it("leaves 0 or at least 5 pledges between a faculty's shown days and its shown total", async () => {
    for (const faculty of faculties) {
      const whole = await totals({ faculty }, attacker);
      if (whole.withheld) continue;
      const days = (await timeline({ faculty }, attacker)).data!.timeline;
      const shown = days.filter((day) => !day.withheld).reduce((sum, day) => sum + day.pledges, 0);
      expectSafeRemainder(whole.pledges - shown, `${faculty}'s days`);
    }
  });

  it('leaves 0 or at least 5 pledges when the shown faculties of a day are taken from that day', async () => {
    const campaignDays = (await timeline({}, attacker)).data!.timeline;
    const shownByDay = new Map<string, number>();
    const shownFaculties = new Map<string, number>();
    for (const faculty of faculties.filter((slug) => slug !== ATTACKER)) {
      for (const day of (await timeline({ faculty }, attacker)).data!.timeline) {
        if (day.withheld) continue;
        shownByDay.set(day.start, (shownByDay.get(day.start) ?? 0) + day.pledges);
        shownFaculties.set(day.start, (shownFaculties.get(day.start) ?? 0) + 1);
      }
    }
    // A day on which every faculty is withheld leaves nothing to withhold as cover: what is left
    // then belongs to no faculty that anyone can name (an empty faculty looks like a small one).
    const anyShown = campaignDays.filter((day) => shownFaculties.has(day.start));
    expect(anyShown.length).toBeGreaterThan(0);
    for (const day of anyShown) expectSafeRemainder(day.pledges - (shownByDay.get(day.start) ?? 0), `the day ${day.start}`);
  });

  it("gives another faculty's every case in the totals CSV, so that a row's presence says nothing", async () => {
    const text = await (await fetch(new URL('/export/totals.csv', sut.url), { headers: attacker })).text();
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const cases = (await sut.gql(ListCasesDocument)).data!.cases;
    const smallRows = rows.filter((row) => row.faculty_slug === SMALL);
    expect(smallRows.map((row) => row.case_slug).sort()).toEqual(cases.map((someCase) => someCase.slug).sort());
    const { case_slug: _a, case: _b, country: _c, ...pledged } = smallRows.find((row) => row.case_slug === 'zhang-zhan')!;
    const { case_slug: _d, case: _e, country: _f, ...empty } = smallRows.find((row) => row.case_slug === 'janna-jihad')!;
    expect(pledged).toEqual(empty);
    // Every faculty, every case: the layout is the same whoever pledged.
    expect(rows.length).toBe(cases.length * faculties.length);
  });
});
