// Issue 15: the bureau's language. The Chinese interface, its notices, its
// files and its printed brief carry no English; the review's terms are pinned
// in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The same list as crates/model/src/wording.rs: formats, products, keys, codes.
const ALLOWED = ['EduPlan', 'Excel', 'WPS', 'CSV', 'XLSX', 'XLS', 'JSON', 'PNG', 'SVG', 'UTF', 'GBK', 'GB', 'MB', 'Esc',
  'Tab', 'PageUp', 'PageDown', 'QR', 'Ctrl', 'Shift', 'Z', 'Y'].map((w) => w.toLowerCase());
const stray = (text) => (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !ALLOWED.includes(w.toLowerCase()));

/** Every text a reader meets on the page: visible text and tooltips, codes and the other language's own name left out. */
async function pageText(page) {
  return page.evaluate(() => {
    const skip = (el) => el.closest('code, .source-url, .slide-url, [lang="en"], input, textarea, script, style');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!skip(n.parentElement) && n.textContent.trim()) out.push(n.textContent.trim());
    }
    for (const el of document.querySelectorAll('[title], [aria-label], option, optgroup')) {
      if (skip(el)) continue;
      for (const a of ['title', 'aria-label', 'label']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
    }
    return out;
  });
}

function assertChinese(texts, where) {
  const bad = texts.map((t) => [t, stray(t)]).filter(([, s]) => s.length);
  assert.deepEqual(bad, [], `${where}: English in the Chinese interface`);
}

test('the Chinese workspace, its charts, goal seeking, data panel and brief have no English', async () => {
  const { context, page } = await openApp(browser);
  for (const chip of await page.locator('[data-chart-toggle]').all()) {
    if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
  }
  await page.locator('.data-panel summary').click();
  // the uncertainty bands and their readout
  await page.locator('.uncertainty-toggle').click();
  await page.locator('.readout-band').first().waitFor({ timeout: 30000 });
  await page.locator('.target-row[data-target="senior_staffing"] .seek-open').click();
  await page.locator('.seek-run').click();
  assertChinese(await pageText(page), 'workspace');
  // the printed brief
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.brief h1').waitFor({ state: 'attached' });
  const brief = await page.locator('.brief').evaluate((b) => b.textContent);
  assertChinese([brief], 'brief');
  assert.match(brief, /与基准方案不同的政策措施和假设条件|与基准方案相同/);
  await context.close();
});

test('notices about a link speak Chinese and the control\'s units', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&senior.general_share=1.2&rooms.primary.town=0.5&hires.primary=%E4%B8%80%E7%99%BE&v=9' });
  await page.locator('.notice-bar').waitFor();
  const text = await page.locator('.notice-bar').innerText();
  assertChinese([text], 'notices');
  assert.match(text, /120%超出允许范围，已改为80%/, text);
  assert.match(text, /0\.5间\/年不在该项的取值步长上/, text);
  await context.close();
});

test('the Chinese CSV and the data dialog have no English beyond codes', async () => {
  const { context, page } = await openApp(browser);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.scenario-bar .tool.csv').click()]);
  const rows = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
  // column 1 holds indicator codes; the rest is for people
  assertChinese(rows.flatMap((r) => r.slice(1)), 'CSV');
  assert.ok(rows.some((r) => r[1] === '普通高中生师比' && r[2] === '生/师'), 'units in Chinese');
  // the region's own words: 临湘 is a county-level city (市外, not 县外)
  assert.ok(rows.some((r) => r[0] === 'vocational.outside' && r[1] === '市外就读中职学生'), 'the region\'s words');
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog').waitFor();
  assertChinese(await page.locator('.data-dialog').evaluate((d) => [d.innerText]), 'data dialog');
  await context.close();
});

test('the review\'s terms, on the board, levers, charts and slides, in both languages', async () => {
  const { context, page } = await openApp(browser);
  const label = (id) => page.locator(`.target-row[data-target="${id}"] .target-label`).innerText();
  assert.match(await label('primary_staffing'), /小学生师比不高于19:1（对照编制标准1:19）/);
  assert.equal(await page.locator('.target-row[data-target="primary_staffing"] td.num').nth(3).innerText(), '≤ 19:1');
  assert.match(await label('senior_large_classes'), /普通高中消除大班额（56人及以上）/);
  assert.match(await label('trainees_double'), /市级公费师范生计划在2020年基础上扩大一倍/);
  const levers = await page.locator('.levers-panel').innerText();
  for (const term of ['公费定向师范生培养计划', '初中毕业生升学率', '普通高中招生占高中阶段招生比例', '教师年减员率', '出生人口预测', '重置全部政策', '（0～3000个学位/年）']) {
    assert.ok(levers.includes(term), term);
  }
  assert.ok(!/杠杆|复位|生均经费(?!提)/.test(levers.replace(/生均公用经费/g, '')), 'old words gone');
  assert.equal(await page.locator('.seek-open').first().innerText(), '达标测算');
  const chips = await page.locator('.chart-picker').innerText();
  assert.match(chips, /学前三年毛入园率与公办园、普惠性幼儿园占比/);
  assert.match(chips, /大班额比例（56人及以上）/);
  // English
  await page.locator('.lang-switch').click();
  await page.locator('html[lang="en"]').waitFor();
  const en = await page.locator('.levers-panel').innerText();
  assert.match(en, /Locally funded teacher-training places/);
  assert.match(await page.locator('.chart-picker').innerText(), /Pupil–teacher ratio/);
  assert.match(await page.locator('.target-row[data-target="primary_staffing"] .target-label').innerText(), /pupil–teacher ratio at most 19:1/);
  await context.close();
});

test('saved scenarios, the comparison and every slide speak Chinese', async () => {
  const { context, page } = await openApp(browser);
  for (const [name, v] of [['方案甲', '800'], ['方案乙', '1600']]) {
    await page.locator('#num-kg-public_seats').fill(v);
    await page.locator('#num-kg-public_seats').press('Tab');
    await page.locator('#scenario-name').fill(name);
    await page.locator('#scenario-name').press('Enter');
    await page.locator('.tool.save').click();
  }
  for (const item of await page.locator('.saved-item .pin input').all()) await item.check();
  await page.locator('.compare-table').waitFor();
  await page.locator('[data-chart-toggle="staffing"]').click();
  assertChinese(await pageText(page), 'saved and compared');
  await page.locator('.tool.present').click();
  await page.locator('.presentation').waitFor();
  const total = Number((await page.locator('.slide-count').innerText()).match(/\/(\d+)/)[1]);
  for (let i = 0; i < total; i++) {
    assertChinese(await pageText(page), `slide ${i + 1}`);
    await page.keyboard.press('ArrowRight');
  }
  await context.close();
});
