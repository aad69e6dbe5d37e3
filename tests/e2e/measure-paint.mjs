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

/** Where a step's main-thread time goes at 4× CPU, from the Chromium
 * performance timeline: script (union of event, timer, microtask and
 * function-call spans) and each rendering phase, averaged over `steps`. */
async function breakdown(steps) {
  const { page, context } = await openApp(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await page.evaluate(async (n) => {
    const slider = document.querySelector('#lever-kg-convert_to_public');
    for (let i = 1; i <= n; i++) {
      slider.value = String(i * 10);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => setTimeout(r, 20));
    }
  }, steps);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const main = events.find((e) => e.name === 'Layout')?.tid;
  const spans = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur > 0);
  const script = spans.filter((e) => ['EventDispatch', 'TimerFire', 'RunMicrotasks', 'FunctionCall', 'FireAnimationFrame'].includes(e.name))
    .map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0]);
  let total = 0, end = -Infinity;
  for (const [a, b] of script) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  const phase = (name, only) => spans.filter((e) => e.name === name && (!only || only(e))).reduce((t, e) => t + e.dur, 0);
  const ms = (us) => (us / 1000 / steps).toFixed(1);
  return `script ${ms(total)} ms, style ${ms(phase('UpdateLayoutTree'))}, layout ${ms(phase('Layout'))}, `
    + `pre-paint ${ms(phase('PrePaint'))}, paint ${ms(phase('Paint', (e) => e.args?.data?.nodeName === '#document'))}, `
    + `layerize ${ms(phase('Layerize'))} ms`;
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
  console.log(`a step's main thread at 4× CPU (Chromium timeline, mean of 40 steps; the harness's own timers count as script): ${await breakdown(40)}`);
  const f = await firstChart(5);
  console.log(`load → first chart (local server, no cache of the app): median ${quantile(f, 0.5).toFixed(0)} ms, max ${Math.max(...f).toFixed(0)} ms (5 loads)`);
} finally {
  await browser.close();
}
