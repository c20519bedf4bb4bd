// `npm ci` for the dashboard, only when package-lock.json changed since the last install (a stamp in
// node_modules), so that a rebuild does not pay for it again. Offline-friendly: --prefer-offline uses npm's cache.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const stamp = join(here, 'node_modules', '.tideline-lock-sha256');
const lock = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('dashboard: npm packages up to date');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here, stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`dashboard: npm ci failed (exit ${run.status ?? run.error})`);
  process.exit(1);
}
writeFileSync(stamp, lock);
