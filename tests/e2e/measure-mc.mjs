// Measures the Monte Carlo in headless Chromium as the app runs it: 1,000
// draws split over 1, 2 and N workers (N = the browser's cores within
// [2, 8]; `window.eduplanMcWorkers` forces the number), from the request to
// the merged bands, read from the app's own status line (用时…毫秒). The
// first run of each page includes starting the workers; the figure is the
// median of the runs after it. Also a goal seek on the main thread. Prints
// figures only.
import { launch, openApp } from './lib.mjs';

const RUNS = 5;

async function mcFigures(browser, workers) {
  const { page, context } = await openApp(browser);
  if (workers) {
    await page.evaluate((n) => { window.eduplanMcWorkers = n; }, workers);
  }
  const n = await page.evaluate(() => window.eduplanMcWorkers ?? Math.min(8, Math.max(2, navigator.hardwareConcurrency)));
  await page.locator('.uncertainty-toggle').click();
  await page.locator('.mc-draws').selectOption('1000');
  const times = [];
  for (let i = 0; i <= RUNS; i += 1) {
    times.push(await page.evaluate(async (value) => {
      const status = () => document.querySelector('.mc-status')?.textContent ?? '';
      const until = (ok) => new Promise((resolve) => {
        const check = () => (ok() ? resolve() : setTimeout(check, 2));
        check();
      });
      if (value !== null) {
        // a new scenario, so the draws run again
        const before = status();
        const slider = document.querySelector('#lever-kg-convert_to_public');
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        slider.dispatchEvent(new Event('change', { bubbles: true }));
        await until(() => status() !== before);
      }
      await until(() => /用时\d+毫秒/.test(status()) && /1000次模拟/.test(status()));
      return Number(/用时(\d+)毫秒/.exec(status())[1]);
    }, i === 0 ? null : 100 * i));
  }
  await context.close();
  const warm = times.slice(1).sort((a, b) => a - b);
  return { n, first: times[0], median: warm[Math.floor(warm.length / 2)] };
}

const browser = await launch();
try {
  const rows = [];
  for (const workers of [1, 2, null]) {
    rows.push(await mcFigures(browser, workers));
  }
  rows.forEach((r, i) => {
    const label = i === 2 ? `the browser's cores (${r.n} workers)` : `${r.n} worker${r.n > 1 ? 's' : ''}`;
    console.log(`Monte Carlo in headless Chromium, ${label}: 1000 draws in ${r.median} ms (median of ${RUNS}; first run with worker start ${r.first} ms)`);
  });
  // goal seek through the UI: the answer's own timing, on the main thread
  const { page, context } = await openApp(browser);
  await page.locator('tr[data-target="senior_ger"] .seek-open').click();
  await page.locator('.seek-lever').selectOption('senior.progression');
  const seekMs = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('.seek-run').click();
    await new Promise((r) => { const mo = new MutationObserver(() => { mo.disconnect(); r(); }); mo.observe(document.querySelector('.target-board'), { subtree: true, childList: true, characterData: true }); });
    return performance.now() - t0;
  });
  console.log(`goal seek (senior_ger by τ): ${seekMs.toFixed(1)} ms`);
  await context.close();
} finally {
  await browser.close();
}
