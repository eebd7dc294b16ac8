import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseContent } from '../../server/database/seed/content.js';
import { seedCases } from '../../server/database/seed/data.js';
import { startServer, type TestServer } from '../support/server.js';
import { TOTALS } from '../support/pledges.js';
import { GetCampaignsDocument, GetCaseFacultiesAndEventsDocument, GetCaseNameDocument, GetEventCampaignDocument, ListCasesDocument, ListEventsDocument } from '../support/generated/catalogue.js';

describe('public GraphQL contract', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  it('lists the ten seed cases with names, countries and reasons exactly as written', async () => {
    const { data, errors } = await sut.gql(ListCasesDocument);
    expect(errors).toBeUndefined();
    expect(data!.cases).toHaveLength(10);
    expect(data!.cases.map((c) => [c.name, c.country, c.reason])).toEqual(
      seedCases.map(({ slug }) => [caseContent[slug]!.name.en, caseContent[slug]!.country.en, caseContent[slug]!.reason.en]),
    );
    expect(data!.cases[0]).toEqual({
      slug: 'bernardo-caal-xol',
      name: 'Bernardo Caal Xol',
      country: 'Guatemala',
      countryCode: 'GT',
      reason: 'imprisoned for protecting the environment',
    });
    expect(data!.cases.find((c) => c.name === 'Anna and Vira')!.reason).toBe(
      "attacked for standing up for LGBTI+ and women's rights",
    );
  });

  it('has one current campaign holding the cases, with its goal', async () => {
    const { data } = await sut.gql(GetCampaignsDocument);
    expect(data!.campaigns).toEqual([{ slug: 'write-for-rights-2026', current: true }]);
    expect(data!.campaign).toMatchObject({ slug: 'write-for-rights-2026', title: 'Write for Rights 2026', current: true, letterGoal: 5000 });
    expect(data!.campaign!.cases).toHaveLength(10);
  });

  it('finds a case by slug, and the faculties and events', async () => {
    const { data } = await sut.gql(GetCaseFacultiesAndEventsDocument, { slug: 'zhang-zhan' });
    expect(data!.case).toEqual({ name: 'Zhang Zhan', country: 'China' });
    expect(data!.faculties.length).toBeGreaterThanOrEqual(8);
    expect(data!.faculties.map((f) => f.slug)).toContain('engineering');
    expect(data!.events).toEqual([
      expect.objectContaining({ slug: 'human-rights-day-2026', startsAt: '2026-12-10T17:00:00.000Z', endsAt: '2026-12-10T20:00:00.000Z' }),
    ]);
  });

  it('finds an event by slug with its campaign and that campaign’s cases', async () => {
    const { data, errors } = await sut.gql(GetEventCampaignDocument, { slug: 'human-rights-day-2026' });
    expect(errors).toBeUndefined();
    expect(data!.event).toMatchObject({ slug: 'human-rights-day-2026', title: 'Human Rights Day writing evening', campaign: { slug: 'write-for-rights-2026', current: true } });
    expect(data!.event.campaign.cases.map(({ slug }) => slug)).toEqual(seedCases.map(({ slug }) => slug));
  });

  it('answers totals with a zero row for every case before anyone pledges', async () => {
    const { data, errors } = await sut.gql(TOTALS);
    expect(errors).toBeUndefined();
    expect(data!.totals).toMatchObject({ appealLetters: 0, solidarityCards: 0, total: 0, pledges: 0 });
    expect(data!.totals.cases).toHaveLength(10);
    expect(data!.totals.cases.every((row) => row.total === 0)).toBe(true);
    expect(Date.parse(data!.totals.updatedAt)).not.toBeNaN();
  });

  it.each([
    ['campaign', () => sut.gql(GetCampaignsDocument, { slug: 'nope' }), 'slug'],
    ['case', () => sut.gql(GetCaseNameDocument, { slug: 'nobody' }), 'slug'],
    ['cases of a campaign', () => sut.gql(ListCasesDocument, { campaign: 'nope' }), 'campaign'],
    ['events of a campaign', () => sut.gql(ListEventsDocument, { campaign: 'nope' }), 'campaign'],
    ['event', () => sut.gql(GetEventCampaignDocument, { slug: 'nope' }), 'slug'],
    ['totals of an event', () => sut.gql(TOTALS, { event: 'nope' }), 'event'],
    ['totals of a faculty', () => sut.gql(TOTALS, { faculty: 'nope' }), 'faculty'],
  ])('answers NOT_FOUND for an unknown slug (%s)', async (_what, ask, field) => {
    const { errors } = await ask();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field });
    expect(errors![0]!.message).toMatch(/nope|nobody/);
  });

  it('serves /healthz and /readyz', async () => {
    const base = new URL(sut.url);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
  });
});
