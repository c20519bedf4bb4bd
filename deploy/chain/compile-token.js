#!/usr/bin/env node
// Regenerates artifacts/TestToken.json from contracts-src/TestToken.sol with solc-js (the `solc` npm package that
// Hardhat 2 depends on, 0.8.26; it runs offline — Hardhat's own compiler download is not needed). Only needed when
// the source changes; the artifact is committed so that deploying never compiles anything.
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const file = "TestToken.sol";
const input = {
  language: "Solidity",
  sources: { [file]: { content: fs.readFileSync(path.join(__dirname, "contracts-src", file), "utf8") } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "paris",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};
const findImports = (p) => {
  try {
    return { contents: fs.readFileSync(require.resolve(p, { paths: [__dirname] }), "utf8") };
  } catch (e) {
    return { error: `${p}: ${e.message}` };
  }
};
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (out.errors || []).filter((e) => e.severity === "error");
for (const e of out.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);
const c = out.contracts[file].TestToken;
const artifact = {
  contractName: "TestToken",
  sourceName: `contracts-src/${file}`,
  compiler: `solc ${solc.version()}`,
  settings: { optimizer: input.settings.optimizer, evmVersion: input.settings.evmVersion },
  abi: c.abi,
  bytecode: `0x${c.evm.bytecode.object}`,
  deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
};
fs.mkdirSync(path.join(__dirname, "artifacts"), { recursive: true });
fs.writeFileSync(path.join(__dirname, "artifacts", "TestToken.json"), JSON.stringify(artifact, null, 2) + "\n");
console.log(`artifacts/TestToken.json written (${artifact.compiler}, ${(artifact.deployedBytecode.length - 2) / 2} bytes of code)`);
