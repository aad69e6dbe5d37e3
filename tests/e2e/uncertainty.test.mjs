// Issue 7: uncertainty bands and P(met) from a worker, a page that stays
// responsive while the draws run, and goal seeking with Apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('bands appear and the page answers a lever within 50 ms while draws run', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.locator('.uncertainty-toggle').click();
  // the draws run in a worker: move a lever at once and time the answer
  const ms = await page.evaluate(async () => {
    const slider = document.querySelector('#lever-kg-convert_to_public');
    const results = document.querySelector('.results');
    const updated = new Promise((resolve) => {
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
      mo.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const t0 = performance.now();
    slider.value = '500';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    return (await updated) - t0;
  });
  assert.ok(await page.locator('.mc-status').count() === 1);
  assert.ok(ms < 50, `input handled in ${ms.toFixed(1)} ms while the draws run`);
  await page.locator('#chart-kindergarten .bands').first().waitFor({ timeout: 60000 });
  assert.ok(await page.locator('#chart-kindergarten polygon.band').count() >= 2);
  assert.ok(await page.locator('#chart-kindergarten path.median').count() >= 1);
  const probs = await page.locator('td.prob').allInnerTexts();
  assert.equal(probs.length, await page.locator('.target-row').count());
  assert.ok(probs.every((p) => /%$/.test(p.trim())), probs.join());
  assert.match(await page.locator('.mc-status').innerText(), /500/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('while a lever moves, the probabilities say they are from before it; released, the draws rerun', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.locator('.uncertainty-toggle').click();
  await page.locator('td.prob').first().waitFor({ timeout: 60000 });
  await page.waitForFunction(() => /次模拟/.test(document.querySelector('.mc-status')?.textContent ?? ''));
  assert.equal(await page.locator('.mc-stale').count(), 0);
  assert.equal(await page.locator('td.prob.stale').count(), 0);
  // dragging: input events only, the scenario not yet settled
  await page.evaluate(() => {
    const slider = document.querySelector('#lever-senior-progression');
    slider.value = String(Number(slider.max));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await page.locator('.mc-stale').innerText(), /停止调整后重新模拟/);
  assert.equal(await page.locator('td.prob.stale').count(), await page.locator('.target-row').count());
  // the last draws' figures stay in the status line
  assert.match(await page.locator('.mc-status').innerText(), /500次模拟/);
  // released: one settled change, the draws rerun for it and the marks go
  await page.evaluate(() => document.querySelector('#lever-senior-progression').dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForFunction(() => !document.querySelector('.mc-stale') && !document.querySelector('td.prob.stale')
    && /次模拟/.test(document.querySelector('.mc-status')?.textContent ?? ''), null, { timeout: 60000 });
  await page.locator('.lang-switch').click();
  await page.evaluate(() => {
    const slider = document.querySelector('#lever-senior-progression');
    slider.value = String(Number(slider.min));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await page.locator('.mc-stale').innerText(), /rerun when the lever settles/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('goal seeking finds the least value, and Apply makes the target met', async () => {
  const { context, page } = await openApp(browser);
  const row = page.locator('tr[data-target="trainees_double"]');
  assert.ok((await row.getAttribute('class')).includes('missed'));
  await row.locator('.seek-open').click();
  await page.locator('.seek-lever').selectOption('trainees.intake');
  await page.locator('.seek-run').click();
  assert.match(await page.locator('.seek-answer').innerText(), /60/);
  await page.locator('.seek-apply').click();
  assert.equal(await page.locator('#num-trainees-intake').inputValue(), '60');
  assert.ok((await row.getAttribute('class')).includes(' met'), 'the target turns met');
  // a lever that cannot do it says so
  await page.locator('tr[data-target="senior_staffing"] .seek-open').click();
  await page.locator('.seek-lever').selectOption('kg.public_seats');
  await page.locator('.seek-run').click();
  assert.match(await page.locator('.seek-answer').innerText(), /达不到|does not meet/);
  assert.equal(await page.locator('.seek-apply').count(), 0);
  await context.close();
});
