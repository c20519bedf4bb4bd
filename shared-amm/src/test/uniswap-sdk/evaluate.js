// Evaluates position-math cases with the official Uniswap v3 SDK, for shared-amm's AgainstUniswapSdkTest.
// Reads one case per line on stdin ("function arg arg ...", decimal; see io.tideline.amm.PositionMathCases) and
// prints one line per case: the result in decimal (two, space-separated, for getAmountsForLiquidity), or
// "throws <message>" where the SDK throws. The SDK calls are those of positionMath.js.
'use strict';
const readline = require('readline');
const { functions, parseCase, formatResult } = require('./positionMath');

const output = [];
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const { name, args } = parseCase(line);
  try {
    output.push(formatResult(functions[name](args)));
  } catch (e) {
    output.push(`throws ${String(e.message || e).replace(/\s+/g, ' ')}`);
  }
}).on('close', () => process.stdout.write(output.join('\n') + (output.length ? '\n' : '')));
