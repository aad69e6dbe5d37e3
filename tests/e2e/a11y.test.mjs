// Accessibility checked by a tool: axe-core over every view (issue 16). The
// results are printed; the test fails on any serious or critical violation and
// on any of the landmark kind (content outside landmarks, duplicated landmarks).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openApp, BASE_URL } from './lib.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROOT = new URL('../../', import.meta.url).pathname;
const LANDMARK = (id) => id === 'region' || id.startsWith('landmark-');

let browser;
before(async () => { browser = await launch(); });
after(async () => browser?.close());

const failures = [];

/** Runs axe on the page as it is, prints what it found, and records what fails. */
async function check(page, view) {
  // evaluated through the DevTools protocol, which the page's CSP does not govern
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) }));
  });
  const line = found.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join('; ') || 'none';
  console.log(`axe ${view}: ${found.length} violation kinds — ${line}`);
  for (const v of found) {
    if (v.impact === 'serious' || v.impact === 'critical' || LANDMARK(v.id)) failures.push(`${view}: ${v.id} (${v.impact}) at ${v.where.join(', ')}`);
  }
}

test('axe: workspace, goal seek, comparison, uncertainty, budget mode, presentation (Chinese and English)', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page } = await openApp(browser, { path: lang === 'en' ? '?lang=en' : '' });
    await check(page, `${lang} workspace`);
    await page.locator('.schools-toggle').click();
    await page.locator('.schools-table').waitFor();
    await check(page, `${lang} schools view`);
    await page.locator('.schools-toggle').click();
    await page.locator('tr[data-target="senior_ger"] .seek-open').click();
    await page.locator('.seek-run').click();
    await page.locator('.seek-answer').waitFor({ timeout: 30000 });
    await check(page, `${lang} goal seek`);
    for (const v of ['300', '900']) {
      await page.locator('#num-kg-public_seats').fill(v);
      await page.locator('#num-kg-public_seats').press('Tab');
      await page.locator('.tool.save').click();
    }
    for (const cb of await page.locator('.saved-item .pin input').all()) await cb.check();
    await page.locator('.compare-table').waitFor();
    await check(page, `${lang} comparison`);
    await page.locator('.uncertainty-toggle').click();
    await page.locator('td.prob').first().waitFor({ timeout: 30000 });
    await check(page, `${lang} uncertainty`);
    await page.locator('#lever-budget-mode').selectOption('1');
    await page.locator('.budget-panel').waitFor();
    await check(page, `${lang} budget mode`);
    await page.locator('.tool.present').click();
    for (let i = 1; i <= 10; i++) {
      await check(page, `${lang} slide ${i}`);
      if (await page.locator('.slide-closing').count()) break;
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    await context.close();
  }
});

test('axe: the data dialog, an import that fails and one that succeeds, and a phone', async () => {
  const { context, page } = await openApp(browser);
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog').waitFor();
  await check(page, 'data dialog');
  await page.locator('.data-dialog .file-input').setInputFiles(join(ROOT, 'tests/import-corpus/wrong-type-学校名册.csv'));
  await page.locator('.import-preview').waitFor({ timeout: 30000 });
  await check(page, 'import preview with errors');
  await page.keyboard.press('Escape');
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog .file-input').setInputFiles(join(ROOT, 'tests/import-corpus/dataset-small-change.json'));
  await page.locator('.apply-import').waitFor({ timeout: 30000 });
  await check(page, 'import preview');
  await context.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  const p = await phone.newPage();
  await p.goto(BASE_URL);
  await p.locator('.target-row').first().waitFor();
  await check(p, 'phone workspace');
  await p.locator('.levers-toggle').tap();
  await check(p, 'phone levers sheet');
  await phone.close();
  // WeChat's guidance for a blocked export
  const wechat = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47' });
  const w = await wechat.newPage();
  await w.goto(BASE_URL);
  await w.locator('.target-row').first().waitFor();
  await w.locator('.tool.csv').tap();
  await w.locator('.wechat-guide').waitFor();
  await check(w, 'WeChat guidance');
  await wechat.close();
});

test('axe: no serious, critical or landmark violation in any view', () => {
  assert.deepEqual(failures, []);
});
