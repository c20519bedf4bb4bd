// The position-math functions as the official Uniswap v3 SDK computes them, by the names of
// io.tideline.amm.PositionMathCases' case lines; shared by evaluate.js (the differential test) and time.js
// (bench/amm-vs-sdk.sh), so that both run exactly the same SDK calls.
'use strict';
const JSBI = require('jsbi');
const { TickMath, SqrtPriceMath, maxLiquidityForAmounts } = require('@uniswap/v3-sdk');

const ZERO = JSBI.BigInt(0);

// The contract's LiquidityAmounts.getAmountsForLiquidity from the SDK's own SqrtPriceMath rounding down, as the
// SDK's Position.amount0 / amount1 do (a price on the lower bound counts as below the range). The SDK has no
// exported function of this name.
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

// Each function takes its arguments already converted by parseArguments (a Number tick, JSBI integers otherwise),
// so that time.js times the SDK's arithmetic, not the parsing of decimal strings.
// maxLiquidityForAmounts with useFullPrecision = false is the contract's LiquidityAmounts.getLiquidityForAmounts
// (mulDiv(sqrtA, sqrtB, Q96) first); the SDK's default "precise" variant differs from the chain.
const functions = {
  getSqrtRatioAtTick: ([tick]) => TickMath.getSqrtRatioAtTick(tick),
  getTickAtSqrtRatio: ([price]) => TickMath.getTickAtSqrtRatio(price),
  getAmount0DeltaUp: ([a, b, l]) => SqrtPriceMath.getAmount0Delta(a, b, l, true),
  getAmount0DeltaDown: ([a, b, l]) => SqrtPriceMath.getAmount0Delta(a, b, l, false),
  getAmount1DeltaUp: ([a, b, l]) => SqrtPriceMath.getAmount1Delta(a, b, l, true),
  getAmount1DeltaDown: ([a, b, l]) => SqrtPriceMath.getAmount1Delta(a, b, l, false),
  getAmountsForLiquidity: ([p, a, b, l]) => amountsForLiquidity(p, a, b, l),
  getLiquidityForAmounts: ([p, a, b, x, y]) => maxLiquidityForAmounts(p, a, b, x, y, false),
};

// A case line, "function arg arg ...", as the function's name and its converted arguments.
function parseCase(line) {
  const [name, ...args] = line.trim().split(' ');
  if (!functions[name]) throw new Error(`unknown function ${name}`);
  return { name, args: name === 'getSqrtRatioAtTick' ? [Number(args[0])] : args.map((a) => JSBI.BigInt(a)) };
}

// A result as a line: the decimal integer, or two space-separated for getAmountsForLiquidity.
function formatResult(result) {
  return Array.isArray(result) && !(result instanceof JSBI) ? result.map(String).join(' ') : String(result);
}

module.exports = { functions, parseCase, formatResult };
