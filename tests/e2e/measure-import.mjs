// Measures the import of a 300-school template workbook in headless Chromium,
// as a planner meets it: from the file chosen to the preview on screen (file
// read, data worker, checks, preview drawn). The first run includes loading
// the data worker. Prints figures only. The workbook is written by
// `cargo run --release -p eduplan-import --example bench_import -- --write F`
// (scripts/test.sh passes F as EDUPLAN_BENCH_XLSX).
import { statSync } from 'node:fs';
import { launch, openApp } from './lib.mjs';

const file = process.env.EDUPLAN_BENCH_XLSX;
if (!file) {
  console.error('set EDUPLAN_BENCH_XLSX to the 300-school workbook');
  process.exit(2);
}

async function once(page) {
  await page.evaluate(() => {
    window.__importDone = new Promise((resolve) => {
      document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
      const mo = new MutationObserver(() => {
        if (document.querySelector('.import-preview')) { mo.disconnect(); resolve(performance.now() - window.__t0); }
      });
      mo.observe(document.body, { subtree: true, childList: true });
    });
  });
  await page.locator('.data-dialog .file-input').setInputFiles(file);
  const ms = await page.evaluate(() => window.__importDone);
  const failed = await page.locator('.import-preview.failed').count();
  if (failed) throw new Error(await page.locator('.import-preview').innerText());
  const lead = await page.locator('.preview-lead').innerText();
  const worker = Number((lead.match(/用时(\d+)毫秒/) ?? [])[1]);
  await page.locator('.cancel-import').click();
  return { ms, worker };
}

const browser = await launch();
try {
  const { page, context } = await openApp(browser);
  await page.locator('.data-menu-button').click();
  const first = await once(page);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once(page));
  runs.sort((a, b) => a.ms - b.ms);
  const med = runs[2];
  const kb = Math.round(statSync(file).size / 1024);
  console.log(`import of a 300-school workbook (${kb} KB) in headless Chromium, file chosen → preview shown: first ${first.ms.toFixed(0)} ms (data worker loaded on first use), then median ${med.ms.toFixed(0)} ms, max ${runs[4].ms.toFixed(0)} ms (5 runs; reading and checks in the worker: ${med.worker} ms)`);
  await context.close();
} finally {
  await browser.close();
}
