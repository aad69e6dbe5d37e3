// Issue 4: the planner's workspace — levers move the board and the charts,
// reset restores the baseline exactly, language keeps the scenario, targets
// open their charts, and screenshots at laptop and projector sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp, targetValue } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

const boardValues = (page) => page.$$eval('.target-row', (rows) => rows.map((r) => [r.dataset.target, r.querySelector('.target-value .value-text').innerText.trim()]));
const currentPath = (page, series) => page.locator(`path.current[data-series="${series}"]`).first().getAttribute('d');

test('moving a lever by mouse changes the board and the chart; reset restores the baseline exactly', async () => {
  const { context, page, errors } = await openApp(browser);
  const board0 = await boardValues(page);
  const path0 = await currentPath(page, 'kg.public_share');
  const share0 = await targetValue(page, 'public_kg_share');

  // click two thirds along the conversion slider's track
  const slider = page.locator('#lever-kg-convert_to_public');
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + box.width * 0.66, box.y + box.height / 2);
  const v = Number(await page.locator('#num-kg-convert_to_public').inputValue());
  assert.ok(v > 0, `slider moved (${v})`);
  await page.waitForFunction((s0) => document.querySelector('tr[data-target="public_kg_share"] .value-text').innerText.trim() !== s0, share0);
  assert.notEqual(await currentPath(page, 'kg.public_share'), path0, 'the chart line moved');
  assert.ok(await page.locator('[data-lever="kg.convert_to_public"].changed').count() === 1, 'the lever is marked as changed');

  await page.locator('.reset-all').click();
  assert.deepEqual(await boardValues(page), board0, 'every target value is back to the baseline');
  assert.equal(await currentPath(page, 'kg.public_share'), path0, 'the chart line is back on the baseline');
  assert.equal(await page.locator('#num-kg-convert_to_public').inputValue(), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving a lever by keyboard changes the board and the chart; per-lever reset works', async () => {
  const { context, page } = await openApp(browser);
  const staffing0 = await targetValue(page, 'senior_staffing');
  await page.locator('[data-chart-toggle="staffing"]').click();
  const path0 = await currentPath(page, 'senior.pupils_per_teacher');
  const slider = page.locator('#lever-hires-senior');
  await slider.focus();
  // one key at a time, as a hand does: each step answered before the next
  for (let i = 1; i <= 20; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((v) => document.querySelector('#num-hires-senior').value === String(v), 15 + i);
  }
  assert.equal(await page.locator('#num-hires-senior').inputValue(), '35', 'twenty steps of one teacher from 15');
  assert.notEqual(await targetValue(page, 'senior_staffing'), staffing0);
  assert.notEqual(await currentPath(page, 'senior.pupils_per_teacher'), path0);
  // typing an exact value in the number box
  await page.locator('#num-hires-senior').fill('120');
  await page.locator('#num-hires-senior').press('Enter');
  assert.equal(await page.locator('#lever-hires-senior').inputValue(), '120');
  await page.locator('[data-lever="hires.senior"] .lever-reset').click();
  assert.equal(await targetValue(page, 'senior_staffing'), staffing0);
  assert.equal(await currentPath(page, 'senior.pupils_per_teacher'), path0);
  await context.close();
});

test('switching language keeps the scenario', async () => {
  const { context, page } = await openApp(browser);
  await page.locator('#num-senior-progression').fill('95');
  await page.locator('#num-senior-progression').press('Enter');
  const ger = await targetValue(page, 'senior_ger');
  await page.locator('.lang-switch').click();
  await page.locator('h2', { hasText: 'Policies' }).waitFor();
  assert.equal(await page.locator('#num-senior-progression').inputValue(), '95.0');
  assert.equal(await targetValue(page, 'senior_ger'), ger);
  assert.match(await page.locator('tr[data-target="senior_ger"] .status').innerText(), /Met|Missed/);
  await context.close();
});

test('clicking a target shows its chart; the per-year editor sets single years', async () => {
  const { context, page } = await openApp(browser);
  assert.equal(await page.locator('#chart-senior_stage').count(), 0);
  await page.locator('tr[data-target="general_vocational"] .target-link').click();
  await page.locator('#chart-senior_stage').waitFor();
  assert.ok(await page.locator('#chart-senior_stage').isVisible());
  // the chart reads out values for the year under the keyboard cursor
  await page.locator('#chart-senior_stage .chart-svg').focus();
  await page.keyboard.press('Home');
  assert.match(await page.locator('#chart-senior_stage .readout-year').innerText(), /2020/);

  await page.locator('[data-lever="kg.public_seats"] .lever-years').click();
  const cell = page.locator('[data-lever="kg.public_seats"] .year-input[data-year="2022"]');
  await cell.fill('800');
  await cell.press('Enter');
  await page.locator('[data-lever="kg.public_seats"] .lever-varies').waitFor();
  assert.equal(await page.locator('[data-lever="kg.public_seats"] .year-input[data-year="2023"]').inputValue(), '0');
  await context.close();
});

test('estimates are marked and the data panel lists sources', async () => {
  const { context, page } = await openApp(browser);
  assert.ok(await page.locator('.estimate-mark').count() > 5);
  assert.match(await page.locator('.estimate-mark').first().getAttribute('title'), /估算/);
  await page.locator('.data-panel summary').click();
  assert.ok(await page.locator('.data-panel tr.source.estimate').count() >= 5);
  assert.ok(await page.locator('.data-panel tr[data-source="L1"]').isVisible());
  await context.close();
});

test('screenshots at laptop and projector sizes', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [w, h] of [[1366, 768], [1920, 1080]]) {
    const { context, page } = await openApp(browser, { viewport: { width: w, height: h } });
    await page.evaluate(() => document.fonts.ready);
    // nothing may overflow the page horizontally
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at ${w}×${h}`);
    await page.screenshot({ path: `${ARTIFACTS}workspace-${w}x${h}.png` });
    await page.locator('.lang-switch').click();
    await page.screenshot({ path: `${ARTIFACTS}workspace-${w}x${h}-en.png` });
    await context.close();
  }
});
