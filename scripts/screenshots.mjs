// Takes the screenshots in docs/screenshots/: the map, the map with Konstanz's panel open, and Konstanz's city page,
// at desktop (1366×800) and phone (390×844) size, in German and English. Debian's Chromium through playwright-core;
// every request outside the app is refused. Usage: node scripts/screenshots.mjs <base url> <folder>
import { chromium } from 'playwright-core';

const [base, folder] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.MOVINGCITIES_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--font-render-hinting=none'],
});
const sizes = { desktop: { width: 1366, height: 800 }, phone: { width: 390, height: 844 } };
const shots = [
  ['map', (lang) => `/${lang}`, (page) => page.waitForSelector('[data-explorer][data-map-state=ready]', { state: 'attached' })],
  ['map-panel', (lang) => `/${lang}?city=konstanz`, async (page) => {
    await page.waitForSelector('[data-explorer][data-map-state=ready]', { state: 'attached' });
    await page.waitForSelector('#city-panel[data-city=konstanz]:not([aria-busy])');
  }],
  ['city', (lang) => `/${lang}/cities/konstanz`, (page) => page.waitForSelector('.mini-map.leaflet-container')],
];
for (const [size, viewport] of Object.entries(sizes)) {
  const phone = size === 'phone';
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, reducedMotion: 'reduce' });
  await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
  for (const lang of ['de', 'en']) {
    for (const [name, path, ready] of shots) {
      const page = await context.newPage();
      await page.goto(base + path(lang));
      await ready(page);
      await page.waitForTimeout(800); // zoom animations and the cluster fade settle
      const file = `${folder}/${name}-${size}-${lang}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
  await context.close();
}
await browser.close();
