// Measures the schools view (issue 18): the time to open it (click → every
// row in the DOM), and a lever step's input → next frame with the view closed
// and open (the view recomputes its table and redraws the rows that changed).
// Prints figures only; run by scripts/bench.sh. Usage: node measure-schools.mjs
import { launch, openApp } from './lib.mjs';

const browser = await launch();

const quantiles = (times) => {
  const s = [...times].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`;
};

/** `steps` slider steps, each from the input event to the next animation frame. */
const steps = (page, n) => page.evaluate(async (count) => {
  const slider = document.querySelector('#lever-kg-convert_to_public');
  const out = [];
  for (let i = 1; i <= count; i++) {
    const t0 = performance.now();
    slider.value = String((i % 50) * 10);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r()));
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 30));
  }
  return out;
}, n);

try {
  const { page, context } = await openApp(browser);
  const opens = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.locator('.schools-toggle').click();
    await page.waitForFunction(() => document.querySelectorAll('.school-row').length > 200);
    opens.push(Date.now() - t0);
    await page.locator('.schools-toggle').click();
    await page.locator('.school-row').first().waitFor({ state: 'detached' });
  }
  console.log(`schools view: open (click → every row drawn), 5 times: ${quantiles(opens)}`);
  console.log(`lever step, schools view closed: input → next frame ${quantiles(await steps(page, 40))}`);
  await page.locator('.schools-toggle').click();
  await page.waitForFunction(() => document.querySelectorAll('.school-row').length > 200);
  console.log(`lever step, schools view open:   input → next frame ${quantiles(await steps(page, 40))}`);
  await context.close();
} finally {
  await browser.close();
}
