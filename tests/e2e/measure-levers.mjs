// Measures how fast the workspace answers a lever: 100 slider steps in
// headless Chromium, each timed from the input event to the moment the
// results (target board and charts) have been updated in the DOM.
// Prints figures only; run by scripts/test.sh. Usage: node measure-levers.mjs
import { launch, openApp } from './lib.mjs';

const STEPS = 100;
const browser = await launch();
try {
  const { page, context } = await openApp(browser);
  const times = await page.evaluate(async (steps) => {
    const slider = document.querySelector('#lever-kg-convert_to_public');
    const results = document.querySelector('.results');
    const out = [];
    for (let i = 1; i <= steps; i++) {
      const updated = new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
        mo.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      slider.value = String(i * 10);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await updated) - t0);
      // let the browser paint before the next step, as a dragging hand would
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, STEPS);
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(`lever steps: ${times.length}; input → updated DOM: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  await context.close();
} finally {
  await browser.close();
}
