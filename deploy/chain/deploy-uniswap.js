#!/usr/bin/env node
// Deploys a small Uniswap v3 market to a running local chain (Hardhat node) from the prebuilt npm artifacts and
// records every address in .state/deployment.json. Run by start-chain.sh (and so by ./platform up); by hand:
//
//   node deploy-uniswap.js            # deploy unless this node already has our deployment
//   node deploy-uniswap.js --force    # deploy a second, independent set and overwrite deployment.json
//
// Environment: TIDELINE_CHAIN_RPC (JSON-RPC URL, default http://127.0.0.1:8545),
//              TIDELINE_CHAIN_STATE (where to write deployment.json, default <this folder>/.state),
//              TIDELINE_CHAIN_REDEPLOY=1 (same as --force).
//
// Idempotency: if deployment.json exists and describes *this* node — same chain id, same genesis block hash (a new
// `hardhat node` has a new genesis hash) and contract code at the recorded factory and pool addresses — nothing is
// deployed and the recorded summary is printed. Otherwise (fresh node, restarted node, missing file) everything is
// deployed and the file is (over)written.
//
// Transactions are sent with eth_sendTransaction from the node's unlocked dev accounts (Hardhat's well-known test
// mnemonic): account #0 deploys, owns everything and holds the LP position, account #1 is the trader; account #2 is
// recorded as `accounts.foreign`, an address no tracker watches (tests transfer positions to it).
"use strict";

const fs = require("fs");
const path = require("path");
const { ethers } = require("ethers");

const RPC = process.env.TIDELINE_CHAIN_RPC || "http://127.0.0.1:8545";
const STATE_DIR = process.env.TIDELINE_CHAIN_STATE || path.join(__dirname, ".state");
const STATE_FILE = path.join(STATE_DIR, "deployment.json");
const FORCE = process.argv.includes("--force") || ["1", "true", "yes"].includes(process.env.TIDELINE_CHAIN_REDEPLOY || "");

const artifact = (p) => require(p);
const A = {
  erc20: artifact("@openzeppelin/contracts/build/contracts/ERC20PresetMinterPauser.json"),
  // Our own contracts, compiled from contracts-src/ by compile-contracts.js (the artifacts are committed).
  // TestToken: ERC20PresetMinterPauser plus a decimals constructor argument (the 4.9 preset is fixed at 18
  // decimals), for the 6-decimal TUSDC.
  testToken: artifact("./artifacts/TestToken.json"),
  // Multicall3's aggregate3 / getBlockNumber / getBlockHash / getCurrentBlockTimestamp (our implementation: the
  // canonical Multicall3 is not on npm as an artifact), what lp-tracker's batch reader calls.
  multicall3: artifact("./artifacts/Multicall3.json"),
  factory: artifact("@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json"),
  pool: artifact("@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json"),
  npm: artifact("@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json"),
  router: artifact("@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json"),
  // Uniswap's own multicall (used by the Uniswap interface; per-call gas limit, returns (blockNumber, (success,
  // gasUsed, returnData)[])), kept next to Multicall3 for clients written against it.
  multicall: artifact("@uniswap/v3-periphery/artifacts/contracts/lens/UniswapInterfaceMulticall.sol/UniswapInterfaceMulticall.json"),
};

const FEE = 3000; // 0.3 %
const TICK_SPACING = 60; // the factory's spacing for the 0.3 % tier
const Q96 = 1n << 96n;
const MAX_UINT128 = (1n << 128n) - 1n;
// PoolAddress.POOL_INIT_CODE_HASH in v3-periphery: the position manager and router derive pool addresses from it
// (CREATE2) instead of asking the factory, so pools deployed from different pool bytecode would be unreachable.
const POOL_INIT_CODE_HASH = "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54";

// Integer square root (floor) of a non-negative BigInt, by Newton's method.
function isqrt(n) {
  if (n < 0n) throw new Error("isqrt of a negative number");
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2)); // ≥ sqrt(n)
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

