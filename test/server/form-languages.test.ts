import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untypedVariables } from '../support/graphql.js';
import { ORDER_KIT } from '../support/kit-orders.js';
import { PLEDGE_TABLE_COUNTS, SUBMIT_PLEDGE, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

/** What a student's refused request answers: the same code, fields and structure in every language; only the sentences change. */
type Refusal = { code: string; field?: string; issues?: { field: string; message: string }[]; message: string; retryAfterSeconds?: number };

const KIT_ORDERS_PER_MINUTE = 20;

describe('the public forms’ refusals in the request’s language', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ FORM_MIN_FILL_MS: '1000', RATE_LIMIT_KIT_ORDERS_PER_MINUTE: String(KIT_ORDERS_PER_MINUTE) });
  });
  afterAll(() => sut?.stop());

  const inLanguage = (language: string | null): Record<string, string> => (language ? { 'accept-language': language } : {});

  async function refusal(response: Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] }>): Promise<Refusal> {
    const { data, errors } = await response;
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    const [error] = errors!;
    const { code, field, issues, retryAfterSeconds } = error!.extensions!;
    return { code, field, issues, message: error!.message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
  }

  const orderKit = (input: unknown, language: string | null) => refusal(sut.gql(ORDER_KIT, untypedVariables({ input }), inLanguage(language)));
  const submitPledge = (input: unknown, language: string | null) => refusal(sut.gql(SUBMIT_PLEDGE, untypedVariables({ input }), inLanguage(language)));
  const kitOrders = async () => (await sut.sql<{ n: number }>('SELECT count(*)::int AS n FROM kit_order'))[0]!.n;
  const pledgeTables = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];

  // No name, too many kits, no consent, a postal code that is none: the form's own language is not given.
  const badOrder = {
    name: ' ',
    email: 'noor@example.org',
    kits: 80,
    language: 'nl',
    delivery: { method: 'POST', address: { line1: 'Pleinlaan 2', postalCode: '!', city: 'Elsene' } },
    consent: false,
  };
  const orderFields = ['input.name', 'input.kits', 'input.delivery.address.postalCode', 'input.consent'];

  it.each([
    [null, ['Tell us your name.', 'At most 50 kits per order. Write to the organisers for more.', 'Enter a postal code, e.g. 1050.', 'Please agree so that we can send your kits and contact you about the marathon.']],
    ['nl-BE,nl;q=0.9,en;q=0.5', ['Vul je naam in.', 'Hoogstens 50 pakketten per bestelling. Schrijf de organisatoren voor meer.', 'Vul een postcode in, bv. 1050.', 'Ga akkoord, zodat we je pakketten kunnen sturen en je over de marathon kunnen contacteren.']],
    ['fr', ['Indiquez votre nom.', '50 kits au maximum par commande. Écrivez aux organisateurs pour davantage.', 'Indiquez un code postal, par ex. 1050.', 'Acceptez pour que nous puissions vous envoyer vos kits et vous contacter au sujet du marathon.']],
  ])('refuses a bad kit order in %s with the same code and fields, and stores nothing', async (language, messages) => {
    const before = await kitOrders();
    const refused = await orderKit(badOrder, language);
    expect(refused).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      message: messages[0],
      issues: orderFields.map((field, index) => ({ field, message: messages[index] })),
    });
    expect(await kitOrders()).toBe(before);
  });

  it('words a kit order’s refusal in the language the form was shown in (input.locale) over the request’s', async () => {
    const refused = await orderKit({ ...badOrder, locale: 'fr' }, 'nl');
    expect(refused.issues!.map((issue) => issue.message)[0]).toBe('Indiquez votre nom.');
    // Found in the database, not by the rules: an unknown faculty and pickup point.
    const unknown = await orderKit({ ...badOrder, name: 'Noor', kits: 1, consent: true, faculty: 'astrology', delivery: { method: 'PICKUP', pickupPoint: 'moon' } }, 'nl');
    expect(unknown.issues).toEqual([
      { field: 'input.faculty', message: 'Er is geen faculteit "astrology".' },
      { field: 'input.delivery.pickupPoint', message: 'Kies een van de ophaalpunten op de lijst.' },
    ]);
  });

  // Twenty-five letters for one person (at most 20), minus one card, and a line for nobody.
  const badPledge = () =>
    pledgeInput([
      { case: 'zhang-zhan', appealLetters: 25, solidarityCards: -1 },
      { case: ' ', appealLetters: 1, solidarityCards: 0 },
    ]);
  const pledgeFields = ['input.lines.0.appealLetters', 'input.lines.0.solidarityCards', 'input.lines.1.case'];

  it.each([
    [null, ['At most 20 appeal letters per person in one pledge.', 'The number of solidarity cards cannot be negative.', 'Choose a person to write for.']],
    ['nl', ['Hoogstens 20 appelbrieven per persoon in één belofte.', 'Het aantal solidariteitskaarten kan niet negatief zijn.', 'Kies een persoon om voor te schrijven.']],
    ['fr-BE', ['Au maximum 20 lettres d’appel par personne dans un engagement.', 'Le nombre de cartes de solidarité ne peut pas être négatif.', 'Choisissez une personne pour qui écrire.']],
  ])('refuses a bad pledge in %s with the same code and fields, and stores nothing', async (language, messages) => {
    const before = await pledgeTables();
    const refused = await submitPledge(badPledge(), language);
    expect(refused).toEqual({
      code: 'BAD_USER_INPUT',
      field: pledgeFields[0],
      message: messages[0],
      issues: pledgeFields.map((field, index) => ({ field, message: messages[index] })),
    });
    expect(await pledgeTables()).toEqual(before);
  });

  it('words what the database finds wrong with a pledge in the request’s language', async () => {
    const refused = await submitPledge(pledgeInput([{ case: 'nobody-at-all', appealLetters: 1, solidarityCards: 0 }], { faculty: 'astrology' }), 'fr');
    expect(refused.issues).toEqual([
      { field: 'input.faculty', message: 'Il n’y a pas de faculté « astrology ».' },
      { field: 'input.lines.0.case', message: 'Il n’y a pas de cas « nobody-at-all » dans cette campagne.' },
    ]);
  });

  it('refuses a form sent faster than a person can fill it in, in the request’s language', async () => {
    const tooFast = { ...badOrder, fillTimeMs: 5 };
    expect(await orderKit(tooFast, null)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', message: 'That was quicker than a person can fill in this form. Please wait a moment and send it again.' });
    expect(await orderKit(tooFast, 'nl')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', message: 'Dat ging sneller dan iemand dit formulier kan invullen. Wacht even en verstuur het opnieuw.' });
    expect(await submitPledge({ ...badPledge(), fillTimeMs: 5 }, 'fr')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
      message: 'C’était plus rapide qu’une personne ne peut remplir ce formulaire. Attendez un instant et renvoyez-le.',
    });
  });

  // Last: it uses up this address's kit orders for the minute.
  it('words the rate limit in the request’s language, with the same code and wait', async () => {
    let refused: Refusal | undefined;
    for (let sent = 0; sent <= KIT_ORDERS_PER_MINUTE && refused?.code !== 'RATE_LIMITED'; sent++) refused = await orderKit(badOrder, 'nl');
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused!.message).toBe(`Te veel verzoeken van hier. Wacht ${refused!.retryAfterSeconds} seconden en probeer het opnieuw.`);
    const english = await orderKit(badOrder, null);
    expect(english.message).toMatch(/^Too many requests from here\. Please wait \d+ seconds? and try again\.$/);
    expect(await orderKit(badOrder, 'fr')).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Trop de demandes depuis cet endroit\. Attendez \d+ secondes? et réessayez\.$/) });
  });
});
