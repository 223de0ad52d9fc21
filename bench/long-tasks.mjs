// One load of a map page under 4× CPU slowdown, as a timeline: each long task (PerformanceObserver 'longtask')
// between the page's own marks (cities-loaded, markers-created, map-ready) and the first contentful paint, then the
// blocking time counted as bench/main-thread.mjs counts it. For telling which step of the start a long task
// belongs to, and for quick A/B runs (bench/main-thread-ab.sh).
// Usage: node bench/long-tasks.mjs <base url> [path]   (default /de)
import { chromium } from 'playwright-core';

const [base, path = '/de'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.MOVINGCITIES_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
// Lighthouse's mobile screen, as in main-thread.mjs.
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.addInitScript(() => {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) globalThis.__longTasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(base + path);
await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 120_000 });
await page.waitForTimeout(3000);
const seen = await page.evaluate(() => ({
  tasks: globalThis.__longTasks,
  marks: performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]),
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
}));
await browser.close();

const rows = [
  ...seen.tasks.map(([start, duration]) => [start, `task ${Math.round(duration)} ms`]),
  ...seen.marks.map(([name, time]) => [time, `mark ${name}`]),
  [seen.fcp, 'first contentful paint'],
].sort((a, b) => a[0] - b[0]);
for (const [time, what] of rows) console.log(`${String(Math.round(time)).padStart(6)} ms  ${what}`);
const blocking = seen.tasks.filter(([start]) => start >= seen.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
const ready = seen.marks.find(([name]) => name === 'map-ready')?.[1] ?? 0;
console.log(`map-ready ${Math.round(ready)} ms, blocking ${Math.round(blocking)} ms`);
