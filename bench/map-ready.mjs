// Measures the map page in headless Chromium (Debian's, driven by playwright-core): time from navigation until
// the page marks the map ready (every marker or cluster placed), the bytes of /api/cities on the wire, and how
// smooth a drag-pan is afterwards (longest gap between animation frames while the mouse pans the map).
// Usage: node bench/map-ready.mjs <base url> [runs]   Prints one JSON line.
import { chromium } from 'playwright-core';

const [base, runs = '3'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.MOVINGCITIES_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic'],
});

const results = [];
for (let run = 0; run < Number(runs); run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'commit' });
  await page.waitForSelector('[data-explorer][data-map-state=ready]', { state: 'attached', timeout: 120_000 });
  const measured = await page.evaluate(() => {
    const layer = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname === '/api/cities');
    return {
      readyMs: performance.getEntriesByName('map-ready')[0].startTime,
      layerMs: layer ? layer.responseEnd - layer.startTime : null,
      transferBytes: layer?.transferSize ?? null,
      bodyBytes: layer?.decodedBodySize ?? null,
      markersInDom: document.querySelectorAll('.leaflet-marker-icon').length,
    };
  });

  // Drag-pan across the map and record the frame gaps meanwhile.
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = (now) => { window.__gaps.push(now - last); last = now; if (window.__gaps.length < 100000) window.__frame = requestAnimationFrame(tick); };
    window.__frame = requestAnimationFrame(tick);
  });
  await page.mouse.move(900, 400);
  await page.mouse.down();
  for (let step = 1; step <= 30; step++) await page.mouse.move(900 - step * 15, 400 + step * 5);
  await page.mouse.up();
  await page.waitForTimeout(300);
  const gaps = await page.evaluate(() => { cancelAnimationFrame(window.__frame); return window.__gaps.slice(1); });
  gaps.sort((a, b) => a - b);
  measured.panMaxFrameMs = Math.round(gaps.at(-1) ?? 0);
  measured.panP95FrameMs = Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0);
  results.push(measured);
  await context.close();
}
await browser.close();

const median = (key) => {
  const values = results.map((r) => r[key]).filter((v) => v !== null).sort((a, b) => a - b);
  return values.length ? Math.round(values[Math.floor(values.length / 2)]) : null;
};
console.log(JSON.stringify({
  runs: results.length,
  readyMs: median('readyMs'), layerMs: median('layerMs'), transferBytes: median('transferBytes'), bodyBytes: median('bodyBytes'),
  markersInDom: median('markersInDom'), panMaxFrameMs: median('panMaxFrameMs'), panP95FrameMs: median('panP95FrameMs'),
  all: results,
}));
