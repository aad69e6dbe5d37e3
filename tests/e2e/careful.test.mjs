// Issue 14: what a careful user found — the screen always shows what the
// model uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, BASE_URL } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const dir = mkdtempSync(join(tmpdir(), 'eduplan-careful-'));

test('a link value between steps is snapped: box, slider, link and board hold one value, with a notice', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&rooms.primary.town=0.5' });
  await page.locator('.notice-bar').waitFor();
  assert.match(await page.locator('.link-notices').innerText(), /城区小学新增教室/);
  assert.equal(await page.locator('#num-rooms-primary-town').inputValue(), '1');
  assert.equal(await page.locator('#lever-rooms-primary-town').inputValue(), '1');
  await page.waitForFunction(() => location.search.includes('rooms.primary.town=1'));
  const snapped = await page.$$eval('.target-row .value-text', (c) => c.map((x) => x.innerText));
  await context.close();
  const other = await openApp(browser, { path: '?v=1&rooms.primary.town=1' });
  assert.deepEqual(await other.page.$$eval('.target-row .value-text', (c) => c.map((x) => x.innerText)), snapped);
  await other.context.close();
});

test('a scenario file between steps is snapped the same way', async () => {
  const { context, page } = await openApp(browser);
  const file = join(dir, 'half.json');
  writeFileSync(file, JSON.stringify({ name: '半间', levers: { 'rooms.primary.town': 0.5, 'hires.primary': { 2021: 80.4 } } }));
  await page.locator('.scenario-bar input[type=file]').setInputFiles(file);
  await page.locator('.notice-bar').waitFor();
  assert.equal(await page.locator('#num-rooms-primary-town').inputValue(), '1');
  assert.match(await page.locator('.notice-bar').innerText(), /取值步长/);
  await context.close();
});

test('the number box never keeps rejected text', async () => {
  const { context, page } = await openApp(browser);
  const box = page.locator('#num-kg-public_seats');
  // the example: 99999 at the maximum, then −5 at the minimum
  await box.fill('3000');
  await box.press('Tab');
  await box.fill('99999');
  await box.press('Tab');
  assert.equal(await box.inputValue(), '3000');
  await box.fill('0');
  await box.press('Tab');
  await box.fill('-5');
  await box.press('Tab');
  assert.equal(await box.inputValue(), '0');
  // others: between steps, not a number, a per-year cell at its maximum
  await box.fill('12.7');
  await box.press('Tab');
  assert.equal(await box.inputValue(), await page.locator('#lever-kg-public_seats').inputValue());
  await page.locator('[data-lever="kg.public_seats"] .lever-years').click();
  const cell = page.locator('[data-lever="kg.public_seats"] .year-input[data-year="2022"]');
  await cell.fill('3000');
  await cell.press('Tab');
  await cell.fill('99999');
  await cell.press('Tab');
  assert.equal(await cell.inputValue(), '3000');
  await context.close();
});

test('a refused storage is said once, and the saved list shows only what is stored', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('.app-title').waitFor();
  const box = page.locator('#num-kg-public_seats');
  for (const v of [100, 200, 300, 400, 500, 600, 700]) {
    await box.fill(String(v));
    await box.press('Tab');
  }
  await page.locator('.notice-bar').waitFor();
  const lines = await page.locator('.notice-line').allInnerTexts();
  assert.equal(lines.length, new Set(lines).size, `repeated notices: ${lines.join(' | ')}`);
  assert.ok(lines.length >= 1);
  await page.locator('#scenario-name').fill('方案甲');
  await page.locator('#scenario-name').press('Enter');
  await page.locator('.tool.save').click();
  await page.locator('.notice-line', { hasText: '未能保存在本浏览器中' }).waitFor();
  assert.equal(await page.locator('.saved-item').count(), 0, 'nothing stored, nothing listed');
  await context.close();
});

