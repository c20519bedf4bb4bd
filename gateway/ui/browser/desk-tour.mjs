// The desk's screen on a running platform, in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core),
// steered by the end-to-end scenario (e2e module, ./platform e2e), which compares what is shown with the API's figures.
//   DASHBOARD_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=... node browser/desk-tour.mjs
// A small command loop: one JSON command per line on stdin, one JSON answer per line on stdout, prefixed "TOUR ".
// Each view command reads what the page shows (no judgement here: the scenario judges), runs axe-core (WCAG 2 A/AA)
// and saves a screenshot of the view. Commands:
//   {"do":"signIn","role":"trader"}                 the dev login
//   {"do":"portfolio"}                              desk value, all-time P&L
//   {"do":"leaderboard","trader":"0x.."}            the trader's P&L in each window (all time, weekly, daily)
//   {"do":"lp","tokenId":"7"}                       the position's row, then its page: facts, hedge fills
//   {"do":"hedge","hedgeId":".."}                   the hedge's row and its orders and fills
//   {"do":"arbitrage","alertId":".."}               one arbitrage alert looked up: its executions
//   {"do":"settlement","session":".."}              the session's row
//   {"do":"admin"}                                  in a tab signed in as an admin: each service's health
//   {"do":"alerts"}                                 opens the inbox (open alerts) with the stream live
//   {"do":"acknowledge","alertId":".."}             waits for the alert to appear without a reload, acknowledges it
//   {"do":"quit"}                                   closes the browser; answers the console errors seen
// An answer is {"ok":true, ...} or {"ok":false,"error":"..."}.
import axe from 'axe-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const BASE = process.env.DASHBOARD_URL;
const SHOTS = process.env.SCREENSHOT_DIR;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !SHOTS) {
  console.error('set DASHBOARD_URL and SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(join(tmpdir(), 'tideline-tour-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1366, height: 768 },
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(20_000);
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
let navigations = 0;
page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });

const clean = (s) => s.replace(/\s+/g, ' ').trim();
const read = async (locator) => clean(await locator.first().innerText());

