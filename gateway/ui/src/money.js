// Money and other exact amounts, formatted from the decimal strings the services send (BigDecimal/BigInteger as JSON
// strings). Nothing here goes through a JS number: digits are moved as text and BigInt, so "0.1" + rounding never
// turns into 0.09999999999999999 and an 80-digit token amount keeps every digit.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** {negative, int, frac} of an exact decimal string ("-12.340", "7", "0.5"); throws on anything else (no exponents). */
export function parseDecimal(text) {
  const m = DECIMAL.exec(String(text).trim());
  if (!m) {
    throw new Error(`not an exact decimal string: '${text}'`);
  }
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? '';
  const zero = /^0*$/.test(int + frac);
  return { negative: m[1] === '-' && !zero, int, frac };
}

/** -1, 0 or 1: the sign of an exact decimal string. */
export function signOf(text) {
  const d = parseDecimal(text);
  if (/^0*$/.test(d.int + d.frac)) return 0;
  return d.negative ? -1 : 1;
}

/**
 * The value rounded to `places` decimals, half away from zero (as a desk reads "0.005" → "0.01"), as
 * {negative, int, frac} with exactly `places` fraction digits.
 */
export function roundDecimal(text, places) {
  const d = parseDecimal(text);
  const frac = d.frac.padEnd(places + 1, '0');
  let digits = BigInt(d.int + frac.slice(0, places));
  if (frac.charCodeAt(places) >= 53 /* '5' */) {
    digits += 1n;
  }
  const s = digits.toString().padStart(places + 1, '0');
  const int = s.slice(0, s.length - places);
  const kept = places === 0 ? '' : s.slice(s.length - places);
  return { negative: d.negative && digits !== 0n, int, frac: kept };
}

function group(int) {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An exact decimal string for reading: rounded to `places` (half away from zero), thousands grouped, "-" for
 * negatives; `signed` adds "+" to positives (P&L).
 */
export function formatDecimal(text, { places = 2, signed = false } = {}) {
  const r = roundDecimal(text, places);
  const body = group(r.int) + (places > 0 ? '.' + r.frac : '');
  if (r.negative) return '-' + body;
  if (signed && !/^[0.,]*$/.test(body)) return '+' + body;
  return body;
}

/** Dollars: "$1,234.57", "-$12.00", "+$3.10" when signed. */
export function formatUsd(text, { places = 2, signed = false } = {}) {
  const s = formatDecimal(text, { places, signed });
  if (s.startsWith('-') || s.startsWith('+')) return s[0] + '$' + s.slice(1);
  return '$' + s;
}

/** A raw integer token amount ("1500000" with 6 decimals) as a decimal string ("1.500000"); exact. */
export function unitsToDecimal(raw, decimals) {
  const d = parseDecimal(raw);
  if (d.frac !== '') throw new Error(`raw units must be an integer: '${raw}'`);
  if (!Number.isInteger(decimals) || decimals < 0) throw new Error(`bad decimals: ${decimals}`);
  const padded = d.int.padStart(decimals + 1, '0');
  const int = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals);
  return (d.negative ? '-' : '') + int + (decimals > 0 ? '.' + frac : '');
}

/** The value times 10^scale as a BigInt, cut (not rounded) below that: for comparing and proportions, exactly. */
export function scaled(text, scale) {
  const d = parseDecimal(text);
  const v = BigInt(d.int + d.frac.padEnd(scale, '0').slice(0, scale));
  return d.negative ? -v : v;
}

/**
 * |part| / |whole| in thousandths, 0..1000 (rounded down): the width of a bar. Exact on the decimal strings
 * (scale 18); a zero whole gives 0.
 */
export function permille(part, whole) {
  const abs = (v) => (v < 0n ? -v : v);
  const p = abs(scaled(part, 18));
  const w = abs(scaled(whole, 18));
  if (w === 0n) return 0;
  const r = (p * 1000n) / w;
  return Number(r > 1000n ? 1000n : r);
}

/** The largest absolute value of several decimal strings (the scale of a bar chart), as its string. */
export function largestMagnitude(texts) {
  let best = '0';
  let bestScaled = 0n;
  for (const t of texts) {
    const v = scaled(t, 18);
    const a = v < 0n ? -v : v;
    if (a > bestScaled) {
      bestScaled = a;
      best = t;
    }
  }
  return best;
}

/** {v, scale}: the value as a BigInt times 10^scale, scale being its own number of fraction digits. Exact. */
function exact(text) {
  const d = parseDecimal(text);
  const v = BigInt(d.int + d.frac);
  return { v: d.negative ? -v : v, scale: d.frac.length };
}

function toText(v, scale) {
  const negative = v < 0n;
  const s = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const int = s.slice(0, s.length - scale);
  return (negative ? '-' : '') + int + (scale > 0 ? '.' + s.slice(s.length - scale) : '');
}

/** a + b, exactly, as a decimal string. */
export function addDecimal(a, b) {
  const x = exact(a);
  const y = exact(b);
  const scale = Math.max(x.scale, y.scale);
  return toText(x.v * 10n ** BigInt(scale - x.scale) + y.v * 10n ** BigInt(scale - y.scale), scale);
}

/** a × b, exactly, as a decimal string. */
export function multiplyDecimal(a, b) {
  const x = exact(a);
  const y = exact(b);
  return toText(x.v * y.v, x.scale + y.scale);
}

/** a ÷ b rounded to `places` decimals half away from zero, as a decimal string; null when b is zero. */
export function divideDecimal(a, b, places) {
  const x = exact(a);
  const y = exact(b);
  if (y.v === 0n) return null;
  // a/b = (x.v / 10^xs) / (y.v / 10^ys); scaled by 10^(places+1) to keep one digit for rounding
  let num = x.v * 10n ** BigInt(y.scale + places + 1);
  let den = y.v * 10n ** BigInt(x.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const q = (negative ? -num : num) / den; // truncated, places + 1 digits
  const rounded = (q + 5n) / 10n;
  return toText(negative ? -rounded : rounded, places);
}
