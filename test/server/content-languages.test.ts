import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCaseDocument } from '../../dashboard/graphql/generated/admin.js';
import {
  GetCaseInLanguageDocument,
  GetPartnerNamesInLanguageDocument,
  GetNamesInLanguageDocument,
  ListContentTextsDocument,
  OnCampaignLanguageDocument,
  OnTotalsInLanguageDocument,
  SetContentTextDocument,
  UpdateCaseWritingKitDocument,
} from '../support/generated/content.js';
import { untypedVariables } from '../support/graphql.js';
import { watchTotals } from '../support/live.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const ZHANG = 'zhang-zhan';
const ZHANG_REASON = 'imprisoned for exposing the truth about Corona';
const CASE = GetCaseInLanguageDocument;
const SET_TEXT = SetContentTextDocument;
const CONTENT_TEXTS = ListContentTextsDocument;
const inLanguage = (language: string) => ({ 'accept-language': language });

/** Everything a test opens, closed after it even when it fails. */
const leftovers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((close) => close().catch(() => undefined)));
});

describe('content in three languages', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  // Many of these texts are wrong on purpose, so their shape is not checked here.
  const setText = (input: Record<string, unknown>, headers: Record<string, string> = tokens.organiser) => sut.gql(SET_TEXT, untypedVariables({ input }), headers);
  const translate = async (field: string, locale: string, text: string | null, subject = 'CASE', slug = ZHANG) => {
    const { data, errors } = await setText({ subject, slug, field, locale, text });
    expect(errors).toBeUndefined();
    return data!.setContentText;
  };
  const zhangIn = async (language: string) => {
    const response = await sut.gql(CASE, { slug: ZHANG }, inLanguage(language));
    expect(response.errors).toBeUndefined();
    return { ...response.data!.case!, contentLanguage: response.headers.get('content-language') };
  };

  describe('a reader', () => {
    beforeAll(async () => {
      await translate('reason', 'nl', 'gevangengezet omdat ze de waarheid over corona aan het licht bracht');
      await translate('reason', 'fr', 'emprisonnée pour avoir révélé la vérité sur le coronavirus');
    });

    it('gets the Dutch reason in Dutch and the French one in French, and is told the language', async () => {
      const dutch = await zhangIn('nl-BE,nl;q=0.9,en;q=0.5');
      expect(dutch).toMatchObject({ reason: 'gevangengezet omdat ze de waarheid over corona aan het licht bracht', language: 'nl', contentLanguage: 'nl' });
      const french = await zhangIn('fr');
      expect(french).toMatchObject({ reason: 'emprisonnée pour avoir révélé la vérité sur le coronavirus', language: 'fr', contentLanguage: 'fr' });
    });

    it('gets English with no Accept-Language, or one the service does not speak', async () => {
      for (const language of ['de-DE,de;q=0.9', '']) {
        const english = await zhangIn(language);
        expect(english).toMatchObject({ reason: ZHANG_REASON, language: 'en', contentLanguage: 'en', untranslated: [] });
      }
    });

    it('gets English where a text is not translated, and untranslated names those fields', async () => {
      await translate('about', 'nl', null);
      const english = await sut.gql(UpdateCaseDocument, { slug: ZHANG, input: { about: 'A citizen journalist.' } }, tokens.organiser);
      expect(english.errors).toBeUndefined();
      const dutch = await zhangIn('nl');
      expect(dutch.about).toBe('A citizen journalist.');
      expect(dutch.untranslated).toContain('about');
      expect(dutch.untranslated).not.toContain('reason');
      // A field with no English text either is not a fallback: there is nothing to show.
      expect(dutch.statusNote).toBeNull();
      expect(dutch.untranslated).not.toContain('statusNote');
    });

    it('gets names in its language wherever they are read: lists of cases, totals, faculties', async () => {
      await translate('name', 'nl', 'Ingenieurswetenschappen', 'FACULTY', 'engineering');
      const { data, errors } = await sut.gql(GetNamesInLanguageDocument, {}, inLanguage('nl'));
      expect(errors).toBeUndefined();
      const dutchReason = 'gevangengezet omdat ze de waarheid over corona aan het licht bracht';
      expect(data!.cases.find((c) => c.slug === ZHANG)!.reason).toBe(dutchReason);
      expect(data!.totals.cases.find((row) => row.case.slug === ZHANG)!.case.reason).toBe(dutchReason);
      expect(data!.faculties.find((f) => f.slug === 'engineering')).toEqual({ slug: 'engineering', name: 'Ingenieurswetenschappen', language: 'nl', untranslated: [] });
    });
  });

  describe('a partner', () => {
    it("reads case, faculty and event names in its language in the partners' API", async () => {
      await translate('name', 'nl', 'Ingenieurswetenschappen', 'FACULTY', 'engineering');
      await translate('title', 'nl', 'Schrijfavond op de Dag van de Mensenrechten', 'EVENT', 'human-rights-day-2026');
      const pledged = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: ZHANG, appealLetters: 1, solidarityCards: 0 }], { faculty: 'engineering', event: 'human-rights-day-2026' }) });
      expect(pledged.errors).toBeUndefined();
      const { data, errors } = await sut.gql(GetPartnerNamesInLanguageDocument, {}, { ...tokens.partner, ...inLanguage('nl') });
      expect(errors).toBeUndefined();
      const [line] = data!.pledgeLines.edges;
      expect(line!.node.faculty?.name).toBe('Ingenieurswetenschappen');
      expect(line!.node.event).toEqual({ title: 'Schrijfavond op de Dag van de Mensenrechten', language: 'nl' });
      expect(line!.node.case.reason).toBe((await zhangIn('nl')).reason);
      expect(data!.facultyLeaderboard.find((row) => row.faculty.slug === 'engineering')?.faculty.name).toBe('Ingenieurswetenschappen');
    });
  });

  describe('the writing kit of a case', () => {

    it('is set by organisers: one-line fields and multi-line sample texts', async () => {
      const kit = {
        askFor: 'Ask the authorities to protect Anna and Vira.',
        appealAddressee: 'The Prosecutor General',
        cardNote: 'Cards go to the Amnesty section, which passes them on.',
        sampleLetter: 'Dear Prosecutor General,\n\nI am writing about Anna and Vira.\n\nYours sincerely,',
        cardText: 'Anna and Vira,\nwe are with you.',
        postageNote: 'An international stamp.',
      };
      const { data, errors } = await sut.gql(UpdateCaseWritingKitDocument, { slug: 'anna-and-vira', input: kit }, tokens.organiser);
      expect(errors).toBeUndefined();
      expect(data!.updateCase).toEqual(kit);
    });

    it.each([
      ['a line break in a one-line field', { askFor: 'Ask them\nto act.' }, 'input.askFor'],
      ['a sample letter over the length limit', { sampleLetter: 'x'.repeat(5001) }, 'input.sampleLetter'],
    ])('refuses %s as BAD_USER_INPUT on its field, and stores nothing', async (_what, input, field) => {
      const [before] = await sut.sql('SELECT * FROM "case" WHERE slug = $1', ['anna-and-vira']);
      const { errors } = await sut.gql(UpdateCaseWritingKitDocument, { slug: 'anna-and-vira', input }, tokens.organiser);
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect((await sut.sql('SELECT * FROM "case" WHERE slug = $1', ['anna-and-vira']))[0]).toEqual(before);
    });
  });

  describe('live totals', () => {
    it('send a Dutch and an English subscriber of the same topic each their own language', async () => {
      await translate('name', 'nl', 'Zhang Zhan (NL)');
      const query = OnTotalsInLanguageDocument;
      const dutch = watchTotals(sut.url, {}, { connectionParams: { locale: 'nl' } }, query);
      const english = watchTotals(sut.url, {}, {}, query);
      leftovers.push(() => dutch.close(), () => english.close());
      const zhangOf = (totals: Record<string, any>) => totals.cases.find((row: any) => row.case.slug === ZHANG).case;
      const [nl, en] = await Promise.all([dutch.waitFor(() => true), english.waitFor(() => true)]);
      expect(zhangOf(nl)).toEqual({ slug: ZHANG, name: 'Zhang Zhan (NL)', language: 'nl' });
      expect(zhangOf(en)).toEqual({ slug: ZHANG, name: 'Zhang Zhan', language: 'en' });

      // An organiser's new Dutch name reaches the Dutch screen with the next snapshot, no pledge needed.
      await translate('name', 'nl', 'Zhang Zhan (vertaald)');
      expect(zhangOf(await dutch.waitFor((totals) => zhangOf(totals).name === 'Zhang Zhan (vertaald)', 1)).language).toBe('nl');
    });

    it("take a socket's language from its Accept-Language when connectionParams has none", async () => {
      const query = OnCampaignLanguageDocument;
      const french = watchTotals(sut.url, {}, { webSocketImpl: class extends (await import('ws')).default {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { 'accept-language': 'fr-BE' } });
        }
      } }, query);
      leftovers.push(() => french.close());
      expect((await french.waitFor(() => true)).campaign.language).toBe('fr');
    });
  });

  describe('organisers', () => {
    it("change what a Dutch reader sees by setting the Dutch text", async () => {
      const saved = await translate('reason', 'nl', 'opgesloten omdat ze over corona berichtte');
      expect(saved).toMatchObject({ subject: 'CASE', slug: ZHANG, label: 'Zhang Zhan', field: 'reason', en: ZHANG_REASON, nl: 'opgesloten omdat ze over corona berichtte' });
      expect((await zhangIn('nl')).reason).toBe('opgesloten omdat ze over corona berichtte');
    });

    it('change the English text itself by setting en', async () => {
      await translate('statusNote', 'en', 'Released on 3 March 2026');
      expect((await zhangIn('en')).statusNote).toBe('Released on 3 March 2026');
      const french = await zhangIn('fr');
      expect(french.statusNote).toBe('Released on 3 March 2026');
      expect(french.untranslated).toContain('statusNote');
      await translate('statusNote', 'en', '');
      expect((await zhangIn('en')).statusNote).toBeNull();
    });

    it('see the untranslated texts, and the list shrinks when one is translated', async () => {
      const untranslated = async () => {
        const { data, errors } = await sut.gql(CONTENT_TEXTS, {}, tokens.organiser);
        expect(errors).toBeUndefined();
        return data!.contentTexts.filter((text) => text.en !== null && (text.nl === null || text.fr === null));
      };
      await translate('country', 'nl', '', 'CASE', 'wendy-galarza');
      await translate('country', 'fr', null, 'CASE', 'wendy-galarza');
      const before = await untranslated();
      expect(before).toContainEqual({ subject: 'CASE', slug: 'wendy-galarza', label: 'Wendy Galarza', field: 'country', en: 'Mexico', nl: null, fr: null, multiline: false, outdated: [], nlMadeFrom: null, frMadeFrom: null });
      await translate('country', 'nl', 'Mexico', 'CASE', 'wendy-galarza');
      await translate('country', 'fr', 'Mexique', 'CASE', 'wendy-galarza');
      const after = await untranslated();
      expect(after).toHaveLength(before.length - 1);
      expect(after).not.toContainEqual(expect.objectContaining({ slug: 'wendy-galarza', field: 'country' }));
    });

    it('list every translatable text of the campaign, its cases and events, the faculties and the pickup points', async () => {
      const { data } = await sut.gql(CONTENT_TEXTS, {}, tokens.organiser);
      const fields = (subject: string, slug: string) => data!.contentTexts.filter((text) => text.subject === subject && text.slug === slug).map((text) => text.field);
      expect(fields('CAMPAIGN', 'write-for-rights-2026')).toEqual(['title']);
      expect(fields('CASE', ZHANG)).toEqual(['name', 'country', 'reason', 'about', 'statusNote', 'askFor', 'appealAddressee', 'cardNote', 'sampleLetter', 'cardText', 'postageNote']);
      expect(fields('EVENT', 'human-rights-day-2026')).toEqual(['title', 'location']);
      expect(fields('FACULTY', 'engineering')).toEqual(['name']);
      expect(fields('PICKUP_POINT', 'jette-library')).toEqual(['name', 'details']);
    });

    it.each([
      ['an anonymous caller', {}, 'UNAUTHENTICATED'],
      ['a partner', 'partner', 'FORBIDDEN'],
    ])('refuse %s, for reading and for writing', async (_who, who, code) => {
      const headers = who === 'partner' ? tokens.partner : {};
      const read = await sut.gql(CONTENT_TEXTS, {}, headers as Record<string, string>);
      expect(read.errors![0]!.extensions!.code).toBe(code);
      const write = await setText({ subject: 'CASE', slug: ZHANG, field: 'reason', locale: 'nl', text: 'overschreven' }, headers as Record<string, string>);
      expect(write.errors![0]!.extensions!.code).toBe(code);
      expect((await zhangIn('nl')).reason).not.toBe('overschreven');
    });

    it.each([
      ['a field that is not translatable', { field: 'appealAddress', locale: 'nl', text: 'Beijing' }, 'input.field'],
      ['a field of another kind of object', { field: 'title', locale: 'nl', text: 'Titel' }, 'input.field'],
      ['another language', { field: 'reason', locale: 'de', text: 'inhaftiert' }, 'input.locale'],
      ['a line break in a one-line text', { field: 'reason', locale: 'nl', text: 'eerste regel\ntweede regel' }, 'input.text'],
      ['a text over the length limit', { field: 'reason', locale: 'fr', text: 'x'.repeat(301) }, 'input.text'],
      ['an empty English name', { field: 'name', locale: 'en', text: '' }, 'input.text'],
    ])('refuse %s as BAD_USER_INPUT on its field, and store nothing', async (_what, change, field) => {
      const before = await sut.sql('SELECT subject, object_id, field, locale, text FROM content_translation ORDER BY 1, 2, 3, 4');
      const [caseBefore] = await sut.sql('SELECT * FROM "case" WHERE slug = $1', [ZHANG]);
      const { errors } = await setText({ subject: 'CASE', slug: ZHANG, ...change });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors![0]!.message).toMatch(/\w+ \w+/);
      expect(await sut.sql('SELECT subject, object_id, field, locale, text FROM content_translation ORDER BY 1, 2, 3, 4')).toEqual(before);
      expect((await sut.sql('SELECT * FROM "case" WHERE slug = $1', [ZHANG]))[0]).toEqual(caseBefore);
    });

    it('refuse an empty slug as BAD_USER_INPUT rather than edit the current campaign', async () => {
      const [campaignBefore] = await sut.sql('SELECT title FROM campaign WHERE is_current');
      const { errors } = await setText({ subject: 'CAMPAIGN', slug: '', field: 'title', locale: 'en', text: 'Overwritten' });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
      expect((await sut.sql('SELECT title FROM campaign WHERE is_current'))[0]).toEqual(campaignBefore);
    });

    it('answer NOT_FOUND for an unknown slug', async () => {
      const { errors } = await setText({ subject: 'CASE', slug: 'nobody', field: 'reason', locale: 'nl', text: 'onbekend' });
      expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.slug' });
    });
  });
});
