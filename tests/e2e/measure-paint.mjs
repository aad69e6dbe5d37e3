// Measures what a planner feels on a slow office PC: from a slider's input
// event to the next painted frame, at normal speed and with the CPU throttled
// 4× (Chromium's Emulation.setCPUThrottlingRate), and the time from the start
// of loading to the first chart drawn. Prints figures only.
// Usage: node measure-paint.mjs  (EDUPLAN_URL as for the tests)
import { launch, openApp } from './lib.mjs';

const STEPS = 60;
const browser = await launch();

const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

/** STEPS slider steps; each timed from the input event to the frame after it is painted. */
async function paint(rate) {
  const { page, context } = await openApp(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const times = await page.evaluate(async (steps) => {
    const slider = document.querySelector('#lever-kg-convert_to_public');
    const out = [];
    for (let i = 1; i <= steps; i++) {
      const t0 = performance.now();
      slider.value = String(i * 10);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // rAF runs just before the next paint; the task after it runs once that frame is out
      const painted = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
      out.push(painted - t0);
      await new Promise((r) => setTimeout(r, 20)); // a hand moves on
    }
    return out;
  }, STEPS);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return times;
}

/** Navigation start → the first chart's current line in the DOM (ms), `runs` fresh pages. */
async function firstChart(runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
    await context.addInitScript(() => {
      new MutationObserver((_, mo) => {
        if (document.querySelector('.chart-svg path.line.current')) {
          window.__firstChart = performance.now();
          mo.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(process.env.EDUPLAN_URL ?? 'http://127.0.0.1:8080/');
    await page.waitForFunction(() => window.__firstChart);
    out.push(await page.evaluate(() => window.__firstChart));
    await context.close();
  }
  return out;
}

try {
  for (const rate of [1, 4]) {
    const t = await paint(rate);
    console.log(`input → next paint, CPU ${rate}×: median ${quantile(t, 0.5).toFixed(1)} ms, p95 ${quantile(t, 0.95).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms (${t.length} steps)`);
  }
  const f = await firstChart(5);
  console.log(`load → first chart (local server, no cache of the app): median ${quantile(f, 0.5).toFixed(0)} ms, max ${Math.max(...f).toFixed(0)} ms (5 loads)`);
} finally {
  await browser.close();
}
