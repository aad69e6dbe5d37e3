// Measures the Monte Carlo in headless Chromium: 1,000 draws in the worker
// (as the app runs them) and a goal seek on the main thread. Prints figures only.
import { launch, openApp } from './lib.mjs';

const browser = await launch();
try {
  const { page, context } = await openApp(browser);
  const figures = await page.evaluate(async () => {
    const worker = new Worker('./eduplan-mc_loader.js');
    await new Promise((r) => { worker.onmessage = () => r(); });
    const run = (draws) => new Promise((resolve) => {
      worker.onmessage = (e) => resolve(JSON.parse(e.data).ms);
      worker.postMessage(JSON.stringify({ scenario: {}, settings: { draws, seed: 1, spread: 1 } }));
    });
    await run(20); // warm up
    const ms = await run(1000);
    worker.terminate();
    return { ms };
  });
  // goal seek through the UI: the answer's own timing, on the main thread
  await page.locator('tr[data-target="senior_ger"] .seek-open').click();
  await page.locator('.seek-lever').selectOption('senior.progression');
  const seekMs = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('.seek-run').click();
    await new Promise((r) => { const mo = new MutationObserver(() => { mo.disconnect(); r(); }); mo.observe(document.querySelector('.target-board'), { subtree: true, childList: true, characterData: true }); });
    return performance.now() - t0;
  });
  console.log(`Monte Carlo in headless Chromium (worker): 1000 draws in ${figures.ms.toFixed(0)} ms; goal seek (senior_ger by τ): ${seekMs.toFixed(1)} ms`);
  await context.close();
} finally {
  await browser.close();
}
