import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges';
import { createTokens } from '../support/tokens';
import { signInToAdmin } from './admin-pages';
import { useE2e } from './fixture';

const EVENT = 'human-rights-day-2026';

/**
 * Every Content-Security-Policy violation the page reports (the `securitypolicyviolation`
 * event, on the page and in its frames) and every console message about one, from the first
 * script on. What the page's code, Vue, Chart.js, the QR codes and the service worker
 * registration do must all be allowed by the policy the server sends.
 */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => {
    const events = await Promise.all(page.frames().map((frame) => frame.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []).catch(() => [])));
    return [...events.flat(), ...console];
  };
}

describe('the pages under the Content-Security-Policy', () => {
  // A data folder on disk, so that the production server at the end opens the same database at once.
  const dataDir = mkdtempSync(join(tmpdir(), 'writing-marathon-csp-'));
  const e2e = useE2e({ DATA_DIR: dataDir });
  let organiserToken: string;
  beforeAll(async () => {
    ({ organiserToken } = await createTokens(e2e.server));
    // Numbers on the live screen and the widget, so that Chart.js draws bars.
    await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }], { event: EVENT }) });
  });
  afterAll(async () => {
    // The server lets go of its folder first.
    await e2e.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const visit = async (path: string, ready: (page: Page) => Promise<unknown>, prepare?: (page: Page) => Promise<unknown>) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const violations = await recordViolations(page);
    await prepare?.(page);
    await page.goto(`${e2e.base}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    return { page, violations: await violations() };
  };

  it('reports no violation on the home page, a case page and the pledge form, service worker included', async () => {
    const home = await visit('/', (page) => page.getByTestId('home-total').waitFor());
    expect(home.violations).toEqual([]);
    // The recorder hears a violation when there is one: an inline script is refused.
    const probe = await recordViolations(home.page);
    await home.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ranInline = true';
      document.body.append(script);
    });
    await expect.poll(async () => (await probe()).some((line) => line.startsWith('script-src'))).toBe(true);
    expect(await home.page.evaluate(() => (window as unknown as { ranInline?: boolean }).ranInline)).toBeUndefined();
    // The worker installs after the page's load; its registration and its own fetches are checked too.
    await home.page.evaluate(() => navigator.serviceWorker.ready);
    const casePage = await visit('/cases/zhang-zhan', (page) => page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor());
    expect(casePage.violations).toEqual([]);
    const pledge = await visit(`/pledge?event=${EVENT}`, (page) => page.getByRole('button', { name: /send|pledge/i }).first().waitFor());
    expect(pledge.violations).toEqual([]);
  });

  it('reports no violation on Apollo Sandbox, the landing page of GET /graphql outside production', async () => {
    // Sandbox itself comes from Apollo's CDN, which a machine without internet does not reach:
    // what is checked is that the policy lets the page ask for it, not that it draws.
    const sandbox = await visit('/graphql', (page) => page.locator('#embeddableSandbox').waitFor({ state: 'attached' }));
    expect(sandbox.violations).toEqual([]);
    const policy = (await sandbox.page.request.get(`${e2e.base}/graphql`, { headers: { accept: 'text/html' } })).headers()['content-security-policy'];
    expect(policy).toContain("frame-src 'self' https://sandbox.embed.apollographql.com");
    // Every other page keeps the strict policy.
    const home = (await sandbox.page.request.get(`${e2e.base}/`)).headers()['content-security-policy'];
    expect(home).toContain("script-src 'self';");
    expect(home).not.toContain('apollographql');
  });

  it('reports no violation on the live screen, with its chart, QR code and WebSocket', async () => {
    const live = await visit(`/live?event=${EVENT}`, async (page) => {
      await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
      await page.getByTestId('grand-total').waitFor();
      await page.locator('[data-testid="case-chart"]').waitFor();
    });
    expect(live.violations).toEqual([]);
  });

  it('reports no violation on /admin, signed in, with the widget preview', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const violations = await recordViolations(page);
    await signInToAdmin(page, e2e.base, organiserToken);
    await page.getByRole('button', { name: 'Events' }).click();
    const preview = page.getByRole('region', { name: 'Widget for a website' });
    await preview.frameLocator('iframe').getByTestId('embed-total').waitFor();
    await page.getByRole('button', { name: 'Kit orders' }).click();
    await page.getByRole('button', { name: 'Print packing list' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('reports no violation on the widget and the table sheets', async () => {
    const embed = await visit('/embed/totals', (page) => page.getByTestId('embed-total').waitFor());
    expect(embed.violations).toEqual([]);
    const sheets = await visit(
      `/kit/print?event=${EVENT}`,
      (page) => page.locator('html[data-printed="yes"]').waitFor(),
      (page) =>
        page.addInitScript(() => {
          window.print = () => void document.documentElement.setAttribute('data-printed', 'yes');
        }),
    );
    expect(await sheets.page.locator('[data-testid="case-qr"] svg').count()).toBeGreaterThan(0);
    expect(sheets.violations).toEqual([]);
  });

  // Last: it replaces the server with a production one for what is left of the file.
  it('reports no violation on the page of GET /graphql in production, which loads nothing from another host', async () => {
    await e2e.replaceServer({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    const elsewhere: string[] = [];
    const production = await visit(
      '/graphql',
      (page) => page.getByRole('heading', { name: /GraphQL API/, level: 1 }).waitFor(),
      async (page) => page.on('request', (request) => void (new URL(request.url()).origin !== e2e.base && elsewhere.push(request.url()))),
    );
    expect(production.violations).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(await production.page.locator('script, style, iframe').count()).toBe(0);
    expect(await production.page.getByRole('link', { name: /Back to Write for Rights/ }).getAttribute('href')).toBe('/');
  });
});
