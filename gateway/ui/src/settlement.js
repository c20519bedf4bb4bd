// Settlement's figures worked out exactly from the decimal strings settlement sends (no JS numbers).
import { addDecimal, multiplyDecimal, parseDecimal } from './money.js';

/** The age tiers of take-profit pricing (settlement's AgeTiers): the label of each tier. */
export const AGE_TIERS = ['under 1 h', '1–4 h', '4–12 h', '12 h and over'];

/** Take-profit states that are at the venue or on their way (settlement's TakeProfitOrder.live()). */
export const LIVE_STATES = ['PLACING', 'LIVE', 'REPLACING'];

function subtract(a, b) {
  const d = parseDecimal(b);
  return addDecimal(a, (d.negative ? '' : '-') + d.int + (d.frac ? '.' + d.frac : ''));
}

/** What a take-profit still sells: quantity − filled. */
export function remaining(order) {
  return subtract(order.quantity, order.filledQuantity);
}

/**
 * Live take-profits by the age tier they are priced at: per tier the orders, what they still sell and its value at
 * their prices (Σ price × remaining, quote currency). Every tier is listed, empty ones too.
 */
export function byAgeTier(orders) {
  const tiers = AGE_TIERS.map((label, tier) => ({ tier, label, orders: 0, notional: '0' }));
  for (const o of orders) {
    if (!LIVE_STATES.includes(o.state)) continue;
    const t = tiers[Math.min(Math.max(o.tier, 0), tiers.length - 1)];
    t.orders += 1;
    t.notional = addDecimal(t.notional, multiplyDecimal(o.price, remaining(o)));
  }
  return tiers;
}

/** Uncovered positions summed per pair: quantity uncovered and its value at entry (Σ uncovered × entry price). */
export function uncoveredByPair(positions) {
  const pairs = new Map();
  for (const p of positions) {
    const s = pairs.get(p.pair) ?? { pair: p.pair, positions: 0, quantity: '0', atEntry: '0' };
    s.positions += 1;
    s.quantity = addDecimal(s.quantity, p.uncoveredQuantity);
    s.atEntry = addDecimal(s.atEntry, multiplyDecimal(p.uncoveredQuantity, p.entryPrice));
    pairs.set(p.pair, s);
  }
  return [...pairs.values()].sort((a, b) => a.pair.localeCompare(b.pair));
}
