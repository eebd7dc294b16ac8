// Renders the app's PNG icons (dashboard/public/icons/) from icon.svg with the Chromium the
// browser tests use: `node dashboard/icons/render-icons.mjs`. The PNGs are committed, so a
// build needs neither a browser nor an image library; run this again after changing the SVG.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../../test/support/chromium.mjs';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = readFileSync(`${dir}icon.svg`, 'utf8');

/** Maskable icons are cut to a circle or a squircle: the drawing keeps to the middle 80% (the safe zone), on black to the edges. */
const icons = [
  { file: 'icon-192.png', size: 192, scale: 1 },
  { file: 'icon-512.png', size: 512, scale: 1 },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, scale: 1 },
];

const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, scale } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const drawn = Math.round(size * scale);
    await page.setContent(
      `<body style="margin:0;background:#000;display:grid;place-items:center;width:${size}px;height:${size}px">` +
        `<img width="${drawn}" height="${drawn}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: `${dir}${file}`, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${file}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
