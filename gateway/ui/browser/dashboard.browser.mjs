// The dashboard in headless Chromium: Debian's /usr/bin/chromium driven by playwright-core, a fresh profile each run.
// Run by the gateway's DashboardBrowserIT against a running gateway:
//   DASHBOARD_URL=http://localhost:8081 STAND_IN_URL=http://127.0.0.1:NNNN SCREENSHOT_DIR=... node browser/dashboard.browser.mjs
// Logs in through the dev login, checks the numbers each view shows (formatted from the exact strings the stand-in
// services send), a live alert arriving on the stream and its acknowledgement, keyboard use, and runs axe-core
// (WCAG 2 A/AA) on each view; saves a screenshot of each. Exit code 0 only if every check passed.
import axe from 'axe-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

// The stream is answered in the browser: each stream request is held open (a quiet stream) until the test announces
// an event, which answers the latest held request with it; the client then reconnects and is held again. An event
// announced while no request is held waits for the next one.
const streamHeaders = [];
const waitingEvents = [];
let heldStream = null;
await page.route('**/api/v1/stream', async (route) => {
  streamHeaders.push(route.request().headers());
  if (waitingEvents.length) {
    await deliver(route, waitingEvents.shift());
    return;
  }
  heldStream = route;
});

async function deliver(route, body) {
  try {
    await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body });
  } catch {
    waitingEvents.unshift(body); // that connection was gone (a reload): the next one gets it
  }
}

let sequence = 0;
/** Sends one platform event (an EventEnvelope) to the page over the stream. */
function announce(type, key, payload) {
  sequence++;
  const envelope = {
    eventId: `0190d5b8-0000-7000-8000-${String(sequence).padStart(12, '0')}`, type, version: 1,
    occurredAt: new Date().toISOString(), source: 'test', key, correlationId: `c-${key}`, payload,
  };
  const body = `: hello\n\nid: ${sequence}\nevent: ${type}\ndata: ${JSON.stringify(envelope)}\n\n`;
  const route = heldStream;
  heldStream = null;
  if (route) deliver(route, body); else waitingEvents.push(body);
}

