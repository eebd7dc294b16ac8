import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser';
import { signInToAdmin } from '../e2e/admin-pages';
import { SEED_EVENING, SUBMIT_PLEDGE, pledgeInput } from '../support/pledges';
import { graphql, killLeftovers, printedToken, runTokenCli, spawnServer, type ServerProcess } from '../support/processes';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/server';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { ListCaseNamesDocument } from '../support/generated/writing';
import { CreateNextCampaignDocument } from '../support/generated/authorization';
import { CreateCaseDocument } from '../../dashboard/graphql/generated/admin';

/** A port nothing listens on now, so that PUBLIC_URL can name it before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * An organiser's first event, as the README's "An organiser's first event" tells it: start the
 * server with PUBLIC_URL and SMTP_URL, make a token with `npm run token` while it runs, sign
 * in on /admin, give the evening a goal and put the live screen up, take two kit orders from
 * /kit and see them through, export both CSVs, translate a text and confirm a translation whose
 * English changed, print the table sheets, prepare next year's campaign and print the sheets of
 * its first event, and find the emails at the mail server. One browser page throughout (the
 * sheets open in tabs of their own).
 */
describe('an organiser’s first event', () => {
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let folder: string | undefined;
  let env: Record<string, string>;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let organiserToken: string;
  const references: { pickup?: string; post?: string } = {};

  beforeAll(async () => {
    smtp = await startSmtpServer();
    if (onPostgres) database = await createTestDatabase();
    else {
      folder = mkdtempSync(join(tmpdir(), 'wm-journey-'));
      database = { env: { DATA_DIR: join(folder, 'data') }, drop: async () => undefined };
    }
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The README's environment for the evening. A browser fills the kit form faster than a
    // person can, which the form's fill-time check (tested on its own) would take for a script.
    env = {
      ...database.env,
      PORT: String(port),
      PUBLIC_URL: origin,
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Amnesty VUB <amnesty@vub.example>',
      FORM_MIN_FILL_MS: '0',
    };
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await killLeftovers();
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
    await smtp?.close();
  });

  const row = (reference: string): Locator => page.locator(`tr[data-reference="${reference}"]`);
  const shownStatus = (reference: string) => row(reference).locator('[data-status]').textContent();

  it('1. starts the server, which offers a one-time sign-in link while no organiser token exists', async () => {
    server = await spawnServer(env);
    expect(server.url).toBe(`http://localhost:${new URL(origin).port}/graphql`);
    expect(server.stdout()).toContain(`${origin}/admin#sign-in=`);
  });

  it('2. makes an organiser token with the README’s command while the server runs, and signs in on /admin', async () => {
    const created = await runTokenCli(['create', '--role', 'organiser', '--name', 'Amnesty VUB student group'], env, { npm: true });
    expect(created.code).toBe(0);
    organiserToken = printedToken(created.stdout);
    await signInToAdmin(page, origin, organiserToken);
    // This server sends email: no "contact them yourselves" notice.
    await page.getByRole('status').getByText('No orders').waitFor();
    expect(await page.getByText('This server sends no email').count()).toBe(0);
  });

  it('3. gives the event a goal of its own, then projects it: the live screen shows that goal and a join address phones can open', async () => {
    await page.getByRole('button', { name: 'Events' }).click();
    await page.getByRole('button', { name: 'Edit: Human Rights Day writing evening' }).click();
    await page.getByLabel('Goal of this event (optional)').fill('300');
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByRole('status').getByText('Event saved.').waitFor();
    // The events list leads to each event's live screen.
    await page.getByRole('link', { name: 'Live screen: Human Rights Day writing evening' }).click();
    await page.waitForURL(`${origin}/live?event=human-rights-day-2026`);
    await page.getByTestId('grand-total').waitFor();
    await expect.poll(() => page.locator('.goal').textContent()).toContain('of our goal of 300 letters and cards');
    const address = (await page.getByTestId('pledge-url').textContent())!;
    expect(address).toMatch(new RegExp(`^127\\.0\\.0\\.1:${new URL(origin).port}/p/[a-z2-9]{4}$`));
    // PUBLIC_URL is set: nothing to warn about.
    expect(await page.locator('.controls').getByRole('note').count()).toBe(0);
    await saveScreenshot(page, 'journey-live');
    const join = await fetch(`http://${address}`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(join.headers.get('location')).toBe('/pledge?event=human-rights-day-2026');
    // A student in the room pledges from their phone; the screen counts it without a reload.
    const pledged = await graphql(server.url, SUBMIT_PLEDGE, {
      // Made during the evening (a spawned server runs on the real clock, which may be past it).
      input: { ...pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }], { event: 'human-rights-day-2026' }), madeAt: SEED_EVENING },
    });
    expect(pledged.errors).toBeUndefined();
    await expect.poll(async () => Number((await page.getByTestId('grand-total').textContent())!.replace(/\D/g, ''))).toBe(3);
  });

  it('4. takes two kit orders from /kit, in the student’s language, each confirmed by email', async () => {
    await page.goto(`${origin}/kit`);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Number of kits').fill('3');
    await page.getByRole('radio', { name: /Student Hub/ }).check();
    await page.getByRole('checkbox', { name: /I agree/ }).check();
    await page.getByRole('button', { name: 'Order my kits' }).click();
    references.pickup = (await page.getByTestId('kit-reference').textContent())!.trim();
    await page.getByText('We email ada@example.org when your kits are ready to pick up.', { exact: false }).waitFor();

    await page.goto(`${origin}/kit`);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /NL/ }).click();
    await page.getByLabel('Je naam').fill('Noor Janssens');
    await page.getByLabel('E-mail', { exact: true }).fill('noor@example.org');
    await page.getByRole('radio', { name: /Per post opsturen/ }).check();
    await page.getByLabel('Straat en huisnummer').fill('Pleinlaan 2');
    await page.getByLabel('Postcode').fill('1050');
    await page.getByLabel('Gemeente').fill('Elsene');
    await page.getByRole('checkbox', { name: /Ik ga ermee akkoord/ }).check();
    await page.getByRole('button', { name: 'Bestel mijn pakketten' }).click();
    references.post = (await page.getByTestId('kit-reference').textContent())!.trim();

    const english = await smtp.waitFor((mail) => mail.subject === `Your writing kits for Write for Rights (${references.pickup})`);
    expect(english.to).toEqual(['ada@example.org']);
    const dutch = await smtp.waitFor((mail) => mail.subject === `Je schrijfpakketten voor Write for Rights (${references.post})`);
    expect(dutch.to).toEqual(['noor@example.org']);
    expect(dutch.text).toContain('Pleinlaan 2');
  });

  it('5. moves one order through every status and the other with bulk steps, without a reload', async () => {
    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: /EN/ }).click();
    await page.goto(`${origin}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const pickup = references.pickup!;
    const post = references.post!;
    await row(pickup).waitFor();
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    for (const [button, status] of [
      ['Mark packed', 'Packed'],
      ['Mark ready for pickup', 'Ready for pickup'],
      ['Mark delivered', 'Delivered'],
    ] as const) {
      await row(pickup).getByRole('button', { name: button }).click();
      await expect.poll(() => shownStatus(pickup)).toBe(status);
    }

    await page.getByLabel(`Select ${post}`).check();
    const bulk = page.getByRole('group', { name: 'Selected orders' });
    for (const [button, status] of [
      ['Mark selected packed', 'Packed'],
      ['Mark selected shipped', 'Shipped'],
      ['Mark selected delivered', 'Delivered'],
    ] as const) {
      await bulk.getByRole('button', { name: button }).click();
      await bulk.getByRole('status').getByText(`1 order moved to ${status}.`).waitFor();
      await expect.poll(() => shownStatus(post)).toBe(status);
    }
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

    // The notices reached the students, and /admin says so.
    const ready = await smtp.waitFor((mail) => mail.subject === `Your writing kits are ready to pick up (${pickup})`);
    expect(ready.to).toEqual(['ada@example.org']);
    const shipped = await smtp.waitFor((mail) => mail.subject === `Je schrijfpakketten zijn onderweg (${post})`);
    expect(shipped.to).toEqual(['noor@example.org']);
    // The list again, as the search button fetches it (no reload).
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await row(post).waitFor();
        return row(post).locator('[data-email-status="SENT"]').count();
      })
      .toBe(2);
    await row(post).getByText(/Posted notice: sent/).waitFor();
    await row(pickup).getByText(/Ready notice: sent/).waitFor();
    await row(pickup).getByText(/Confirmation: sent/).waitFor();
    await saveScreenshot(page, 'journey-admin');
  });

  it('6. exports the kit orders and the totals as CSV', async () => {
    const [orders] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kit orders (CSV)' }).click()]);
    const ordersCsv = parse(await readFile((await orders.path())!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const statusOf = (reference: string) => ordersCsv.find((row) => row.reference === reference)?.status;
    expect(statusOf(references.pickup!)).toBe('delivered');
    expect(statusOf(references.post!)).toBe('delivered');
    expect(ordersCsv.map((row) => row.contact_name)).toContain('Noor Janssens');

    const [totals] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Totals per case and faculty (CSV)' }).click()]);
    const [header, ...totalsRows] = parse(await readFile((await totals.path())!, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['campaign', 'event', 'case_slug', 'case', 'country', 'faculty_slug', 'faculty', 'appeal_letters', 'solidarity_cards', 'total', 'note']);
    expect(totalsRows.map((row) => row[3])).toContain('Zhang Zhan');
  });

  it('7. corrects an English text in the Texts tab, confirms that its Dutch is still right, and translates it into French', async () => {
    await page.getByRole('button', { name: 'Texts' }).click();
    await page.getByRole('heading', { name: 'Texts in every language' }).waitFor();
    const language = page.getByRole('combobox', { name: 'Language' });
    const placeRow = page.locator('tr[data-subject="EVENT"][data-field="location"]');
    // The English place said "hall"; the room's sign says "room".
    await language.selectOption('en');
    await page.getByLabel('Human Rights Day writing evening, place (English)').fill('Main campus Etterbeek, building D, room D.0.03');
    await placeRow.getByRole('button', { name: 'Save' }).click();
    await placeRow.getByText('Saved.').waitFor();

    // The Dutch was translated from the English of before: marked, with that English beside it.
    await language.selectOption('nl');
    const outdated = page.getByTestId('outdated-count');
    await outdated.getByText('1 Dutch text was translated from an English text that has changed since').waitFor();
    const englishChangedOnly = page.getByLabel('English changed only');
    await englishChangedOnly.check();
    await placeRow.getByText('English changed', { exact: true }).waitFor();
    await placeRow.locator('del').getByText('Main campus Etterbeek, building D, hall D.0.03').waitFor();
    // "zaal" is right for a room too.
    await placeRow.getByRole('button', { name: 'Still right' }).click();
    await outdated.getByText('Every Dutch text was translated from the English of now').waitFor();
    await englishChangedOnly.uncheck();
    // Back in the whole list: the Dutch as it was, no longer marked.
    expect(await page.getByLabel('Human Rights Day writing evening, place (Dutch)').inputValue()).toBe('Hoofdcampus Etterbeek, gebouw D, zaal D.0.03');
    expect(await placeRow.getByText('English changed', { exact: true }).count()).toBe(0);

    await language.selectOption('fr');
    const place = page.getByLabel('Human Rights Day writing evening, place (French)');
    await place.fill('Campus de la Plaine, auditoire Q');
    await placeRow.getByRole('button', { name: 'Save' }).click();
    await placeRow.getByText('Saved.').waitFor();
    const french = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
      body: JSON.stringify({ query: '{ events { slug location } }' }),
    });
    expect(((await french.json()) as { data: { events: { location: string }[] } }).data.events[0]!.location).toBe('Campus de la Plaine, auditoire Q');
  });

  it('8. prints the evening’s table sheets from the Events tab: one A4 page per case', async () => {
    await page.getByRole('button', { name: 'Events' }).click();
    // Headless Chromium has no print dialog; the sheets page asks for it once its QR codes are drawn.
    await page.context().addInitScript(() => {
      window.print = () => void document.documentElement.setAttribute('data-printed', 'yes');
    });
    const [sheets] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Print table sheets: Human Rights Day writing evening' }).click(),
    ]);
    await sheets.waitForURL(`${origin}/kit/print?event=human-rights-day-2026`);
    const { data } = await graphql(server.url, ListCaseNamesDocument);
    const cases = data!.cases;
    await sheets.locator('html[data-printed="yes"]').waitFor();
    expect(await sheets.locator('[data-testid="case-qr"] svg').count()).toBe(cases.length);
    const pdf = await sheets.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(cases.length);
    // The QR codes open the case pages on PUBLIC_URL, for the event.
    expect(await sheets.locator('[data-testid="case-qr"]').first().getAttribute('data-url')).toBe(`${origin}/cases/${cases[0]!.slug}?event=human-rights-day-2026`);
    await sheets.close();
  });

  it('9. prepares next year’s campaign: creates its first event on the Events tab and prints that event’s sheets, with next year’s cases', async () => {
    // The campaign and its case through the organiser mutations; the event as README step 3 says.
    const made = [
      await graphql(server.url, CreateNextCampaignDocument, {}, organiserToken),
      await graphql(
        server.url,
        CreateCaseDocument,
        { campaign: 'w4r-2027', input: { slug: 'ada-2027', name: 'Ada Example', country: 'Chile', countryCode: 'CL', reason: 'detained for organising a strike', ask: 'RELEASE' } },
        organiserToken,
      ),
    ];
    expect(made.map(({ errors }) => errors)).toEqual([undefined, undefined]);
    // /admin read the campaigns when it opened: a reload lists the new one.
    await page.reload();
    await page.getByRole('combobox', { name: 'Campaign' }).selectOption('w4r-2027');
    await page.getByText('No events in this campaign yet.').waitFor();
    await page.getByRole('button', { name: 'New event' }).click();
    await page.getByLabel('Title').fill('Kick-off 2027');
    await page.getByLabel('Short name (slug)').fill('kick-off-2027');
    await page.getByLabel('Starts').fill('2027-11-02T18:00');
    await page.getByLabel('Ends').fill('2027-11-02T21:00');
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByRole('status').getByText('Event saved.').waitFor();
    // The website widget offers the new event at once, as the list above it does.
    const shows = page.getByRole('region', { name: 'Widget for a website' }).getByLabel('Shows');
    expect(await shows.locator('option', { hasText: 'Event: Kick-off 2027' }).count()).toBe(1);

    const [sheets] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Print table sheets: Kick-off 2027' }).click()]);
    await sheets.waitForURL(`${origin}/kit/print?event=kick-off-2027`);
    await sheets.locator('html[data-printed="yes"]').waitFor();
    expect(await sheets.locator('section.sheet h1').allInnerTexts()).toEqual(['Ada Example']);
    // Its QR code opens next year's case, for next year's event.
    expect(await sheets.getByTestId('case-qr').getAttribute('data-url')).toBe(`${origin}/cases/ada-2027?event=kick-off-2027&campaign=w4r-2027`);
    await sheets.close();
  });

  it('10. stops with SIGTERM within 10 s', async () => {
    const exit = await server.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(10_000);
    // Four emails, each once.
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(['ada@example.org', 'ada@example.org', 'noor@example.org', 'noor@example.org']);
  });
});