test('scenario files: a BOM imports, GBK is refused in plain Chinese (the runner\'s rule)', async () => {
  const { context, page } = await openApp(browser);
  const bom = join(dir, 'bom.json');
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: '方案乙', levers: { 'kg.public_seats': 800 } }))]));
  await page.locator('.scenario-bar input[type=file]').setInputFiles(bom);
  await page.locator('.notice-line', { hasText: '方案乙' }).waitFor();
  assert.equal(await page.locator('#num-kg-public_seats').inputValue(), '800');
  const gbk = join(dir, 'gbk.json');
  writeFileSync(gbk, Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xb7, 0xbd, 0xb0, 0xb8, 0xd2, 0xd2]), Buffer.from('"}')]));
  await page.locator('.scenario-bar input[type=file]').setInputFiles(gbk);
  const line = page.locator('.notice-line', { hasText: 'UTF-8' });
  await line.waitFor();
  assert.doesNotMatch(await line.innerText(), /scenario|not/, 'no English in the Chinese notice');
  await context.close();
});

test('an exported chart is well-formed XML whatever the scenario names (no-break space, & and <)', async () => {
  const { context, page } = await openApp(browser);
  const save = async (name, seats) => {
    const box = page.locator('#num-kg-public_seats');
    await box.fill(String(seats));
    await box.press('Tab');
    await page.locator('#scenario-name').fill(name);
    await page.locator('#scenario-name').press('Enter');
    await page.locator('.tool.save').click();
  };
  await save('方案\u00a0C', 300);
  await save('A & <B> “丁”', 900);
  for (const cb of await page.locator('.saved-item .pin input').all()) await cb.check();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-kindergarten .chart-dl.svg').click()]);
  const text = readFileSync(await svg.path(), 'utf8');
  assert.ok(text.includes('方案\u00a0C') || text.includes('方案&#160;C'), 'the compared names are in the chart');
  const problem = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return err ? err.textContent : null;
  }, text);
  assert.equal(problem, null);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-kindergarten .chart-dl.png').click()]);
  assert.deepEqual([...readFileSync(await png.path()).subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  await context.close();
});

test('the target board fits an old projector and a wide screen in both languages', async () => {
  for (const [width, height, lang] of [[1024, 768, 'zh'], [1024, 768, 'en'], [1920, 1080, 'en'], [1920, 1080, 'zh'], [1366, 768, 'zh']]) {
    const { context, page } = await openApp(browser, { path: `?v=1&lang=${lang}`, viewport: { width, height } });
    const [scroll, client] = await page.$eval('.target-board .table-wrap', (t) => [t.scrollWidth, t.clientWidth]);
    assert.ok(scroll <= client + 1, `${width}×${height} ${lang}: board ${scroll} px in ${client} px`);
    const [h, line] = await page.$eval('.seek-open', (b) => [b.getBoundingClientRect().height, parseFloat(getComputedStyle(b).lineHeight) || 18]);
    assert.ok(h < line * 1.9, `${width}×${height} ${lang}: the solve button wraps (${h} px)`);
    await context.close();
  }
});

