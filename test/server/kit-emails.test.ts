import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EraseKitOrderContactDocument } from '../../dashboard/graphql/generated/admin.js';
import { type KitOrderInput } from '../../dashboard/graphql/generated/kit.js';
import { createTestDatabase, onPostgres, startServer, type TestDatabase, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { createTokens } from '../support/tokens.js';
import { GetKitOrderEmailsDocument, GetKitOrderEmailsEnabledDocument, MoveKitOrderDocument, type KitOrderStatus } from '../support/generated/kit-orders.js';
import { BY_POST, kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';

/** An order from the Dutch form. */
const order = (name: string, email: string, overrides: Partial<KitOrderInput> = {}) => kitOrderInput(name, email, { language: 'nl', locale: 'nl', ...overrides });

describe('kit-order emails with SMTP_URL', () => {
  let smtp: TestSmtpServer;
  let sut: TestServer;
  let organiser: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sut = await startServer({ SMTP_URL: smtp.url, EMAIL_FROM: 'Write for Rights VUB <w4r@vub.example>', EMAIL_RETRY_BASE_MS: '200' });
    organiser = (await createTokens(sut)).organiser;
  });
  afterAll(async () => {
    await sut?.stop();
    await smtp?.close();
  });

  const place = async (input: KitOrderInput): Promise<string> => {
    const { data, errors } = await sut.gql(ORDER_KIT, { input });
    expect(errors).toBeUndefined();
    return data!.orderKit.reference;
  };
  const emailsOf = async (reference: string) => (await sut.gql(GetKitOrderEmailsDocument, { reference }, organiser)).data!.kitOrder.emails;
  const move = async (reference: string, status: KitOrderStatus) => expect((await sut.gql(MoveKitOrderDocument, { reference, status }, organiser)).errors).toBeUndefined();

  it('says that students are emailed', async () => {
    expect((await sut.gql(GetKitOrderEmailsEnabledDocument)).data).toEqual({ kitOrderEmails: true });
  });

  it('sends a confirmation in the form’s language, then a notice when the kits are ready; organisers see both', async () => {
    const reference = await place(order('Lotte Peeters', 'lotte.peeters@example.org'));
    const confirmation = await smtp.waitFor((mail) => mail.subject.includes(reference));
    expect(confirmation.to).toEqual(['lotte.peeters@example.org']);
    expect(confirmation.from).toBe('w4r@vub.example');
    expect(confirmation.subject).toBe(`Je schrijfpakketten voor Write for Rights (${reference})`);
    expect(confirmation.headers['content-language']).toBe('nl');
    expect(confirmation.text).toContain('Hallo Lotte Peeters,');
    expect(confirmation.text).toContain('Student Hub');
    await expect.poll(async () => (await emailsOf(reference)).map((email) => [email.kind, email.status])).toEqual([['CONFIRMATION', 'SENT']]);

    await move(reference, 'PACKED');
    await move(reference, 'READY_FOR_PICKUP');
    const ready = await smtp.waitFor((mail) => mail.subject === `Je schrijfpakketten liggen klaar (${reference})`);
    expect(ready.text).toContain('liggen klaar bij Student Hub');
    await move(reference, 'DELIVERED');
    await expect.poll(async () => (await emailsOf(reference)).map((email) => [email.kind, email.status, email.locale])).toEqual([
      ['CONFIRMATION', 'SENT', 'nl'],
      ['READY_FOR_PICKUP', 'SENT', 'nl'],
    ]);
    // Packed and delivered send nothing.
    expect(smtp.received.filter((mail) => mail.subject.includes(reference))).toHaveLength(2);
  });

  it('names the pickup point in the orderer’s language, in the confirmation and in the notice', async () => {
    const dutch = await place(order('Lotte Peeters', 'lotte.p@example.org'));
    const confirmation = await smtp.waitFor((mail) => mail.subject.includes(dutch));
    expect(confirmation.text).toContain('Je haalt ze op bij Student Hub, hoofdcampus Etterbeek (gebouw Y).');
    expect(confirmation.text).not.toContain('main campus');
    await move(dutch, 'PACKED');
    await move(dutch, 'READY_FOR_PICKUP');
    const ready = await smtp.waitFor((mail) => mail.subject === `Je schrijfpakketten liggen klaar (${dutch})`);
    expect(ready.text).toContain('liggen klaar bij Student Hub, hoofdcampus Etterbeek (gebouw Y).');
  });

  it('records the request’s language for an order that names none, and writes in it', async () => {
    const { data, errors } = await sut.gql(ORDER_KIT, { input: kitOrderInput('Camille Dubois', 'camille@example.org', { language: 'fr' }) }, { 'accept-language': 'fr-BE,fr;q=0.9' });
    expect(errors).toBeUndefined();
    const reference = data!.orderKit.reference;
    const confirmation = await smtp.waitFor((mail) => mail.subject.includes(reference));
    expect(confirmation.subject).toBe(`Vos kits d'écriture pour Write for Rights (${reference})`);
    expect(confirmation.text).toContain('Vous les retirerez à Student Hub, campus principal d’Etterbeek (bâtiment Y).');
    expect(await sut.sql(`SELECT locale FROM kit_order WHERE reference = $1`, [reference])).toEqual([{ locale: 'fr' }]);
  });

  it('tells a postal order, in English, where its kits were posted', async () => {
    const reference = await place(order('Sam Jacobs', 'sam@example.org', { locale: 'en', language: 'en', delivery: BY_POST }));
    await smtp.waitFor((mail) => mail.subject === `Your writing kits for Write for Rights (${reference})`);
    await move(reference, 'PACKED');
    await move(reference, 'SHIPPED');
    const shipped = await smtp.waitFor((mail) => mail.subject === `Your writing kits are on their way (${reference})`);
    expect(shipped.text).toContain('Pleinlaan 2');
    expect(shipped.text).toContain('1050 Elsene');
  });

  it('tries again after a refusal for now, and gives up on a refusal for good, saying so to organisers', async () => {
    smtp.refuseNext(1, 451);
    const retried = await place(order('Jo Maes', 'jo.maes@example.org'));
    await smtp.waitFor((mail) => mail.subject.includes(retried));
    expect(await emailsOf(retried)).toEqual([expect.objectContaining({ kind: 'CONFIRMATION', status: 'SENT', attempts: 2 })]);

    smtp.refuseNext(1, 550);
    const refused = await place(order('Kim Claes', 'kim.claes@example.org'));
    await expect.poll(async () => (await emailsOf(refused))[0]).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'SMTP 550', sentAt: null });
  });

  it('erases the address and text of a person’s emails with their contact data', async () => {
    const reference = await place(order('Noor Aerts', 'noor.aerts@example.org'));
    await smtp.waitFor((mail) => mail.subject.includes(reference));
    const erased = await sut.gql(EraseKitOrderContactDocument, { email: 'noor.aerts@example.org' }, organiser);
    expect(erased.data).toEqual({ eraseKitOrderContact: 1 });
    const rows = await sut.sql(
      `SELECT e.recipient, e.subject, e.body, e.status FROM email_outbox e JOIN kit_order o ON o.id = e.kit_order_id WHERE o.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ recipient: null, subject: null, body: null, status: 'sent' }]);
    expect(JSON.stringify(await sut.sql('SELECT * FROM email_outbox'))).not.toContain('noor.aerts');
  });

  it('sends one address at most 5 confirmations a day, whoever orders; organisers see the rest as not sent', async () => {
    // Anyone can order a kit for any address: without a limit the form is a way to flood a
    // stranger's mailbox. The orders themselves are kept.
    const references: string[] = [];
    for (let i = 0; i < 6; i++) references.push(await place(order('Flood Target', i % 2 ? 'Target@Example.org' : 'target@example.org')));
    for (const reference of references.slice(0, 5)) await smtp.waitFor((mail) => mail.subject.includes(reference));
    const held = (await emailsOf(references[5]!))[0];
    expect(held).toMatchObject({ kind: 'CONFIRMATION', status: 'FAILED', attempts: 0, lastError: 'limit: 5 confirmations a day to this address', sentAt: null });
    expect(smtp.received.filter((mail) => mail.subject.includes(references[5]!))).toHaveLength(0);
    const [{ n }] = (await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM kit_order WHERE lower(contact_email) = 'target@example.org'`)) as [{ n: number }];
    expect(n).toBe(6);
  });

  it('writes no email address in any log line', () => {
    expect(sut.logs.some((line) => line.msg === 'email sent')).toBe(true);
    expect(sut.logs.some((line) => line.msg === 'email failed; given up')).toBe(true);
    expect(JSON.stringify(sut.logs)).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});

