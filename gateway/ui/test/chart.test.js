import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heights } from '../src/chart.js';

test('places points by exact value between the smallest and the largest', () => {
  const r = heights(['20000.10', '20100.255', '20150.12']);
  assert.deepEqual(r.heights, [0, 667, 1000]); // 100.155 / 150.02 = 0.66761...
  assert.equal(r.min, '20000.10');
  assert.equal(r.max, '20150.12');
});

test('tells apart values a double cannot', () => {
  const r = heights(['9007199254740993', '9007199254740992', '9007199254740994']);
  assert.deepEqual(r.heights, [500, 0, 1000]);
});

test('a flat series sits in the middle; an empty one has no scale', () => {
  assert.deepEqual(heights(['1', '1.0']).heights, [500, 500]);
  assert.deepEqual(heights([]), { heights: [], min: null, max: null });
});