// sqrtPriceX96 for "quoteUnits quote per 1 base", in the pool's raw-unit convention.
//
// Uniswap v3 prices are token1 per token0 in raw units (no decimals): price = amount1Raw / amount0Raw, and the pool
// stores sqrtPriceX96 = sqrt(price) · 2^96 (Q64.96). With 2500 TUSDC (6 decimals) per 1 TWETH (18 decimals):
//   token0 = TWETH: price = 2500·10^6 / 10^18 = 2.5·10^-9  → sqrtPriceX96 = floor(sqrt(2500·10^6 · 2^192 / 10^18))
//   token0 = TUSDC: price = 10^18 / (2500·10^6) = 4·10^8   → sqrtPriceX96 = floor(sqrt(10^18 · 2^192 / (2500·10^6)))
// Which token is token0 depends on the addresses (token0 < token1), so both cases occur. The price is the
// rational num/den; floor(sqrt(num·2^192/den)) = isqrt(floor(num·2^192/den)) exactly (floor of a square root only
// depends on the floor of its argument), so the result is exact with BigInt — no floating point involved.
// Values: TWETH = token0 → 3961408125713216879677197 (tick −198080); TUSDC = token0 → 20000 · 2^96 (tick 198079).
function sqrtPriceX96For(baseIsToken0, quotePerBase, baseDecimals, quoteDecimals) {
  const baseRaw = 10n ** BigInt(baseDecimals); // 1 base token
  const quoteRaw = BigInt(quotePerBase) * 10n ** BigInt(quoteDecimals); // its price in quote tokens
  const [num, den] = baseIsToken0 ? [quoteRaw, baseRaw] : [baseRaw, quoteRaw]; // token1 per token0
  return isqrt((num << 192n) / den);
}

const floorToSpacing = (tick, spacing) => Math.floor(tick / spacing) * spacing;

function loadState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

async function existingDeployment(provider, chainId, genesisHash) {
  const state = loadState();
  if (!state) return null;
  if (String(state.chainId) !== String(chainId) || state.genesisHash !== genesisHash) return null;
  // multicall3 too: a record written before it was deployed is redeployed rather than reused without it.
  for (const addr of [state.contracts?.factory, state.pool?.address, state.contracts?.multicall3]) {
    if (!addr || (await provider.getCode(addr)) === "0x") return null;
  }
  return state;
}

function printSummary(s, header) {
  const c = s.contracts;
  console.log(header);
  console.log(`  chain        ${s.chainId} at ${s.rpc} (deployer/owner ${s.deployer})`);
  console.log(`  factory      ${c.factory}`);
  console.log(`  positions    ${c.nonfungiblePositionManager}   router ${c.swapRouter}`);
  console.log(`  multicall3   ${c.multicall3}   uniswap multicall ${c.multicall}   weth9 stand-in ${c.weth9}`);
  console.log(`  tokens       TWETH ${c.tweth}   TUSDC ${c.tusdc}`);
  console.log(`  pool         ${s.pool.address} (TWETH/TUSDC 0.3 %), tick ${s.pool.currentTick}, ${s.pool.currentPriceUsdcPerWeth} USDC/WETH`);
  console.log(`  accounts     owner #${s.accounts.owner.index} ${s.accounts.owner.address}   trader #${s.accounts.trader.index} ${s.accounts.trader.address}   foreign #${s.accounts.foreign.index} ${s.accounts.foreign.address}`);
  console.log(`  LP position  token id ${s.position.tokenId}, liquidity ${s.position.liquidity}, ticks [${s.position.tickLower}, ${s.position.tickUpper}], owner ${s.position.owner}`);
  console.log(`  file         ${STATE_FILE}`);
}