describe('kit-order emails when the mail server is away', () => {
  let sut: TestServer;
  beforeAll(async () => {
    // Nothing listens on port 9 of loopback: every try fails to connect.
    sut = await startServer({ SMTP_URL: 'smtp://127.0.0.1:9', EMAIL_RETRY_BASE_MS: '60000' });
  });
  afterAll(() => sut?.stop());

  it('takes the order at once, and keeps the email queued for a later try', async () => {
    const started = Date.now();
    const { data, errors } = await sut.gql(ORDER_KIT, { input: order('Ilse Wouters', 'ilse@example.org') });
    expect(errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect
      .poll(async () => (await sut.sql(`SELECT e.status, e.last_error FROM email_outbox e JOIN kit_order o ON o.id = e.kit_order_id WHERE o.reference = $1`, [data!.orderKit.reference]))[0], { timeout: 15_000 })
      .toEqual({ status: 'queued', last_error: expect.stringMatching(/^E[A-Z]+$/) });
  });
});

describe('kit-order emails without SMTP_URL', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  it('queues and promises nothing', async () => {
    expect((await sut.gql(GetKitOrderEmailsEnabledDocument)).data).toEqual({ kitOrderEmails: false });
    const { errors } = await sut.gql(ORDER_KIT, { input: order('Mia Janssens', 'mia@example.org') });
    expect(errors).toBeUndefined();
    expect(await sut.sql('SELECT count(*)::int AS n FROM email_outbox')).toEqual([{ n: 0 }]);
  });
});

describe.skipIf(!onPostgres)('kit-order emails from several processes on one database', () => {
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let servers: TestServer[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await createTestDatabase();
    const env = { SMTP_URL: smtp.url, RATE_LIMIT_KIT_ORDERS_PER_MINUTE: '100' };
    servers = [await startServer(env, { database }), await startServer(env, { database })];
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
    await smtp?.close();
  });

  it('sends each email once, whichever process claims it', async () => {
    const references: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { data } = await servers[i % 2]!.gql(ORDER_KIT, { input: order(`Student ${i}`, `student${i}@example.org`) });
      references.push(data!.orderKit.reference);
    }
    for (const reference of references) await smtp.waitFor((mail) => mail.subject.includes(reference));
    // Both processes poll the outbox; give them a round more, then count.
    await expect.poll(async () => (await servers[0]!.sql(`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'sent'`))[0]).toEqual({ n: 12 });
    for (const reference of references) expect(smtp.received.filter((mail) => mail.subject.includes(reference))).toHaveLength(1);
  });
});
