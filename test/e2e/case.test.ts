import { type BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { GetCaseAskForDocument } from '../support/generated/writing';
import { phoneContext } from './student-pages';
import { useE2e } from './fixture';

describe('case page (/cases/:slug)', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    await e2e.server.sql(
      `UPDATE "case" SET about = $1, appeal_address = $2, card_address = $3 WHERE slug = 'zhang-zhan'`,
      [
        'Zhang Zhan is a former lawyer and citizen journalist.',
        'Prosecutor General\nSupreme People’s Procuratorate\nBeijing, China',
        'Zhang Zhan\nc/o Amnesty International Belgium',
      ],
    );
    await e2e.server.sql(`UPDATE "case" SET about = NULL, appeal_address = NULL, card_address = NULL WHERE slug = 'wendy-galarza'`);
  });

  it('shows who the person is, why they are at risk, what the letter asks and where mail goes', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/cases/zhang-zhan`);
    await page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor();
    await page.getByText('imprisoned for exposing the truth about Corona').waitFor();
    await page.getByRole('heading', { name: 'Who is Zhang Zhan?' }).waitFor();
    await page.getByText('Zhang Zhan is a former lawyer and citizen journalist.').waitFor();
    // What the campaign's kit says the letter asks, or the words for its kind of ask.
    const { data } = await e2e.server.gql(GetCaseAskForDocument, { slug: 'zhang-zhan' });
    await page.getByText(data!.case!.askFor ?? 'asks the authorities to release Zhang Zhan immediately').waitFor();
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    await page.getByText('Supreme People’s Procuratorate').waitFor();
    await saveScreenshot(page, 'case-zhang-zhan');
  });

  it('says “to be announced” where the addresses are not known, and leaves out a story it does not have', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/cases/wendy-galarza`);
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    await page.getByTestId('appeal-address').getByText('To be announced').first().waitFor();
    expect(await page.getByTestId('appeal-address').getByText('To be announced').count()).toBe(2);
    expect(await page.getByRole('heading', { name: 'Who is Wendy Galarza?' }).count()).toBe(0);
  });

  it('says so for an unknown case', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/cases/nobody`);
    await page.getByRole('heading', { name: 'This case does not exist.' }).waitFor();
  });

  it('is reached from the pledge form, which keeps the counts and the event on the way back', async () => {
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/pledge?event=human-rights-day-2026`);
    await page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).click();
    await page.getByRole('link', { name: 'About Zhang Zhan' }).click();
    await page.getByRole('heading', { name: 'Who is Zhang Zhan?' }).waitFor();
    await page.getByRole('link', { name: 'Back to the pledge form' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, no cards' }).waitFor();
    expect(new URL(page.url()).search).toBe('?event=human-rights-day-2026');
  });
});
