import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser';
import { ListEventsDocument } from '../support/generated/catalogue';
import { SEED_EVENING, TOTALS } from '../support/pledges';
import { graphql, killLeftovers, spawnServer, type ServerProcess } from '../support/processes';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/server';
import { phoneContext } from '../e2e/student-pages';

const EVENT = 'human-rights-day-2026';
/** The page retries a queued pledge at most 30 s apart; a replay by the service worker comes on top. */
const DELIVERY_DEADLINE_MS = 45_000;

/**
 * A student's evening, on a phone, in one browser session: scan the projector's QR code (its
 * join address), count letters and a card, read about the person written for, write from a
 * case page and count it there (“I wrote it”), lose the network in a basement lecture hall
 * and pledge anyway, look at the live totals, order a writing kit, switch to French on a case
 * page and pledge in French, and read the pages in Dutch. Every step is a tap a student makes;
 * the server is started as the README says.
 */
describe('a student’s evening, on a phone', () => {
  let database: TestDatabase;
  let folder: string | undefined;
  let server: ServerProcess;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let origin: string;

  const pledgesCounted = async (): Promise<number> => {
    const { data, errors } = await graphql(server.url, TOTALS, { event: EVENT });
    expect(errors).toBeUndefined();
    return data!.totals.pledges;
  };

  beforeAll(async () => {
    if (onPostgres) database = await createTestDatabase();
    else {
      folder = mkdtempSync(join(tmpdir(), 'wm-student-'));
      database = { env: { DATA_DIR: join(folder, 'data') }, drop: async () => undefined };
    }
    // A browser fills the kit form faster than a person can, which the form's fill-time check
    // (tested on its own) would take for a script.
    server = await spawnServer({ ...database.env, FORM_MIN_FILL_MS: '0' });
    origin = new URL(server.url).origin;
    browser = await launchBrowser();
    phone = await phoneContext(browser);
    // The evening of the event, on the phone's clock: the pledges say they were made then, so
    // they count on any date (a spawned server runs on the real clock, which may be past it).
    await phone.clock.setFixedTime(new Date(SEED_EVENING));
    page = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await killLeftovers();
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('1. opens the join address under the projector’s QR code and lands on the event’s pledge form', async () => {
    const { data } = await graphql(server.url, ListEventsDocument);
    const { code } = data!.events.find((event) => event.slug === EVENT)!;
    await page.goto(`${origin}/p/${code}`);
    await page.getByText('At Human Rights Day writing evening').waitFor();
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/pledge');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('2. counts two appeal letters and a solidarity card for Zhang Zhan in a few taps', async () => {
    const before = await pledgesCounted();
    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'One more: Solidarity cards for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'Send: 2 letters, 1 card' }).click();
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor();
    expect(await pledgesCounted()).toBe(before + 1);
    // The thank-you shows the evening's total with the student's three in it.
    const { data } = await graphql(server.url, TOTALS, { event: EVENT });
    await page.getByTestId('total-value').getByText(String(data!.totals.total), { exact: true }).waitFor();
    await page.getByText('+3 from you').waitFor();
    await saveScreenshot(page, 'journey-student-pledged');
  });

  it('3. reads about Zhang Zhan before the next pledge, and comes back to the form', async () => {
    await page.getByRole('button', { name: 'Add another pledge' }).click();
    await page.getByRole('link', { name: 'About Zhang Zhan' }).click();
    await page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'What your letter asks' }).waitFor();
    await saveScreenshot(page, 'journey-student-case');
    await page.getByRole('link', { name: 'Back to the pledge form' }).click();
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
  });

  it('4. opens a case from the home page, reads the story and the sample letter, and counts “I wrote it” for the event', async () => {
    await page.goto(`${origin}/?event=${EVENT}`);
    await page.locator('[data-case="mikita-zalatarou"] a').click();
    await page.getByRole('heading', { name: 'Mikita Zalatarou', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Who is Mikita Zalatarou?' }).waitFor();
    await page.getByRole('heading', { name: 'Sample appeal letter' }).waitFor();
    await page.getByRole('link', { name: 'How to write a good letter' }).waitFor();
    // The home page's case links carry no event; the QR code on a table sheet does.
    await page.goto(`${origin}/cases/mikita-zalatarou?event=${EVENT}`);
    const before = await pledgesCounted();
    await page.getByRole('button', { name: 'I wrote it: 1 letter, no cards' }).click();
    await page.getByTestId('case-pledge-status').getByText('Counted. Thank you for writing for Mikita Zalatarou!').waitFor();
    expect(await pledgesCounted()).toBe(before + 1);
    await saveScreenshot(page, 'journey-student-wrote-it');
    await page.goto(`${origin}/pledge?event=${EVENT}`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
  });

  it('5. loses the network in a basement lecture hall, pledges anyway, and is counted once when it returns', async () => {
    // The form opened once with the network: from now on the service worker has it.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const before = await pledgesCounted();
    await phone.setOffline(true);
    await page.reload();
    await page.getByText('No connection right now. You can still pledge').waitFor();
    await page.getByRole('button', { name: 'One more: Appeal letters for Bernardo Caal Xol' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, no cards' }).click();
    await page.getByTestId('delivery-status').getByText('Saved on this phone, will be sent').waitFor();
    await saveScreenshot(page, 'journey-student-offline');
    expect(await pledgesCounted()).toBe(before);

    await phone.setOffline(false);
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor({ timeout: DELIVERY_DEADLINE_MS });
    expect(await pledgesCounted()).toBe(before + 1);
  });

  it('6. follows “Live totals” from the home page and sees the evening’s total', async () => {
    const { data } = await graphql(server.url, TOTALS);
    await page.goto(`${origin}/`);
    await page.getByTestId('link-live').click();
    await page.waitForURL(`${origin}/live`);
    const total = page.getByTestId('grand-total');
    await total.waitFor();
    await expect.poll(async () => Number((await total.textContent())!.replace(/\D/g, ''))).toBe(data!.totals.total);
    await saveScreenshot(page, 'journey-student-live');
  });

  it('7. orders a writing kit to pick up, and keeps its reference', async () => {
    await page.goto(`${origin}/`);
    await page.getByTestId('link-kit').click();
    await page.getByLabel('Your name').fill('Lotte Peeters');
    await page.getByLabel('Email', { exact: true }).fill('lotte.peeters@vub.be');
    await page.getByLabel('Number of kits').fill('2');
    await page.getByRole('radio', { name: 'Dutch' }).check();
    await page.getByRole('radio', { name: /Student Hub/ }).check();
    await page.getByRole('checkbox', { name: /I agree that the Amnesty International student group/ }).check();
    await page.getByRole('button', { name: 'Order my kits' }).click();
    const reference = (await page.getByTestId('kit-reference').textContent())!.trim();
    expect(reference).toMatch(/^KIT-[A-Z0-9]{6}$/);
    await page.getByText('2 writing kits are on their way to you.').waitFor();
    await saveScreenshot(page, 'journey-student-kit');
  });

  it('8. switches to French on a case page, pledges in French, sees the thanks in French, and the next pages stay French', async () => {
    // The QR code on the next table's sheet, in English as the phone is.
    await page.goto(`${origin}/cases/wendy-galarza?event=${EVENT}`);
    await page.getByRole('heading', { name: 'Who is Wendy Galarza?' }).waitFor();
    await page.getByRole('button', { name: /^FR/ }).click();
    // The page's words and the case's texts from the server, in French.
    await page.getByRole('heading', { name: 'Qui est Wendy Galarza ?' }).waitFor();
    await page.getByText('Mexique', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Retour au formulaire' }).click();
    await page.getByRole('heading', { name: 'Qu’avez-vous écrit ?' }).waitFor();
    await page.getByText('À Soirée d’écriture de la Journée des droits humains').waitFor();
    const before = await pledgesCounted();
    await page.getByRole('button', { name: 'Une de plus : Lettres d’appel pour Wendy Galarza' }).click();
    await page.getByRole('button', { name: 'Envoyer : 1 lettre, aucune carte' }).click();
    await page.getByRole('heading', { name: 'Merci !' }).waitFor();
    await page.getByTestId('delivery-status').getByText('Envoyé. Vos lettres et cartes sont comptées.').waitFor();
    await page.getByText('+1 de votre part').waitFor();
    expect(await pledgesCounted()).toBe(before + 1);
    await saveScreenshot(page, 'journey-student-french');
    // The next page, and a page opened afresh, keep the language chosen.
    await page.getByRole('link', { name: 'Commander un kit d’écriture gratuit' }).click();
    await page.getByRole('heading', { name: 'Commander un kit d’écriture gratuit', level: 1 }).waitFor();
    await page.goto(`${origin}/`);
    await page.getByTestId('link-pledge').getByText('Déclarez vos lettres').waitFor();
  });

  it('9. reads the home page and the pledge form in Dutch', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: /^NL/ }).click();
    await page.getByTestId('link-pledge').click();
    await page.getByRole('heading', { name: 'Wat heb je geschreven?' }).waitFor();
    await page.getByRole('button', { name: 'Eén meer: Appelbrieven voor Zhang Zhan' }).waitFor();
    await saveScreenshot(page, 'journey-student-dutch');
  });
});
