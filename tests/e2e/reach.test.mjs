// Wherever the bureau works (issue 16): a phone opening a shared link, an old
// 1024×768 projector, WeChat's in-app browser, no network, the page's
// Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, BASE_URL, serveFolder } from './lib.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' };
const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) '
  + 'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) '
  + 'WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => browser?.close());

/** A share link with two levers changed, made by the app itself. */
async function shareLink() {
  const { context, page } = await openApp(browser);
  for (const [id, v] of [['kg-public_seats', '300'], ['hires-senior', '40']]) {
    await page.locator(`#num-${id}`).fill(v);
    await page.locator(`#num-${id}`).press('Tab');
  }
  await page.waitForFunction(() => location.search.includes('hires'));
  const url = page.url();
  await context.close();
  return url;
}

/** Elements wider than the viewport, or reaching past its sides (not counting ones hidden on purpose). */
function overflowing() {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, .skip-links, [hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.width > w + 1 || r.right > w + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
  }
  return { scroll: document.documentElement.scrollWidth, width: w, out: out.slice(0, 8), count: out.length };
}

/** Controls under 44×44 px and text under 12 px, among what is on screen. */
function tooSmall() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden, .skip-links');
  };
  const small = [];
  for (const el of document.querySelectorAll('button, select, summary, input, a[href], label.pin')) {
    if (!visible(el) || el.type === 'checkbox' || el.type === 'file') continue;
    const r = el.getBoundingClientRect();
    const isText = el.tagName === 'INPUT' && el.type !== 'range';
    if (r.height < 43.5 || (!isText && r.width < 43.5)) small.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  const tiny = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el)) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    // SVG text is drawn at the chart's scale
    if (el instanceof SVGElement && el.ownerSVGElement) px *= el.ownerSVGElement.getScreenCTM()?.a ?? 1;
    if (px < 11.95) tiny.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${px.toFixed(1)}px “${el.textContent.trim().slice(0, 12)}”`);
  }
  return { small: small.slice(0, 8), smallCount: small.length, tiny: tiny.slice(0, 8), tinyCount: tiny.length };
}

test('a phone opening a shared link sees the targets first, readable, nothing wider than the screen', async () => {
  const link = await shareLink();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(link);
  await page.locator('.target-row').first().waitFor();
  assert.equal(await page.locator('#num-kg-public_seats').inputValue(), '300', 'the link’s scenario');
  const first = await page.locator('.target-row').first().boundingBox();
  assert.ok(first.y < 844, `the first target starts within the first screen (y = ${first.y})`);
  // every target's status is within the screen's width
  const statuses = await page.$$eval('.target-row td.status', (cells) => cells.map((c) => {
    const r = c.getBoundingClientRect();
    return { left: r.left, right: r.right, text: c.innerText };
  }));
  assert.ok(statuses.length >= 20);
  for (const s of statuses) assert.ok(s.left >= 0 && s.right <= 390, `status “${s.text}” at ${s.left}–${s.right}`);
  const o = await page.evaluate(overflowing);
  assert.equal(o.scroll, 390, 'no sideways scroll');
  assert.deepEqual(o.out, [], 'no element wider than the screen');
  const sizes = await page.evaluate(tooSmall);
  assert.deepEqual(sizes.small, [], 'tap targets at least 44 px');
  assert.deepEqual(sizes.tiny, [], 'no text under 12 px');
  // the charts are the screen's width
  const chart = await page.locator('.chart').first().boundingBox();
  assert.ok(chart.width <= 390 && chart.width > 300, `chart width ${chart.width}`);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-full.png'), fullPage: true });

  // the levers are behind one button: a sheet, the board still above it
  assert.equal(await page.locator('#levers').isVisible(), false, 'levers hidden until asked for');
  const toggle = page.locator('.levers-toggle');
  assert.match(await toggle.innerText(), /调整政策措施[\s\S]*已调整2项/);
  await toggle.tap();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('#num-hires-senior').fill('120');
  await page.locator('#num-hires-senior').press('Enter');
  const sheet = await page.locator('#levers').boundingBox();
  assert.ok(sheet.y > 844 * 0.3, `sheet at ${JSON.stringify(sheet)}: `+ 'the sheet leaves the top of the screen to the results');
  const inSheet = await page.evaluate(tooSmall);
  assert.deepEqual(inSheet.small, [], 'tap targets in the sheet at least 44 px');
  assert.deepEqual(inSheet.tiny, [], 'no text under 12 px in the sheet');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-levers.png') });
  await toggle.tap();
  assert.equal(await page.locator('#levers').isVisible(), false);

  // presentation mode on a phone: one column, nothing cut at the sides
  await page.locator('.tool.present').tap();
  await page.locator('.presentation').waitFor();
  const slide = await page.evaluate(overflowing);
  assert.deepEqual(slide.out, [], 'the board slide fits the screen’s width');
  const rows = await page.$$eval('.slide-target', (r) => r.map((e) => e.getBoundingClientRect().width));
  assert.ok(rows.every((w) => w > 300), 'one target per line');
  const words = await page.$$eval('.slide-nav button', (b) => b.map((e) => e.getBoundingClientRect().height));
  assert.ok(words.every((h) => h < 60), 'the slide buttons keep their words on one line');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-slide-board.png') });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual((await page.evaluate(overflowing)).out, [], 'the board’s second part fits');
  await page.keyboard.press('ArrowRight');
  await page.locator('.presentation .chart').waitFor();
  assert.deepEqual((await page.evaluate(overflowing)).out, [], 'a chart slide fits');
  const axis = await page.evaluate(tooSmall);
  assert.deepEqual(axis.tiny, [], 'the chart slide’s text at least 12 px');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-slide-chart.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('English on a phone: the same layout holds', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en' });
  const page = await context.newPage();
  await page.goto(BASE_URL + '?lang=en');
  await page.locator('.target-row').first().waitFor();
  assert.deepEqual((await page.evaluate(overflowing)).out, []);
  const sizes = await page.evaluate(tooSmall);
  assert.deepEqual([sizes.small, sizes.tiny], [[], []]);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-en.png') });
  await context.close();
});

test('an old 1024×768 projector: no column of the target board is cut', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page } = await openApp(browser, { viewport: { width: 1024, height: 768 }, path: lang === 'en' ? '?lang=en' : '' });
    await page.locator('.uncertainty-toggle').click();
    await page.locator('td.prob').first().waitFor({ timeout: 30000 });
    const clip = await page.evaluate(() => {
      const wrap = document.querySelector('.target-board .table-wrap');
      const box = wrap.getBoundingClientRect();
      const cut = [...wrap.querySelectorAll('th, td')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.right > box.right + 1 || r.left < box.left - 1;
      }).map((c) => c.className + ' ' + c.innerText.slice(0, 10));
      return { cut, scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth };
    });
    assert.deepEqual(clip.cut, [], `${lang}: cells outside the board`);
    assert.ok(clip.scroll <= clip.client, `${lang}: the board scrolls sideways (${clip.scroll} > ${clip.client})`);
    assert.equal(clip.page, 1024);
    await page.screenshot({ path: join(ARTIFACTS, `projector-1024x768-${lang}.png`) });
    // slides are sized for the back of the room
    await page.locator('.tool.present').click();
    const px = await page.$eval('.presentation', (p) => parseFloat(getComputedStyle(p).fontSize));
    assert.ok(px >= 21, `presentation text ${px} px`);
    const fit = await page.$eval('.slide-body', (b) => b.scrollHeight <= b.clientHeight + 1);
    assert.ok(fit, 'the board slide fits the projector');
    await context.close();
  }
});

test('WeChat’s browser: exports say how to open the page in the system browser; a PNG opens as a picture', async () => {
  const context = await browser.newContext({ ...PHONE, userAgent: WECHAT_UA });
  const page = await context.newPage();
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.goto(BASE_URL);
  await page.locator('.target-row').first().waitFor();
  const guide = page.locator('.wechat-guide');
  for (const tool of ['.tool.csv', '.tool.export', '.tool.print']) {
    await page.locator(tool).tap();
    await guide.waitFor();
    const text = await guide.innerText();
    assert.match(text, /右上角/);
    assert.match(text, /在浏览器中打开/);
    await guide.locator('.button.primary').tap();
    await guide.waitFor({ state: 'detached' });
  }
  await page.locator('.tool.xlsx').tap();
  await guide.waitFor({ timeout: 30000 });
  assert.match(await guide.innerText(), /\.xlsx/);
  await page.keyboard.press('Escape');
  await guide.waitFor({ state: 'detached' });
  await page.locator('#chart-kindergarten .chart-dl.png').tap();
  const img = guide.locator('img.wechat-image');
  await img.waitFor();
  assert.match(await img.getAttribute('src'), /^data:image\/png;base64,iVBOR/);
  assert.match(await guide.innerText(), /长按/);
  const shown = await img.evaluate((i) => i.complete && i.naturalWidth);
  assert.equal(shown, 1280, 'the chart picture is drawn at twice the size');
  await page.waitForTimeout(600); // past the tap highlight
  await page.screenshot({ path: join(ARTIFACTS, 'wechat-png-390x844.png') });
  assert.equal(downloads, 0, 'no download was attempted');
  await context.close();
  // outside WeChat the same button downloads
  const { context: c2, page: p2 } = await openApp(browser);
  const [dl] = await Promise.all([p2.waitForEvent('download'), p2.locator('.tool.csv').click()]);
  assert.match(dl.suggestedFilename(), /\.csv$/);
  await c2.close();
});

/** A copy of the release build served on its own port, as a deployment a test can change. */
async function deployCopy(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return { dir, server: await serveFolder(dir) };
}

/** A new build deployed into `dir`: index.html marked `deployment 2`, the hook rerun (new CSP hash and offline manifest). */
function deployAgain(dir) {
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="deployment" content="2"></head>'));
  execFileSync('python3', [join(ROOT, 'tools/post_build.py'), dir]);
}

/** Which deployment the page runs: '1' for the first build, '2' after deployAgain. */
const deployment = (page) => page.evaluate(() => document.querySelector('meta[name=deployment]')?.content ?? '1');

test('offline after the first visit, and a new deployment announced, never mixed', async () => {
  const { dir, server } = await deployCopy('eduplan-offline-');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(server.url);
    await page.locator('.app-title').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
    await page.locator('#num-kg-public_seats').fill('500');
    await page.locator('#num-kg-public_seats').press('Tab');
    await page.waitForFunction(() => location.search.includes('kg'));

    await context.setOffline(true);
    await page.reload();
    await page.locator('.app-title').waitFor();
    assert.equal(await page.locator('#num-kg-public_seats').inputValue(), '500', 'the last scenario, offline');
    // an on-demand worker starts from the offline copy too
    await page.locator('.uncertainty-toggle').click();
    await page.locator('td.prob').first().waitFor({ timeout: 60000 });
    // a fresh tab at the bare address: the autosave brings the scenario back
    const p2 = await context.newPage();
    await p2.goto(server.url);
    await p2.locator('.app-title').waitFor();
    assert.equal(await p2.locator('#num-kg-public_seats').inputValue(), '500', 'the autosaved scenario, offline');
    await p2.close();
    assert.deepEqual(errors, []);
    await context.setOffline(false);

    // a new build is deployed: the page says so, and keeps running on its own files until asked
    deployAgain(dir);
    await page.reload();
    const notice = page.locator('.update-notice');
    await notice.waitFor({ timeout: 60000 });
    assert.match(await notice.innerText(), /新版本/);
    assert.equal(await deployment(page), '1', 'still the old build until reloaded');
    await Promise.all([page.waitForEvent('load'), notice.locator('.update-reload').click()]);
    await page.locator('.app-title').waitFor();
    assert.equal(await deployment(page), '2', 'the new build after 重新加载');
    assert.equal(await page.locator('.update-notice').count(), 0);
    assert.equal(await page.locator('#num-kg-public_seats').inputValue(), '500', 'the scenario survives the update');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the Content-Security-Policy: nothing it blocks while every feature is used', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) messages.push(m.text()); });
  await page.goto(BASE_URL);
  await page.locator('.target-row').first().waitFor();
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  assert.match(csp, /connect-src 'self'/);

  const download = (click) => Promise.all([page.waitForEvent('download'), click()]);
  await page.locator('#num-kg-public_seats').fill('300');
  await page.locator('#num-kg-public_seats').press('Tab');
  await page.locator('.tool.save').click();
  await page.locator('.tool.copy-link').click();
  await download(() => page.locator('.tool.export').click());
  await download(() => page.locator('.tool.csv').click());
  await download(() => page.locator('.tool.xlsx').click());
  await download(() => page.locator('#chart-kindergarten .chart-dl.svg').click());
  await download(() => page.locator('#chart-kindergarten .chart-dl.png').click());
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.locator('.uncertainty-toggle').click();
  await page.locator('td.prob').first().waitFor({ timeout: 30000 });
  await page.locator('tr[data-target="senior_ger"] .seek-open').click();
  await page.locator('.seek-run').first().click();
  await page.locator('.seek-answer').first().waitFor({ timeout: 30000 });
  await page.locator('#lever-budget-mode').selectOption('1');
  await page.locator('.tool.present').click();
  await page.keyboard.press('End');
  await page.locator('.slide-closing .qr').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.data-menu-button').click();
  await download(() => page.locator('.download-template').click());
  await page.locator('.data-dialog .file-input').setInputFiles(join(ROOT, 'tests/import-corpus/dataset-small-change.json'));
  await page.locator('.apply-import').click({ timeout: 30000 });
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await page.locator('.lang-switch').click();
  await page.locator('.target-row').first().waitFor();
  const violations = await page.evaluate(() => window.__csp);
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(messages, [], 'console reports of blocked content');
  await context.close();
});

test('a page open since the very first visit is told of a new deployment and moves to it whole', async () => {
  const { dir, server } = await deployCopy('eduplan-update-');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.locator('.app-title').waitFor();
    // the first install takes this page over without reloading it
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
    await page.locator('#num-hires-senior').fill('60');
    await page.locator('#num-hires-senior').press('Tab');
    await page.waitForFunction(() => location.search.includes('hires'));
    deployAgain(dir);
    // what the page's periodic check does
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.locator('.update-notice');
    await notice.waitFor({ timeout: 60000 });
    await Promise.all([page.waitForEvent('load'), notice.locator('.update-reload').click()]);
    await page.locator('.app-title').waitFor();
    assert.equal(await deployment(page), '2');
    assert.equal(await page.locator('#num-hires-senior').inputValue(), '60');
  } finally {
    await context.close();
    await server.close();
  }
});

/** Saves the working scenario under `name` after setting the public kindergarten seats. */
async function saveAs(page, name, seats) {
  await page.locator('#num-kg-public_seats').fill(String(seats));
  await page.locator('#num-kg-public_seats').press('Enter');
  await page.locator('#scenario-name').fill(name);
  await page.locator('#scenario-name').press('Enter');
  await page.locator('.tool.save').click();
}

test('tablets and a phone held sideways get the narrow layout; comparing on a phone stays within the screen', async () => {
  for (const [w, h] of [[768, 1024], [844, 390]]) {
    const context = await browser.newContext({ ...PHONE, viewport: { width: w, height: h } });
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await page.locator('.target-row').first().waitFor();
    if (h > w) assert.ok((await page.locator('.target-row').first().boundingBox()).y < h, `${w}×${h}: the first target on the first screen`);
    assert.deepEqual((await page.evaluate(overflowing)).out, [], `${w}×${h}`);
    const sizes = await page.evaluate(tooSmall);
    assert.deepEqual([sizes.small, sizes.tiny], [[], []], `${w}×${h}`);
    await page.screenshot({ path: join(ARTIFACTS, `narrow-${w}x${h}.png`) });
    await context.close();
  }
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('.target-row').first().waitFor();
  await page.locator('.levers-toggle').tap();
  await saveAs(page, '方案A：新增公办学位', 300);
  await saveAs(page, '方案B', 900);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#levers').isVisible(), false, 'Esc closes the sheet');
  for (const cb of await page.locator('.saved-item .pin input').all()) await cb.check();
  await page.locator('.compare-table').waitFor();
  assert.deepEqual((await page.evaluate(overflowing)).out, [], 'comparing on a phone');
  const cell = await page.locator('.compare-table tr[data-target="public_kg_share"] td[data-label="方案B"]').innerText();
  assert.match(cell, /^\d+\.\d%$/, 'a figure whole, under its scenario’s name');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-390x844-compare.png'), fullPage: true });
  await context.close();
});

test('comparing four scenarios with long names on a 1024×768 projector: named columns, nothing off the slide', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page } = await openApp(browser, { viewport: { width: 1024, height: 768 }, path: lang === 'en' ? '?lang=en' : '' });
    const names = ['方案A：新增公办幼儿园学位优先', '方案B', '方案C（较长的方案名称用于测试，共有三十个字左右的名称）', '方案D'];
    for (const [i, n] of names.entries()) await saveAs(page, n, 300 * (i + 1));
    for (const cb of await page.locator('.saved-item .pin input').all()) await cb.check();
    await page.locator('.tool.present').click();
    const heads = await page.locator('.slide-compare thead th.scenario-name').allInnerTexts();
    assert.deepEqual(heads.map((s) => s.trim()), names, `${lang}: each column under its scenario’s name`);
    for (let i = 0; i < 9; i++) {
      const fit = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, p: document.querySelector('.presentation').scrollWidth }));
      assert.ok(fit.w <= 1024 && fit.p <= 1024, `${lang} slide ${i + 1} is within the screen (${fit.p})`);
      // every slide fits: board parts and charts with their legends (nobody scrolls a projector)
      if (!(await page.locator('.slide-closing').count())) {
        assert.ok(await page.locator('.slide-body').evaluate((b) => b.scrollHeight <= b.clientHeight + 1), `${lang} slide ${i + 1} fits`);
      }
      if (await page.locator('.presentation .chart').count()) {
        // one series of the chart at a time: the title says which
        const title = await page.locator('.presentation .chart h3').innerText();
        if (await page.locator('.presentation .chart .chart-series').count()) assert.match(title, / · /);
      }
      await page.keyboard.press('ArrowRight');
    }
    await page.screenshot({ path: join(ARTIFACTS, `slide-compare-1024x768-${lang}.png`) });
    // the closing code opens the working scenario, and says which
    await page.keyboard.press('End');
    assert.match(await page.locator('.slide-closing .slide-title').innerText(), /方案D/);
    await context.close();
  }
});

test('WeChat’s guidance over the data dialog keeps Tab and Esc to itself', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, userAgent: WECHAT_UA, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('.target-row').first().waitFor();
  await page.locator('.data-menu-button').click();
  await page.locator('.download-template').click();
  const guide = page.locator('.wechat-guide');
  await guide.waitFor({ timeout: 30000 });
  const inGuide = () => page.evaluate(() => !!document.activeElement?.closest('.wechat-guide'));
  const seen = new Set();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await inGuide(), `Tab ${i + 1} stays in the guidance`);
    seen.add(await page.evaluate(() => document.activeElement.className));
  }
  assert.ok(seen.size >= 2, 'Tab moves between the guidance’s controls');
  await page.keyboard.press('Escape');
  await guide.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.data-dialog').count(), 1, 'Esc closed the guidance only');
  await context.close();
});

test('renaming a saved scenario: the box takes the focus, Esc keeps the old name', async () => {
  const { context, page } = await openApp(browser);
  await saveAs(page, '方案甲', 300);
  await page.locator('.saved-item .rename').click();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'rename-input');
  await page.keyboard.type('不要的名称');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.saved-item .saved-name').innerText(), '方案甲');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'rename');
  await page.keyboard.press('Enter');
  await page.keyboard.type('方案乙');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.saved-item .saved-name').innerText(), '方案乙');
  await context.close();
});

test('a link copied on imported data says the receiver needs the same files; on the bundled data it does not', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('.target-row').first().waitFor();
  await page.locator('.tool.copy-link').click();
  await page.locator('.copy-feedback').waitFor();
  assert.equal(await page.locator('.link-needs-data').count(), 0, 'the bundled data travels with the app');
  await page.locator('.data-menu-button').click();
  await page.locator('.data-dialog .file-input').setInputFiles(join(ROOT, 'tests/import-corpus/dataset-small-change.json'));
  await page.locator('.apply-import').click({ timeout: 30000 });
  await page.locator('.data-dialog').waitFor({ state: 'detached' });
  await page.locator('.tool.copy-link').click();
  assert.match(await page.locator('.link-needs-data').innerText(), /导入同样的文件/);
  await context.close();
});
