import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser the e2e global setup found (test/support/chromium.mjs), as `npm test`'s pretest did. */
    chromiumPath: string;
  }
}

const screenshotDir = resolve('test-results/screenshots');

/** `executablePath`: the tests' browser by default; the benchmarks, outside Vitest, find their own. */
export function launchBrowser(executablePath: string = inject('chromiumPath')): Promise<Browser> {
  return chromium.launch({
    // A browser found on this machine; the tests never download one.
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Saves a screenshot as a test artifact under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = resolve(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