test('an undefined ratio reads 不适用 and is neither met nor missed (kind 4)', async () => {
  const { context, page } = await openApp(browser);
  // the example: a dataset with no general senior teachers, and none hired
  const ds = JSON.parse(readFileSync(new URL('../../assets/data/linxiang-2020.json', import.meta.url), 'utf8'));
  ds.id = 'no-senior-teachers';
  for (const s of ds.schools) if (s.kind === 'senior_general') s.teachers = 0;
  const file = join(dir, 'no-senior-teachers.json');
  writeFileSync(file, JSON.stringify(ds));
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog .file-input').setInputFiles(file);
  await page.locator('.apply-import').click({ timeout: 30000 });
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  const box = page.locator('#num-hires-senior');
  await box.fill('0');
  await box.press('Tab');
  const row = page.locator('.target-row[data-target="senior_staffing"]');
  await page.waitForFunction(() => document.querySelector('.target-row[data-target="senior_staffing"]')?.classList.contains('undefined'));
  assert.equal(await row.locator('.value-text').innerText(), '—');
  assert.match(await row.locator('.status').innerText(), /不适用/);
  assert.equal(await row.locator('.first-met').innerText(), '—');
  // not counted as met: the count equals the rows marked met
  const metRows = await page.locator('.target-row.met').count();
  assert.equal(Number(await page.locator('.met-count').innerText()), metRows);
  assert.match(await page.locator('.target-board .summary').innerText(), /（1项不适用）/);
  // its chart breaks the line instead of drawing 0, and the readout says —
  await row.locator('.target-link').click();
  const chart = page.locator('figure.chart[data-chart]').last();
  const d = await chart.locator('path.line.current').first().getAttribute('d');
  assert.ok(!/NaN/.test(d), d);
  // uncertainty runs on this dataset (not the bundled one): no band, no probability for an undefined ratio
  await page.locator('.uncertainty-toggle').click();
  await page.locator('.target-board .prob').first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('.mc-status')?.textContent.includes('正在'));
  assert.equal(await row.locator('.prob').innerText(), '—');
  await row.locator('.target-link').click();
  const staffing = page.locator('figure.chart[data-chart="staffing"]');
  await staffing.waitFor();
  assert.equal(await staffing.locator('.readout-item[data-series^="senior.pupils_per_teacher"] .readout-band').count(), 0);
  await page.locator('.uncertainty-toggle').click();
  // the app's CSV, written for people, marks it — like the workbook (the runner's writes an empty cell)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.scenario-bar .tool.csv').click()]);
  const line = readFileSync(await csv.path(), 'utf8').split('\n').find((l) => l.startsWith('senior.pupils_per_teacher,'));
  assert.match(line, /^senior\.pupils_per_teacher,普通高中生师比,生\/师(,—)+$/);
  await context.close();
});

test('a zone with no senior school shows no class size, not 0 (kind 4, another place)', async () => {
  const { context, page } = await openApp(browser);
  const toggle = page.locator('[data-chart-toggle="class_size"]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const chart = page.locator('figure.chart[data-chart="class_size"]');
  await chart.locator('.zone-select select').selectOption('dinghu');
  const senior = chart.locator('.readout-item[data-series^="senior.class_size"]');
  await page.waitForFunction(() => document.querySelector('figure.chart[data-chart="class_size"] .readout-item[data-series^="senior.class_size@"]'));
  assert.equal(await senior.locator('.readout-value').innerText(), '—');
  // no line is drawn for it at all (it was a flat line at 0), while primary has one
  assert.equal(await chart.locator('path.line.current[data-series^="senior.class_size"]').getAttribute('d'), '');
  assert.match(await chart.locator('path.line.current[data-series^="primary.class_size"]').getAttribute('d'), /^M[\d.]+,[\d.]+L/);
  await context.close();
});

test('presentation mode owns focus and gives it back; leaving it ends its keys (kind 10)', async () => {
  const { context, page } = await openApp(browser);
  const inside = () => page.evaluate(() => !!document.activeElement?.closest('.presentation'));
  // started from the keyboard
  await page.locator('.tool.present').focus();
  await page.keyboard.press('Enter');
  await page.locator('.presentation').waitFor();
  assert.ok(await inside(), 'focus moves into the slides');
  // Tab and Shift+Tab never reach the page hidden behind
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await inside(), `Tab ${i + 1} stays in the slides`);
  }
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inside(), `Shift+Tab ${i + 1} stays in the slides`);
  }
  assert.equal(await page.locator('.app[inert]').count(), 1, 'the page behind is inert');
  // Enter on a focused button presses it once (not also "next slide")
  await page.locator('.slide-next').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.presentation').getAttribute('data-slide'), '1');
  // Esc: back to where it was started, the page live again
  await page.keyboard.press('Escape');
  await page.locator('.presentation').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'tool present');
  assert.equal(await page.locator('.app[inert]').count(), 0);
  // the arrow keys belong to the page again (they used to reopen the slides)
  await page.locator('#lever-hires-junior').focus();
  const before = await page.locator('#lever-hires-junior').inputValue();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.presentation').count(), 0, 'no presentation from an arrow key');
  assert.notEqual(await page.locator('#lever-hires-junior').inputValue(), before, 'the slider moved');
  await context.close();
});

