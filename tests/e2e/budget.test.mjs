// Issue 8: budget mode — the money is the lever. Raising the funding slider
// changes the target board and the purchases table; the programme order and
// goal seeking over money work; the bought quantity levers are read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, targetValue } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const row2021 = (page) => page.locator('.purchases tr[data-year="2021"] td.bought').innerText();

test('raising the funding slider in budget mode changes the board and the purchases table', async () => {
  const { context, page, errors } = await openApp(browser);
  assert.equal(await page.locator('.budget-panel').count(), 0, 'no purchases in quantity mode');
  assert.equal(await page.locator('[data-lever="budget.order"]').count(), 0, 'budget-only levers hidden in quantity mode');
  await page.locator('#lever-budget-mode').selectOption('1');
  await page.locator('.budget-panel').waitFor();
  // the quantity levers the money sets become read-only, showing what it bought
  assert.equal(await page.locator('#lever-rooms-primary-town').count(), 0);
  assert.ok(await page.locator('[data-lever="rooms.primary.town"].bought').isVisible());
  assert.match(await row2021(page), /无新增安排/);

  const share0 = await targetValue(page, 'public_kg_share');
  const large0 = await targetValue(page, 'large_classes');
  // click a fifth of the way along the funding slider (0–30,000 万元 a year)
  const slider = page.locator('#lever-budget-extra');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.waitForFunction(() => Number(document.querySelector('#num-budget-extra').value) > 0);
  const v = Number(await page.locator('#num-budget-extra').inputValue());
  assert.ok(v >= 4000 && v <= 8000, `funding raised to ${v} 万元/年`);
  await page.waitForFunction((s0) => document.querySelector('tr[data-target="public_kg_share"] .value-text').innerText.trim() !== s0, share0);
  assert.notEqual(await targetValue(page, 'large_classes'), large0, 'the 56+ share moved');
  assert.ok((await page.locator('tr[data-target="large_classes"]').getAttribute('class')).includes(' met'));
  const bought = await row2021(page);
  assert.match(bought, /万元 → .*间教室/, bought);
  assert.match(bought, /名教师/, bought);
  assert.match(await page.locator('[data-lever="rooms.primary.town"] .lever-bought').innerText(), /2021: \d+/);
  assert.match(await page.locator('.budget-meter-text').innerText(), /已用/);

  // the scenario travels: the link carries the mode and the money
  await page.waitForFunction(() => location.search.includes('budget.mode=1') && location.search.includes('budget.extra='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the programme order moves with up/down buttons and changes what is bought first', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&budget.mode=1&budget.extra=20000000' });
  await page.locator('.budget-panel').waitFor();
  const first = () => page.locator('.programmes li').first().getAttribute('data-programme');
  assert.equal(await first(), '1');
  const before = await row2021(page);
  // seats to the top: two moves up
  await page.locator('.programmes li[data-programme="3"] .move-up').click();
  await page.locator('.programmes li[data-programme="3"] .move-up').click();
  assert.equal(await first(), '3');
  await page.waitForFunction(() => location.search.includes('budget.order=31245'));
  assert.notEqual(await row2021(page), before, 'another order buys another mix');
  assert.ok(await page.locator('.programmes li[data-programme="3"] .move-up').isDisabled(), 'the top cannot move up');
  await page.locator('.undo').click();
  assert.equal(await page.locator('.programmes li').nth(1).getAttribute('data-programme'), '3', 'undo steps back one move');
  await context.close();
});

test('goal seeking over money finds the least yearly funding that meets a target', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&budget.mode=1' });
  const row = page.locator('tr[data-target="primary_funds"]');
  assert.ok((await row.getAttribute('class')).includes('missed'));
  await row.locator('.seek-open').click();
  assert.equal(await page.locator('.seek-lever').inputValue(), 'budget.extra', 'money is the first choice in budget mode');
  await page.locator('.seek-run').click();
  const answer = await page.locator('.seek-answer').innerText();
  assert.match(answer, /新增教育经费.*万元\/年/, answer);
  await page.locator('.seek-apply').click();
  assert.ok(Number(await page.locator('#num-budget-extra').inputValue()) > 0);
  assert.ok((await row.getAttribute('class')).includes(' met'), 'the target turns met');
  await context.close();
});

// (the workbook's Purchases sheet is checked natively in crates/model/src/export.rs)
test('the meeting sees the purchases: a slide after the board and a table in the printed brief', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&budget.mode=1&budget.extra=40000000' });
  await page.locator('.budget-panel').waitFor();
  await page.locator('.tool.present').click();
  await page.locator('.presentation').waitFor();
  await page.keyboard.press('ArrowRight'); // the board's second part
  await page.keyboard.press('ArrowRight');
  await page.locator('.presentation[data-slide="2"] .slide-purchases').waitFor();
  assert.match(await page.locator('.slide-purchases tr').first().innerText(), /2021[\s\S]*间教室/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.presentation .chart').count(), 1, 'charts follow');
  await page.keyboard.press('Escape');
  await page.locator('.presentation').waitFor({ state: 'detached' });
  // the brief is built when printing starts, for print only: read its text, not what the screen shows
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.brief .brief-table').first().waitFor({ state: 'attached' });
  assert.match(await page.locator('.brief').textContent(), /新增经费安排情况[\s\S]*2021[\s\S]*间教室/);
  await context.close();
});
