// Issue 2: the app shell loads, speaks Chinese first, switches language,
// logs no errors and talks to no host but its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, ORIGIN } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('loads in Chinese, switches to English and back, without errors or foreign requests', async () => {
  const { context, page, errors, requests } = await openApp(browser);
  assert.equal((await page.locator('.title-main').innerText()).trim(), '教育规划模拟器');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.title(), /教育规划模拟器/);

  await page.locator('.lang-switch').click();
  await page.locator('.title-main', { hasText: 'EduPlan' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok(await page.locator('h2', { hasText: 'Policies' }).isVisible());

  await page.locator('.lang-switch').click();
  await page.locator('.title-main', { hasText: '教育规划模拟器' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');

  assert.deepEqual(errors, [], 'console errors');
  const foreign = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched from the local server');
  await context.close();
});

test('the layout has the levers and the results side by side at laptop size', async () => {
  const { context, page } = await openApp(browser);
  const levers = await page.locator('.levers-panel').boundingBox();
  const results = await page.locator('.results').boundingBox();
  assert.ok(levers && results);
  assert.ok(levers.x + levers.width <= results.x + 1, 'levers left of results');
  assert.ok(await page.locator('.target-board tbody tr').count() >= 10, 'target rows');
  await context.close();
});
