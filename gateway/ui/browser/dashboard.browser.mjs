// The dashboard in headless Chromium: Debian's /usr/bin/chromium driven by playwright-core, a fresh profile each run.
// Run by the gateway's DashboardBrowserIT against a running gateway:
//   DASHBOARD_URL=http://localhost:8081 STAND_IN_URL=http://127.0.0.1:NNNN SCREENSHOT_DIR=... node browser/dashboard.browser.mjs
// Logs in through the dev login, checks the numbers each view shows (formatted from the exact strings the stand-in
// services send), a live alert arriving on the stream and its acknowledgement, keyboard use, and runs axe-core
// (WCAG 2 A/AA) on each view; saves a screenshot of each. Exit code 0 only if every check passed.
import axe from 'axe-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.DASHBOARD_URL;
const STAND_IN = process.env.STAND_IN_URL;
const SHOTS = process.env.SCREENSHOT_DIR;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !STAND_IN || !SHOTS) {
  console.error('set DASHBOARD_URL, STAND_IN_URL and SCREENSHOT_DIR');
  process.exit(2);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const started = Date.now();
const results = [];
const profile = mkdtempSync(join(tmpdir(), 'tideline-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1366, height: 768 }, colorScheme: 'dark',
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(10_000);
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
const requests = [];
page.on('request', (r) => requests.push(new URL(r.url()).pathname));

// The gateway's /api/v1/stream is being built elsewhere: here the browser's stream request is held open until the
// test announces an alert, then the latest one is answered with that one event; later reconnects are held open
// (a quiet stream).
let announce;
const announced = new Promise((resolve) => { announce = resolve; });
let latestStream = null;
let delivered = false;
const streamHeaders = [];
await context.route('**/api/v1/stream', async (route) => {
  streamHeaders.push(route.request().headers());
  if (delivered) return;
  latestStream = route;
  const event = await announced;
  if (route !== latestStream || delivered) return; // an earlier connection, gone with a reload
  delivered = true;
  await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: event });
});

async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${e.message.split('\n').slice(0, 6).join('\n     ')}`);
    await page.screenshot({ path: join(SHOTS, `failure-${results.length}.png`), fullPage: true }).catch(() => {});
  }
}

function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected '${expected}', was '${actual}'`);
}

