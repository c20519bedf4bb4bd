// What the desk's screen shows, read in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) from
// a running platform: the end-to-end scenario (e2e module, ./platform e2e) compares it with the API's figures.
//   DASHBOARD_URL=http://127.0.0.1:8080 PM_TRADER=0x... node browser/desk-figures.mjs
// Signs in through the dev login as a viewer and prints one JSON line: the portfolio's desk value and all-time P&L,
// and the leaderboard's realized P&L of PM_TRADER (all time), as the page shows them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.DASHBOARD_URL;
const TRADER = (process.env.PM_TRADER || '').toLowerCase();
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !TRADER) {
  console.error('set DASHBOARD_URL and PM_TRADER');
  process.exit(2);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(join(tmpdir(), 'tideline-figures-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1366, height: 768 },
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${BASE}/`);
  await page.getByRole('combobox', { name: /^Role/ }).selectOption('viewer');
  await page.getByRole('button', { name: 'Sign in as viewer' }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  const read = async (locator) => (await locator.first().innerText()).trim();
  const deskValue = await read(page.locator('[data-testid=desk-value]'));
  const pnlAll = await read(page.locator('[data-testid=pnl-all]'));
  await page.goto(`${BASE}/#/pm`);
  const row = page.locator(`tr[data-trader="${TRADER}"]`);
  await row.first().waitFor();
  const traderPnl = await read(row.locator('td').nth(1));
  console.log(JSON.stringify({ deskValue, pnlAll, traderPnl }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