async function view(hash, heading) {
  await page.goto(`${BASE}/#/${hash}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** axe-core's WCAG 2 A/AA violations on the page as it is, and a full-page screenshot named for the view. */
async function inspect(name, ownRow, tab = page) {
  await tab.addScriptTag({ content: axe.source });
  // A long table (a desk after a load run holds a thousand positions) is checked on its head and the run's own row,
  // beside the rest of the page: the other rows are the same markup, and axe over thousands of cells takes minutes.
  const long = ownRow && await tab.locator('tbody tr').count() > 200;
  const result = await tab.evaluate((row) => window.axe.run(
    row ? { include: [['header'], ['h1'], ['thead'], [row]] } : document,
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
  ), long ? ownRow : null);
  await tab.evaluate(() => window.scrollTo(0, 0));
  // the whole page, unless it is very long (a thousand rows): then what a laptop screen shows first
  const tall = await tab.evaluate(() => document.documentElement.scrollHeight > 6000);
  await tab.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !tall });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The dev login in `tab` (sessionStorage is per tab: each tab signs in on its own). */
async function signIn(tab, role) {
  await tab.goto(`${BASE}/`);
  await tab.getByRole('combobox', { name: /^Role/ }).selectOption(role);
  await tab.getByRole('button', { name: `Sign in as ${role}` }).click();
  await tab.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

const commands = {
  async signIn({ role }) {
    await signIn(page, role);
    return { who: await read(page.locator('[data-testid=who]')) };
  },

  async portfolio() {
    await view('', 'Portfolio');
    await page.locator('[data-testid=desk-value]').waitFor();
    return {
      deskValue: await read(page.locator('[data-testid=desk-value]')),
      pnlAll: await read(page.locator('[data-testid=pnl-all]')),
      axe: await inspect('portfolio'),
    };
  },

  async leaderboard({ trader }) {
    await view('pm', 'Prediction markets');
    const windows = {};
    for (const [id, label] of [['all', 'All time'], ['weekly', 'Weekly'], ['daily', 'Daily']]) {
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.locator(`button[aria-pressed=true]`, { hasText: label }).waitFor();
      const row = page.locator(`tr[data-trader="${trader.toLowerCase()}"]`);
      await row.first().waitFor();
      windows[id] = await read(row.locator('td').nth(1));
    }
    return { windows, axe: await inspect('pm-leaderboard') };
  },

  async lp({ tokenId }) {
    await view('lp', 'LP positions');
    const row = page.locator(`tr[data-position="${tokenId}"]`);
    await row.first().waitFor();
    const state = await read(row.locator('td').nth(0));
    const hedge = await read(row.locator('td').nth(7));
    const listAxe = await inspect('lp-positions', `tr[data-position="${tokenId}"]`);
    await row.getByRole('link', { name: `Position #${tokenId}: history, value and hedge` }).click();
    await page.getByRole('heading', { name: `LP position #${tokenId}`, level: 1 }).waitFor();
    const facts = page.locator('.timeline li');
    await facts.first().waitFor();
    const fills = page.locator('[data-hedge-detail] [data-fill]');
    await fills.first().waitFor();
    return {
      state, hedge,
      facts: await facts.evaluateAll((l) => l.map((e) => e.dataset.fact)),
      hedgeFills: await fills.count(),
      axe: [...listAxe, ...await inspect('lp-position')],
    };
  },

  async hedge({ hedgeId }) {
    await view('hedges', 'Hedges');
    const row = page.locator(`tr[data-hedge="${hedgeId}"]`);
    await row.waitFor();
    const cells = (await row.locator('th, td').allInnerTexts()).map(clean);
    await row.getByRole('button', { name: /^Orders and fills/ }).click();
    const detail = page.locator(`[data-hedge-detail="${hedgeId}"]`);
    await detail.locator('[data-fill]').first().waitFor();
    return {
      status: cells[2], openTarget: cells[4], soldBought: cells[6],
      fills: await detail.locator('[data-fill]').count(),
      axe: await inspect('hedges', `tr[data-hedge="${hedgeId}"]`),
    };
  },

  async arbitrage({ alertId }) {
    await view('arbitrage', 'Arbitrage alerts');
    await page.getByRole('textbox', { name: 'Alert id' }).fill(alertId);
    await page.getByRole('button', { name: 'Look up' }).click();
    const alert = page.locator(`[data-arbitrage-alert="${alertId}"]`);
    await alert.locator('[data-testid=arb-executions-of-alert]').waitFor();
    return {
      executions: await read(alert.locator('[data-testid=arb-executions-of-alert]')),
      legs: await alert.locator('[data-leg]').count(),
      axe: await inspect('arbitrage'),
    };
  },

  async settlement({ session }) {
    await view('settlement', 'Settlement');
    const row = page.locator(`tr[data-session="${session}"]`);
    await row.waitFor();
    const cells = (await row.locator('th, td').allInnerTexts()).map(clean);
    return { venue: cells[1], pairs: cells[2], fills: cells[3], stopLoss: cells[4], axe: await inspect('settlement') };
  },

  async alerts() {
    await view('alerts', 'Alerts');
    await page.locator('[data-testid=live-status].live-live').waitFor();
    navigations = 0;
    return { live: true };
  },

  async acknowledge({ alertId }) {
    const t0 = Date.now();
    const item = page.locator(`[data-alert="${alertId}"]`);
    await item.waitFor({ timeout: 60_000 });
    const appearedMs = Date.now() - t0;
    const reloaded = navigations;
    const title = await read(item.locator('.alert-title'));
    const shot = await inspect('alerts');
    await item.getByRole('button', { name: /^Acknowledge/ }).click();
    await item.waitFor({ state: 'detached' }); // the inbox shows open alerts: an acknowledged one leaves it
    return { appearedMs, reloaded, title, axe: shot };
  },

  async admin() {
    // a tab of its own signed in as an admin; its stream is not needed
    const tab = await context.newPage();
    tab.setDefaultTimeout(20_000);
    try {
      await signIn(tab, 'admin');
      await tab.goto(`${BASE}/#/admin`);
      await tab.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
      await tab.locator('tr[data-service]').first().waitFor();
      const services = {};
      for (const row of await tab.locator('tr[data-service]').all()) {
        services[await row.getAttribute('data-service')] = clean(await row.locator('td').first().innerText());
      }
      return { services, axe: await inspect('admin', null, tab) };
    } finally {
      await tab.close();
    }
  },

  async quit() {
    return { consoleErrors };
  },
};

function answer(body) {
  process.stdout.write(`TOUR ${JSON.stringify(body)}\n`);
}

const lines = createInterface({ input: process.stdin });
try {
  for await (const line of lines) {
    if (!line.trim()) continue;
    let command;
    try {
      command = JSON.parse(line);
    } catch {
      answer({ ok: false, error: `not JSON: ${line}` });
      continue;
    }
    const run = commands[command.do];
    if (!run) {
      answer({ ok: false, error: `unknown command ${command.do}` });
      continue;
    }
    try {
      answer({ ok: true, ...await run(command) });
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, `failure-${command.do}.png`), fullPage: true }).catch(() => {});
      answer({ ok: false, error: e.message.split('\n').slice(0, 4).join(' ') });
    }
    if (command.do === 'quit') break;
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
