// Issue 13: the bureau's own numbers in the app — template, import, preview,
// apply, kept in the browser, provenance, and links that know their dataset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const dir = mkdtempSync(join(tmpdir(), 'eduplan-data-'));
const corpus = new URL('../import-corpus/', import.meta.url).pathname;

const boardValues = (page) => page.$$eval('.target-row', (rows) => rows.map((r) => [r.dataset.target, r.querySelector('.value-text').innerText.trim()]));
const estimateMarks = (page) => page.locator('.target-board .estimate-mark').count();

/** Waits for the preview and fails with its errors if the import failed. */
async function previewOk(page) {
  await page.locator('.import-preview').waitFor({ timeout: 30000 });
  const failed = page.locator('.import-preview.failed');
  if (await failed.count()) assert.fail(await failed.innerText());
}

async function openDataMenu(page) {
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog').waitFor();
}

/** Rows of a sheet from row 3 on (row 1: Chinese headers, row 2: field ids). */
function dataRows(ws) {
  const ids = ws.getRow(2).values;
  const col = (id) => ids.indexOf(id);
  const rows = [];
  for (let r = 3; r <= ws.rowCount; r++) rows.push(ws.getRow(r));
  return { rows, col };
}

/** Writes a made-up county (青溪县) over the template the app offered. */
async function fillMadeUpCounty(path, out) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const meta = wb.getWorksheet('基本情况');
  for (const row of dataRows(meta).rows) {
    const key = row.getCell(1).value;
    if (key === 'dataset_id') row.getCell(3).value = 'qingxi-2020';
    if (key === 'name') row.getCell(3).value = '青溪县';
    if (key === 'name_en') row.getCell(3).value = 'Qingxi';
    if (key === 'as_of') row.getCell(3).value = '2020年秋季学期初（教育事业统计）';
    if (key === 'as_of_en') row.getCell(3).value = 'Autumn 2020 (education statistics)';
  }
  // population: a fifth fewer children, every figure the bureau's
  const pop = dataRows(wb.getWorksheet('分年龄人口'));
  for (const row of pop.rows) {
    const c = row.getCell(pop.col('population'));
    if (typeof c.value === 'number') c.value = Math.round(c.value * 0.8);
  }
  // births: the cliff, a third fewer in five years
  const births = dataRows(wb.getWorksheet('出生人口'));
  births.rows.forEach((row, i) => {
    const c = row.getCell(births.col('births'));
    if (typeof c.value === 'number') c.value = Math.round(4200 - i * 180);
  });
  // the register: the county's own names and whole teachers
  const reg = dataRows(wb.getWorksheet('学校名册'));
  for (const row of reg.rows) {
    const name = row.getCell(reg.col('school_name'));
    if (typeof name.value === 'string') name.value = name.value.replace('临湘市', '青溪县').replace('（名称估算）', '');
    const t = row.getCell(reg.col('teachers'));
    if (typeof t.value === 'number') t.value = Math.round(t.value) + 1;
  }
  // the bureau names its statistics as the source of every row it fills
  const sources = wb.getWorksheet('来源');
  sources.addRow(['QX-stat', '教育局统计数据', '青溪县2020年教育事业统计年报', 'Qingxi 2020 education statistics']);
  wb.eachSheet((ws) => {
    if (['填写说明', '来源'].includes(ws.name)) return;
    const { rows, col } = dataRows(ws);
    if (col('src') < 0) return;
    for (const row of rows) if (row.getCell(1).value !== null) row.getCell(col('src')).value = 'QX-stat';
  });
  // pupils by grade: whole pupils, a tenth fewer
  const enr = dataRows(wb.getWorksheet('分年级在校生'));
  for (const row of enr.rows) {
    const c = row.getCell(enr.col('students'));
    if (typeof c.value === 'number') c.value = Math.round(c.value * 0.9);
  }
  await wb.xlsx.writeFile(out);
}