// USDC per WETH (human units) from a pool's sqrtPriceX96, rounded to the cent (display only).
function usdcPerWeth(sqrtPriceX96, wethIsToken0) {
  const p = sqrtPriceX96 * sqrtPriceX96; // price · 2^192, token1/token0 raw
  const scale = 10n ** 12n * 100n; // 18 − 6 decimals, in cents
  const cents = wethIsToken0 ? (p * scale + (1n << 191n)) >> 192n : (((1n << 192n) * scale) + p / 2n) / p;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

// keccak256 of the pool creation code in the v3-core artifact, checked twice: against the hash the periphery has
// compiled in, and against the address the factory actually used (CREATE2 with salt keccak256(token0, token1, fee)).
// A mismatch only warns: the deployment works for anything that asks the factory, but not for the periphery.
function poolInitCodeHash(factoryAddr, token0, token1, poolAddr) {
  const hash = ethers.keccak256(A.pool.bytecode);
  if (hash !== POOL_INIT_CODE_HASH) {
    console.warn(`warning: the UniswapV3Pool artifact's init code hash ${hash} is not PoolAddress.POOL_INIT_CODE_HASH ${POOL_INIT_CODE_HASH}`);
  }
  const salt = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["address", "address", "uint24"], [token0, token1, FEE]));
  const predicted = ethers.getCreate2Address(factoryAddr, salt, hash);
  if (predicted !== poolAddr) {
    console.warn(`warning: the pool is at ${poolAddr}, not at ${predicted} (CREATE2 with init code hash ${hash})`);
  }
  return hash;
}

