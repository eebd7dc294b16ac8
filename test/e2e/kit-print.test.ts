import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CreateCaseDocument, CreateEventDocument, UpdateCaseDocument } from '../../dashboard/graphql/generated/admin';
import { saveScreenshot } from '../support/browser';
import { CreateNextCampaignDocument } from '../support/generated/authorization';
import { CountEventPledgesDocument, ListCaseNamesDocument } from '../support/generated/writing';
import { createTokens } from '../support/tokens';
import { useE2e } from './fixture';
import { phoneContext } from './student-pages';

const PUBLIC_URL = 'https://marathon.example.edu';
/** A campaign that is not the current one (the seed's 2026 stays current), with an event and two cases of its own. */
const NEXT_CAMPAIGN = 'w4r-2027';
const NEXT_EVENT = 'kick-off-2027';
const NEXT_CASES = [
  { slug: 'ada-2027', name: 'Ada Example', country: 'Chile', countryCode: 'CL', reason: 'detained for organising a strike', ask: 'RELEASE' },
  { slug: 'ben-2027', name: 'Ben Example', country: 'Peru', countryCode: 'PE', reason: 'threatened for defending a river', ask: 'PROTECT' },
] as const;
/** A4 less the sheet's 12 mm margins, in CSS pixels (96 per inch): what one printed page holds. */
const PRINTABLE_WIDTH_PX = Math.round(((210 - 24) / 25.4) * 96);

