// Builds the dashboard into a folder the gateway serves as static files:
//   node build.mjs <out-dir>   (the gateway's Maven build passes target/classes/META-INF/resources)
// One minified ES module and one stylesheet, named by content hash (safe to cache forever), and index.html that
// names them. Prints the sizes.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs <out-dir>');
  process.exit(2);
}
const assets = join(out, 'assets');
rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src/main.jsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: assets,
  entryNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const js = outputs.find((f) => f.endsWith('.js'));
const css = outputs.find((f) => f.endsWith('.css'));
const html = readFileSync(join(here, 'src/index.html'), 'utf8')
  .replace('@JS@', `assets/${js}`)
  .replace('@CSS@', `assets/${css}`);
writeFileSync(join(out, 'index.html'), html);

for (const f of readdirSync(assets)) {
  const bytes = readFileSync(join(assets, f));
  console.log(`dashboard: assets/${f} ${(bytes.length / 1024).toFixed(1)} KiB (gzip ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB)`);
}