async function main() {
  const provider = new ethers.JsonRpcProvider(RPC, undefined, { staticNetwork: true, cacheTimeout: -1 });
  let chainId;
  try {
    chainId = Number(BigInt(await provider.send("eth_chainId", [])));
  } catch (e) {
    throw new Error(`no JSON-RPC node answers at ${RPC} (${e.shortMessage || e.message}). Start one: bash start-chain.sh`);
  }
  const genesisHash = (await provider.getBlock(0)).hash;

  if (!FORCE) {
    const existing = await existingDeployment(provider, chainId, genesisHash);
    if (existing) {
      printSummary(existing, "Uniswap v3 is already deployed on this node (kept; --force deploys a new set):");
      return;
    }
  }

  const accounts = await provider.send("eth_accounts", []);
  if (accounts.length < 3) throw new Error(`the node at ${RPC} has fewer than 3 unlocked dev accounts (is it a Hardhat node?)`);
  const deployer = await provider.getSigner(accounts[0]);
  const trader = await provider.getSigner(accounts[1]);
  const txs = [];

  const send = async (label, txPromise) => {
    const tx = await txPromise;
    const receipt = await tx.wait();
    if (receipt.status !== 1) throw new Error(`${label} failed (tx ${tx.hash})`);
    txs.push({ label, hash: tx.hash, block: receipt.blockNumber, gasUsed: receipt.gasUsed.toString() });
    return receipt;
  };
  const deploy = async (label, art, ...args) => {
    const factory = new ethers.ContractFactory(art.abi, art.bytecode, deployer);
    const contract = await factory.deploy(...args);
    await send(`deploy ${label}`, Promise.resolve(contract.deploymentTransaction()));
    return contract;
  };

  // --- tokens -------------------------------------------------------------------------------------------------
  // Both are mintable by the deployer (MINTER_ROLE) and pausable. TWETH: the npm ERC20PresetMinterPauser (18 decimals).
  // TUSDC: TestToken = the same preset with 6 decimals.
  const tweth = await deploy("TWETH", A.erc20, "Test WETH", "TWETH");
  const tusdc = await deploy("TUSDC", A.testToken, "Test USDC", "TUSDC", 6);
  // WETH9 stand-in: the real WETH9 is not in these npm packages, and the position manager / router only need an
  // address for it (used when paying or unwrapping native ETH, which we never do). Another preset ERC-20 will do.
  const weth9 = await deploy("WETH9 stand-in", A.erc20, "Wrapped Ether (stand-in)", "WETH9");

  const DECIMALS = {
    tweth: Number(await tweth.decimals()),
    tusdc: Number(await tusdc.decimals()),
  };

  // --- Uniswap v3 -----------------------------------------------------------------------------------------------
  const factory = await deploy("UniswapV3Factory", A.factory);
  // Token descriptor: only tokenURI() calls it. The real NonfungibleTokenPositionDescriptor must be linked to the
  // NFTDescriptor library; tracking positions does not need it, so the zero address is used (tokenURI() reverts).
  const npm = await deploy("NonfungiblePositionManager", A.npm, await factory.getAddress(), await weth9.getAddress(), ethers.ZeroAddress);
  const router = await deploy("SwapRouter", A.router, await factory.getAddress(), await weth9.getAddress());
  const multicall = await deploy("UniswapInterfaceMulticall", A.multicall);
  const multicall3 = await deploy("Multicall3", A.multicall3);

  // --- pool -----------------------------------------------------------------------------------------------------
  const [twethAddr, tusdcAddr] = [await tweth.getAddress(), await tusdc.getAddress()];
  const wethIsToken0 = BigInt(twethAddr) < BigInt(tusdcAddr);
  const [token0, token1] = wethIsToken0 ? [twethAddr, tusdcAddr] : [tusdcAddr, twethAddr];
  const sqrtPriceX96 = sqrtPriceX96For(wethIsToken0, 2500, DECIMALS.tweth, DECIMALS.tusdc);

  // createAndInitializePoolIfNecessary = factory.createPool + pool.initialize in one transaction.
  await send("createAndInitializePool", npm.createAndInitializePoolIfNecessary(token0, token1, FEE, sqrtPriceX96));
  const poolAddr = await factory.getPool(token0, token1, FEE);
  const initCodeHash = poolInitCodeHash(await factory.getAddress(), token0, token1, poolAddr);
  const pool = new ethers.Contract(poolAddr, A.pool.abi, provider);
  const slot0 = await pool.slot0();
  const initialTick = Number(slot0.tick);

  // --- LP position around the price (±3000 ticks ≈ ×/÷ 1.35), owned by the deployer -----------------------------
  const owner = accounts[0];
  const unit = (dec) => 10n ** BigInt(dec);
  const lpWeth = 100n * unit(DECIMALS.tweth);
  const lpUsdc = 250_000n * unit(DECIMALS.tusdc);
  await send("mint TWETH to owner", tweth.mint(owner, 1_000n * unit(DECIMALS.tweth)));
  await send("mint TUSDC to owner", tusdc.mint(owner, 2_500_000n * unit(DECIMALS.tusdc)));
  await send("approve TWETH", tweth.approve(await npm.getAddress(), ethers.MaxUint256));
  await send("approve TUSDC", tusdc.approve(await npm.getAddress(), ethers.MaxUint256));
  const tickLower = floorToSpacing(initialTick - 3000, TICK_SPACING);
  const tickUpper = floorToSpacing(initialTick + 3000, TICK_SPACING) + TICK_SPACING;
  const deadline = (await provider.getBlock("latest")).timestamp + 3600;
  const mintParams = {
    token0, token1, fee: FEE, tickLower, tickUpper,
    amount0Desired: wethIsToken0 ? lpWeth : lpUsdc,
    amount1Desired: wethIsToken0 ? lpUsdc : lpWeth,
    amount0Min: 0n, amount1Min: 0n, recipient: owner, deadline,
  };
  // Transactions that touch the pool get a fixed gas limit well above their use (mint ≈ 0.61 M, swap ≈ 0.11–0.13 M):
  // ethers sends eth_estimateGas's bare minimum, and the pool's gas depends on the block it lands in (its price
  // oracle's write), so a swap estimated in one block once ran out of gas in the next and reverted without a reason.
  const poolGas = { mint: { gasLimit: 1_000_000n }, swap: { gasLimit: 500_000n } };
  const mintReceipt = await send("mint LP position", npm.mint(mintParams, poolGas.mint));
  const inc = mintReceipt.logs
    .map((l) => { try { return npm.interface.parseLog(l); } catch { return null; } })
    .find((e) => e && e.name === "IncreaseLiquidity");
  const tokenId = inc.args.tokenId;

  // --- a little market activity: exact-input swaps both ways from account #1 -------------------------------------
  const traderAddr = accounts[1];
  await send("mint TWETH to trader", tweth.mint(traderAddr, 10n * unit(DECIMALS.tweth)));
  await send("mint TUSDC to trader", tusdc.mint(traderAddr, 25_000n * unit(DECIMALS.tusdc)));
  await send("trader approves TWETH", tweth.connect(trader).approve(await router.getAddress(), ethers.MaxUint256));
  await send("trader approves TUSDC", tusdc.connect(trader).approve(await router.getAddress(), ethers.MaxUint256));
  const swaps = [
    ["TWETH", "TUSDC", 1n * unit(DECIMALS.tweth)], // sell 1 WETH
    ["TUSDC", "TWETH", 3_000n * unit(DECIMALS.tusdc)], // buy with 3000 USDC
    ["TWETH", "TUSDC", unit(DECIMALS.tweth) / 2n], // sell 0.5 WETH
    ["TUSDC", "TWETH", 1_000n * unit(DECIMALS.tusdc)], // buy with 1000 USDC
  ];
  const addrOf = { TWETH: twethAddr, TUSDC: tusdcAddr };
  const swapLog = [];
  for (const [inSym, outSym, amountIn] of swaps) {
    const r = await send(`swap ${inSym}->${outSym}`, router.connect(trader).exactInputSingle({
      tokenIn: addrOf[inSym], tokenOut: addrOf[outSym], fee: FEE, recipient: traderAddr,
      deadline, amountIn, amountOutMinimum: 0n, sqrtPriceLimitX96: 0n,
    }, poolGas.swap));
    swapLog.push({ tokenIn: inSym, tokenOut: outSym, amountIn: amountIn.toString(), tx: r.hash, block: r.blockNumber });
  }

  const after = await pool.slot0();
  const pos = await npm.positions(tokenId);
  const state = {
    chainId,
    rpc: RPC,
    genesisHash,
    deployedAt: new Date().toISOString(),
    blockNumber: await provider.getBlockNumber(),
    deployer: ethers.getAddress(owner),
    owner: ethers.getAddress(owner),
    trader: ethers.getAddress(traderAddr),
    // Hardhat dev accounts (unlocked on the node: eth_sendTransaction works from each), by index.
    accounts: {
      owner: { index: 0, address: ethers.getAddress(owner) },
      trader: { index: 1, address: ethers.getAddress(traderAddr) },
      foreign: { index: 2, address: ethers.getAddress(accounts[2]) },
    },
    contracts: {
      factory: await factory.getAddress(),
      nonfungiblePositionManager: await npm.getAddress(),
      swapRouter: await router.getAddress(),
      multicall: await multicall.getAddress(),
      multicallKind: "UniswapInterfaceMulticall",
      multicall3: await multicall3.getAddress(),
      weth9: await weth9.getAddress(),
      weth9Note: "ERC20PresetMinterPauser stand-in for WETH9 (no deposit/withdraw)",
      tokenDescriptor: ethers.ZeroAddress,
      tweth: twethAddr,
      tusdc: tusdcAddr,
    },
    tokens: {
      TWETH: { address: twethAddr, name: "Test WETH", decimals: DECIMALS.tweth },
      TUSDC: { address: tusdcAddr, name: "Test USDC", decimals: DECIMALS.tusdc },
    },
    pool: {
      address: poolAddr,
      token0,
      token1,
      fee: FEE,
      tickSpacing: TICK_SPACING,
      initCodeHash,
      initialSqrtPriceX96: sqrtPriceX96.toString(),
      initialTick,
      initialPriceUsdcPerWeth: usdcPerWeth(sqrtPriceX96, wethIsToken0),
      currentSqrtPriceX96: after.sqrtPriceX96.toString(),
      currentTick: Number(after.tick),
      currentPriceUsdcPerWeth: usdcPerWeth(after.sqrtPriceX96, wethIsToken0),
    },
    position: {
      tokenId: tokenId.toString(),
      owner: ethers.getAddress(owner),
      tickLower,
      tickUpper,
      liquidity: pos.liquidity.toString(),
      amount0: inc.args.amount0.toString(),
      amount1: inc.args.amount1.toString(),
    },
    swaps: swapLog,
    transactions: txs.length,
  };
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const tmp = `${STATE_FILE}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + "\n");
  fs.renameSync(tmp, STATE_FILE);
  printSummary(state, `Deployed Uniswap v3 (${txs.length} transactions):`);
}

module.exports = { isqrt, sqrtPriceX96For, MAX_UINT128, Q96, POOL_INIT_CODE_HASH };

if (require.main === module) {
  main().catch((e) => {
    console.error(`deploy-uniswap: ${e.shortMessage || e.message}`);
    process.exit(1);
  });
}