async function text(selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

async function accessible(view) {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  if (violations.length) throw new Error(`axe on ${view}:\n${violations.join('\n')}`);
}

async function fitsTheScreen() {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow} px wider than a 1366 px laptop screen`);
}

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

try {
  await check('the login page offers the dev login and passes axe', async () => {
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { name: 'Dev login (local profile)' }).waitFor();
    await accessible('login');
    await shot('login');
  });

  await check('dev login as trader opens the portfolio', async () => {
    await page.getByRole('combobox', { name: /^Role/ }).selectOption('trader');
    await page.getByRole('button', { name: 'Sign in as trader' }).click();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    equal(await text('[data-testid=who]'), 'dev-trader (trader)', 'signed-in caller');
  });

  await check('portfolio shows the exact value, P&L by period, attribution and risk', async () => {
    await page.locator('[data-testid=desk-value]').waitFor();
    // 9007199254740993.005: a double would give $9,007,199,254,740,992.00
    equal(await text('[data-testid=desk-value]'), '$9,007,199,254,740,993.01', 'desk value');
    equal(await text('[data-testid=pnl-today]'), '-$12.01', 'P&L today');
    equal(await text('[data-testid=pnl-week]'), '+$310.13', 'P&L 7 days');
    equal(await text('[data-testid=pnl-all]'), '+$1,234.50', 'P&L all time');
    equal(await page.locator('.bar-row').count(), 8, 'attribution bars');
    equal(await text('[data-part=impermanentLoss] .num'), '-$750.06', 'impermanent loss bar');
    equal(await text('[data-part=predictionMarket] .num'), '+$10.00', 'prediction-market bar');
    const feesWidth = await page.locator('[data-part=fees] .bar').evaluate((e) => e.style.width);
    const ilWidth = await page.locator('[data-part=impermanentLoss] .bar').evaluate((e) => e.style.width);
    equal(feesWidth, '100%', 'the largest part fills its bar');
    equal(ilWidth, '50%', 'impermanent loss is half of the fees');
    equal(await text('[data-risk="VaR 95 % (historical)"]'), '2.13 %', 'VaR 95');
    equal(await text('[data-risk="Max drawdown"]'), '8.31 %', 'max drawdown');
    equal(await text('[data-risk="Sharpe"]'), '1.87', 'Sharpe');
    await fitsTheScreen();
    await accessible('portfolio (dark)');
    await shot('portfolio-dark');
  });

  await check('the light theme passes axe too', async () => {
    await page.getByRole('button', { name: 'Switch to the light theme' }).click();
    // the app applies the theme after it renders the click: wait for it rather than read it at once
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light', null, { timeout: 5000 })
      .catch(() => {});
    equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'theme');
    await accessible('portfolio (light)');
    await shot('portfolio-light');
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  });

  await check('the keyboard reaches the skip link and the views', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content', 'first Tab stop');
    await page.getByRole('link', { name: 'LP positions' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'LP positions', level: 1 }).waitFor();
  });

  await check('LP positions show state, range, amounts, fees, IL and hedge', async () => {
    await page.locator('tr[data-position="2"]').waitFor();
    const one = page.locator('tr[data-position="1"]');
    const two = page.locator('tr[data-position="2"]');
    equal((await one.locator('.badge').first().innerText()).trim(), 'ACTIVE', 'state of #1');
    equal(await one.locator('.range').getAttribute('data-in-range'), 'true', 'price inside the range of #1');
    equal(await two.locator('.range').getAttribute('data-in-range'), 'false', 'price outside the range of #2');
    const cells = await one.locator('td').allInnerTexts();
    equal(cells[2].trim(), '2,012.1235', 'price of #1');
    equal(cells[3].replace(/\s+/g, ' ').trim(), '4,812,345,678,901,234,567,890 10,250,000,000', 'amounts of #1');
    equal(cells[4].replace(/\s+/g, ' ').trim(), '1,234,567,890,123,456,789 2,500,000', 'uncollected fees of #1');
    equal(cells[5].trim(), '20,150.1235', 'value of #1');
    equal(cells[6].trim(), '-12.3457', 'IL of #1');
    equal(cells[7].replace(/\s+/g, ' ').trim(), 'OPEN 2.4000 / 2.4062 ETH-PERP', 'hedge of #1');
    equal((await two.locator('td').nth(7).innerText()).trim(), 'NONE', 'hedge of #2');
    await fitsTheScreen();
    await accessible('LP positions');
    await shot('lp-positions');
  });

  await check('an alert raised while the inbox is open appears live, without polling', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.locator('[data-alert="alr-1"]').waitFor();
    const before = requests.filter((p) => p === '/api/v1/alerts').length;
    await page.waitForTimeout(1500);
    equal(requests.filter((p) => p === '/api/v1/alerts').length, before, 'alert list requests while nothing happened');
    const raised = await fetch(`${STAND_IN}/stand-in/alerts`, { method: 'POST' });
    equal(raised.status, 201, 'stand-in raised the alert');
    const envelope = {
      eventId: '0190d5b8-0000-7000-8000-000000000002', type: 'AlertRaised', version: 1,
      occurredAt: new Date().toISOString(), source: 'alerting', key: 'alr-2', correlationId: 'c-alr-2',
      payload: { alertId: 'alr-2', severity: 'CRITICAL' },
    };
    announce(`: hello\n\nid: 1\nevent: AlertRaised\ndata: ${JSON.stringify(envelope)}\n\n`);
    await page.locator('[data-alert="alr-2"]').waitFor({ timeout: 5000 });
    equal(await text('[data-testid=alert-count]'), '2 alerts', 'open alerts');
    const auth = streamHeaders.at(-1)?.authorization ?? '';
    if (!auth.startsWith('Bearer ')) throw new Error('the stream request carried no bearer token');
  });

  await check('acknowledging an alert goes through the gateway as the signed-in trader', async () => {
    await page.getByRole('button', { name: 'Acknowledge Hedge for #2 failed' }).click();
    await page.locator('[data-alert="alr-2"]').waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: /^State/ }).selectOption({ label: 'All' });
    const item = page.locator('[data-alert="alr-2"]');
    await item.waitFor();
    const shown = await item.innerText();
    if (!shown.includes('ACKNOWLEDGED') || !shown.includes('acknowledged by dev-trader')) {
      throw new Error(`alr-2 after acknowledging: ${shown}`);
    }
    await page.getByRole('button', { name: 'Snooze 1 h Position #1 left its range' }).click();
    await page.locator('[data-alert="alr-1"] .badge-snoozed').waitFor();
    await fitsTheScreen();
    await accessible('alerts');
    await shot('alerts');
  });

  await check('no errors in the browser console', async () => {
    const real = consoleErrors.filter((e) => !e.includes('api/v1/stream'));
    if (real.length) throw new Error(real.join('\n'));
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`dashboard browser test: ${results.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
