import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { TOTALS } from '../support/pledges';
import { phoneContext, recordScripts, seriousAccessibilityViolations } from './student-pages';
import { createTokens } from '../support/tokens';
import { useE2e } from './fixture';

const EVENT = 'human-rights-day-2026';
/** The budget for the pledge route on a phone. */
const PLEDGE_JS_BUDGET = 120 * 1024;

describe('pledge form (/pledge)', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  async function eventTotal(): Promise<number> {
    const { data } = await e2e.server.gql(TOTALS, { event: EVENT });
    return data!.totals.total;
  }

  async function pledgeCount(): Promise<number> {
    const [row] = await e2e.server.sql<{ count: number }>('SELECT count(*)::int AS count FROM pledge');
    return row!.count;
  }

  async function openForm(query = `?event=${EVENT}`, options: Parameters<typeof phoneContext>[2] = {}): Promise<Page> {
    context = await phoneContext(e2e.browser, 'en-GB', options);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge${query}`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    return page;
  }

  it('records a pledge end to end and shows the event total going up, within the JavaScript budget', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    const before = await eventTotal();
    await page.goto(`${e2e.base}/pledge?event=${EVENT}&faculty=law-criminology`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    await page.getByText(`At Human Rights Day writing evening`).waitFor();

    const loaded = await scripts();
    const gzipBytes = loaded.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(`/pledge loads ${(gzipBytes / 1024).toFixed(1)} KB of JavaScript gzipped:`, loaded.map((s) => `${s.url} ${(s.gzipBytes / 1024).toFixed(1)} KB`).join(", "));
    expect(gzipBytes).toBeGreaterThan(10 * 1024); // the measurement saw the app itself
    expect(gzipBytes).toBeLessThanOrEqual(PLEDGE_JS_BUDGET);

    // The faculty preset from the QR code is selected.
    expect(await page.getByLabel('Your faculty (optional)').inputValue()).toBe('law-criminology');

    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'One more: Solidarity cards for Zhang Zhan' }).click();
    await page.getByRole('button', { name: 'One more: Appeal letters for Janna Jihad' }).click();
    await page.getByRole('button', { name: 'Send: 3 letters, 1 card' }).waitFor();
    await saveScreenshot(page, 'pledge-form');

    await page.getByRole('button', { name: 'Send: 3 letters, 1 card' }).click();
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor();
    await page.getByTestId('total-value').getByText(String(before + 4), { exact: true }).waitFor();
    // Let the count-up finish so the screenshot shows the final number.
    await page.locator('.counter').getByText(String(before + 4)).waitFor();
    await saveScreenshot(page, 'pledge-thanks');

    expect(await eventTotal()).toBe(before + 4);
    // One pledge from the faculty: only organisers (and its partner) see its numbers.
    const { organiser } = await createTokens(e2e.server, 'law-criminology');
    const { data } = await e2e.server.gql(TOTALS, { event: EVENT, faculty: 'law-criminology' }, organiser);
    const zhang = data!.totals.cases.find((row: { case: { slug: string } }) => row.case.slug === 'zhang-zhan');
    expect(zhang).toMatchObject({ appealLetters: 2, solidarityCards: 1 });
  });

  it('keeps a pledge on the phone while offline, through a reload, and counts it once when the network returns', async () => {
    // The page's own queue, as in a browser without service workers (offline.test.ts has the app with one).
    const page = await openForm(`?event=${EVENT}`, { serviceWorkers: 'block' });
    const pledgesBefore = await pledgeCount();
    const totalBefore = await eventTotal();
    const delivered: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.postData()?.includes('SubmitPledge')) delivered.push(request.postData()!);
    });

    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'One more: Appeal letters for Bernardo Caal Xol' }).click();
    await page.getByRole('button', { name: 'One more: Solidarity cards for Bernardo Caal Xol' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, 1 card' }).click();
    await page.getByTestId('delivery-status').getByText('Saved on this phone, will be sent').waitFor();
    await saveScreenshot(page, 'pledge-queued');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('writing-marathon.pledge-queue') ?? '[]'));
    expect(stored).toHaveLength(1);
    const clientKey: string = stored[0].input.clientKey;

    // Still offline: the form comes back from the phone's copy and says a pledge is waiting.
    await page.reload();
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    await page.getByTestId('queue-banner').getByText('1 pledge saved on this phone, will be sent.').waitFor();
    await saveScreenshot(page, 'pledge-queued-after-reload');
    expect(await pledgeCount()).toBe(pledgesBefore);

    await page.unroute('**/graphql');
    await page.getByTestId('queue-banner').getByText('Your saved pledge has been sent.').waitFor({ timeout: 45_000 });
    await saveScreenshot(page, 'pledge-sent-after-reload');

    expect(await pledgeCount()).toBe(pledgesBefore + 1);
    expect(await eventTotal()).toBe(totalBefore + 2);
    const rows = await e2e.server.sql<{ count: number }>('SELECT count(*)::int AS count FROM pledge WHERE client_key = $1', [clientKey]);
    expect(rows[0]!.count).toBe(1);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain(clientKey);
    expect(await page.evaluate(() => localStorage.getItem('writing-marathon.pledge-queue'))).toBe('[]');
  });

  it('sends a waiting pledge as soon as the phone is back online', async () => {
    const page = await openForm();
    const pledgesBefore = await pledgeCount();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'One more: Solidarity cards for Ciham Ali Ahmed' }).click();
    await page.getByRole('button', { name: 'Send: no letters, 1 card' }).click();
    await page.getByTestId('delivery-status').getByText('Saved on this phone').waitFor();

    // The `online` event triggers the send; the first planned retry would otherwise be about a second later.
    await context.setOffline(false);
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor();
    expect(await pledgeCount()).toBe(pledgesBefore + 1);
  });

  it('shows the server’s validation messages next to the field they are about, and stores nothing', async () => {
    const page = await openForm();
    const pledgesBefore = await pledgeCount();

    const letters = page.getByRole('textbox', { name: 'Appeal letters for Zhang Zhan' });
    await letters.fill('150');
    await page.getByRole('button', { name: 'One more: Solidarity cards for Rung Panusaya' }).click();
    await page.getByRole('button', { name: 'Send: 150 letters, 1 card' }).click();

    const card = page.getByRole('article', { name: 'Zhang Zhan' });
    await card.getByText('At most 20 appeal letters per person in one pledge.').waitFor();
    expect(await letters.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await letters.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('At most 20 appeal letters');
    // The other case's fields are not marked.
    expect(await page.getByRole('textbox', { name: 'Solidarity cards for Rung Panusaya' }).getAttribute('aria-invalid')).toBeNull();
    // Focus moves to the field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zhang-zhan-appealLetters');
    await saveScreenshot(page, 'pledge-validation');

    // An unknown faculty from a bad QR code is reported on the faculty field.
    await letters.fill('1');
    await page.getByLabel('Your faculty (optional)').evaluate((select: HTMLSelectElement) => {
      select.add(new Option('Old faculty', 'no-such-faculty'));
      select.value = 'no-such-faculty';
      select.dispatchEvent(new Event('change'));
    });
    await page.getByRole('button', { name: 'Send: 1 letter, 1 card' }).click();
    await page.getByText('There is no faculty "no-such-faculty".').waitFor();
    expect(await page.getByLabel('Your faculty (optional)').getAttribute('aria-invalid')).toBe('true');

    expect(await pledgeCount()).toBe(pledgesBefore);
  });

  it('asks for at least one letter or card without sending anything', async () => {
    const page = await openForm();
    await page.getByRole('button', { name: 'Send my pledge' }).click();
    await page.getByRole('alert').getByText('Tap + for at least one letter or card first.').waitFor();
  });

  it('follows the browser language, switches language on request, and shows the server’s refusals in it', async () => {
    context = await phoneContext(e2e.browser, 'nl-BE');
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge`);
    await page.getByRole('heading', { name: 'Wat heb je geschreven?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Qu’avez-vous écrit ?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await saveScreenshot(page, 'pledge-form-fr');

    // The server's refusal comes in the page's language now, with its own limit.
    const before = await pledgeCount();
    await page.getByRole('textbox', { name: 'Lettres d’appel pour Zhang Zhan' }).fill('150');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('article', { name: 'Zhang Zhan' }).getByText('Au maximum 20 lettres d’appel par personne dans un engagement.', { exact: true }).waitFor();
    expect(await pledgeCount()).toBe(before);
  });

  it('says a link for a campaign the service does not have is wrong, in the page’s language, and leads to the current form', async () => {
    context = await phoneContext(e2e.browser, 'fr-BE');
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge?campaign=write-for-rights-2019&event=${EVENT}`);
    const alert = page.getByRole('alert');
    await alert.getByText('Ce lien mène à une campagne qui n’existe pas ici.', { exact: false }).waitFor();
    expect(await alert.textContent()).not.toMatch(/connexion/);
    await saveScreenshot(page, 'pledge-unknown-campaign-fr');
    await alert.getByRole('link', { name: 'Aller au formulaire de cette année' }).click();
    await page.getByRole('heading', { name: 'Qu’avez-vous écrit ?' }).waitFor();
    await page.getByRole('article', { name: 'Zhang Zhan' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('says a link for an event the campaign does not have is wrong, in the page’s language, and leads to the form without it', async () => {
    context = await phoneContext(e2e.browser, 'nl-BE');
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge?event=human-rights-dag`);
    const alert = page.getByRole('alert');
    await alert.getByText('Deze link is voor een evenement dat hier niet bestaat.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /Verstuur/ }).count()).toBe(0);
    await alert.getByRole('link', { name: 'Tel ze zonder evenement' }).click();
    await page.getByRole('article', { name: 'Zhang Zhan' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('has no serious or critical accessibility violations, on the form and after a pledge', async () => {
    const page = await openForm();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'One more: Appeal letters for Wendy Galarza' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, no cards' }).click();
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('gives every control a touch target of at least 44 by 44 pixels on a 360x640 phone', async () => {
    context = await e2e.browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge?event=${EVENT}`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    const small = await page.evaluate(() =>
      // Controls people can reach: the honeypot is hidden from them on purpose.
      [...document.querySelectorAll<HTMLElement>('button, a, select, input')]
        .filter((element) => !element.closest('[aria-hidden="true"]'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ element, box }) => `${element.tagName} ${element.id || element.textContent?.trim()} ${box.width}x${box.height}`),
    );
    expect(small).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'pledge-form-360');
  });
});