test('template → fill → import → preview → apply → the board is the county\'s, kept on reload, and a link elsewhere asks for the data', async () => {
  const { context, page, errors } = await openApp(browser);
  const before = await boardValues(page);
  const marksBefore = await estimateMarks(page);
  assert.ok(marksBefore > 0, 'the bundled dataset has estimates');
  assert.match(await page.locator('.dataset-name').innerText(), /临湘/);

  // download the template from the data menu
  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-template').click()]);
  const template = join(dir, download.suggestedFilename());
  await download.saveAs(template);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const filled = join(dir, '青溪县教育统计.xlsx');
  await fillMadeUpCounty(template, filled);

  // import: the preview lists what changes, nothing has changed yet
  await page.locator('.data-dialog .file-input').setInputFiles(filled);
  await previewOk(page);
  const table = await page.locator('.preview-table').innerText();
  assert.match(table, /临湘市/);
  assert.match(table, /青溪县/);
  assert.match(table, /专任教师/);
  assert.match(table, /0～18岁人口/);
  assert.ok(await page.locator('.preview-table tr.changed').count() >= 5, 'changed rows are marked');
  assert.match(await page.locator('.school-changes').innerText(), /更名\d+所：临湘市[^→]*→青溪县/);
  assert.match(await page.locator('.parts').innerText(), /学校名册/);
  assert.deepEqual(await boardValues(page), before, 'the board waits for Apply');

  // apply: the header names the county, the board moves, estimate marks go where figures were imported
  await page.locator('.apply-import').click();
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await page.locator('.dataset-name', { hasText: '青溪县' }).waitFor();
  const afterApply = await boardValues(page);
  assert.notDeepEqual(afterApply, before, 'the board changed');
  const marksAfter = await estimateMarks(page);
  assert.ok(marksAfter < marksBefore, `estimate marks ${marksBefore} → ${marksAfter}`);
  await page.locator('.data-panel summary').click();
  const origins = await page.locator('.data-panel table.origins').innerText();
  assert.match(origins, /青溪县教育统计\.xlsx/);
  assert.match(origins, /学校名册/);
  assert.match(await page.locator('.chart-panel').innerText(), /\d/);

  // a reload keeps the dataset
  await page.reload();
  await page.locator('.dataset-name', { hasText: '青溪县' }).waitFor();
  assert.deepEqual(await boardValues(page), afterApply);

  // a scenario on it, shared: a fresh browser without the data gets a notice naming it
  const input = page.locator('#num-kg-public_seats');
  await input.fill('600');
  await input.press('Enter');
  await page.waitForFunction(() => location.search.includes('kg.public_seats=600'));
  const link = page.url();
  assert.match(link, /d=qingxi-2020/);
  assert.match(link, /dh=[0-9a-f]{8}/);
  const scenarioBoard = await boardValues(page);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.locator('.missing-dataset').waitFor();
  const notice = await p2.locator('.missing-dataset').innerText();
  assert.match(notice, /青溪县/);
  assert.match(notice, /qingxi-2020/);
  assert.equal(await p2.locator('.target-board').count(), 0, 'nothing runs on other figures');
  // other data imported there is kept, but the link keeps waiting and says so
  await p2.locator('.missing-dataset .file-input').setInputFiles(join(corpus, 'dataset-small-change.json'));
  await previewOk(p2);
  await p2.locator('.apply-import').click();
  await p2.locator('.missing-dataset .data-message').waitFor();
  assert.match(await p2.locator('.missing-dataset .data-message').innerText(), /不是此链接所用的基础数据/);
  assert.match(p2.url(), /kg\.public_seats=600/, 'the link is kept');
  // the colleague's copy of the same file, under another name, opens the linked scenario
  const copy = join(dir, '青溪县教育统计 (1).xlsx');
  copyFileSync(filled, copy);
  await p2.locator('.missing-dataset .file-input').setInputFiles(copy);
  await previewOk(p2);
  await p2.locator('.apply-import').click();
  await p2.locator('.dataset-name', { hasText: '青溪县' }).waitFor();
  assert.deepEqual(await boardValues(p2), scenarioBoard, 'the same scenario on the same data');
  assert.equal(await p2.locator('#num-kg-public_seats').inputValue(), '600');
  await fresh.close();
});

test('a broken file lists its errors with sheet, row and column, and nothing changes', async () => {
  const { context, page } = await openApp(browser);
  const before = await boardValues(page);
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(join(corpus, 'wrong-type-学校名册.csv'));
  await page.locator('.import-preview.failed').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.apply-import').count(), 0, 'no Apply with errors');
  const first = page.locator('.problems.errors tbody tr').first();
  assert.equal(await first.locator('.p-file').innerText(), 'wrong-type-学校名册.csv');
  assert.match(await first.locator('.p-sheet').innerText(), /学校名册/);
  assert.match(await first.locator('.p-row').innerText(), /^\d+$/);
  assert.match(await first.locator('.p-col').innerText(), /^[A-Z]+$/);
  assert.match(await page.locator('.import-preview.failed').innerText(), /没有任何改变/);
  await page.keyboard.press('Escape');
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  assert.deepEqual(await boardValues(page), before);
  assert.match(await page.locator('.dataset-name').innerText(), /临湘/);
  await context.close();
});

