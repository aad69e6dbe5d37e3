// Shared helpers for the end-to-end tests: one headless Debian Chromium,
// a page with its console errors and requests recorded.
import { chromium } from 'playwright-core';

// scripts/test.sh serves the release build under a sub-path and sets this.
export const BASE_URL = process.env.EDUPLAN_URL ?? 'http://127.0.0.1:8080/';
export const ORIGIN = new URL(BASE_URL).origin;

// Flags verified on these machines; Playwright gives every launch a fresh,
// empty profile directory of its own.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
}

/** Opens the app in a new context; records console errors, page errors and requests. */
export async function openApp(browser, { path = '', viewport = { width: 1366, height: 768 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(BASE_URL + path);
  await page.locator('.app-title').waitFor();
  return { context, page, errors, requests };
}

/** The text of a target's projected value cell. */
export async function targetValue(page, id) {
  return (await page.locator(`tr[data-target="${id}"] .target-value .value-text`).innerText()).trim();
}
