// Measures how long changing a filter takes on the map page in headless Chromium (Debian's, driven by
// playwright-core): from the change event to the explorer's data-map-state=ready, when markers, list and legend
// counts all show the new selection. Each change is one of a fixed cycle (tick a commitment type, untick it, pick a
// country, all countries again, tick a status, untick it), repeated; the first cycle warms up and is not counted.
// Also reports the synchronous part (filtering, counts, list, until the handler returns) apart from the
// markers' placement. Usage: node bench/filter-change.mjs <base url> [cycles]   Prints one JSON line.
import { chromium } from 'playwright-core';

const [base, cycles = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.MOVINGCITIES_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
const page = await context.newPage();
await page.goto(`${base}en`, { waitUntil: 'commit' });
await page.waitForSelector('[data-explorer][data-map-state=ready]', { state: 'attached', timeout: 180_000 });
const cities = await page.evaluate(() => document.querySelector('[data-role=summary]').textContent);

/** One change, made in the page: returns { total, sync } in ms, from dispatching the change to data-map-state=ready. */
const change = (step) => page.evaluate((step) => new Promise((resolve) => {
  const root = document.querySelector('[data-explorer]');
  const box = (selector) => document.querySelector(selector);
  let start;
  let sync;
  const observer = new MutationObserver(() => {
    if (root.dataset.mapState !== 'ready') return;
    observer.disconnect();
    resolve({ total: performance.now() - start, sync, entries: document.querySelectorAll('#city-list > li').length });
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-map-state'] });
  start = performance.now();
  if (step === 'type' || step === 'status') {
    const input = box(step === 'type' ? 'input[name=commitment][value=sea-rescue-support]' : 'input[name=status][value=decided]');
    input.checked = !input.checked;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const select = box('[data-role=country]');
    select.value = step === 'country' ? 'DE' : '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  sync = performance.now() - start;
}), step);

const steps = ['type', 'type', 'country', 'all-countries', 'status', 'status'];
const results = [];
for (let cycle = 0; cycle < Number(cycles) + 1; cycle++) {
  for (const step of steps) {
    const measured = await change(step);
    await page.waitForTimeout(300); // let the refit's animation and the cluster fade finish, as a person would
    if (cycle > 0) results.push({ step, ...measured });
  }
}
await browser.close();

const median = (values) => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const round = (n) => Math.round(n);
const byStep = Object.fromEntries(steps.filter((s, i) => steps.indexOf(s) === i).map((step) => [step, round(median(results.filter((r) => r.step === step).map((r) => r.total)))]));
console.log(JSON.stringify({
  cities, changes: results.length,
  medianMs: round(median(results.map((r) => r.total))), medianSyncMs: round(median(results.map((r) => r.sync))),
  maxMs: round(Math.max(...results.map((r) => r.total))), byStep,
  all: results.map((r) => ({ step: r.step, total: round(r.total), sync: round(r.sync) })),
}));
