import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_PLEDGE_LIMITS } from '../../server/pledges/pledge.rules.js';
import { ListCasesDocument } from '../support/generated/catalogue.js';
import { GetWithheldTotalsDocument } from '../support/generated/partners.js';
import { untypedVariables } from '../support/graphql.js';
import { PLEDGE_TABLE_COUNTS, SUBMIT_PLEDGE, TOTALS, pledgeInput, type PledgeLine } from '../support/pledges.js';
import { createTokens } from '../support/tokens.js';
import { startServer, type TestServer } from '../support/server.js';

describe('submitPledge', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  // Many of these pledges are wrong on purpose, so their shape is not checked here.
  const submit = (input: unknown) => sut.gql(SUBMIT_PLEDGE, untypedVariables({ input }));
  const counts = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];
  const totals = async (variables: { event?: string; faculty?: string } = {}, headers: Record<string, string> = {}) => (await sut.gql(TOTALS, variables, headers)).data!.totals;

  it('records a pledge and counts it in the totals of its campaign, event and faculty', async () => {
    const before = await totals();
    const input = pledgeInput(
      [
        { case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 },
        { case: 'bernardo-caal-xol', appealLetters: 1, solidarityCards: 0 },
      ],
      { event: 'human-rights-day-2026', faculty: 'engineering' },
    );
    const { data, errors } = await submit(input);
    expect(errors).toBeUndefined();
    expect(data!.submitPledge).toMatchObject({ clientKey: input.clientKey, total: 4 });
    expect(data!.submitPledge.id).toMatch(/^\d+$/);

    const after = await totals();
    expect(after.total - before.total).toBe(4);
    expect(after.appealLetters - before.appealLetters).toBe(3);
    expect(after.pledges - before.pledges).toBe(1);
    const zhang = after.cases.find((row: any) => row.case.slug === 'zhang-zhan');
    expect(zhang).toMatchObject({ appealLetters: 2, solidarityCards: 1, total: 3 });
    expect((await totals({ event: 'human-rights-day-2026' })).total).toBe(4);
    // One pledge in a faculty is a small group: organisers see its numbers, the public does not.
    const { organiser } = await createTokens(sut);
    expect((await totals({ faculty: 'engineering' }, organiser)).total).toBe(4);
    expect((await totals({ event: 'human-rights-day-2026', faculty: 'engineering' }, organiser)).total).toBe(4);
    expect((await totals({ faculty: 'law-criminology' }, organiser)).total).toBe(0);
    expect((await sut.gql(GetWithheldTotalsDocument, { faculty: 'engineering' })).data!.totals).toMatchObject({ withheld: true, total: 0 });
  });

  it('counts a pledge posted twice with one key once, and returns the same pledge', async () => {
    const input = pledgeInput([{ case: 'wendy-galarza', appealLetters: 1, solidarityCards: 1 }]);
    const first = await submit(input);
    const before = await counts();
    const second = await submit(input);
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitPledge).toEqual(first.data!.submitPledge);
    expect(await counts()).toEqual(before);
  });

  it('keeps the content hash in its documented form, so replays of older pledges still match', async () => {
    const input = pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 0 }, { case: 'bernardo-caal-xol', appealLetters: 0, solidarityCards: 1 }], { faculty: 'engineering' });
    await submit(input);
    const [row] = await sut.sql(
      `SELECT p.content_hash, p.campaign_id, p.event_id, p.faculty_id,
              json_agg(json_build_array(l.case_id, l.appeal_letters, l.solidarity_cards) ORDER BY l.case_id) AS lines
       FROM pledge p JOIN pledge_line l ON l.pledge_id = p.id WHERE p.client_key = $1
       GROUP BY p.id`,
      [input.clientKey],
    );
    const content = JSON.stringify([row.campaign_id, row.event_id, row.faculty_id, row.lines]);
    expect(row.content_hash).toBe(createHash('sha256').update(content).digest('base64url'));
  });

  it('counts 20 copies of one pledge arriving at the same moment once', async () => {
    const before = await counts();
    const input = pledgeInput([{ case: 'anna-and-vira', appealLetters: 3, solidarityCards: 2 }]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(input)));
    expect(answers.map((answer) => answer.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(answers.map((answer) => answer.data!.submitPledge.id)).size).toBe(1);
    const after = await counts();
    expect(after.pledges - before.pledges).toBe(1);
    expect(after.scope_pledges - before.scope_pledges).toBe(1); // one pledge, in its one (campaign) scope
    const [{ letters }] = await sut.sql(`SELECT sum(pl.appeal_letters)::int AS letters FROM pledge_line pl JOIN pledge p ON p.id = pl.pledge_id WHERE p.client_key = $1`, [input.clientKey]);
    expect(letters).toBe(3);
  });

  it('refuses the same key with other content (IDEMPOTENCY_KEY_REUSED) and stores nothing', async () => {
    const input = pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]);
    await submit(input);
    const before = await counts();
    const { data, errors } = await submit({ ...input, lines: [{ case: 'zhang-zhan', appealLetters: 5, solidarityCards: 0 }] });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' });
    expect(await counts()).toEqual(before);
  });

  const line = (overrides: Partial<PledgeLine> = {}): PledgeLine => ({ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0, ...overrides });
  const refused: [string, unknown, string, RegExp][] = [
    ['a negative count', pledgeInput([line({ appealLetters: -1 })]), 'input.lines.0.appealLetters', /cannot be negative/],
    ['a negative card count', pledgeInput([line({ solidarityCards: -3 })]), 'input.lines.0.solidarityCards', /cannot be negative/],
    ['an unbelievable count', pledgeInput([line({ appealLetters: ANONYMOUS_PLEDGE_LIMITS.perLine + 1 })]), 'input.lines.0.appealLetters', /At most 20 appeal letters/],
    ['nothing written', pledgeInput([line({ appealLetters: 0, solidarityCards: 0 })]), 'input.lines', /at least one letter or card/],
    ['no lines', pledgeInput([]), 'input.lines', /at least one person/],
    ['a case twice', pledgeInput([line(), line()]), 'input.lines.1.case', /only once/],
    ['an unknown case', pledgeInput([line(), line({ case: 'nobody' })]), 'input.lines.1.case', /no case "nobody"/],
    ['an unknown faculty', pledgeInput([line()], { faculty: 'astrology' }), 'input.faculty', /no faculty "astrology"/],
    ['an unknown event', pledgeInput([line()], { event: 'nope' }), 'input.event', /no event "nope"/],
    ['an unknown campaign', pledgeInput([line()], { campaign: 'write-for-rights-1999' }), 'input.campaign', /no campaign/],
    ['a key that is not a UUID', { ...pledgeInput([line()]), clientKey: 'abc' }, 'input.clientKey', /UUID/],
  ];

  it.each(refused)('refuses %s with BAD_USER_INPUT on the field, and stores nothing', async (_what, input, field, message) => {
    const before = await counts();
    const { data, errors } = await submit(input);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.extensions!.issues).toContainEqual({ field, message: errors![0]!.message });
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|SELECT|INSERT/i);
    expect(await counts()).toEqual(before);
  });

  it('refuses a count that is not a whole number before it reaches the resolver', async () => {
    const before = await counts();
    const { status, errors } = await submit(pledgeInput([line({ appealLetters: 1.5 })]));
    expect(status).toBe(400);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/appealLetters/);
    expect(await counts()).toEqual(before);
  });

  it('keeps the totals equal to the sum of all pledge lines after many pledges', async () => {
    const cases = (await sut.gql(ListCasesDocument)).data!.cases.map((c) => c.slug);
    const before = await totals();
    let letters = 0;
    let cards = 0;
    const inputs = Array.from({ length: 120 }, (_, i) => {
      const lines = [cases[i % 10]!, cases[(i * 3 + 1) % 10]!]
        .filter((slug, index, all) => all.indexOf(slug) === index)
        .map((slug, j) => ({ case: slug, appealLetters: (i + j) % 4, solidarityCards: (i * j + 1) % 3 }));
      for (const l of lines) {
        letters += l.appealLetters;
        cards += l.solidarityCards;
      }
      return pledgeInput(lines, i % 3 === 0 ? { event: 'human-rights-day-2026' } : {});
    });
    // Eight at a time, like a busy hall.
    for (let i = 0; i < inputs.length; i += 8) {
      const answers = await Promise.all(inputs.slice(i, i + 8).map(submit));
      expect(answers.every((answer) => !answer.errors)).toBe(true);
    }
    const after = await totals();
    expect(after.appealLetters - before.appealLetters).toBe(letters);
    expect(after.solidarityCards - before.solidarityCards).toBe(cards);
    expect(after.pledges - before.pledges).toBe(120);

    const [sums] = await sut.sql(`SELECT sum(appeal_letters)::int AS letters, sum(solidarity_cards)::int AS cards FROM pledge_line`);
    expect(after.appealLetters).toBe(sums.letters);
    expect(after.solidarityCards).toBe(sums.cards);
    const perCase = await sut.sql(`SELECT c.slug, sum(pl.appeal_letters + pl.solidarity_cards)::int AS total FROM pledge_line pl JOIN "case" c ON c.id = pl.case_id GROUP BY c.slug`);
    for (const row of perCase) {
      expect(after.cases.find((r: any) => r.case.slug === row.slug)!.total).toBe(row.total);
    }
  });

  it('attributes a pledge with only an event to that event\'s campaign', async () => {
    const { errors } = await submit(pledgeInput([line()], { event: 'human-rights-day-2026', clientKey: randomUUID() }));
    expect(errors).toBeUndefined();
  });
});
