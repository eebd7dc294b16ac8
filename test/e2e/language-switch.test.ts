import { type Page, type Request, type Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { GetCaseTextsDocument } from '../support/generated/writing';
import { useE2e } from './fixture';
import { phoneContext } from './student-pages';

/**
 * A student taps NL, then FR before the Dutch answer is back, and the Dutch answer is the slower
 * one: the page must end in French. Each page below reads server content again on a switch.
 */
const PAGES = [
  { name: 'the case page', path: '/cases/zhang-zhan', operation: 'GetCase' },
  { name: 'the pledge form', path: '/pledge', operation: 'LoadPledgeForm' },
  { name: 'the home page', path: '/', operation: 'GetHomePage' },
] as const;

/** Lets the tasks already queued in the page run (a response handed over, Vue's re-render). */
const settled = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve())))));

describe('a fast switch of language', () => {
  const e2e = useE2e();

  async function reason(language: string): Promise<string> {
    const { data, errors } = await e2e.server.gql(GetCaseTextsDocument, { slug: 'zhang-zhan' }, { 'accept-language': language });
    expect(errors).toBeUndefined();
    return String(data!.case!.reason);
  }

  for (const { name, path, operation } of PAGES) {
    it(`on ${name}, ends in the last language chosen although the one before answered later`, async () => {
      const [english, dutch, french] = await Promise.all([reason('en'), reason('nl'), reason('fr')]);
      // No service worker: every request goes through page.route.
      const context = await phoneContext(e2e.browser, 'en-GB', { serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${e2e.base}${path}`);
      await page.getByText(english).first().waitFor();

      let frenchAnswered!: () => void;
      const frenchDone = new Promise<void>((resolve) => (frenchAnswered = resolve));
      let dutchRequest: Request | null = null;
      const dutchOutcome = new Promise<string>((resolve) => {
        page.on('requestfinished', (request) => request === dutchRequest && resolve('finished'));
        page.on('requestfailed', (request) => request === dutchRequest && resolve('failed'));
      });
      let dutchSent!: () => void;
      const dutchAsked = new Promise<void>((resolve) => (dutchSent = resolve));
      await page.route('**/graphql', async (route: Route) => {
        const request = route.request();
        const language = request.headers()['accept-language'];
        if (request.headers()['x-apollo-operation-name'] !== operation) return route.continue();
        if (language === 'nl') {
          dutchRequest = request;
          dutchSent();
          // The Dutch answer is held until the French one has reached the page.
          await frenchDone;
          await route.continue().catch(() => undefined); // aborted by the page meanwhile: nothing to send
          return;
        }
        const response = await route.fetch();
        await route.fulfill({ response });
        frenchAnswered();
      });

      await page.getByRole('button', { name: /^NL/ }).click();
      await dutchAsked;
      await page.getByRole('button', { name: /^FR/ }).click();
      await page.getByText(french).first().waitFor();
      await dutchOutcome;
      await settled(page);

      expect(await page.getByText(french).count()).toBeGreaterThan(0);
      expect(await page.getByText(dutch).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await saveScreenshot(page, `language-switch-${operation}`);
    });
  }
});