test('a GBK CSV imports with its Chinese names', async () => {
  const { context, page } = await openApp(browser);
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(join(corpus, 'gbk-学校名册.csv'));
  await previewOk(page);
  const changes = await page.locator('.school-changes').innerText();
  assert.match(changes, /临湘市实验幼儿园/);
  assert.match(changes, /临湘市城南小学（原第一完小）/);
  assert.doesNotMatch(changes, /�/);
  await context.close();
});

test('datasets are listed, switched, exported and deleted; the bundled one stays', async () => {
  const { context, page } = await openApp(browser);
  // a scenario in progress on the bundled data survives a round trip to another dataset
  const seats = page.locator('#num-kg-public_seats');
  await seats.fill('700');
  await seats.press('Enter');
  await page.waitForFunction(() => location.search.includes('kg.public_seats=700'));
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(join(corpus, 'dataset-small-change.json'));
  await previewOk(page);
  await page.locator('.apply-import').click();
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await openDataMenu(page);
  assert.equal(await page.locator('.dataset-item').count(), 2);
  assert.equal(await page.locator('.dataset-item.active .in-use').count(), 1);
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('.export-dataset-json').click()]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.ok(exported.schools.length > 0 && exported.id);
  // back to the bundled dataset, then delete the imported one
  assert.equal(await seats.inputValue(), '0', 'the other dataset starts from its baseline');
  await page.locator('.dataset-item[data-key="builtin"] .use-dataset').click();
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  assert.equal(await seats.inputValue(), '700', 'back on the bundled data, its scenario is back');
  await openDataMenu(page);
  page.once('dialog', (d) => d.accept());
  await page.locator('.dataset-item:not([data-key="builtin"]) .delete-dataset').click();
  await page.waitForFunction(() => document.querySelectorAll('.dataset-item').length === 1);
  assert.equal(await page.locator('.dataset-item[data-key="builtin"].active').count(), 1);
  await context.close();
});

test('a dataset that does not fit in the browser\'s storage is used for the session, and the planner is told', async () => {
  const { context, page } = await openApp(browser);
  // another dataset already takes nearly all the room EduPlan allows itself
  await page.evaluate(() => localStorage.setItem('eduplan.v1.datasets', JSON.stringify({
    format: 1,
    items: [{ key: 'big@00000000', id: 'big', hash: '00000000', name: { zh: '大县', en: 'Big' }, base_year: 2020,
      as_of: { zh: '', en: '' }, sources: { bureau: 1, verified: 0, derived: 0, estimate: 0 }, files: ['big.xlsx'],
      imported: '2026-11-01', chars: 3999000 }],
  })));
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(join(corpus, 'dataset-small-change.json'));
  await previewOk(page);
  await page.locator('.apply-import').click();
  const msg = await page.locator('.data-dialog .data-message').innerText();
  assert.match(msg, /未能保存/);
  assert.match(msg, /3999000|4000000/);
  await page.locator('.data-dialog .modal-close').click();
  // in use now, but not kept: a reload returns to the bundled data
  assert.equal(await page.evaluate(() => localStorage.getItem('eduplan.v1.active')), null);
  await context.close();
});

test('the data dialog keeps keyboard focus inside and returns it to the 数据 button', async () => {
  const { context, page } = await openApp(browser);
  await openDataMenu(page);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.data-dialog')), `Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.data-dialog')));
  await page.keyboard.press('Escape');
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'data-menu-button');
  await context.close();
});

test('a corrected version of a stored dataset replaces it, says so, and keeps the scenario in progress', async () => {
  const { context, page } = await openApp(browser);
  const first = join(corpus, 'dataset-small-change.json');
  const corrected = join(dir, 'dataset-corrected.json');
  const ds = JSON.parse(readFileSync(first, 'utf8'));
  ds.demography.births[0].value += 50;
  writeFileSync(corrected, JSON.stringify(ds));
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(first);
  await previewOk(page);
  assert.match(await page.locator('.import-preview').innerText(), /标识与内置的“临湘市”数据相同/);
  await page.locator('.apply-import').click();
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  const seats = page.locator('#num-kg-public_seats');
  await seats.fill('650');
  await seats.press('Enter');
  await page.waitForFunction(() => location.search.includes('kg.public_seats=650'));
  await openDataMenu(page);
  await page.locator('.data-dialog .file-input').setInputFiles(corrected);
  await previewOk(page);
  assert.match(await page.locator('.replaces-stored').first().innerText(), /将替换本浏览器中已保存的同一标识的基础数据/);
  await page.locator('.apply-import').click();
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  assert.equal(await seats.inputValue(), '650', 'the scenario in progress carried over');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'data-menu-button', 'focus back on 数据');
  await openDataMenu(page);
  assert.equal(await page.locator('.dataset-item').count(), 2, 'replaced, not added');
  await context.close();
});
