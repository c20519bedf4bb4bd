#!/usr/bin/env node
// Reads .state/deployment.json and checks it against the running chain (TIDELINE_CHAIN_RPC, default
// http://127.0.0.1:8545): the pool's Initialize event carries exactly the sqrtPriceX96 for 2500 USDC/WETH, slot0
// answers, and NonfungiblePositionManager.positions(tokenId) holds the minted liquidity. Exit 1 on any mismatch.
"use strict";
const path = require("path");
const { ethers } = require("ethers");
const { sqrtPriceX96For } = require("./deploy-uniswap.js");

const RPC = process.env.TIDELINE_CHAIN_RPC || "http://127.0.0.1:8545";
const file = path.join(process.env.TIDELINE_CHAIN_STATE || path.join(__dirname, ".state"), "deployment.json");
const d = require(file);
const pool = require("@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json");
const npmArt = require("@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json");

(async () => {
  const provider = new ethers.JsonRpcProvider(RPC, undefined, { staticNetwork: true });
  const failures = [];
  const check = (ok, what) => { console.log(`${ok ? "ok  " : "FAIL"} ${what}`); if (!ok) failures.push(what); };

  check(Number((await provider.getNetwork()).chainId) === d.chainId, `chain id ${d.chainId}`);
  for (const [name, addr] of Object.entries(d.contracts)) {
    if (!ethers.isAddress(addr) || addr === ethers.ZeroAddress) continue;
    check((await provider.getCode(addr)) !== "0x", `code at ${name} ${addr}`);
  }
  const p = new ethers.Contract(d.pool.address, pool.abi, provider);
  const wethIsToken0 = d.pool.token0.toLowerCase() === d.tokens.TWETH.address.toLowerCase();
  const expected = sqrtPriceX96For(wethIsToken0, 2500, d.tokens.TWETH.decimals, d.tokens.TUSDC.decimals);
  const [init] = await p.queryFilter(p.filters.Initialize(), 0, "latest");
  check(init && init.args.sqrtPriceX96 === expected, `pool initialised at sqrtPriceX96 ${init && init.args.sqrtPriceX96} (expected ${expected}, tick ${init && init.args.tick})`);
  const slot0 = await p.slot0();
  check(slot0.sqrtPriceX96.toString() === d.pool.currentSqrtPriceX96, `slot0.sqrtPriceX96 ${slot0.sqrtPriceX96} tick ${slot0.tick} (after the swaps; recorded ${d.pool.currentSqrtPriceX96})`);
  check(await p.fee() === BigInt(d.pool.fee) && (await p.token0()) === d.pool.token0, `pool fee ${d.pool.fee}, token0 ${d.pool.token0}`);
  const npm = new ethers.Contract(d.contracts.nonfungiblePositionManager, npmArt.abi, provider);
  const pos = await npm.positions(d.position.tokenId);
  check(pos.liquidity.toString() === d.position.liquidity && pos.liquidity > 0n,
    `positions(${d.position.tokenId}).liquidity ${pos.liquidity} ticks [${pos.tickLower}, ${pos.tickUpper}]`);
  check((await npm.ownerOf(d.position.tokenId)) === d.position.owner, `ownerOf(${d.position.tokenId}) = ${d.position.owner}`);
  check((await p.liquidity()) === pos.liquidity, `pool in-range liquidity ${await p.liquidity()} = the position's`);
  if (failures.length) { console.error(`${failures.length} check(s) failed`); process.exit(1); }
  console.log("deployment matches the chain");
})().catch((e) => { console.error(`check-deployment: ${e.shortMessage || e.message}`); process.exit(1); });
