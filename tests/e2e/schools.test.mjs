// Issue 18: the schools view — every school and kindergarten under the
// current scenario, its early warnings with the first year each applies,
// filters, sorting, the planner's thresholds and the table as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const pct = (s) => (s.trim() === '—' ? NaN : Number(s.replace('%', '')));

test('the schools view lists every school with its warnings, sorts, filters and exports', async () => {
  const { context, page, errors } = await openApp(browser);
  assert.equal(await page.locator('.schools-table').count(), 0, 'closed until asked for');
  await page.locator('.schools-toggle').click();
  const rows = page.locator('.school-row');
  // the bundled register: 216 schools and kindergartens, the special school not run school by school
  assert.equal(await rows.count(), 215);
  // every warning cell is filled in: no template left, cleared ones say the year shown
  const cells = await page.locator('.school-row .flags').allInnerTexts();
  assert.ok(cells.every((c) => !c.includes('{')), cells.find((c) => c.includes('{')));
  assert.ok(cells.some((c) => /2030年已解除/.test(c)));
  const summary = await page.locator('.schools-summary').innerText();
  assert.match(summary, /^2030年：教室不足或大班额\d+所、生源不足\d+所、教师缺编\d+所、教师超编\d+所。/);
  // a teaching point: a handful of pupils per grade, under-used from the base year
  const tp = page.locator('.school-row[data-school^="tp-"]').first();
  assert.match(await tp.locator('.flags').innerText(), /生源不足（2020年首次出现）/);
  assert.ok((await tp.getAttribute('data-flags')).includes('under_used'));
  // sort by utilisation: ascending, then descending, undefined last
  await page.locator('th[data-col="use"] .sort').click();
  assert.equal(await page.locator('th[data-col="use"]').getAttribute('aria-sort'), 'ascending');
  let uses = (await page.locator('.school-row td.use').allInnerTexts()).map(pct).filter((x) => !Number.isNaN(x));
  assert.deepEqual(uses, [...uses].sort((a, b) => a - b));
  await page.locator('th[data-col="use"] .sort').click();
  assert.equal(await page.locator('th[data-col="use"]').getAttribute('aria-sort'), 'descending');
  uses = (await page.locator('.school-row td.use').allInnerTexts()).map(pct).filter((x) => !Number.isNaN(x));
  assert.deepEqual(uses, [...uses].sort((a, b) => b - a));
  // filters: one zone, primary stage, warnings only
  await page.locator('.schools-zone').selectOption('jiangnan');
  const zones = await page.locator('.school-row td:nth-of-type(2)').allInnerTexts();
  assert.ok(zones.length > 0 && zones.every((z) => z === '江南镇'), zones.join());
  await page.locator('.schools-stage').selectOption('primary');
  const kinds = await page.locator('.school-row td:nth-of-type(3)').allInnerTexts();
  assert.ok(kinds.every((k) => /小学|教学点|九年一贯/.test(k)), kinds.join());
  await page.locator('.schools-flagged').check();
  const flagged = await page.locator('.school-row').count();
  assert.ok(flagged >= 1 && flagged <= kinds.length);
  assert.equal(await page.locator('.school-row:not(.flagged)').count(), 0);
  // a stricter threshold flags at least as many schools
  await page.locator('.schools-zone').selectOption('');
  await page.locator('.schools-stage').selectOption('');
  const under = async () => Number(/生源不足(\d+)所/.exec(await page.locator('.schools-summary').innerText())[1]);
  const before = await under();
  await page.locator('.schools-min-grade').fill('30');
  await page.locator('.schools-min-grade').dispatchEvent('change');
  assert.ok((await under()) >= before, `${before} → ${await under()}`);
  await page.locator('.schools-flagged').uncheck();
  // an earlier year
  await page.locator('.schools-year').selectOption('2020');
  assert.match(await page.locator('.schools-summary').innerText(), /^2020年：/);
  // the table as CSV: the interface's column names, one line per school
  const download = page.waitForEvent('download');
  await page.locator('.schools-csv').click();
  const file = await download;
  assert.equal(file.suggestedFilename(), '各校情况与预警-2020.csv');
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  assert.match(lines[0], /^学校,片区,类别,在校生（幼儿）,班数,最大班额,56人及以上班数,教室（需\/有）,专任教师（需\/有）,学位使用率（%）,教室不足或大班额,生源不足,教师缺编,教师超编,学校撤并,新建学校启用年份,跨片区寄宿生（人）$/);
  assert.equal(lines.length, 216);
  // the file holds what the view shows: one zone's schools
  await page.locator('.schools-zone').selectOption('jiangnan');
  const shown = await page.locator('.school-row').count();
  const zoneDownload = page.waitForEvent('download');
  await page.locator('.schools-csv').click();
  const zoneText = readFileSync(await (await zoneDownload).path(), 'utf8');
  assert.equal(zoneText.trim().split(/\r?\n/).length, shown + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lever moves the schools it reaches and the view follows the scenario', async () => {
  const { context, page } = await openApp(browser);
  await page.locator('.schools-toggle').click();
  const pupils = (id) => page.locator(`.school-row[data-school="${id}"] td.pupils`).innerText();
  const kg = await page.locator('.school-row[data-school^="kg-"]').last().getAttribute('data-school');
  const before = await pupils(kg);
  // more children in kindergarten: participation up
  await page.locator('#num-kg-participation_trend').fill('3');
  await page.locator('#num-kg-participation_trend').press('Enter');
  await page.waitForFunction(([id, b]) => document.querySelector(`.school-row[data-school="${id}"] td.pupils`)?.textContent !== b, [kg, before]);
  assert.notEqual(await pupils(kg), before);
  await context.close();
});

test('the schools view in English', async () => {
  const { context, page } = await openApp(browser, { path: '?lang=en' });
  await page.locator('.schools-toggle').click();
  assert.match(await page.locator('.schools-summary').innerText(), /^2030: over capacity: \d+, under-used: \d+, teachers short: \d+, teachers in surplus: \d+\./);
  assert.match(await page.locator('.school-row[data-school^="tp-"] .flags').first().innerText(), /under-used \(first in 2020\)/);
  await context.close();
});

test('merging a flagged school: the flag goes, the receiver rises, the link carries it, undo restores it', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.locator('.schools-toggle').click();
  await page.locator('.schools-year').selectOption('2023');
  await page.locator('th[data-col="use"] .sort').click();
  const tp = page.locator('.school-row[data-school="tp-jiangnan-1"]');
  const receiver = page.locator('.school-row[data-school="pri-jiangnan-c"]');
  const num = async (row) => Number((await row.locator('td.pupils').innerText()).replace(/,/g, ''));
  assert.match(await tp.getAttribute('data-flags'), /under_used/);
  const [tpBefore, before] = [await num(tp), await num(receiver)];
  await tp.locator('.merge-open').click();
  // the receivers the register allows: the zone's primaries, the central one first
  const options = await page.locator('.merge-into option').allInnerTexts();
  assert.equal(options[0], '江南镇中心小学');
  assert.ok(options.every((o) => o.startsWith('江南镇')), options.join());
  await page.locator('.merge-from').selectOption('2023');
  await page.locator('.merge-ok').click();
  assert.equal(await tp.getAttribute('data-flags'), '', 'no warning for a closed school');
  assert.match(await tp.locator('.flags').innerText(), /^已撤并（2023年起）/);
  assert.equal(await num(tp), 0);
  const after = await num(receiver);
  assert.ok(after > before && Math.abs(after - before - tpBefore) <= 1, `${before} + ${tpBefore} → ${after}`);
  assert.match(await page.locator('.merge-list').innerText(), /江南镇教学点（1）并入江南镇中心小学（2023年起）/);
  const url = decodeURIComponent(page.url());
  assert.match(url, /merge=tp-jiangnan-1:pri-jiangnan-c:2023/);
  // the link opens the same merge elsewhere
  const other = await openApp(browser, { path: `?${url.split('?')[1]}` });
  await other.page.locator('.schools-toggle').click();
  assert.match(await other.page.locator('.merge-list').innerText(), /江南镇教学点（1）并入江南镇中心小学/);
  await other.context.close();
  // undo takes it back
  await page.locator('body').press('Control+z');
  await page.locator('.merge-list').waitFor({ state: 'detached' });
  assert.match(await tp.getAttribute('data-flags'), /under_used/);
  assert.equal(await num(receiver), before);
  assert.ok(!decodeURIComponent(page.url()).includes('merge='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with a merge the data cannot make says so and leaves it out', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&merge=tp-jiangnan-1:pri-tandu-c:2023' });
  assert.match(await page.locator('.notice-bar').innerText(), /学校撤并“tp-jiangnan-1:pri-tandu-c:2023”未采用：“江南镇教学点（1）”与“坦渡镇中心小学”不在同一片区，不能撤并。/);
  await context.close();
});