test('a skip link reaches the targets in two Tab stops; 求解 offers the levers that move the target first (kind 10)', async () => {
  const { context, page } = await openApp(browser);
  await page.keyboard.press('Tab');
  const first = page.locator('.skip-link').first();
  assert.equal(await first.innerText(), '跳到目标达成情况');
  assert.ok(await first.evaluate((el) => el === document.activeElement));
  assert.ok((await first.boundingBox()).x >= 0, 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'target-board');
  assert.ok(!(await page.evaluate(() => location.hash)), 'no #fragment in the shared address');
  let stops = 0;
  while (stops < 10 && !(await page.evaluate(() => document.activeElement?.classList.contains('seek-open')))) {
    await page.keyboard.press('Tab');
    stops++;
  }
  assert.ok(stops <= 3, `the first 求解 is ${stops} Tab stops after the skip link`);
  // the second skip link goes to the levers
  await page.locator('.skip-link').nth(1).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'levers');
  // the example: the trainee target is offered the trainee intake first
  await page.locator('.target-row[data-target="trainees_double"] .seek-open').click();
  const select = page.locator('.seek-lever');
  assert.equal(await select.inputValue(), 'trainees.intake');
  const groups = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => [g.label, g.children.length]));
  assert.equal(groups[0][0], '能改善该目标的措施');
  assert.ok(groups[0][1] >= 1 && groups[1][1] >= 10, JSON.stringify(groups));
  const helping = await select.locator('optgroup').first().locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(!helping.includes('kg.public_seats'), helping.join());
  await page.locator('.seek-run').click();
  assert.match(await page.locator('.seek-answer').innerText(), /师范生|培养/);
  await context.close();
});

// per-year levers with their ranges (min, max, step), for scenarios as large as a plan gets
const PER_YEAR = {
  'kg.public_seats': [0, 3000, 10], 'kg.convert_to_public': [0, 2000, 10], 'kg.accredit_inclusive': [0, 2000, 10],
  'rooms.primary.town': [0, 60, 1], 'rooms.primary.rural': [0, 60, 1], 'rooms.junior.town': [0, 60, 1],
  'rooms.junior.rural': [0, 60, 1], 'rooms.senior': [0, 60, 1], 'rooms.vocational': [0, 40, 1],
  'special.places': [0, 100, 1], 'hires.kg': [0, 300, 1], 'hires.primary': [0, 500, 1], 'hires.junior': [0, 400, 1],
  'hires.senior': [0, 300, 1], 'hires.vocational': [0, 150, 1], 'trainees.intake': [0, 400, 1],
  'funds.step.primary': [0, 300, 10], 'funds.step.junior': [0, 300, 10], 'funds.step.senior': [0, 300, 10],
};

/** A link with a different value every year on every lever above (nothing repeats, nothing shortens). */
function everyYearLink(name) {
  const parts = ['v=1', 'd=linxiang-2020', 'dv=1'];
  Object.entries(PER_YEAR).forEach(([id, [min, max, step]], i) => {
    const steps = Math.round((max - min) / step);
    const years = [];
    for (let y = 2021; y <= 2030; y++) years.push(`${y}:${min + ((i * 37 + y * 11) % (Math.min(steps, 200) + 1)) * step}`);
    parts.push(`${id}=${years.join(',')}`);
  });
  if (name) parts.push(`n=${encodeURIComponent(name)}`);
  return '?' + parts.join('&');
}

/** Scans the closing slide's QR code as a phone would: the drawn code, rasterised, read by jsQR. */
async function scanQr(page) {
  // evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>
  await page.evaluate(readFileSync(new URL('./node_modules/jsqr/dist/jsQR.js', import.meta.url), 'utf8'));
  return page.evaluate(async () => {
    const svg = document.querySelector('.slide-closing .qr');
    const n = Number(svg.dataset.modules) + 8;
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = n * 4;
    const g = canvas.getContext('2d');
    g.imageSmoothingEnabled = false;
    g.drawImage(img, 0, 0, n * 4, n * 4);
    const data = g.getImageData(0, 0, n * 4, n * 4);
    return window.jsQR(data.data, n * 4, n * 4)?.data ?? null;
  });
}

