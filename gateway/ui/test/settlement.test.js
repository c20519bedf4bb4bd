import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byAgeTier, remaining, uncoveredByPair } from '../src/settlement.js';

test('a take-profit still sells its quantity less what filled, exactly', () => {
  assert.equal(remaining({ quantity: '2', filledQuantity: '0.5' }), '1.5');
  assert.equal(remaining({ quantity: '0.3', filledQuantity: '0.1' }), '0.2');
});

test('live take-profits are summed per age tier at their prices; other states are left out', () => {
  const tiers = byAgeTier([
    { state: 'LIVE', tier: 1, price: '2030.1', quantity: '2', filledQuantity: '0.5' },
    { state: 'PLACING', tier: 1, price: '64250.5', quantity: '0.05', filledQuantity: '0' },
    { state: 'FILLED', tier: 1, price: '1', quantity: '100', filledQuantity: '100' },
    { state: 'REPLACING', tier: 3, price: '143.54625', quantity: '2.5', filledQuantity: '0' },
  ]);
  assert.deepEqual(tiers.map((t) => t.orders), [0, 2, 0, 1]);
  assert.equal(tiers[1].notional, '6257.675');
  assert.equal(tiers[3].notional, '358.865625');
  assert.equal(tiers[0].notional, '0');
});

test('uncovered positions are summed per pair with their value at entry', () => {
  const pairs = uncoveredByPair([
    { pair: 'SOL-USDC', uncoveredQuantity: '7.5', entryPrice: '142.125' },
    { pair: 'ETH-USDC', uncoveredQuantity: '0.5', entryPrice: '2012.5' },
    { pair: 'ETH-USDC', uncoveredQuantity: '1.25', entryPrice: '2001.25' },
  ]);
  assert.deepEqual(pairs.map((p) => [p.pair, p.positions, p.quantity, p.atEntry]),
    [['ETH-USDC', 2, '1.75', '3507.8125'], ['SOL-USDC', 1, '7.5', '1065.9375']]);
});
