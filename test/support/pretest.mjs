// @ts-check
// `npm test` runs this first: the browser tests need a Chromium, and a missing one stops the run
// here with one sentence, not at the launch of every browser test.
import { ChromiumMissing, ensureChromium } from './chromium.mjs';

try {
  console.log(`Browser tests use Chromium at ${ensureChromium()}.`);
} catch (error) {
  if (!(error instanceof ChromiumMissing)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