// Exact decimal arithmetic of the test's own (not the app's money.js): positive decimal strings at scale 12 as BigInt.
const SCALE = 12n;
const ONE = 10n ** SCALE;
function fixed(text) {
  const [int, frac = ''] = text.split('.');
  return BigInt(int + frac.padEnd(Number(SCALE), '0'));
}
const times = (a, b) => (fixed(a) * fixed(b)) / ONE;
const sum = (...values) => values.reduce((a, b) => a + b, 0n);
/** A scale-12 BigInt as dollars rounded half up to cents: "$1,234.57". */
function dollars(v) {
  const cents = (v + 5n * 10n ** (SCALE - 3n)) / 10n ** (SCALE - 2n);
  const int = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${int}.${String(cents % 100n).padStart(2, '0')}`;
}
/** A scale-12 BigInt with four decimals (half up), grouped. */
function four(v) {
  const q = (v + 5n * 10n ** (SCALE - 5n)) / 10n ** (SCALE - 4n);
  return `${(q / 10000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(q % 10000n).padStart(4, '0')}`;
}

/** Signs in as `role` in a tab of its own (sessionStorage is per tab), its stream held quiet; returns the page. */
async function signedInTab(role) {
  const tab = await context.newPage();
  tab.setDefaultTimeout(10_000);
  await tab.route('**/api/v1/stream', () => {}); // held open, never answered: this tab gets no events
  await tab.goto(`${BASE}/`);
  await tab.getByRole('combobox', { name: /^Role/ }).selectOption(role);
  await tab.getByRole('button', { name: `Sign in as ${role}` }).click();
  await tab.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  return tab;
}

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
  await page.evaluate(() => window.scrollTo(0, 0)); // else the sticky header lands mid-page in a full-page shot
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

  await check('an LP position page shows its facts, its value chart and its hedge, and updates live', async () => {
    await page.getByRole('link', { name: 'Position #1: history, value and hedge' }).click();
    await page.getByRole('heading', { name: 'LP position #1', level: 1 }).waitFor();
    const facts = page.locator('.timeline li');
    await facts.first().waitFor();
    equal((await facts.evaluateAll((l) => l.map((e) => e.dataset.fact))).join(','),
      'LpMinted,LpRangeExited,LpFeesCollected', 'facts, oldest first');
    if (!(await facts.nth(0).innerText()).includes(
      'minted 1,000,000,000,000,000,000 liquidity in ticks 60..180 for 5,000,000,000,000,000,000 / 10,000,000,000')) {
      throw new Error(`the mint reads: ${await facts.nth(0).innerText()}`);
    }
    equal(await facts.nth(1).getAttribute('class'), 'retracted', 'the range exit a reorg retracted');
    if (!(await facts.nth(2).innerText()).includes('collected fees 1,000,000,000,000,000 / 2,000,000')) {
      throw new Error(`the collection reads: ${await facts.nth(2).innerText()}`);
    }
    const chart = page.locator('[data-testid=value-chart]');
    equal(await chart.locator('circle').count(), 3, 'snapshots on the chart');
    equal(await text('[data-testid=chart-min]'), '$20,000.10', 'lowest value');
    equal(await text('[data-testid=chart-max]'), '$20,150.12', 'highest value');
    equal(await text('[data-testid=chart-latest]'), '$20,150.12', 'latest value');
    const cy = await chart.locator('circle').evaluateAll((c) => c.map((e) => e.getAttribute('cy')));
    equal(cy[0], '160', 'the lowest value at the bottom');
    equal(cy[2], '0', 'the highest value at the top');
    // 20100.255 is (20100.255 - 20000.10) / (20150.12 - 20000.10) = 66.76 % of the way up: 667 thousandths
    equal(Math.round(Number(cy[1]) * 100) / 100, 160 - 0.667 * 160, 'the middle value\'s height');
    await page.locator('[data-hedge-detail="6f1c2a7e-0000-4000-8000-000000000001"] [data-fill]').first().waitFor();
    equal(await page.locator('[data-hedge-detail] [data-fill]').count(), 2, 'fills of the position\'s hedge');
    equal(await text('[data-testid=hedge-entry]'), '2,012.16', 'entry of the position\'s hedge');
    await fitsTheScreen();
    await accessible('LP position');
    await shot('lp-position');
    const collected = await fetch(`${STAND_IN}/stand-in/lp/collect`, { method: 'POST' });
    equal(collected.status, 201, 'stand-in collected fees');
    announce('LpFeesCollected', '31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:1', { amount0: '3000000000000000' });
    await page.locator('.timeline li').nth(3).waitFor({ timeout: 5000 });
    await page.getByText('$20,190.50').first().waitFor({ timeout: 5000 });
    equal(await text('[data-testid=chart-latest]'), '$20,190.50', 'latest value after the new snapshot');
    equal(await text('[data-testid=chart-max]'), '$20,190.50', 'highest value after the new snapshot');
  });

  await check('hedges show status, size, entry, orders and fills; a trader retries a failed one', async () => {
    await page.getByRole('link', { name: 'Hedges' }).click();
    await page.getByRole('heading', { name: 'Hedges', level: 1 }).waitFor();
    const open = page.locator('tr[data-hedge="6f1c2a7e-0000-4000-8000-000000000001"]');
    const failed = page.locator('tr[data-hedge="6f1c2a7e-0000-4000-8000-000000000002"]');
    await open.waitFor();
    const cells = (await open.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
    equal(cells[0], '#1', 'position of hedge 1');
    equal(cells[2], 'OPEN', 'status of hedge 1');
    equal(cells[4], '2.4000 / 2.4062', 'open / target of hedge 1');
    // sells 1.5 at 2011.5 and 0.9 at 2013.25: 4829.175 / 2.4 = 2012.15625
    equal(cells[5], '2,012.16', 'entry of hedge 1');
    equal(cells[6], '4,829.18 / 0.00', 'sold / bought of hedge 1');
    equal(cells[7], '1.2000', 'fees of hedge 1');
    equal(await open.getByRole('button', { name: /^Retry/ }).count(), 0, 'no retry for a hedge without a failed order');
    await open.getByRole('button', { name: /^Orders and fills/ }).click();
    const detail = page.locator('[data-hedge-detail="6f1c2a7e-0000-4000-8000-000000000001"]');
    await detail.waitFor();
    equal(await detail.locator('[data-fill]').count(), 2, 'fills of hedge 1');
    equal(await text('[data-testid=hedge-entry]'), '2,012.16', 'entry from the fills');
    const order = (await detail.locator('[data-order="h-1-1-0"] td').allInnerTexts()).map((c) => c.trim());
    equal(order.join('|'), '1.0|OPEN|SELL|2.4062|FILLED|2.4000|2,012.16|1|', 'order of hedge 1');
    equal((await failed.locator('.badge').first().innerText()).trim(), 'FAILED', 'status of hedge 2');
    await fitsTheScreen();
    await accessible('hedges');
    await shot('hedges');
    await failed.getByRole('button', { name: 'Retry the failed order of position #3' }).click();
    await page.getByText('Order h-3-1-1 sent again for position #3').waitFor();
    await failed.locator('.badge-opening').waitFor({ timeout: 5000 }); // the list is read again after the retry
    equal(await failed.getByRole('button', { name: /^Retry/ }).count(), 0, 'no retry once the order is out again');
    const filled = await fetch(`${STAND_IN}/stand-in/hedges/fill`, { method: 'POST' });
    equal(filled.status, 201, 'stand-in filled the retried order');
    announce('HedgeFilled', '31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:3', { hedgeId: '6f1c2a7e-0000-4000-8000-000000000002' });
    await failed.locator('.badge-open').waitFor({ timeout: 5000 });
    const after = (await failed.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
    equal(after[4], '1.2000 / 2.5000', 'open / target of hedge 2 after the fill');
    equal(after[5], '2,013.13', 'entry of hedge 2: 2415.75 / 1.2 = 2013.125');
  });

  await check('prediction markets: the leaderboard ranks with medals and win rates, switches windows, updates live', async () => {
    await page.getByRole('link', { name: 'Prediction markets' }).click();
    await page.getByRole('heading', { name: 'Prediction markets', level: 1 }).waitFor();
    const rows = page.locator('table.leaderboard tbody tr');
    await rows.first().waitFor();
    const board = async () => (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children]
      .map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join('|'))));
    equal((await board()).join('\n'), [
      '1 🥇|alice|+$1,520.38|12|8|75.00 %',
      '2 🥈|bob|+$310.50|6|3|66.67 %',
      '3 🥉|dave|+$12.01|2|1|100.00 %',
      '4|carol|-$45.13|4|2|50.00 %',
    ].join('\n'), 'all-time leaderboard');
    equal((await page.locator('[data-medal]').evaluateAll((m) => m.map((e) => e.getAttribute('aria-label')))).join(','),
      'gold medal,silver medal,bronze medal', 'medals, named for screen readers');
    await fitsTheScreen();
    await accessible('leaderboard');
    await shot('pm-leaderboard');
    const realized = await fetch(`${STAND_IN}/stand-in/pm/realize`, { method: 'POST' });
    equal(realized.status, 201, 'stand-in realized a trade');
    announce('PnlRealized', 'alice', { user: 'alice', pnl: '100' });
    await page.locator('[data-trader=alice]').getByText('+$1,620.38').waitFor({ timeout: 5000 });

    await page.getByRole('button', { name: 'Weekly' }).click();
    const today = new Date();
    const weekStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 6));
    const day = (d) => d.toISOString().slice(0, 10);
    await page.getByText(`${day(weekStart)} to ${day(today)} (UTC) · 3 traders`).waitFor();
    equal((await board()).join('\n'), [
      '1 🥇|bob|+$120.25|3|2|50.00 %',
      '2 🥈|alice|+$80.00|2|1|100.00 %',
      '3 🥉|carol|-$5.50|1|1|0.00 %',
    ].join('\n'), 'weekly leaderboard');
    equal(await page.getByRole('button', { name: 'Weekly' }).getAttribute('aria-pressed'), 'true', 'weekly pressed');
    await page.getByRole('button', { name: 'Daily' }).click();
    await page.getByText(`${day(today)} to ${day(today)} (UTC) · 1 trader`).waitFor();
    equal((await board()).join('\n'), '1 🥇|carol|+$15.00|1|1|100.00 %', 'daily leaderboard');
  });

  await check('prediction markets: a trader\'s P&L card opens a detail modal', async () => {
    await page.getByRole('tab', { name: 'P&L by trader' }).click();
    const card = page.locator('[data-card=alice]');
    await card.waitFor();
    equal(await card.locator('.big').innerText(), '+$1,620.38', 'alice\'s card');
    equal(await page.locator('[data-card]').count(), 4, 'cards');
    await card.getByRole('button', { name: 'Details of alice' }).click();
    const modal = page.getByRole('dialog', { name: 'P&L of alice' });
    await modal.locator('[data-testid=modal-realized]').waitFor();
    equal((await modal.locator('[data-testid=modal-realized]').innerText()).trim(), '+$1,620.38', 'realized');
    equal((await modal.locator('[data-testid=modal-unrealized]').innerText()).trim(), '-$12.50', 'unrealized');
    equal((await modal.locator('[data-testid=modal-wins]').innerText()).trim(), '6 / 8', 'wins / closes');
    // 100 shares at 0.305 less 42.5 cost and 0.5 fees
    const open = (await modal.locator('[data-open-position]').locator('th, td').allInnerTexts()).map((c) => c.trim());
    equal(open.join('|'), 'polymarket · eth-5k-2026|YES|100.00|42.50|0.3050|-$12.50', 'open position');
    equal(await modal.getByRole('link', { name: 'arb-1' }).getAttribute('href'), '#/arbitrage/arb-1', 'link to the alert');
    await accessible('P&L detail modal');
    await shot('pm-trader-modal');
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
  });

  await check('arbitrage alerts: conversion into executions and one alert\'s legs, live', async () => {
    await page.getByRole('link', { name: 'Arbitrage' }).click();
    await page.getByRole('heading', { name: 'Arbitrage alerts', level: 1 }).waitFor();
    await page.locator('[data-testid=arb-conversion]').waitFor();
    equal(await text('[data-testid=arb-conversion]'), `${(Math.round(2 / 3 * 10000) / 100).toFixed(2)} %`, '2 of 3 alerts traded');
    equal(await text('[data-testid=arb-alerts]'), '3', 'alerts');
    equal(await text('[data-testid=arb-converted]'), '2', 'converted');
    equal(await text('[data-testid=arb-executions]'), '5 / 2', 'executions matched / unmatched');
    await page.getByRole('textbox', { name: 'Alert id' }).fill('arb-1');
    await page.getByRole('button', { name: 'Look up' }).click();
    const alert = page.locator('[data-arbitrage-alert="arb-1"]');
    await alert.locator('[data-leg]').first().waitFor();
    equal(await alert.locator('[data-leg]').count(), 2, 'legs');
    equal((await alert.locator('[data-leg=kalshi] td').allInnerTexts()).map((c) => c.trim()).join('|'),
      'ETH5K-26|NO|BUY|0.6550', 'the kalshi leg');
    // buying YES at 0.305 and NO at 0.655 pays 1 for 0.96
    equal(await text('[data-testid=arb-edge]'), '0.0400', 'expected edge');
    equal(await text('[data-testid=arb-executions-of-alert]'), '2', 'executions of arb-1');
    await fitsTheScreen();
    await accessible('arbitrage');
    await shot('arbitrage');
    const executed = await fetch(`${STAND_IN}/stand-in/pm/execute`, { method: 'POST' });
    equal(executed.status, 201, 'stand-in matched an execution');
    announce('ExecutionMatched', 'arb-3', { alertId: 'arb-3' });
    await page.locator('[data-testid=arb-conversion]', { hasText: '100.00 %' }).waitFor({ timeout: 5000 });
    equal(await text('[data-testid=arb-executions]'), '6 / 2', 'executions after the match');
  });

  await check('a viewer sees settlement and backtests but gets no run, no acknowledge, no backtest to start and no admin page', async () => {
    const viewer = await signedInTab('viewer');
    try {
      await viewer.getByRole('link', { name: 'Settlement' }).click();
      await viewer.locator('tr[data-session="s-sol"]').waitFor();
      equal((await viewer.locator('tr[data-session="s-sol"] .badge').first().innerText()).trim(), 'TRIPPED', 's-sol for the viewer');
      equal(await viewer.getByRole('button', { name: /Run settlement now|Dry run|^Acknowledge/ }).count(), 0,
        'run and acknowledge buttons for a viewer');
      await viewer.getByRole('link', { name: 'Backtests' }).click();
      await viewer.locator('tr[data-backtest]').first().waitFor();
      equal(await viewer.getByText('Start a backtest').count(), 0, 'starting a backtest, for a viewer');
      equal(await viewer.getByRole('link', { name: 'Admin' }).count(), 0, 'the admin page in a viewer\'s menu');
      await viewer.goto(`${BASE}/#/admin`);
      await viewer.getByText('The admin pages need the admin role.').waitFor();
      const adminCalls = [];
      viewer.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/v1/admin/')) adminCalls.push(r.url()); });
      await viewer.waitForTimeout(500);
      equal(adminCalls.length, 0, 'admin calls made for a viewer');
    } finally {
      await viewer.close();
    }
  });

  await check('settlement: uncovered positions, live take-profits by age tier, stop-loss, runs; a trader runs and acknowledges', async () => {
    await page.getByRole('link', { name: 'Settlement' }).click();
    await page.getByRole('heading', { name: 'Settlement', level: 1 }).waitFor();
    await page.locator('tr[data-session="s-sol"]').waitFor();
    equal(await text('[data-stat=sessions]'), '2 / 2', 'active / all sessions');
    equal(await text('[data-stat=stopped]'), '1', 'sessions stopped');
    equal(await text('[data-stat=live-tps]'), '4', 'live take-profits (LIVE 2, PLACING 1, REPLACING 1)');
    // uncovered: ETH-USDC 0.5 at 2012.5 and 1.25 at 2001.25; SOL-USDC 7.5 at 142.125
    const eth = page.locator('[data-uncovered-pair="ETH-USDC"]');
    equal(await eth.locator('[data-testid=uncovered-qty]').innerText(), four(sum(fixed('0.5'), fixed('1.25'))), 'ETH-USDC uncovered');
    equal(await eth.locator('[data-testid=uncovered-value]').innerText(),
      dollars(sum(times('0.5', '2012.5'), times('1.25', '2001.25'))), 'ETH-USDC uncovered at entry');
    const sol = page.locator('[data-uncovered-pair="SOL-USDC"]');
    equal(await sol.locator('[data-testid=uncovered-qty]').innerText(), four(fixed('7.5')), 'SOL-USDC uncovered');
    equal(await sol.locator('[data-testid=uncovered-value]').innerText(), dollars(times('7.5', '142.125')), 'SOL-USDC at entry');
    equal(await page.locator('tr[data-position]').count(), 3, 'uncovered positions listed');
    // live take-profits: tier 0 tp-1 1.0 at 2016.525; tier 1 tp-2 2 − 0.5 at 2030.1 and tp-3 0.05 at 64250.5; tier 3 tp-4 2.5 at 143.54625
    const tiers = async () => (await page.locator('tr[data-tier]').evaluateAll((trs) => trs.map((tr) => [...tr.children]
      .map((c) => c.innerText.trim()).join('|')))).join('\n');
    equal(await tiers(), [
      `0 · under 1 h|1|${dollars(times('2016.525', '1.0'))}`,
      `1 · 1–4 h|2|${dollars(sum(times('2030.1', '1.5'), times('64250.5', '0.05')))}`,
      '2 · 4–12 h|0|$0.00',
      `3 · 12 h and over|1|${dollars(times('143.54625', '2.5'))}`,
    ].join('\n'), 'live take-profits by age tier');
    const sSol = page.locator('tr[data-session="s-sol"]');
    equal((await sSol.locator('.badge').first().innerText()).trim(), 'TRIPPED', 'stop-loss of s-sol');
    equal((await sSol.locator('td').nth(4).innerText()).trim(), '$1,250.50', 'loss at trip of s-sol');
    equal((await page.locator('tr[data-session="s-eth"] .badge').first().innerText()).trim(), 'OK', 'stop-loss of s-eth');
    equal(await page.locator('tr[data-run]').count(), 2, 'runs in the history');
    const firstRun = (await page.locator('tr[data-run]').first().locator('td').allInnerTexts()).map((c) => c.trim());
    equal(firstRun.slice(1, 12).join('|'), 'api|2 / 3|3|2|2|1|0|1|1|1|1840 ms', 'the latest run');
    if (!(await page.locator('tr[data-run]').nth(1).innerText()).includes('s-sol SOL-USDC: venue unavailable')) {
      throw new Error('the older run\'s error is not shown');
    }
    await fitsTheScreen();
    await accessible('settlement');
    await shot('settlement');

    await sSol.getByRole('button', { name: 'Acknowledge the stop-loss of session s-sol' }).click();
    await page.getByText('Stop-loss of s-sol acknowledged: OK').waitFor();
    await sSol.locator('.badge-active').waitFor({ timeout: 5000 });
    if (!(await sSol.innerText()).includes('by dev-trader')) throw new Error(`s-sol after acknowledging: ${await sSol.innerText()}`);
    equal(await text('[data-stat=stopped]'), '0', 'sessions stopped after the acknowledgement');

    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByText(/^Dry run 5b0c7d1e-0000-4000-8000-000000000003: 0 placed/).waitFor();
    await page.locator('tr[data-run="5b0c7d1e-0000-4000-8000-000000000003"]').waitFor({ timeout: 5000 });
    equal(await page.locator('tr[data-run]').count(), 3, 'runs after the dry run');
    equal(await page.locator('tr[data-run]').first().getAttribute('data-dry-run'), 'true', 'the newest run is the dry run');
    equal((await page.locator('tr[data-run]').first().locator('.badge').innerText()).trim().toLowerCase(), 'dry run', 'its mark');

    const filled = await fetch(`${STAND_IN}/stand-in/settlement/fill`, { method: 'POST' });
    equal(filled.status, 201, 'stand-in filled tp-2');
    announce('TakeProfitFilled', 's-eth:ETH-USDC', { clientOrderId: 'tp-2' });
    await page.locator('tr[data-tier="1"]', { hasText: dollars(times('64250.5', '0.05')) }).waitFor({ timeout: 5000 });
    equal((await page.locator('tr[data-tier="1"] td').first().innerText()).trim(), '1', 'tier 1 after tp-2 filled');
    equal(await text('[data-stat=live-tps]'), '3', 'live take-profits after the fill');
  });

  await check('reports: CSV, XLSX and PDF downloads through the gateway, and the kept reports', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.locator('tr[data-report]').first().waitFor();
    const kept = (await page.locator('tr[data-report]').evaluateAll((trs) => trs.map((tr) => [...tr.children]
      .slice(1, 7).map((c) => c.innerText.trim()).join('|'))));
    const kib = (bytes) => `${(Math.round((bytes * 10) / 1024) / 10).toFixed(1)} KiB`;
    equal(kept.join('\n'), [
      `PORTFOLIO|PDF|desk|2026-12-05T00:00:00Z – 2026-12-06T00:00:00Z|DAILY|${kib(48213)}`,
      `TAX_LOTS|XLSX||2026-11-30T00:00:00Z – 2026-12-07T00:00:00Z|WEEKLY|${kib(9876)}`,
    ].join('\n'), 'kept reports');
    await page.getByLabel('From (UTC day)').first().fill('2026-11-01');
    await page.getByLabel('To (UTC day, exclusive)').first().fill('2026-12-01');
    const fetched = async (button) => {
      const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const csv = await fetched(page.getByRole('button', { name: 'CSV of the portfolio report' }));
    equal(csv.name, 'portfolio-2026-11-01-2026-12-01.csv', 'CSV file name');
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    equal(lines.join(';'), 'report,portfolio;level,DESK;scope,desk;from,2026-11-01T00:00:00Z;to,2026-12-01T00:00:00Z;'
      + 'format,CSV;value,9007199254740993.005', 'the CSV as analytics sent it, for the period chosen');
    await page.getByText(`Downloaded portfolio-2026-11-01-2026-12-01.csv (${csv.bytes.length} B)`).waitFor();
    const xlsx = await fetched(page.getByRole('button', { name: 'XLSX of the portfolio report' }));
    equal(xlsx.name, 'portfolio-2026-11-01-2026-12-01.xlsx', 'XLSX file name');
    equal(xlsx.bytes.subarray(0, 4).toString('hex'), '504b0304', 'the XLSX is a zip');
    const pdf = await fetched(page.getByRole('button', { name: 'PDF of the tax lots' }));
    if (!/^tax-lots-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.pdf$/.test(pdf.name)) throw new Error(`tax-lots PDF named ${pdf.name}`);
    equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the PDF');
    const stored = await fetched(page.getByRole('button', { name: 'Download daily-portfolio-desk-2026-12-05-pdf' }));
    equal(stored.bytes.length, 48213, 'the kept PDF, every byte');
    await fitsTheScreen();
    await accessible('reports');
    await shot('reports');
  });

  await check('backtests and suggestions: progress, a result, two compared, range suggestions, an allocation', async () => {
    await page.getByRole('link', { name: 'Backtests' }).click();
    await page.getByRole('heading', { name: 'Backtests and suggestions', level: 1 }).waitFor();
    const running = page.locator('tr[data-backtest="0d1e5c2a-0000-4000-8000-00000000000c"]');
    await running.waitFor();
    equal((await running.locator('td').nth(2).innerText()).trim(), `250 / 720 (${Math.floor((250 * 100) / 720)} %)`, 'progress of the running one');
    await page.getByRole('button', { name: 'Result of ETH-USDC 0.3 % ±600' }).click();
    const detail = page.locator('[data-backtest-detail="0d1e5c2a-0000-4000-8000-00000000000a"]');
    await detail.locator('[data-figure=return]').waitFor();
    // (end − start) ÷ start in hundredths of a percent, rounded half away from zero
    const pct = (start, end) => {
      const q = ((fixed(end) - fixed(start)) * 100000n) / fixed(start);
      const r = ((q < 0n ? -q : q) + 5n) / 10n;
      return `${q < 0n ? '-' : '+'}${r / 100n}.${String(r % 100n).padStart(2, '0')} %`;
    };
    const figures = await detail.locator('[data-figure]').evaluateAll((dd) => dd.map((d) => `${d.dataset.figure}=${d.innerText.trim()}`));
    equal(figures.join(' '), ['start=10,000.00', 'end=10,412.35', `return=${pct('10000', '10412.345678')}`, 'fees=+612.50',
      'il=-150.13', 'hedge=-40.00', 'gas=6.03', 'slippage=4.00', 'rebalances=3', 'sharpe=1.23', 'drawdown=4.56 %'].join(' '),
    'figures of backtest A');
    await page.getByRole('checkbox', { name: 'Compare ETH-USDC 0.3 % ±600' }).check();
    await page.getByRole('checkbox', { name: 'Compare ETH-USDC 0.05 % ±120' }).check();
    equal(await page.getByRole('checkbox', { name: 'Compare WBTC-ETH 0.3 % vol-scaled' }).isDisabled(), true, 'a running one cannot be compared');
    await page.getByRole('button', { name: 'Compare 2 chosen' }).click();
    const compared = async (key) => (await page.locator(`[data-compare=${key}] td`).allInnerTexts()).map((c) => c.trim()).join('|');
    await page.locator('[data-compare=return] td').first().waitFor();
    // B: 9876.5 against 10000 is −1.235 %, −1.24 % half away from zero (a double gives −1.23)
    equal(await compared('return'), `${pct('10000', '10412.345678')}|${pct('10000', '9876.5')}`, 'returns side by side');
    equal(await compared('il'), '-150.13|-890.75', 'impermanent loss side by side');
    equal(await compared('rebalances'), '3|9', 'rebalances side by side');
    const suggestion = async (id) => (await page.locator(`tr[data-suggestion="${id}"]`).locator('th, td').allInnerTexts())
      .slice(1).map((c) => c.trim()).join('|');
    // 500 pips = 0.05 %; 0.01234567 = +1.23 %; 0.00845 = +0.845 % → +0.85 %
    equal(await suggestion('7a7a0000-0000-4000-8000-000000000001'), 'ETH-USDC|eth-usdc-500|0.05 %|120|+1.23 %|+0.85 %|3|ranging', 'ETH-USDC suggestion');
    equal(await suggestion('7a7a0000-0000-4000-8000-000000000002'), 'WBTC-ETH|wbtc-eth-3000|0.30 %|600|-0.50 %|—|0|—', 'WBTC-ETH suggestion');
    await page.getByRole('button', { name: 'Split the capital' }).click();
    await page.locator('[data-testid=allocation-total]').waitFor();
    const allocated = async (pool) => (await page.locator(`tr[data-allocation="${pool}"] td`).allInnerTexts()).map((c) => c.trim()).join('|');
    equal(await allocated('eth-usdc-500'), '33.33 %|$33,333.33|50.00 %', 'first pool\'s part');
    equal(await allocated('wbtc-eth-3000'), '66.67 %|$66,666.67|50.00 %', 'second pool\'s part');
    equal(await text('[data-testid=allocation-total]'), dollars(sum(fixed('33333.33'), fixed('66666.67'))), 'the parts add up to the capital');
    await fitsTheScreen();
    await accessible('backtests and suggestions');
    await shot('backtests');
  });

  await check('admin: services\' health, consumer lag, dead letters replayed, a flag switched, an API key made and revoked', async () => {
    const LAG_GROUP = process.env.DASHBOARD_LAG_GROUP;
    const LETTER = process.env.DASHBOARD_LETTER_KEY;
    const DEPTHS = JSON.parse(process.env.DASHBOARD_DLQ_DEPTHS || '{}');
    if (!LAG_GROUP || !LETTER) throw new Error('set DASHBOARD_LAG_GROUP and DASHBOARD_LETTER_KEY');
    const admin = await signedInTab('admin');
    const failures = [];
    admin.on('pageerror', (e) => failures.push(String(e)));
    try {
      await admin.getByRole('link', { name: 'Admin' }).click();
      await admin.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
      await admin.locator('tr[data-service="settlement"]').waitFor({ timeout: 15_000 });
      const row = async (name) => (await admin.locator(`tr[data-service="${name}"]`).locator('th, td').allInnerTexts())
        .map((c) => c.trim()).join('|');
      // the stand-in's services: settlement not ready (venue DOWN); backlog, consumers, dead-lettered, parked keys
      equal(await row('settlement'), 'settlement|DOWN|not ready (HTTP 503) venue|RUNNING|0|1|0|0', 'settlement\'s health');
      equal(await row('perp-hedger'), 'perp-hedger|UP||RUNNING|2|1|1|1', 'perp-hedger\'s health');
      equal(await row('analytics'), 'analytics|UP||RUNNING|0|1|2|2', 'analytics\' health');
      equal((await admin.locator('#health-title .badge').innerText()).trim(), 'DEGRADED', 'the platform with settlement down');
      const lag = (await admin.locator(`tr[data-group="${LAG_GROUP}"]`).locator('th, td').allInnerTexts()).map((c) => c.trim());
      equal(lag.join('|'), `${LAG_GROUP}|3|config.dlq 3`, 'the consumer group committed 3 before the end');
      for (const [topic, depth] of Object.entries(DEPTHS)) {
        equal((await admin.locator(`tr[data-dlq="${topic}"] td`).first().innerText()).trim(), String(depth), `letters on ${topic}`);
      }
      if (!(DEPTHS['config.dlq'] >= 3)) throw new Error(`config.dlq holds ${DEPTHS['config.dlq']} letters as the test counts them`);
      await admin.getByRole('button', { name: 'Letters of config.dlq' }).click();
      const letter = admin.locator('tr[data-letter]', { hasText: `${LETTER}-1` });
      await letter.waitFor();
      const cells = (await letter.locator('td').allInnerTexts()).map((c) => c.trim());
      equal(cells.slice(1, 4).join('|'), 'SettingChanged|handler failed|alerting.settings', 'the letter\'s event, reason and consumer');
      const place = (await letter.locator('th').innerText()).trim();
      await letter.getByRole('button', { name: /^Replay/ }).click();
      await admin.getByText(`config.dlq-${place}: REPLAYED to config`).waitFor();
      await letter.getByText(/by dev-admin$/).waitFor({ timeout: 5000 });

      const flag = admin.locator('tr[data-setting="alerting.delivery.paused"]');
      equal((await flag.locator('[data-testid=setting-value]').innerText()).trim(), 'false', 'deliveries paused, before');
      await flag.getByRole('button', { name: 'Turn on alerting.delivery.paused' }).click();
      await admin.getByText('alerting.delivery.paused is now true').waitFor();
      await flag.locator('[data-testid=setting-value]', { hasText: 'true' }).waitFor({ timeout: 5000 });
      if (!(await flag.innerText()).includes('dev-admin at')) throw new Error(`the flag after switching: ${await flag.innerText()}`);
      const axeOn = async () => {
        await admin.addScriptTag({ content: axe.source });
        const result = await admin.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }));
        const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        if (v.length) throw new Error(`axe on admin:\n${v.join('\n')}`);
      };
      await axeOn();
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`the admin page is ${overflow} px wider than a 1366 px laptop screen`);
      await admin.evaluate(() => window.scrollTo(0, 0));
      await admin.screenshot({ path: join(SHOTS, 'admin.png'), fullPage: true });
      // back to its default, so that no other test on this broker finds deliveries paused
      await flag.getByRole('button', { name: 'Reset alerting.delivery.paused to its default' }).click();
      await admin.getByText('alerting.delivery.paused is back to its default, false').waitFor();

      const name = `dashboard-test-${LETTER.slice(-8)}`;
      await admin.getByLabel('Name').fill(name);
      await admin.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
      await admin.getByRole('button', { name: 'Make a key' }).click();
      const key = (await admin.locator('[data-testid=new-key]').innerText()).trim();
      if (!/^tlk_/.test(key)) throw new Error(`the new key reads '${key}'`);
      const keyRow = admin.locator(`tr[data-key="${name}"]`);
      await keyRow.waitFor();
      equal((await keyRow.locator('td').first().innerText()).trim(), 'viewer', 'the key\'s role');
      if (!key.startsWith((await keyRow.locator('code').innerText()).replace('…', '').trim())) throw new Error('the prefix is not the key\'s');
      const withKey = await fetch(`${BASE}/api/v1/sessions`, { headers: { 'X-Api-Key': key } });
      equal(withKey.status, 200, 'the new key reads');
      await keyRow.getByRole('button', { name: `Revoke key ${name}` }).click();
      await admin.getByText(`Key ${name} revoked`).waitFor();
      // the revoked cell, not the created one, which also ends "by dev-admin"
      await keyRow.locator('td.revoked', { hasText: /by dev-admin$/ }).waitFor({ timeout: 5000 });
      const revoked = await fetch(`${BASE}/api/v1/sessions`, { headers: { 'X-Api-Key': key } });
      equal(revoked.status, 401, 'the revoked key');
      if (failures.length) throw new Error(failures.join('\n'));
    } finally {
      await admin.close();
    }
  });

  await check('an alert raised while the inbox is open appears live, without polling', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.locator('[data-alert="alr-1"]').waitFor();
    const before = requests.filter((p) => p === '/api/v1/alerts').length;
    await page.waitForTimeout(1500);
    equal(requests.filter((p) => p === '/api/v1/alerts').length, before, 'alert list requests while nothing happened');
    const raised = await fetch(`${STAND_IN}/stand-in/alerts`, { method: 'POST' });
    equal(raised.status, 201, 'stand-in raised the alert');
    announce('AlertRaised', 'alr-2', { alertId: 'alr-2', severity: 'CRITICAL' });
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
