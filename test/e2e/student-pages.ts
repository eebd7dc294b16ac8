import { gzipSync } from 'node:zlib';
import axe from 'axe-core';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The phone the issue names: 390x844, touch, an English-speaking browser unless told otherwise.
 * `serviceWorkers: 'block'` is a browser without service workers, where the pages' own offline
 * handling is all there is (and where `page.route` sees every request: it never sees those a
 * service worker answers).
 */
export function phoneContext(browser: Browser, locale = 'en-GB', options: Pick<BrowserContextOptions, 'serviceWorkers'> = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true, locale, ...options });
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core on the page as it is now; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the browser's developer protocol: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Collects every JavaScript file the page loads, to weigh what a route costs a phone. Sizes are
 * of the bodies gzipped here, as a compressing server or CDN would send them.
 */
export function recordScripts(page: Page): () => Promise<{ url: string; gzipBytes: number }[]> {
  const pending: Promise<{ url: string; gzipBytes: number } | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, gzipBytes: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    );
  });
  return async () => (await Promise.all(pending)).filter((entry) => entry !== null);
}
