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

/** Starts Chromium with the project's flags (and any `extra` ones). */
export async function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...FLAGS, ...extra] });
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

/** Serves a folder over HTTP on 127.0.0.1 (a free port) under `/app/`; the
 * offline test changes the folder between visits, as a new deployment would. */
export async function serveFolder(dir) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { join, extname, normalize } = await import('node:path');
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith('/app/')) { res.writeHead(404).end(); return; }
    const rel = normalize(path.slice('/app/'.length) || 'index.html');
    try {
      const body = await readFile(join(dir, rel === '.' ? 'index.html' : rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/app/`, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}
