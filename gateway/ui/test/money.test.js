import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDecimal, formatUsd, largestMagnitude, parseDecimal, permille, roundDecimal, scaled, signOf, unitsToDecimal,
} from '../src/money.js';

test('rounds half away from zero on the digits, not through a float', () => {
  assert.equal(formatDecimal('1.005'), '1.01'); // a double holds 1.00499999999999989...
  assert.equal(formatDecimal('-1.005'), '-1.01');
  assert.equal(formatDecimal('1.004999'), '1.00');
  assert.equal(formatDecimal('0.125', { places: 2 }), '0.13');
  assert.equal(formatDecimal('9.995'), '10.00');
  assert.equal(formatDecimal('999.9999', { places: 0 }), '1,000');
});

test('keeps every digit of amounts beyond a double', () => {
  assert.equal(formatDecimal('123456789012345678901234567890.123456789012345678', { places: 18 }),
    '123,456,789,012,345,678,901,234,567,890.123456789012345678');
  assert.equal(formatDecimal('9007199254740993'), '9,007,199,254,740,993.00'); // 2^53 + 1
  assert.equal(unitsToDecimal('115792089237316195423570985008687907853269984665640564039457584007913129639935', 18),
    '115792089237316195423570985008687907853269984665640564039457.584007913129639935');
});

test('groups thousands and pads the fraction', () => {
  assert.equal(formatDecimal('1234567.5'), '1,234,567.50');
  assert.equal(formatDecimal('12'), '12.00');
  assert.equal(formatDecimal('0'), '0.00');
  assert.equal(formatDecimal('00042.1'), '42.10');
});

test('a negative that rounds to zero is shown as zero, without a sign', () => {
  assert.equal(formatDecimal('-0.001'), '0.00');
  assert.equal(formatDecimal('-0.000', { signed: true }), '0.00');
  assert.equal(roundDecimal('-0.004', 2).negative, false);
});

test('formats dollars and signed P&L', () => {
  assert.equal(formatUsd('1234.567'), '$1,234.57');
  assert.equal(formatUsd('-12'), '-$12.00');
  assert.equal(formatUsd('3.1', { signed: true }), '+$3.10');
  assert.equal(formatUsd('0', { signed: true }), '$0.00');
});

test('raw token units move the decimal point exactly', () => {
  assert.equal(unitsToDecimal('1500000', 6), '1.500000');
  assert.equal(unitsToDecimal('5', 6), '0.000005');
  assert.equal(unitsToDecimal('-5', 2), '-0.05');
  assert.equal(unitsToDecimal('42', 0), '42');
  assert.throws(() => unitsToDecimal('1.5', 6), /integer/);
});

test('refuses what is not an exact decimal string', () => {
  for (const bad of ['1e5', '1E+600000000', 'NaN', '', '1.', '.5', '1,000', '0x10', ' - 1']) {
    assert.throws(() => parseDecimal(bad), /not an exact decimal/, bad);
  }
});

test('signs, scaling and bar proportions are exact', () => {
  assert.equal(signOf('-0.0000000000000000001'), -1);
  assert.equal(signOf('0.000'), 0);
  assert.equal(signOf('12'), 1);
  assert.equal(scaled('1.23456', 2), 123n);
  assert.equal(scaled('-1.5', 3), -1500n);
  assert.equal(permille('-25', '100'), 250);
  assert.equal(permille('1', '3'), 333);
  assert.equal(permille('5', '0'), 0);
  assert.equal(permille('200', '100'), 1000);
  assert.equal(largestMagnitude(['3', '-12.5', '12.4']), '-12.5');
});

test('adds, multiplies and divides exact decimals without a float', async () => {
  const { addDecimal, multiplyDecimal, divideDecimal } = await import('../src/money.js');
  assert.equal(addDecimal('0.1', '0.2'), '0.3'); // a double gives 0.30000000000000004
  assert.equal(addDecimal('9007199254740993', '-0.005'), '9007199254740992.995');
  assert.equal(multiplyDecimal('1.5', '2011.5'), '3017.25');
  assert.equal(multiplyDecimal('-0.9', '2013.25'), '-1811.925');
  assert.equal(divideDecimal('4829.175', '2.4', 2), '2012.16'); // 2012.15625, half away from zero
  assert.equal(divideDecimal('-1', '3', 4), '-0.3333');
  assert.equal(divideDecimal('2', '-3', 2), '-0.67');
  assert.equal(divideDecimal('1', '0', 2), null);
});
