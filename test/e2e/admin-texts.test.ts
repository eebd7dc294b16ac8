import { type BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { ListContentTextsDocument, SetContentTextDocument } from '../support/generated/content';
import { createTokens } from '../support/tokens';
import { signInToAdmin } from './admin-pages';
import { useE2e } from './fixture';
import { phoneContext, seriousAccessibilityViolations } from './student-pages';

const NEW_DUTCH_REASON = 'opgesloten omdat ze eerlijk berichtte over corona in Wuhan';

describe('the Texts tab of /admin', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let organiser: Record<string, string>;
  let organiserToken: string;

  const untranslatedInDutch = async (): Promise<number> => {
    const { data, errors } = await e2e.server.gql(ListContentTextsDocument, {}, organiser);
    expect(errors).toBeUndefined();
    return data!.contentTexts.filter((text) => text.en && !text.nl).length;
  };

  beforeAll(async () => {
    ({ organiser, organiserToken } = await createTokens(e2e.server));
    // One Dutch text not yet written: the reason of Zhang Zhan.
    const { errors } = await e2e.server.gql(SetContentTextDocument, { input: { subject: 'CASE', slug: 'zhang-zhan', field: 'reason', locale: 'nl', text: null } }, organiser);
    expect(errors).toBeUndefined();
  });

  async function openTextsTab() {
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInToAdmin(page, e2e.base, organiserToken);
    await page.getByRole('button', { name: 'Texts' }).click();
    await page.getByRole('heading', { name: 'Texts in every language' }).waitFor();
    return page;
  }

  const dutchName = async (slug: string) => {
    const { data } = await e2e.server.gql(ListContentTextsDocument, {}, organiser);
    return data!.contentTexts.find((text) => text.slug === slug && text.field === 'name')!.nl;
  };

  it('translates the Dutch reason of a case: a Dutch reader sees it, and the untranslated count shrinks', async () => {
    const before = await untranslatedInDutch();
    expect(before).toBeGreaterThan(0);
    const total = (await e2e.server.gql(ListContentTextsDocument, {}, organiser)).data!.contentTexts.length;

    const page = await openTextsTab();
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('nl');
    const count = page.getByTestId('untranslated-count');
    await count.getByText(`${before} of ${total} texts`).waitFor();

    // Whom to write to and where: not known, listed as missing.
    await page.getByTestId('missing-facts').getByText(/Zhang Zhan.*whom to write to, postal address/).waitFor();

    await page.getByLabel('Untranslated only').check();
    const row = page.locator('tr[data-slug="zhang-zhan"][data-field="reason"]');
    await row.getByText('imprisoned for exposing the truth about Corona').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'admin-texts');
    await page.getByLabel('Zhang Zhan, reason (Dutch)').fill(NEW_DUTCH_REASON);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(untranslatedInDutch).toBe(before - 1);
    await count.getByText(before - 1 === 0 ? `All ${total} texts are in Dutch` : `${before - 1} of ${total} texts`).waitFor();

    const reader = await phoneContext(e2e.browser, 'nl-BE');
    const casePage = await reader.newPage();
    await casePage.goto(`${e2e.base}/cases/zhang-zhan`);
    await casePage.getByText(NEW_DUTCH_REASON).waitFor();
    await reader.close();
  });

  it('marks a Dutch text whose English changed since, counts them, and confirms one that is still right without retyping it', async () => {
    const addressee = { subject: 'CASE' as const, slug: 'janna-jihad', field: 'appealAddressee' };
    const set = async (locale: string, text: string) => {
      const { errors } = await e2e.server.gql(SetContentTextDocument, { input: { ...addressee, locale, text } }, organiser);
      expect(errors).toBeUndefined();
    };
    await set('en', 'The Minister of Justice');
    await set('nl', 'De minister van Justitie');
    // Whom to write to changes in English after the Dutch was written.
    await set('en', 'The Attorney General');

    const page = await openTextsTab();
    const count = page.getByTestId('outdated-count');
    await count.getByText('1 Dutch text was translated from an English text that has changed since').waitFor();
    // Whom to write to is called out above the list.
    await page.getByTestId('changed-addressees').getByText(/Janna Jihad.*The Attorney General/).waitFor();
    await page.getByLabel('English changed only').check();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = page.locator('tr[data-slug="janna-jihad"][data-field="appealAddressee"]');
    await row.getByText('English changed since this translation').waitFor();
    await row.getByText('The Minister of Justice').waitFor();
    await row.getByText('The Attorney General').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'admin-texts-outdated');

    await row.getByRole('button', { name: 'Still right' }).click();
    await count.getByText('Every Dutch text was translated from the English of now').waitFor();
    expect(await row.getByText('English changed since this translation').count()).toBe(0);
    expect(await page.getByTestId('changed-addressees').count()).toBe(0);
    const { data } = await e2e.server.gql(ListContentTextsDocument, {}, organiser);
    expect(data!.contentTexts.find((text) => text.slug === 'janna-jihad' && text.field === 'appealAddressee')).toMatchObject({
      nl: 'De minister van Justitie',
      outdated: [],
    });
  });

  it('gives the texts that may run over lines a text area, and the one-line texts a line', async () => {
    const page = await openTextsTab();
    const story = page.getByLabel('Zhang Zhan, story (Dutch)');
    const reason = page.getByLabel('Zhang Zhan, reason (Dutch)');
    expect(await story.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await reason.evaluate((element) => element.tagName)).toBe('INPUT');
  });

  it('says what a refused text breaks, and stores nothing', async () => {
    const before = await dutchName('wendy-galarza');
    const page = await openTextsTab();
    const row = page.locator('tr[data-subject="CASE"][data-slug="wendy-galarza"][data-field="name"]');
    await page.getByLabel('Wendy Galarza, name (Dutch)').fill('W'.repeat(2_000));
    await row.getByRole('button', { name: 'Save' }).click();
    await row.locator('[id$="-error"]').waitFor();
    expect(await row.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    expect(await dutchName('wendy-galarza')).toBe(before);
  });
});
