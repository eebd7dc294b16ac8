import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { useE2e } from './fixture';
import { phoneContext } from './student-pages';

const EVENT = 'human-rights-day-2026';
/** The pages a student opens on the evening, each with something of its own to wait for. */
const PAGES = [
  ['home', '/', '[data-testid="home-total"]'],
  ['pledge', `/pledge?event=${EVENT}`, 'h2:has-text("Zhang Zhan"), h3:has-text("Zhang Zhan")'],
  ['case', `/cases/zhang-zhan?event=${EVENT}`, 'h1'],
  ['guide', `/guide?event=${EVENT}`, 'h1'],
  ['kit', '/kit', 'form'],
  ['live', `/live?event=${EVENT}`, '[data-testid="grand-total"]'],
] as const;

describe('the student pages on a phone, in Dutch and French', () => {
  const e2e = useE2e();

  for (const [language, locale] of [
    ['nl', 'nl-BE'],
    ['fr', 'fr-BE'],
  ] as const) {
    it(`in ${language.toUpperCase()}, none scrolls sideways`, async () => {
      const context = await phoneContext(e2e.browser, locale);
      const page = await context.newPage();
      for (const [name, path, ready] of PAGES) {
        await page.goto(`${e2e.base}${path}`);
        await page.locator(ready).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} in ${language}`).toBeLessThanOrEqual(0);
        await saveScreenshot(page, `phone-${language}-${name}`);
      }
    });
  }

  it('says “no letters or cards yet” on the home page before the first pledge, in each language', async () => {
    for (const [locale, shown] of [
      ['en-GB', 'no letters or cards yet'],
      ['nl-BE', 'nog geen brieven of kaarten'],
      ['fr-BE', 'pas encore de lettre ni de carte'],
    ] as const) {
      const context = await phoneContext(e2e.browser, locale);
      const page = await context.newPage();
      await page.goto(`${e2e.base}/`);
      await expect.poll(() => page.getByTestId('home-total').textContent()).toContain(shown);
      await context.close();
    }
  });
});
