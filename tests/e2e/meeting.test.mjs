// Issue 6: for the meeting room — presentation mode, the printed brief,
// and the exports (XLSX, CSV, SVG, PNG), each captured and checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'eduplan-meeting-'));

async function setNumber(page, leverId, value) {
  const input = page.locator(`#num-${leverId.replaceAll('.', '-')}`);
  await input.fill(String(value));
  await input.press('Enter');
}

async function save(download, name) {
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

test('presentation mode opens, advances with the keyboard and exits', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [w, h] of [[1920, 1080], [1024, 768]]) {
    const { context, page, errors } = await openApp(browser, { viewport: { width: w, height: h } });
    await page.locator('#scenario-name').fill('方案甲');
    await page.locator('#scenario-name').press('Enter');
    await page.locator('.tool.present').click();
    const deck = page.locator('.presentation');
    await deck.waitFor();
    assert.equal(await deck.getAttribute('data-slide'), '0');
    assert.ok(await page.locator('.slide-target').count() >= 10, 'the target board slide');
    assert.match(await page.locator('.slide-scenario').innerText(), /方案甲/);
    assert.match(await page.locator('.slide-asof').innerText(), /2020/);
    // the board's type is large enough to read from the back of a room
    const size = await page.locator('.slide-target').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 16, `font size ${size}px`);
    await page.screenshot({ path: `${ARTIFACTS}slide-board-${w}x${h}.png` });
    // 22 targets: the board in two parts of at most twelve, each fitting the screen
    assert.match(await page.locator('.slide-title').innerText(), /目标达成情况（1\/2）/);
    assert.ok(await page.locator('.slide-body').evaluate((b) => b.scrollHeight <= b.clientHeight + 1), 'the first part fits');
    await page.keyboard.press('ArrowRight');
    assert.equal(await deck.getAttribute('data-slide'), '1');
    assert.match(await page.locator('.slide-title').innerText(), /目标达成情况（2\/2）/);
    assert.equal(await page.locator('.slide-target').count(), 22 - 12);
    await page.keyboard.press('ArrowRight');
    assert.equal(await deck.getAttribute('data-slide'), '2');
    assert.equal(await page.locator('.presentation .chart').count(), 1);
    await page.screenshot({ path: `${ARTIFACTS}slide-chart-${w}x${h}.png` });
    await page.keyboard.press('PageDown');
    assert.equal(await deck.getAttribute('data-slide'), '3');
    await page.keyboard.press('PageUp');
    assert.equal(await deck.getAttribute('data-slide'), '2');
    await page.keyboard.press('End');
    await page.locator('.presentation .qr').waitFor();
    assert.match(await page.locator('.slide-url').innerText(), /v=1/);
    await page.screenshot({ path: `${ARTIFACTS}slide-closing-${w}x${h}.png` });
    await page.keyboard.press('Escape');
    await deck.waitFor({ state: 'detached' });
    assert.ok(await page.locator('.target-board').isVisible(), 'back to the workspace');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the printed brief fits two A4 pages and names the targets', async () => {
  const { context, page } = await openApp(browser);
  await setNumber(page, 'kg.public_seats', 600);
  await setNumber(page, 'rooms.senior', 8);
  await page.locator('#scenario-name').fill('方案乙');
  await page.locator('#scenario-name').press('Enter');
  await page.evaluate(() => document.fonts.ready);
  // the brief is built when printing starts (as the browser announces it)
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.brief .chart').first().waitFor({ state: 'attached' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = join(dir, 'brief.pdf');
  writeFileSync(file, pdf);
  writeFileSync(`${ARTIFACTS}brief.pdf`, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const name of ['学前三年入园率达到95%以上', '公办园在园幼儿占比达到50%', '方案乙', '新增公办幼儿园学位']) {
    assert.ok(text.includes(name), `the brief names ${name}`);
  }
  await context.close();
});

test('XLSX, CSV, SVG and PNG downloads are well formed', async () => {
  const { context, page, requests } = await openApp(browser);
  await setNumber(page, 'kg.public_seats', 500);
  await page.locator('#scenario-name').fill('方案丙');
  await page.locator('#scenario-name').press('Enter');

  // the XLSX writer is fetched only now, on demand
  assert.ok(!requests.some((u) => u.includes('eduplan-xlsx')), 'the XLSX module is not part of the first load');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('.tool.xlsx').click()]);
  assert.equal(xlsx.suggestedFilename(), '方案丙.xlsx');
  const xfile = await save(xlsx, 'out.xlsx');
  const check = execFileSync('python3', ['-c', `
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
wb = z.read('xl/workbook.xml').decode()
print('|'.join(re.findall(r'<sheet name="([^"]+)"', wb)))
ss = z.read('xl/sharedStrings.xml').decode()
print('kg.public_seats' in ss, '学前三年毛入园率' in ss)
sheet2 = z.read('xl/worksheets/sheet2.xml').decode()
print(len(re.findall(r'<row ', sheet2)))
print('新增公办幼儿园学位每年500个' in ss and '汇报要点' in ss)
`, xfile], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(check[0], '说明|政策措施与假设|预测|目标|基础数据|各校情况（2030年）|汇报要点');
  assert.equal(check[3], 'True', 'the briefing points in their sheet');
  assert.equal(check[1], 'True True');
  assert.ok(Number(check[2]) > 25, 'one row per lever');
  assert.ok(requests.some((u) => u.includes('eduplan-xlsx_bg.wasm')), 'fetched on demand');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.tool.csv').click()]);
  const cbytes = readFileSync(await save(csv, 'out.csv'));
  assert.deepEqual([...cbytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = cbytes.subarray(3).toString('utf8').trim().split('\n');
  assert.ok(lines[0].startsWith('指标代码,指标,单位,2020'));
  const ger = lines.find((l) => l.startsWith('kg.ger,'));
  assert.ok(ger && ger.split(',').length === 3 + 11, ger);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-kindergarten .chart-dl.svg').click()]);
  const stext = readFileSync(await save(svg, 'out.svg'), 'utf8');
  assert.ok(stext.startsWith('<?xml') && stext.includes('xmlns="http://www.w3.org/2000/svg"') && stext.includes('<path'));

  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-kindergarten .chart-dl.png').click()]);
  const pbytes = readFileSync(await save(png, 'out.png'));
  assert.deepEqual([...pbytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  assert.equal(pbytes.readUInt32BE(16), 1280, 'width');
  assert.equal(pbytes.readUInt32BE(20), 620, 'height');
  await context.close();
});
