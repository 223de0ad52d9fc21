// The map page's main-thread blocking as a phone sees it, observed rather than simulated: Lighthouse's mobile
// score on this shared machine swings by ±10 points between runs of one build (docs/quality.md), too much to tell
// a change of 100 ms. Chromium runs the page with its CPU slowed down 4× (as Lighthouse's mobile profile) and
// reports every long task (PerformanceObserver 'longtask'); blocking is the sum of each task's time beyond 50 ms
// from the first contentful paint until three seconds after the map is ready (Lighthouse's definition, minus its
// simulation). The About page, with no map, is measured in the same runs as the reference.
// Usage: node bench/main-thread.mjs <base url> [runs]   Prints a Markdown table (medians, then every run).
import { chromium } from 'playwright-core';

const [base, runs = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.MOVINGCITIES_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const pages = [
  ['map', '/de', 'map-ready'], ['map', '/en', 'map-ready'],
  ['about (reference)', '/de/about', null], ['about (reference)', '/en/about', null],
];

async function measure(path, readyMark) {
  // Lighthouse's mobile screen: 412 × 823 CSS pixels at 1.75 device pixels each.
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
  if (readyMark) await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, readyMark, { timeout: 120_000 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(3000);
  const seen = await page.evaluate(() => ({
    tasks: globalThis.__longTasks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  }));
  await context.close();
  const after = seen.tasks.filter(([start]) => start >= seen.fcp);
  return {
    blocking: Math.round(after.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)),
    longest: Math.round(Math.max(0, ...seen.tasks.map(([, duration]) => duration))),
    count: seen.tasks.length,
  };
}

const results = pages.map(() => []);
for (let run = 0; run < Number(runs); run++) {
  // Pages take turns, so a busy minute on the machine touches each of them alike.
  for (const [i, [, path, mark]] of pages.entries()) results[i].push(await measure(path, mark));
}
await browser.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| page | address | blocking (ms, median) | longest task (ms, median) | long tasks (median) | blocking, every run |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const [i, [name, path]] of pages.entries()) {
  const rs = results[i];
  console.log(`| ${name} | \`${path}\` | ${median(rs.map((r) => r.blocking))} | ${median(rs.map((r) => r.longest))} | ${median(rs.map((r) => r.count))} | ${rs.map((r) => r.blocking).join(', ')} |`);
}
