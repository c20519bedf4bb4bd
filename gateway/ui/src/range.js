// Where a position's range and the pool's price sit on a range bar. Ticks are integers (|tick| ≤ 887,272), so plain
// numbers are exact here; the prices themselves are shown from their decimal strings.

/**
 * Percent offsets (0..100) of the range's ends and the current tick on a bar that shows the range with a quarter of
 * its width on each side; a price outside that window is pinned to the bar's end. `inRange` follows Uniswap v3: a
 * position earns fees while tickLower <= tick < tickUpper.
 */
export function rangeBar(tickLower, tickUpper, tick) {
  const width = Math.max(1, tickUpper - tickLower);
  const from = tickLower - width / 4;
  const span = width * 1.5;
  const at = (t) => Math.min(100, Math.max(0, ((t - from) / span) * 100));
  const known = Number.isInteger(tick);
  return {
    low: at(tickLower),
    high: at(tickUpper),
    price: known ? at(tick) : null,
    inRange: known ? tick >= tickLower && tick < tickUpper : null,
  };
}
