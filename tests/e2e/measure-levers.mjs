// Measures how fast the workspace answers a lever: 100 slider steps in
// headless Chromium, each timed from the input event to the moment the
// results (target board and charts) have been updated in the DOM.
// Prints figures only; run by scripts/test.sh. Usage: node measure-levers.mjs
import { launch, openApp } from './lib.mjs';

const STEPS = 100;
const browser = await launch();

/** 100 steps of one slider; prints median, p95 and max from input to updated DOM. */
async function measure(label, path, sliderId, stepValue) {
  const { page, context } = await openApp(browser, { path });
  const times = await page.evaluate(async ([steps, id, per]) => {
    const slider = document.querySelector(id);
    const results = document.querySelector('.results');
    const out = [];
    for (let i = 1; i <= steps; i++) {
      const updated = new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
        mo.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      slider.value = String(i * per);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await updated) - t0);
      // let the browser paint before the next step, as a dragging hand would
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, [STEPS, sliderId, stepValue]);
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(`${label}: ${times.length} steps; input → updated DOM: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  await context.close();
}

try {
  await measure('lever steps (quantity mode, conversions)', '', '#lever-kg-convert_to_public', 10);
  // budget mode plans the purchases on a run without them, then runs them: two engine runs a step
  await measure('lever steps (budget mode, funding)', '?v=1&budget.mode=1', '#lever-budget-extra', 100);
} finally {
  await browser.close();
}
