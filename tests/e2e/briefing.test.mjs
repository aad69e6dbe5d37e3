// Briefing points (issue 19): the panel and its 复制, the printed brief, the
// slide, English, the baseline in one line, and pinned scenarios compared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const SCENARIO = '?v=1&senior.progression=0.95&students.dropout_reduction=1&n=方案甲';
const FIRST = '本方案与基准方案相比调整2项：初中毕业生升学率95.0%；控辍保学辍学率降幅100%。';

test('the panel writes the points and 复制 puts them on the clipboard', async () => {
  const { context, page, errors } = await openApp(browser, { path: SCENARIO });
  await page.locator('.briefing-toggle').click();
  const items = page.locator('.briefing-body .briefing-list li');
  await items.first().waitFor();
  assert.equal(await items.count(), 8);
  assert.equal(await items.first().innerText(), FIRST);
  assert.match(await items.nth(2).innerText(), /3项目标由未达成转为达成：“初中入学率稳定在100%”（2025年为99.7%/);
  // the numbers are the board's
  const board = await page.locator('tr[data-target="senior_ger"] td.num').first().innerText().catch(() => null);
  if (board) assert.ok((await items.nth(2).innerText()).includes(board.trim().split(/\s/)[0]), board);
  // 复制: the whole text, numbered, as the planner pastes it
  await page.evaluate(() => {
    window.__copied = null;
    navigator.clipboard.writeText = async (t) => { window.__copied = t; };
  });
  await page.locator('.briefing-copy').click();
  await page.waitForFunction(() => window.__copied !== null);
  const copied = await page.evaluate(() => window.__copied);
  const lines = copied.trim().split('\n');
  assert.equal(lines[0], '汇报要点');
  assert.equal(lines[1], `一、${FIRST}`);
  assert.equal(lines.length, 9);
  assert.match(await page.locator('.briefing-body .copy-feedback').innerText(), /已复制/);
  // a lever moved: the points follow
  await page.locator('#num-kg-public_seats').fill('800');
  await page.locator('#num-kg-public_seats').press('Enter');
  await page.waitForFunction(() => document.querySelector('.briefing-body .briefing-list li')?.textContent.includes('新增公办幼儿园学位每年800个'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the printed brief and a slide show the points', async () => {
  const { context, page } = await openApp(browser, { path: SCENARIO });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.brief .brief-points li').first().waitFor({ state: 'attached' });
  assert.equal(await page.locator('.brief .brief-points li').count(), 8);
  assert.equal((await page.locator('.brief .brief-points li').first().textContent()).trim(), FIRST);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.locator('.tool.present').click();
  await page.locator('.presentation').waitFor();
  await page.keyboard.press('End');
  await page.locator('.presentation .qr').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('.slide-briefing li').first().waitFor();
  assert.equal(await page.locator('.slide-briefing .slide-title').innerText(), '汇报要点');
  assert.equal(await page.locator('.slide-briefing li').count(), 8);
  assert.ok(await page.locator('.slide-body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1), 'no sideways scroll');
  await context.close();
});

test('English, and the baseline in one line', async () => {
  const { context, page } = await openApp(browser, { path: `${SCENARIO}&lang=en` });
  await page.locator('.briefing-toggle').click();
  await page.locator('.briefing-body li').first().waitFor();
  assert.equal(await page.locator('.briefing-body li').first().innerText(),
    'Changes from the baseline (2): Junior-to-senior transition rate: 95.0%; Dropout prevention rate reduction: 100%.');
  await context.close();
  const base = await openApp(browser);
  await base.page.locator('.briefing-toggle').click();
  await base.page.locator('.briefing-body li').first().waitFor();
  assert.equal(await base.page.locator('.briefing-body li').count(), 1);
  assert.match(await base.page.locator('.briefing-body li').innerText(), /^本方案与基准方案相同，未调整政策措施；在目标年份达成目标13项（共22项）。$/);
  await base.context.close();
});

test('pinned scenarios: points that say how they differ', async () => {
  const { context, page } = await openApp(browser, { path: SCENARIO });
  await page.locator('.tool.save').click();
  await page.locator('#num-kg-public_seats').fill('120');
  await page.locator('#num-kg-public_seats').press('Enter');
  await page.locator('#scenario-name').fill('方案乙');
  await page.locator('#scenario-name').press('Enter');
  await page.locator('.tool.save').click();
  for (const item of await page.locator('.saved-item .pin input').all()) await item.check();
  await page.locator('.compare-table').waitFor();
  await page.locator('.briefing-toggle').click();
  const cmp = page.locator('.briefing-body .briefing-list.compare li');
  await cmp.first().waitFor();
  assert.equal(await cmp.count(), 1);
  assert.match(await cmp.first().innerText(), /^方案乙与方案甲相比：新增公办幼儿园学位累计多1200个/);
  assert.equal(await page.locator('.briefing-compare-title').innerText(), '方案比较');
  await context.close();
});
