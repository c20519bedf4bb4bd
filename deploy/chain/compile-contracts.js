#!/usr/bin/env node
// Regenerates artifacts/<Contract>.json from every contracts-src/*.sol (or only the files named on the command line)
// with solc-js (the `solc` npm package that Hardhat 2 depends on, 0.8.26; it runs offline — Hardhat's own compiler
// download is not needed). Only needed when a source changes: the artifacts are committed, so deploying never
// compiles anything.
//
//   node compile-contracts.js                  # all sources
//   node compile-contracts.js Multicall3.sol   # just this one
//
// Each file is compiled on its own, with the same settings for all, so one file's change never alters another's
// bytecode. Every deployable contract defined in a file (not the ones it imports, not interfaces or abstract
// contracts) gets an artifact.
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const SRC_DIR = path.join(__dirname, "contracts-src");
const OUT_DIR = path.join(__dirname, "artifacts");
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "paris",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

// Imports (e.g. "@openzeppelin/contracts/...") resolve like Node modules, from this folder's node_modules.
const findImports = (p) => {
  try {
    return { contents: fs.readFileSync(require.resolve(p, { paths: [__dirname] }), "utf8") };
  } catch (e) {
    return { error: `${p}: ${e.message}` };
  }
};

// The artifacts of one source file, or null when it does not compile (the errors are printed).
function compile(file) {
  const input = {
    language: "Solidity",
    sources: { [file]: { content: fs.readFileSync(path.join(SRC_DIR, file), "utf8") } },
    settings: SETTINGS,
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  for (const e of out.errors || []) console.error(e.formattedMessage);
  if ((out.errors || []).some((e) => e.severity === "error")) return null;
  return Object.entries(out.contracts[file] || {})
    .filter(([, c]) => c.evm.bytecode.object.length > 0)
    .map(([name, c]) => ({
      contractName: name,
      sourceName: `contracts-src/${file}`,
      compiler: `solc ${solc.version()}`,
      settings: { optimizer: SETTINGS.optimizer, evmVersion: SETTINGS.evmVersion },
      abi: c.abi,
      bytecode: `0x${c.evm.bytecode.object}`,
      deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    }));
}

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => path.basename(f))
  : fs.readdirSync(SRC_DIR).filter((f) => f.endsWith(".sol")).sort();
fs.mkdirSync(OUT_DIR, { recursive: true });
let failed = 0;
for (const file of files) {
  const artifacts = compile(file);
  if (!artifacts) {
    console.error(`${file}: not compiled`);
    failed++;
    continue;
  }
  for (const a of artifacts) {
    fs.writeFileSync(path.join(OUT_DIR, `${a.contractName}.json`), JSON.stringify(a, null, 2) + "\n");
    console.log(`artifacts/${a.contractName}.json written from ${file} (${a.compiler}, ${(a.deployedBytecode.length - 2) / 2} bytes of code)`);
  }
}
process.exit(failed ? 1 : 0);