test('a scenario that only merges schools is not the baseline: brief, slides and the merge\'s words', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&merge=tp-jiangnan-1:pri-jiangnan-c:2023' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.brief table').first().waitFor({ state: 'attached' });
  const brief = await page.locator('.brief').evaluate((b) => b.textContent);
  assert.ok(!brief.includes('基准方案 ·'), 'not called the baseline');
  assert.match(brief, /学校撤并江南镇教学点（1）并入江南镇中心小学（2023年起）/);
  assert.ok(!brief.includes('与基准方案相同（未作任何调整）') && !brief.includes('未调整政策措施'), brief.slice(0, 300));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.locator('.tool.present').click();
  assert.ok(!(await page.locator('.slide-scenario').innerText()).includes('基准方案'));
  await page.keyboard.press('Escape');
  // a receiver that closes first: the form says which school and when, by name
  await page.locator('.schools-toggle').click();
  await page.locator('.school-row[data-school="tp-jiangnan-2"] .merge-open').click();
  assert.ok(await page.locator('.merge-into').evaluate((s) => s === document.activeElement), 'the form takes the focus');
  const receivers = await page.locator('.merge-into option').allInnerTexts();
  // offered for the years before it closes; a later year is refused with the reason, never swapped
  assert.ok(receivers.includes('江南镇教学点（1）'), receivers.join());
  await page.locator('.merge-into').selectOption({ label: '江南镇教学点（1）' });
  await page.locator('.merge-from').selectOption('2024');
  await page.locator('.merge-ok').click();
  assert.match(await page.locator('.merge-error').innerText(), /“江南镇教学点（1）”已于2023年撤并，此后不能再接收学生。/);
  assert.equal(await page.locator('.merge-into').inputValue(), 'tp-jiangnan-1', 'the choice stays');
  // a share out of range is refused, never clamped
  await page.locator('.merge-share').fill('150');
  // another field chosen before the box's change event: the typed share stays
  await page.locator('.merge-from').selectOption('2024');
  await page.locator('.merge-ok').click();
  assert.match(await page.locator('.merge-error').innerText(), /比例须在0～100%之间/);
  assert.equal(await page.locator('.network-item').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.merge-form').count(), 0, 'Esc closes the form');
  await page.waitForFunction(() => document.activeElement?.classList.contains('merge-open'));
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').dataset.school), 'tp-jiangnan-2', 'focus back on the row');
  // another school's form starts afresh
  await page.locator('.school-row[data-school="tp-jiangnan-3"] .merge-open').click();
  assert.equal(await page.locator('.merge-share').inputValue(), '100');
  assert.equal(await page.locator('.merge-error').count(), 0);
  await page.keyboard.press('Escape');
  // schools nobody can take the pupils of offer no merge
  assert.equal(await page.locator('.school-row[data-school="jun-jiangnan"] .merge-open').count(), 0);
  await context.close();
});

