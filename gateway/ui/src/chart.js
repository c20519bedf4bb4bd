// Chart geometry from exact decimal strings: where each point of a series goes, in thousandths of the plot's height,
// computed on BigInt (scale 18), so a value chart never rounds a value through a double to place it.
import { scaled } from './money.js';

/**
 * For values (decimal strings) the height of each in thousandths: 0 at the smallest, 1000 at the largest (all 500
 * when they are equal), with `min` and `max` the smallest and largest as given.
 */
export function heights(values) {
  if (values.length === 0) return { heights: [], min: null, max: null };
  const v = values.map((t) => scaled(t, 18));
  let lo = 0;
  let hi = 0;
  v.forEach((x, i) => {
    if (x < v[lo]) lo = i;
    if (x > v[hi]) hi = i;
  });
  const span = v[hi] - v[lo];
  const h = v.map((x) => (span === 0n ? 500 : Number(((x - v[lo]) * 1000n) / span)));
  return { heights: h, min: values[lo], max: values[hi] };
}
