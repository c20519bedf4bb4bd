import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeBar } from '../src/range.js';

test('the range fills the middle two thirds of the bar', () => {
  const bar = rangeBar(-600, 600, 0);
  assert.ok(Math.abs(bar.low - 100 / 6) < 1e-9);
  assert.ok(Math.abs(bar.high - 500 / 6) < 1e-9);
  assert.equal(bar.price, 50);
  assert.equal(bar.inRange, true);
});

test('the upper tick itself is out of range, the lower one in (Uniswap v3)', () => {
  assert.equal(rangeBar(100, 200, 200).inRange, false);
  assert.equal(rangeBar(100, 200, 100).inRange, true);
});

test('a price far outside is pinned to the end of the bar', () => {
  assert.equal(rangeBar(100, 200, 100000).price, 100);
  assert.equal(rangeBar(100, 200, -100000).price, 0);
});

test('no valuation yet: no price marker', () => {
  const bar = rangeBar(100, 200, undefined);
  assert.equal(bar.price, null);
  assert.equal(bar.inRange, null);
});
