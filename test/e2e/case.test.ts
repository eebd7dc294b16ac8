import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser';
import { startServer, type TestServer } from '../support/server';
import { phoneContext } from './student-pages';

describe('case page (/cases/:slug)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    base = new URL(server.url).origin;
    await server.sql(
      `UPDATE "case" SET about = $1, appeal_address = $2, card_address = $3 WHERE slug = 'zhang-zhan'`,
      [
        'Zhang Zhan is a former lawyer and citizen journalist.',
        'Prosecutor General\nSupreme People’s Procuratorate\nBeijing, China',
        'Zhang Zhan\nc/o Amnesty International Belgium',
      ],
    );
    await server.sql(`UPDATE "case" SET about = NULL, appeal_address = NULL, card_address = NULL WHERE slug = 'wendy-galarza'`);
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows who the person is, why they are at risk, what the letter asks and where mail goes', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/cases/zhang-zhan`);
    await page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor();
    await page.getByText('imprisoned for exposing the truth about Corona').waitFor();
    await page.getByRole('heading', { name: 'Who is Zhang Zhan?' }).waitFor();
    await page.getByText('Zhang Zhan is a former lawyer and citizen journalist.').waitFor();
    await page.getByText('asks the authorities to release Zhang Zhan immediately').waitFor();
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    await page.getByText('Supreme People’s Procuratorate').waitFor();
    await saveScreenshot(page, 'case-zhang-zhan');
  });

  it('leaves out what the data does not have', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/cases/wendy-galarza`);
    await page.getByText('asks the authorities to protect Wendy Galarza').waitFor();
    expect(await page.getByRole('heading', { name: 'Where to send' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Who is Wendy Galarza?' }).count()).toBe(0);
  });

  it('says so for an unknown case', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/cases/nobody`);
    await page.getByRole('heading', { name: 'This case does not exist.' }).waitFor();
  });

  it('is reached from the pledge form, which keeps the counts and the event on the way back', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/pledge?event=human-rights-day-2026`);
    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('link', { name: 'About Zhang Zhan' }).click();
    await page.getByRole('heading', { name: 'Who is Zhang Zhan?' }).waitFor();
    await page.getByRole('link', { name: 'Back to the pledge form' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, no cards' }).waitFor();
    expect(new URL(page.url()).search).toBe('?event=human-rights-day-2026');
  });
});
