#!/usr/bin/env bash
# shared-amm's exact Uniswap v3 position math against the official @uniswap/v3-sdk (3.31.5, jsbi 3.2.5, pinned in
# shared-amm/src/test/uniswap-sdk/package-lock.json), side by side in one run, on the same N seeded random cases per
# function (io.tideline.amm.PositionMathCases): getSqrtRatioAtTick, getTickAtSqrtRatio, the four amount deltas,
# getAmountsForLiquidity, getLiquidityForAmounts. Function by function, the JVM (JMH,
# bench/.../amm/PositionMathVsSdkBenchmark: the allocation-free limb path and the BigInteger API) and then Node.js
# (shared-amm/src/test/uniswap-sdk/time.js) time the same cases, so both see about the same machine load. Prints per
# function the median ns per case of each and the SDK/limbs speed-up, and says whether every function is at least
# 20x faster. That the results are the same integers is shared-amm's AgainstUniswapSdkTest, not this script.
# Needs Node.js (runs npm ci in shared-amm/src/test/uniswap-sdk if node_modules is missing); no infrastructure.
# Usage:
#   bench/amm-vs-sdk.sh [cases per function, default 1000]        (AMM_VS_SDK_SEED overrides the seed)
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000}
seed=${AMM_VS_SDK_SEED:-20260520}
aim=20
sdk_dir=shared-amm/src/test/uniswap-sdk
out=bench/target/amm-vs-sdk
classpath_file=target/amm-vs-sdk.classpath   # relative to each module, so bench's lands in bench/target
functions=(getSqrtRatioAtTick getTickAtSqrtRatio getAmount0DeltaUp getAmount0DeltaDown getAmount1DeltaUp
  getAmount1DeltaDown getAmountsForLiquidity getLiquidityForAmounts)

command -v node >/dev/null 2>&1 || { echo "amm-vs-sdk: Node.js is needed to run the Uniswap SDK" >&2; exit 1; }
if [[ ! -d "$sdk_dir/node_modules/@uniswap/v3-sdk" || ! -d "$sdk_dir/node_modules/jsbi" ]]; then
  echo "installing the pinned Uniswap SDK in $sdk_dir ..."
  (cd "$sdk_dir" && npm ci --no-audit --no-fund)
fi

echo "building bench and what it needs ..."
# One invocation, so that the classpath names this build's shared-amm jar rather than whatever is in ~/.m2.
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
classpath="bench/target/classes:$(cat "bench/$classpath_file")"

rm -rf "$out"
mkdir -p "$out"
java -cp "$classpath" io.tideline.bench.amm.PositionMathCaseLines "$seed" "$cases" >"$out/cases.txt"
echo "$(wc -l <"$out/cases.txt") cases ($cases per function, seed $seed) in $out/cases.txt"

for function in "${functions[@]}"; do
  echo
  echo "== $function (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$classpath" org.openjdk.jmh.Main "PositionMathVsSdkBenchmark\.$function\$" \
    -p seed="$seed" -p cases="$cases" -p api=limbs,BigInteger -f 1 -wi 3 -w 1 -i 5 -r 1 \
    -rf json -rff "$out/$function.json" | grep -E '^(Iteration|Benchmark|PositionMath)' || true
  (cd "$sdk_dir" && node time.js 3000 1000 5 "$function" <"../../../../$out/cases.txt") | tee -a "$out/sdk.txt"
done

echo
echo "Tideline shared-amm vs @uniswap/v3-sdk, $cases cases per function, $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
node - "$out" "$aim" "${functions[@]}" <<'EOF'
// The table and the FIGURE lines: medians over the measurement iterations (JMH) and rounds (time.js).
const fs = require('fs');
const [dir, aimText, ...functions] = process.argv.slice(2);
const aim = Number(aimText);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sdk = Object.fromEntries(fs.readFileSync(`${dir}/sdk.txt`, 'utf8').trim().split('\n')
  .map((line) => line.split(' ')).map(([name, med]) => [name, Number(med)]));
const rows = functions.map((name) => {
  const java = {};
  for (const result of JSON.parse(fs.readFileSync(`${dir}/${name}.json`, 'utf8'))) {
    java[result.params.api] = median(result.primaryMetric.rawData.flat());
  }
  return { name, limbs: java.limbs, bigInteger: java.BigInteger, sdk: sdk[name] };
});
const pad = (s, n) => String(s).padStart(n);
console.log(`${'function'.padEnd(24)} ${pad('limbs ns', 10)} ${pad('BigInteger ns', 14)} ${pad('SDK ns', 10)}`
  + ` ${pad('SDK/limbs', 10)} ${pad('SDK/BigInteger', 15)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(24)} ${pad(r.limbs.toFixed(1), 10)} ${pad(r.bigInteger.toFixed(1), 14)}`
    + ` ${pad(r.sdk.toFixed(0), 10)} ${pad((r.sdk / r.limbs).toFixed(1) + 'x', 10)}`
    + ` ${pad((r.sdk / r.bigInteger).toFixed(1) + 'x', 15)}`);
}
const short = rows.filter((r) => r.sdk / r.limbs < aim);
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
const lowest = rows.reduce((a, b) => (a.sdk / a.limbs <= b.sdk / b.limbs ? a : b));
console.log(short.length === 0
  ? `every function is at least ${aim}x faster than the SDK on the limb path: meets the aim`
  : `MISSES the ${aim}x aim on: ${short.map((r) => `${r.name} ${(r.sdk / r.limbs).toFixed(1)}x`).join(', ')}`);
// The figures convention (bench/README.md): measured = shared-amm's time, baseline = the SDK's in this run, and
// the ratio is the speed-up, baseline time / measured time (= measured rate / baseline rate).
for (const r of rows) {
  console.log(`FIGURE|amm vs SDK: ${r.name}|>= ${aim}x|${r.limbs.toFixed(1)} ns/case (limbs)|SDK ${r.sdk.toFixed(0)} ns/case`
    + `|${(r.sdk / r.limbs).toFixed(1)}x`);
}
console.log(`FIGURE|amm vs SDK: one case of each of the ${rows.length}|>= ${aim}x, each function too`
  + `|${total('limbs').toFixed(0)} ns (limbs)|SDK ${total('sdk').toFixed(0)} ns`
  + `|${(total('sdk') / total('limbs')).toFixed(1)}x (lowest ${lowest.name} ${(lowest.sdk / lowest.limbs).toFixed(1)}x)`);
EOF