/** What a QR code in a PNG screenshot says, or null. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

describe('the table sheets (/kit/print) of any event', () => {
  const e2e = useE2e({ PUBLIC_URL });

  /** The print page as an organiser's laptop opens it; headless Chromium has no print dialog, so the page's call is noted. */
  async function openSheets(query: string): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: PRINTABLE_WIDTH_PX, height: 900 }, deviceScaleFactor: 2, locale: 'en-GB' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.print = () => void document.documentElement.setAttribute('data-printed', 'yes');
    });
    await page.goto(`${e2e.base}/kit/print?${query}`);
    return page;
  }

  async function pledgesAt(event: string): Promise<number> {
    const { data, errors } = await e2e.server.gql(CountEventPledgesDocument, { event });
    expect(errors).toBeUndefined();
    return data!.totals.pledges;
  }

  it('prints an event of another campaign with that campaign’s cases, whose QR codes open them and count for the event, and lead back to that campaign’s form', async () => {
    const { organiser } = await createTokens(e2e.server);
    // One after the other: cases of equal position are listed in the order they were made.
    const created: { errors?: unknown }[] = [await e2e.server.gql(CreateNextCampaignDocument, {}, organiser)];
    for (const input of NEXT_CASES) created.push(await e2e.server.gql(CreateCaseDocument, { campaign: NEXT_CAMPAIGN, input }, organiser));
    created.push(
      await e2e.server.gql(CreateEventDocument, { campaign: NEXT_CAMPAIGN, input: { slug: NEXT_EVENT, title: 'Kick-off 2027', startsAt: '2027-11-02T17:00:00Z', endsAt: '2027-11-02T20:00:00Z' } }, organiser),
    );
    expect(created.map(({ errors }) => errors)).toEqual(created.map(() => undefined));

    const page = await openSheets(`event=${NEXT_EVENT}`);
    await page.locator('html[data-printed="yes"]').waitFor();
    expect(await page.title()).toBe('Table sheets: Kick-off 2027 · Write for Rights');
    await page.emulateMedia({ media: 'print' });
    const sheets = page.locator('section.sheet');
    expect(await sheets.locator('h1').allInnerTexts()).toEqual(NEXT_CASES.map(({ name }) => name));
    const links: string[] = [];
    for (const index of NEXT_CASES.keys()) links.push(decodeQr(await sheets.nth(index).locator('[data-testid="case-qr"] .code').screenshot())!);
    expect(links).toEqual(NEXT_CASES.map(({ slug }) => `${PUBLIC_URL}/cases/${slug}?event=${NEXT_EVENT}&campaign=${NEXT_CAMPAIGN}`));
    await saveScreenshot(page, 'kit-print-other-campaign');

    // The first QR code, on a phone: the 2027 case's page, whose "I wrote it" counts for the 2027 event.
    const before = await pledgesAt(NEXT_EVENT);
    const phone = await (await phoneContext(e2e.browser)).newPage();
    await phone.goto(links[0]!.replace(PUBLIC_URL, e2e.base));
    await phone.getByRole('heading', { name: NEXT_CASES[0].name, level: 1 }).waitFor();
    await phone.getByText(NEXT_CASES[0].reason).waitFor();
    await phone.getByRole('button', { name: 'I wrote it: 1 letter, no cards' }).click();
    await phone.getByTestId('case-pledge-status').getByText(`Counted. Thank you for writing for ${NEXT_CASES[0].name}!`).waitFor();
    expect(await pledgesAt(NEXT_EVENT)).toBe(before + 1);
    await saveScreenshot(phone, 'case-other-campaign-phone');

    // Back to the form: the 2027 campaign's form, whose pledges count for the 2027 event.
    await phone.getByRole('link', { name: 'Back to the pledge form' }).click();
    await phone.getByText('At Kick-off 2027').waitFor();
    const form = phone.getByRole('form', { name: 'What did you write?' });
    await form.getByRole('heading', { name: NEXT_CASES[1].name }).waitFor();
    expect(await form.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(NEXT_CASES.map(({ name }) => name));
    await phone.getByRole('button', { name: `One more: Solidarity cards for ${NEXT_CASES[1].name}` }).click();
    await phone.getByRole('button', { name: 'Send: no letters, 1 card' }).click();
    await phone.getByTestId('delivery-status').getByText('Sent.').waitFor();
    expect(await pledgesAt(NEXT_EVENT)).toBe(before + 2);
  });

  it('says so when the event is unknown, and opens no print dialog', async () => {
    const page = await openSheets('event=no-such-event');
    await page.getByRole('alert').getByText('no-such-event').waitFor();
    expect(await page.locator('section.sheet').count()).toBe(0);
    expect(await page.locator('html[data-printed]').count()).toBe(0);
    await saveScreenshot(page, 'kit-print-unknown-event');
  });

  it('does not cut a long sample letter: its case goes on to a second page, every other case keeps one', async () => {
    const { organiser } = await createTokens(e2e.server);
    const { data } = await e2e.server.gql(ListCaseNamesDocument);
    const cases = data!.cases;
    const slug = cases[2]!.slug;
    const paragraph = 'We are writing to you about a person held for nothing more than speaking out, and we ask you to act without delay. '.repeat(4).trim();
    const lastSentence = 'This is the very last sentence of the long letter, and it must reach the paper.';
    // Near the longest the server takes (5,000 characters).
    const sampleLetter = [...Array.from({ length: 10 }, () => paragraph), `Yours sincerely.\n${lastSentence}`].join('\n\n');
    expect(sampleLetter.length).toBeGreaterThan(4_500);
    const { errors } = await e2e.server.gql(UpdateCaseDocument, { slug, input: { sampleLetter } }, organiser);
    expect(errors).toBeUndefined();

    const page = await openSheets('event=human-rights-day-2026');
    await page.locator('html[data-printed="yes"]').waitFor();
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBe(cases.length + 1);

    // Printed, the last sentence is laid out inside its sheet, nothing hides it, and the QR code follows it.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator(`section.sheet:has([data-case="${slug}"])`);
    const last = sheet.getByText(lastSentence);
    const [sheetBox, lastBox, qrBox] = await Promise.all([sheet.boundingBox(), last.boundingBox(), sheet.getByTestId('case-qr').boundingBox()]);
    expect(lastBox!.y + lastBox!.height).toBeLessThanOrEqual(sheetBox!.y + sheetBox!.height);
    expect(qrBox!.y).toBeGreaterThanOrEqual(lastBox!.y + lastBox!.height);
    expect(await sheet.locator('article').evaluate((article) => article.scrollHeight <= article.clientHeight + 1 && getComputedStyle(article).overflow !== 'hidden')).toBe(true);
    await sheet.screenshot({ path: 'test-results/screenshots/kit-print-long-letter.png' });
  });
});