test('a new school, boarding places and teacher exchange: made in the view, on the board, in the link, undone', async () => {
  const { context, page, errors } = await openApp(browser);
  // the board names the schools with a warning in the last year and opens their chart
  const line = page.locator('.board-flagged');
  assert.match(await line.innerText(), /^2030年有预警的学校\d+所，其中幼儿园\d+所。/);
  await line.locator('button').click();
  await page.locator('.chart[data-chart="schools_flagged"], figure.chart:has-text("有预警的学校数")').first().waitFor();
  await page.locator('.schools-toggle').click();
  await page.locator('.schools-year').selectOption('2024');
  // a new primary school in the town from 2024
  await page.locator('.new-open').click();
  assert.ok(await page.locator('.new-zone').evaluate((s) => s === document.activeElement), 'the form takes the focus');
  await page.locator('.new-rooms').fill('0');
  await page.locator('.new-ok').click();
  assert.match(await page.locator('.merge-error').innerText(), /教室数须为1～120间的整数/);
  await page.locator('.new-rooms').fill('36');
  await page.locator('.new-from').selectOption('2024');
  await page.locator('.new-name').fill('城区第十小学');
  await page.locator('.new-ok').click();
  const row = page.locator('.school-row[data-school="new-1"]');
  await row.waitFor();
  assert.match(await row.locator('.school-name').innerText(), /城区第十小学/);
  assert.match(await row.locator('.flags').innerText(), /新建（2024年起启用）/);
  const pupils = Number((await row.locator('td.pupils').innerText()).replace(/,/g, ''));
  assert.ok(pupils > 300, `${pupils}`);
  assert.match(await page.locator('.network-list').innerText(), /新建城区第十小学（城区，小学，36间教室，2024年起启用）/);
  // names are escaped twice in links (a ':' or ',' in a name never splits the item)
  assert.match(decodeURIComponent(decodeURIComponent(page.url())), /new=new-1:town:primary:36:2024:城区第十小学/);
  // boarding places at the Jiangnan central primary
  const central = page.locator('.school-row[data-school="pri-jiangnan-c"]');
  const before = Number((await central.locator('td.pupils').innerText()).replace(/,/g, ''));
  await central.locator('.board-open').click();
  await page.locator('.board-places').fill('0');
  await page.locator('.board-ok').click();
  assert.match(await page.locator('.merge-error').innerText(), /寄宿床位须为1～5000个的整数/);
  await page.locator('.board-places').fill('300');
  await page.locator('.board-from').selectOption('2023');
  await page.locator('.board-ok').click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('network-remove'));
  assert.match(await central.locator('.flags').innerText(), /寄宿生300人/);
  const after = Number((await central.locator('td.pupils').innerText()).replace(/,/g, ''));
  assert.ok(Math.abs(after - before - 300) <= 1, `${before} → ${after}`);
  assert.equal(await central.locator('.board-open').count(), 0, 'one entry per school');
  assert.match(decodeURIComponent(page.url()), /board=pri-jiangnan-c:300:2023/);
  // teacher exchange is a lever like the others
  await page.locator('#num-exchange-primary').fill('20');
  await page.locator('#num-exchange-primary').press('Enter');
  await page.waitForFunction(() => decodeURIComponent(location.href).includes('exchange.primary=20'));
  // the link opens the same network elsewhere
  const other = await openApp(browser, { path: `?${page.url().split('?')[1]}` });
  await other.page.locator('.schools-toggle').click();
  assert.equal(await other.page.locator('.network-item').count(), 2);
  assert.equal(await other.page.locator('.school-row[data-school="new-1"]').count(), 1);
  await other.context.close();
  // undo, step by step: the exchange, the boarding places, the new school
  // (from outside the number box, whose Ctrl+Z is the box's own)
  await page.evaluate(() => document.activeElement.blur());
  for (const gone of ['exchange.primary', 'board=', 'new=']) {
    await page.locator('body').press('Control+z');
    await page.waitForFunction((g) => !decodeURIComponent(location.href).includes(g), gone);
  }
  assert.equal(await page.locator('.school-row[data-school="new-1"]').count(), 0);
  assert.equal(await page.locator('.network-list').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with a new school or boarding places the data cannot take says so', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&new=pri-town-1:town:primary:10:2024:x&board=sen-1:10:2024' });
  const text = await page.locator('.notice-bar').innerText();
  assert.match(text, /新建学校“pri-town-1:town:primary:10:2024:x”未采用：已有代码为“pri-town-1”的学校。/);
  assert.match(text, /寄宿床位“sen-1:10:2024”未采用：“临湘市第一中学[^”]*”不能设置寄宿床位（须为开设小学或初中年级的学校，教学点除外）。/);
  await context.close();
});

