// Evaluates position-math cases with the official Uniswap v3 SDK, for shared-amm's AgainstUniswapSdkTest.
// Reads one case per line on stdin ("function arg arg ...", decimal; see io.tideline.amm.PositionMathCases) and
// prints one line per case: the result in decimal (two, space-separated, for getAmountsForLiquidity), or
// "throws <message>" where the SDK throws.
'use strict';
const readline = require('readline');
const JSBI = require('jsbi');
const { TickMath, SqrtPriceMath, maxLiquidityForAmounts } = require('@uniswap/v3-sdk');

const ZERO = JSBI.BigInt(0);

// The contract's LiquidityAmounts.getAmountsForLiquidity from the SDK's own SqrtPriceMath rounding down, as the
// SDK's Position.amount0 / amount1 do (a price on the lower bound counts as below the range).
function amountsForLiquidity(sqrtPrice, sqrtA, sqrtB, liquidity) {
  if (JSBI.greaterThan(sqrtA, sqrtB)) [sqrtA, sqrtB] = [sqrtB, sqrtA];
  if (JSBI.lessThanOrEqual(sqrtPrice, sqrtA)) {
    return [SqrtPriceMath.getAmount0Delta(sqrtA, sqrtB, liquidity, false), ZERO];
  }
  if (JSBI.lessThan(sqrtPrice, sqrtB)) {
    return [SqrtPriceMath.getAmount0Delta(sqrtPrice, sqrtB, liquidity, false),
      SqrtPriceMath.getAmount1Delta(sqrtA, sqrtPrice, liquidity, false)];
  }
  return [ZERO, SqrtPriceMath.getAmount1Delta(sqrtA, sqrtB, liquidity, false)];
}

// useFullPrecision = false is the contract's LiquidityAmounts (mulDiv(sqrtA, sqrtB, Q96) first); the "precise"
// variant is the SDK's own and differs from the chain.
const functions = {
  getSqrtRatioAtTick: ([tick]) => TickMath.getSqrtRatioAtTick(Number(tick)),
  getTickAtSqrtRatio: ([price]) => TickMath.getTickAtSqrtRatio(JSBI.BigInt(price)),
  getAmount0DeltaUp: ([a, b, l]) => SqrtPriceMath.getAmount0Delta(JSBI.BigInt(a), JSBI.BigInt(b), JSBI.BigInt(l), true),
  getAmount0DeltaDown: ([a, b, l]) => SqrtPriceMath.getAmount0Delta(JSBI.BigInt(a), JSBI.BigInt(b), JSBI.BigInt(l), false),
  getAmount1DeltaUp: ([a, b, l]) => SqrtPriceMath.getAmount1Delta(JSBI.BigInt(a), JSBI.BigInt(b), JSBI.BigInt(l), true),
  getAmount1DeltaDown: ([a, b, l]) => SqrtPriceMath.getAmount1Delta(JSBI.BigInt(a), JSBI.BigInt(b), JSBI.BigInt(l), false),
  getAmountsForLiquidity: ([p, a, b, l]) =>
    amountsForLiquidity(JSBI.BigInt(p), JSBI.BigInt(a), JSBI.BigInt(b), JSBI.BigInt(l)),
  getLiquidityForAmounts: ([p, a, b, x, y]) =>
    maxLiquidityForAmounts(JSBI.BigInt(p), JSBI.BigInt(a), JSBI.BigInt(b), x, y, false),
};

const output = [];
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [name, ...args] = line.trim().split(' ');
  const fn = functions[name];
  if (!fn) throw new Error(`unknown function ${name}`);
  try {
    const result = fn(args);
    output.push(Array.isArray(result) && !(result instanceof JSBI) ? result.map(String).join(' ') : result.toString());
  } catch (e) {
    output.push(`throws ${String(e.message || e).replace(/\s+/g, ' ')}`);
  }
}).on('close', () => process.stdout.write(output.join('\n') + (output.length ? '\n' : '')));
