#!/usr/bin/env node
// Reads .state/deployment.json and checks it against the running chain (TIDELINE_CHAIN_RPC, default
// http://127.0.0.1:8545): the pool's Initialize event carries exactly the sqrtPriceX96 for 2500 USDC/WETH, slot0
// answers, and NonfungiblePositionManager.positions(tokenId) holds the minted liquidity; Multicall3.aggregate3 reads
// slot0 in a batch, the pool sits where CREATE2 with the recorded init code hash puts it, and the recorded dev
// accounts are the node's #0, #1 and #2. Exit 1 on any mismatch.
"use strict";
const path = require("path");
const { ethers } = require("ethers");
const { sqrtPriceX96For, POOL_INIT_CODE_HASH } = require("./deploy-uniswap.js");

const RPC = process.env.TIDELINE_CHAIN_RPC || "http://127.0.0.1:8545";
const file = path.join(process.env.TIDELINE_CHAIN_STATE || path.join(__dirname, ".state"), "deployment.json");
const d = require(file);
const pool = require("@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json");
const multicall3Art = require("./artifacts/Multicall3.json");
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
  const salt = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["address", "address", "uint24"], [d.pool.token0, d.pool.token1, d.pool.fee]));
  check(d.pool.initCodeHash === POOL_INIT_CODE_HASH
      && ethers.getCreate2Address(d.contracts.factory, salt, d.pool.initCodeHash) === d.pool.address,
    `pool init code hash ${d.pool.initCodeHash} (PoolAddress.POOL_INIT_CODE_HASH, CREATE2 gives the pool's address)`);
  const mc = new ethers.Contract(d.contracts.multicall3, multicall3Art.abi, provider);
  const [batch, blockNumber] = await Promise.all([
    mc.aggregate3.staticCall([
      { target: d.pool.address, allowFailure: false, callData: p.interface.encodeFunctionData("slot0") },
      { target: d.contracts.factory, allowFailure: true, callData: "0xdeadbeef" },
    ]),
    mc.getBlockNumber(),
  ]);
  const batchSlot0 = p.interface.decodeFunctionResult("slot0", batch[0].returnData);
  check(batch[0].success && batchSlot0.sqrtPriceX96 === slot0.sqrtPriceX96 && !batch[1].success && blockNumber > 0n,
    `multicall3 ${d.contracts.multicall3}: aggregate3 reads slot0, reports a failed call, getBlockNumber ${blockNumber}`);
  const strict = await mc.aggregate3.staticCall([{ target: d.contracts.factory, allowFailure: false, callData: "0xdeadbeef" }])
    .then(() => "no revert", (e) => e.reason || e.shortMessage);
  check(strict === "Multicall3: call 0 failed", `multicall3 reverts a batch whose required call fails ("${strict}")`);
  const nodeAccounts = (await provider.send("eth_accounts", [])).map((a) => ethers.getAddress(a));
  const roles = Object.entries(d.accounts || {});
  check(roles.length === 3 && roles.every(([, a]) => nodeAccounts[a.index] === a.address),
    `accounts ${roles.map(([role, a]) => `${role} #${a.index}`).join(", ")} are the node's dev accounts`);
  if (failures.length) { console.error(`${failures.length} check(s) failed`); process.exit(1); }
  console.log("deployment matches the chain");
})().catch((e) => { console.error(`check-deployment: ${e.shortMessage || e.message}`); process.exit(1); });
