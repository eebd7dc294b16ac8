import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer.js';
import { GetFacultyTotalsDocument } from '../support/generated/partners.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const EVENT = 'human-rights-day-2026';
/** One pledge: its numbers would be that student's. */
const SMALL = 'arts-philosophy';
/** Six pledges: shown to everyone. */
const LARGE = 'engineering';
/**
 * Five pledges: withheld as cover. Without a third faculty the event's total minus the large
 * faculty's would give the small one's figures away (the small-group rule's complementary
 * suppression, test/server/small-group-differencing.test.ts), and the large one would be withheld too.
 */
const COVER = 'law-criminology';

const FACULTY_TOTALS = GetFacultyTotalsDocument;

describe('facultyTotals, the live screen’s faculty race', () => {
  let sut: TestServer;
  let organiser: Record<string, string>;
  let ownPartner: Record<string, string>;

  beforeAll(async () => {
    sut = await startServer();
    ({ organiser } = await createTokens(sut, LARGE));
    const own = await sut.app.services.tokens.create({ name: 'Arts dashboard', role: Role.PARTNER, faculty: SMALL });
    ownPartner = { authorization: `Bearer ${own.token}` };
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 3, solidarityCards: 1 }], { event: EVENT, faculty: SMALL }) });
    for (let i = 0; i < 6; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 1 }], { event: EVENT, faculty: LARGE }) });
    }
    for (let i = 0; i < 5; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { event: EVENT, faculty: COVER }) });
    }
  });
  afterAll(() => sut?.stop());

  const race = async (headers: Record<string, string> = {}) => {
    const { data, errors } = await sut.gql(FACULTY_TOTALS, { event: EVENT }, headers);
    expect(errors).toBeUndefined();
    return data!.facultyTotals;
  };

  it('shows the public the faculties with 5 or more pledges, largest first, and no numbers for the others', async () => {
    const rows = await race();
    expect(rows[0]).toEqual({ faculty: { slug: LARGE }, appealLetters: 6, solidarityCards: 6, total: 12, withheld: false });
    const small = rows.find((row) => row.faculty.slug === SMALL);
    expect(small).toEqual({ faculty: { slug: SMALL }, appealLetters: null, solidarityCards: null, total: null, withheld: true });
    expect(rows.find((row) => row.faculty.slug === COVER)).toMatchObject({ total: null, withheld: true });
    // Withheld faculties come after the shown ones, and a faculty with no pledge looks the same
    // as one with a single pledge: the list itself tells nobody who pledged.
    expect(rows.slice(1).every((row) => row.withheld && row.total === null)).toBe(true);
  });

  it('shows the small faculty in full to its own partner and to organisers', async () => {
    for (const headers of [ownPartner, organiser]) {
      const small = (await race(headers)).find((row) => row.faculty.slug === SMALL);
      expect(small).toEqual({ faculty: { slug: SMALL }, appealLetters: 3, solidarityCards: 1, total: 4, withheld: false });
    }
  });

  it('answers an unknown event with NOT_FOUND on its field', async () => {
    const { errors } = await sut.gql(FACULTY_TOTALS, { event: 'no-such-event' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'event' });
  });
});

describe('facultyTotals ties', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
    // Two faculties with the same numbers: Engineering comes before Law in English, and
    // "Droit et Criminologie" before "Sciences de l’ingénieur" in French.
    for (const faculty of ['law-criminology', LARGE]) {
      for (let i = 0; i < 5; i++) await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { faculty }) });
    }
  });
  afterAll(() => sut?.stop());

  const shownIn = async (language: string) => {
    const { data, errors } = await sut.gql(FACULTY_TOTALS, {}, { 'accept-language': language });
    expect(errors).toBeUndefined();
    return data!.facultyTotals.filter((row) => !row.withheld).map((row) => [row.faculty.slug, row.total]);
  };

  it('are broken by the name in the language shown', async () => {
    expect(await shownIn('en')).toEqual([[LARGE, 5], ['law-criminology', 5]]);
    expect(await shownIn('fr')).toEqual([['law-criminology', 5], [LARGE, 5]]);
  });
});
