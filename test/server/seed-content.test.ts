import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseContent } from '../../server/database/seed-content.js';
import { seed } from '../../server/database/seed.js';
import { GetCaseWritingKitDocument, ListContentTextsDocument } from '../support/generated/content.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const ZHANG = 'zhang-zhan';

/** The seed on a database of its own, which nothing else has changed. */
describe('the seed of a fresh database', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  it('has every seed text in Dutch and French', async () => {
    const { data, errors } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(errors).toBeUndefined();
    const texts = data!.contentTexts as any[];
    expect(texts.filter((text) => text.en !== null && (text.nl === null || text.fr === null))).toEqual([]);
    expect(texts.filter((text) => text.en !== null).length).toBeGreaterThan(100);
  });

  it('adds no translation when it runs again at the next start', async () => {
    const count = async () => (await sut.sql<{ n: number }>('SELECT count(*)::int AS n FROM content_translation'))[0]!.n;
    const before = await count();
    await seed(sut.app.dataSource);
    expect(await count()).toBe(before);
  });

  it("has each case's writing kit, with the addresses the seed does not know left unknown", async () => {
    const { data, errors } = await sut.gql(GetCaseWritingKitDocument, { slug: ZHANG }, { 'accept-language': 'fr' });
    expect(errors).toBeUndefined();
    const zhang = caseContent[ZHANG]!;
    expect(data!.case).toEqual({
      about: zhang.about.fr,
      askFor: zhang.askFor.fr,
      appealAddressee: zhang.appealAddressee?.fr ?? null,
      appealAddress: zhang.appealAddress,
      cardAddress: zhang.cardAddress,
      cardNote: zhang.cardNote.fr,
      sampleLetter: zhang.sampleLetter.fr,
      cardText: zhang.cardText.fr,
      postageNote: zhang.postageNote.fr,
      language: 'fr',
      untranslated: [],
    });
  });
});