async function closingSlide(page) {
  await page.locator('.tool.present').click();
  await page.locator('.presentation').waitFor();
  await page.keyboard.press('End');
  await page.locator('.slide-closing').waitFor();
}

test('a scenario with per-year values on every lever still gets a scannable QR code that opens it (kind 3)', async () => {
  const path = everyYearLink('方案丙：全面逐年安排');
  assert.ok(path.length > 2000, `${path.length} characters in the first-format link`);
  const { context, page } = await openApp(browser, { path });
  const board = await page.$$eval('.target-row .value-text', (c) => c.map((x) => x.innerText));
  const shared = await page.evaluate(() => location.href);
  assert.ok(shared.length < path.length, `the app's own link is shorter: ${shared.length}`);
  await closingSlide(page);
  const qr = page.locator('.slide-closing .qr');
  const modules = Number(await qr.getAttribute('data-modules'));
  assert.ok(modules <= 105, `${modules} modules: no denser than version 22`);
  // drawn large on a 1366×768 projection: at least 4 pixels a module
  const box = await qr.boundingBox();
  assert.ok(box.height / (modules + 8) >= 4, `${(box.height / (modules + 8)).toFixed(2)} px a module`);
  // the code scans to the link it was made from, and that opens exactly the same scenario
  const text = await qr.getAttribute('data-text');
  assert.match(text, /&z=\d+$/);
  assert.equal(await scanQr(page), text);
  const other = await context.newPage();
  await other.goto(text);
  await other.locator('.app-title').waitFor();
  assert.deepEqual(await other.$$eval('.target-row .value-text', (c) => c.map((x) => x.innerText)), board);
  assert.equal(await other.evaluate(() => location.href), shared, 'and shows the same readable link');
  assert.equal(await other.locator('.notice-bar').count(), 0, 'without a notice');
  await context.close();
});

test('a scenario too large for any scannable code says so and offers the way out (kind 3)', async () => {
  const { context, page } = await openApp(browser, { path: everyYearLink('临湘市'.repeat(40)) });
  await closingSlide(page);
  assert.equal(await page.locator('.slide-closing .qr').count(), 0);
  const note = await page.locator('.qr-too-long').innerText();
  assert.match(note, /\d+个字符/);
  assert.match(note, /复制链接/);
  assert.match(note, /导出方案文件/);
  assert.equal(await page.locator('.slide-copy').innerText(), '复制链接');
  await context.close();
});

test('a short scenario\'s code scans to its readable link (kind 3)', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&kg.public_seats=800&hires.primary=2021:120,2022:100&n=%E6%96%B9%E6%A1%88%E4%B9%99' });
  const href = await page.evaluate(() => location.href);
  await closingSlide(page);
  assert.equal(await scanQr(page), href);
  await context.close();
});

test('uncertainty runs on the imported data, not the bundled data (found by the trial)', async () => {
  const { context, page } = await openApp(browser);
  const ds = JSON.parse(readFileSync(new URL('../../assets/data/linxiang-2020.json', import.meta.url), 'utf8'));
  ds.id = 'births-doubled';
  for (const b of ds.demography.births) b.value *= 2;
  const file = join(dir, 'births-doubled.json');
  writeFileSync(file, JSON.stringify(ds));
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog .file-input').setInputFiles(file);
  await page.locator('.apply-import').click({ timeout: 30000 });
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await page.locator('.uncertainty-toggle').click();
  const item = page.locator('figure.chart[data-chart="enrollment"] .readout-item[data-series="primary.enrollment"]');
  await item.locator('.readout-band').waitFor({ timeout: 30000 });
  const num = (s) => { const m = s.match(/([\d.]+)(万)?/); return Number(m[1]) * (m[2] ? 1e4 : 1); };
  const value = num(await item.locator('.readout-value').innerText());
  const [lo, hi] = (await item.locator('.readout-band').innerText()).replace(/^.*区间/, '').split('～').map(num);
  assert.ok(lo <= value * 1.02 && value <= hi * 1.02, `${lo} ≤ ${value} ≤ ${hi}: the band is about this data`);
  await context.close();
});
