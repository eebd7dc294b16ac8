import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { CountEventPledgesDocument, GetCaseTextsDocument, ListCaseNamesDocument } from '../support/generated/writing';
import { useE2e } from './fixture';
import { phoneContext, seriousAccessibilityViolations } from './student-pages';

const EVENT = 'human-rights-day-2026';
/** The address phones reach the service at: the table sheets' QR codes use it, not the address the page came from. */
const PUBLIC_URL = 'https://marathon.example.edu';
/** The page retries a queued pledge at most 30 s apart; a replay by the service worker comes on top. */
const DELIVERY_DEADLINE_MS = 45_000;
/** A4 less the sheet's 12 mm margins, in CSS pixels (96 per inch): what one printed page holds. */
const PRINTABLE_WIDTH_PX = Math.round(((210 - 24) / 25.4) * 96);
const PRINTABLE_HEIGHT_PX = Math.round(((297 - 24) / 25.4) * 96);

/** What a QR code in a PNG screenshot says, or null. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

describe('the writing page (/cases/:slug) and the table sheets (/kit/print)', () => {
  const e2e = useE2e({ PUBLIC_URL });
  let context: BrowserContext;

  async function pledgesCounted(): Promise<number> {
    const { data, errors } = await e2e.server.gql(CountEventPledgesDocument, { event: EVENT });
    expect(errors).toBeUndefined();
    return data!.totals.pledges;
  }

  /** The texts of a case that people read, as the API gives them in one language. */
  async function caseTexts(slug: string, language: string): Promise<Record<string, unknown>> {
    const { data, errors } = await e2e.server.gql(GetCaseTextsDocument, { slug }, { 'accept-language': language });
    expect(errors).toBeUndefined();
    return data!.case!;
  }

  /** The page's visible text, one string. */
  const pageText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

  for (const [language, browserLocale, heading] of [
    ['nl', 'nl-BE', 'Wat je brief vraagt'],
    ['fr', 'fr-BE', 'Ce que demande votre lettre'],
  ] as const) {
    it(`in ${language.toUpperCase()}, shows the case's texts in that language and none of its English ones`, async () => {
      const english = await caseTexts('zhang-zhan', 'en');
      const translated = await caseTexts('zhang-zhan', language);
      expect(translated.language).toBe(language);
      expect(translated.untranslated).toEqual([]);

      context = await phoneContext(e2e.browser, browserLocale);
      const page = await context.newPage();
      await page.goto(`${e2e.base}/cases/zhang-zhan?event=${EVENT}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByText(String(translated.reason)).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

      const shown = await pageText(page);
      // Each English paragraph or line that differs from the translation (names are the same in every language).
      const englishOnly = Object.entries(english)
        .filter(([field, value]) => typeof value === 'string' && !['language'].includes(field) && value !== translated[field])
        .flatMap(([, value]) => String(value).split(/\n+/))
        .map((piece) => piece.replace(/\s+/g, ' ').trim())
        .filter((piece) => piece.length > 12);
      expect(englishOnly.length).toBeGreaterThan(5);
      expect(englishOnly.filter((piece) => shown.includes(piece))).toEqual([]);
      for (const field of ['reason', 'askFor', 'sampleLetter'] as const) {
        expect(shown).toContain(String(translated[field]).split(/\n+/)[0]!.replace(/\s+/g, ' ').trim());
      }
      expect(await page.title()).toBe(`${translated.name} · Write for Rights`);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      if (language === 'nl') await page.screenshot({ path: 'test-results/screenshots/case-nl-phone.png', fullPage: true });
    });
  }

  it('switches language in place: the texts come again in the new one', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/cases/zhang-zhan`);
    const english = await caseTexts('zhang-zhan', 'en');
    const dutch = await caseTexts('zhang-zhan', 'nl');
    await page.getByText(String(english.reason)).waitFor();
    const asked: (string | null)[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') asked.push(request.headers()['accept-language'] ?? null);
    });
    await page.getByRole('button', { name: /^NL/ }).click();
    await page.getByText(String(dutch.reason)).waitFor();
    expect(asked).toContain('nl');
    expect(asked).not.toContain('en');
  });

  it('on the pledge form, a switch of language reads the cases again and reconnects the live total’s socket in that language', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    const connections: unknown[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: unknown };
        if (message.type === 'connection_init') connections.push(message.payload);
      }),
    );
    await page.goto(`${e2e.base}/pledge?event=${EVENT}`);
    const english = await caseTexts('zhang-zhan', 'en');
    const french = await caseTexts('zhang-zhan', 'fr');
    await page.getByText(String(english.reason)).waitFor();
    await expect.poll(() => connections).toEqual([{ locale: 'en' }]);
    await page.getByRole('button', { name: /^FR/ }).click();
    await page.getByText(String(french.reason)).waitFor();
    await expect.poll(() => connections).toEqual([{ locale: 'en' }, { locale: 'fr' }]);
  });

  it('leads from the home page and the case page to the letter-writing guide, in each language', async () => {
    context = await phoneContext(e2e.browser, 'fr-BE');
    const page = await context.newPage();
    await page.goto(`${e2e.base}/`);
    await page.getByTestId('link-guide').click();
    await page.getByRole('heading', { name: 'Comment écrire une bonne lettre', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Le timbre' }).waitFor();
    expect(await page.title()).toBe('Comment écrire une bonne lettre · Write for Rights');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^NL/ }).click();
    await page.getByRole('heading', { name: 'Zo schrijf je een goede brief', level: 1 }).waitFor();
    await page.goto(`${e2e.base}/cases/zhang-zhan?event=${EVENT}`);
    await page.getByRole('link', { name: 'Zo schrijf je een goede brief' }).click();
    await page.waitForURL(`${e2e.base}/guide?event=${EVENT}`);
    await page.getByRole('heading', { name: 'Onderteken hem' }).waitFor();
  });

  it('writes dates as the reader does: the 24-hour clock, day and month names in the page’s language', async () => {
    for (const [locale, shown] of [
      ['en-GB', 'Thursday 10 December, 18:00–21:00'],
      ['en-US', 'Thursday 10 December, 18:00–21:00'],
      ['nl-BE', 'donderdag 10 december, 18:00–21:00'],
      ['fr-BE', 'jeudi 10 décembre, 18:00–21:00'],
    ] as const) {
      context = await e2e.browser.newContext({ locale, timezoneId: 'Europe/Brussels', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${e2e.base}/`);
      await page.locator(`[data-event="${EVENT}"]`).getByText(shown).waitFor();
      await context.close();
    }
  });

  it('counts a one-case pledge once for the event, after it waited offline', async () => {
    const before = await pledgesCounted();
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/cases/janna-jihad?event=${EVENT}`);
    await page.getByRole('heading', { name: 'Janna Jihad', level: 1 }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'One more: Solidarity cards for Janna Jihad' }).click();
    await page.getByRole('button', { name: 'I wrote it: 1 letter, 1 card' }).click();
    await page.getByTestId('case-pledge-status').getByText('Saved on this phone').waitFor();
    const [stored] = await page.evaluate(() => JSON.parse(localStorage.getItem('writing-marathon.pledge-queue') ?? '[]'));
    expect(stored.input).toMatchObject({ event: EVENT, lines: [{ case: 'janna-jihad', appealLetters: 1, solidarityCards: 1 }] });
    expect(await pledgesCounted()).toBe(before);

    await context.setOffline(false);
    await page.getByTestId('case-pledge-status').getByText('Counted. Thank you for writing for Janna Jihad!').waitFor({ timeout: DELIVERY_DEADLINE_MS });
    expect(await pledgesCounted()).toBe(before + 1);
    const rows = await e2e.server.sql<{ count: number }>('SELECT count(*)::int AS count FROM pledge WHERE client_key = $1', [stored.input.clientKey]);
    expect(rows[0]!.count).toBe(1);
    // The button is ready for the next letter.
    await page.getByRole('button', { name: 'I wrote it: 1 letter, no cards' }).waitFor();
  });

  it('prints the table sheets of an event: one A4 page per case, each with its name and a QR code to its case page for the event', async () => {
    const { data } = await e2e.server.gql(ListCaseNamesDocument);
    const cases = data!.cases;
    context = await e2e.browser.newContext({ viewport: { width: PRINTABLE_WIDTH_PX, height: 900 }, deviceScaleFactor: 2, locale: 'en-GB' });
    const page = await context.newPage();
    // Headless Chromium has no print dialog: note that the page asked for it.
    await page.addInitScript(() => {
      window.print = () => void document.documentElement.setAttribute('data-printed', 'yes');
    });
    await page.goto(`${e2e.base}/kit/print?event=${EVENT}`);
    await page.locator('html[data-printed="yes"]').waitFor();
    expect(await page.locator('[data-testid="case-qr"] svg').count()).toBe(cases.length);
    expect(await page.title()).toBe('Table sheets: Human Rights Day writing evening · Write for Rights');
    await saveScreenshot(page, 'kit-print-screen');

    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBe(cases.length);
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 in points

    await page.emulateMedia({ media: 'print' });
    const sheets = page.locator('section.sheet');
    expect(await sheets.count()).toBe(cases.length);
    for (const [index, { slug, name }] of cases.entries()) {
      const sheet = sheets.nth(index);
      await expect.poll(() => sheet.locator('h1').innerText()).toBe(name);
      const box = (await sheet.boundingBox())!;
      expect(box.height, `${slug}'s sheet fits one page`).toBeLessThanOrEqual(PRINTABLE_HEIGHT_PX);
      const png = await sheet.locator('[data-testid="case-qr"] .code').screenshot();
      expect(decodeQr(png), slug).toBe(`${PUBLIC_URL}/cases/${slug}?event=${EVENT}`);
      if (index === 1) await sheet.screenshot({ path: 'test-results/screenshots/case-sheet-print.png' });
    }
  });
});
