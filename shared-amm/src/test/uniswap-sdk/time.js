// Times the official Uniswap v3 SDK on position-math cases, for bench/amm-vs-sdk.sh (which times shared-amm on the
// same cases in the same run). Reads case lines on stdin (io.tideline.amm.PositionMathCases), converts the
// arguments once, then per function: warms up for WARMUP_MS, and runs ROUNDS rounds of at least ROUND_MS each over
// all of that function's cases, in order. Prints one line per function: "<function> <median> <mean>", the median
// and the mean over the rounds of the ns per case (the median shrugs off a round slowed by other load).
// Usage: node time.js [warmup ms] [round ms] [rounds] [function: only that one] < cases.txt
'use strict';
const readline = require('readline');
const { functions, parseCase } = require('./positionMath');

const [WARMUP_MS, ROUND_MS, ROUNDS] = [3000, 1000, 5].map((d, i) => Number(process.argv[2 + i] || d));
const ONLY = process.argv[5];
if (ONLY && !functions[ONLY]) throw new Error(`unknown function ${ONLY}`);

const byFunction = new Map();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  if (ONLY && !line.startsWith(`${ONLY} `)) return;
  const { name, args } = parseCase(line);
  if (!byFunction.has(name)) byFunction.set(name, []);
  byFunction.get(name).push(args);
}).on('close', () => {
  let sink = 0;
  // All cases of one function once; returns how many were run. The sink keeps the results alive.
  const pass = (fn, cases) => {
    for (let i = 0; i < cases.length; i++) {
      const result = fn(cases[i]);
      sink ^= Array.isArray(result) ? result.length : Number(result === undefined);
    }
    return cases.length;
  };
  const runFor = (fn, cases, ms) => {
    const start = process.hrtime.bigint();
    const until = start + BigInt(ms) * 1000000n;
    let done = 0;
    let now = start;
    while (now < until) {
      done += pass(fn, cases);
      now = process.hrtime.bigint();
    }
    return { done, ns: Number(now - start) };
  };
  for (const [name, cases] of byFunction) {
    const fn = functions[name];
    runFor(fn, cases, WARMUP_MS);
    const perCase = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = runFor(fn, cases, ROUND_MS);
      perCase.push(round.ns / round.done);
    }
    const sorted = [...perCase].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const mean = perCase.reduce((a, b) => a + b, 0) / perCase.length;
    process.stdout.write(`${name} ${median.toFixed(1)} ${mean.toFixed(1)}\n`);
  }
  if (sink === 0.5) process.stderr.write('unreachable\n');
});