test('boxes keep what is being typed when something else redraws the page first', async () => {
  const { context, page } = await openApp(browser);
  // a lever moved by script (no focus change) redraws the toolbar, the schools view and the per-year editor
  const nudge = (v) => page.evaluate((x) => {
    const s = document.querySelector('#lever-kg-public_seats');
    s.value = String(x);
    s.dispatchEvent(new Event('input', { bubbles: true }));
  }, v);
  await page.locator('#scenario-name').fill('方案甲（草稿）');
  await nudge(500);
  assert.equal(await page.locator('#scenario-name').inputValue(), '方案甲（草稿）');
  await page.locator('.schools-toggle').click();
  await page.locator('.schools-min-grade').fill('15');
  await nudge(600);
  assert.equal(await page.locator('.schools-min-grade').inputValue(), '15');
  await page.locator('.schools-min-grade').press('Enter');
  await page.locator('.school-row[data-school="tp-jiangnan-1"] .merge-open').click();
  await page.locator('.merge-share').fill('40');
  await nudge(700);
  assert.equal(await page.locator('.merge-share').inputValue(), '40');
  await context.close();
});

test('a school merges into a new school from its year, and not before', async () => {
  const { context, page } = await openApp(browser, { path: '?v=1&new=new-1:jiangnan:junior:18:2026:江南新初中' });
  await page.locator('.schools-toggle').click();
  const junior = page.locator('.school-row[data-school="jun-jiangnan"]');
  await junior.locator('.merge-open').click();
  const receivers = await page.locator('.merge-into option').allInnerTexts();
  assert.deepEqual(receivers, ['江南新初中']);
  await page.locator('.merge-from').selectOption('2025');
  await page.locator('.merge-ok').click();
  assert.match(await page.locator('.merge-error').innerText(), /“江南新初中”2026年才启用，此前不能撤并，也不能接收学生。/);
  await page.locator('.merge-from').selectOption('2027');
  await page.locator('.merge-ok').click();
  await page.locator('.network-list').waitFor();
  assert.match(await page.locator('.network-list').innerText(), /江南镇中学并入江南新初中（2027年起）|并入江南新初中（2027年起）/);
  // the year before, the row says the merge is to come
  await page.locator('.schools-year').selectOption('2026');
  assert.match(await junior.locator('.flags').innerText(), /2027年起撤并/);
  await context.close();
});
