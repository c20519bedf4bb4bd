/**
 * Uniswap v3 math, ported from v3-core and v3-periphery with the contracts' names, integer widths and rounding, so
 * that a figure computed here is the figure the chain computes.
 *
 * <p>Values the contracts hold as {@code uint160}, {@code uint128} or {@code uint256} are {@link java.math.BigInteger}s
 * here (with allocation-free overloads on {@code long[4]} words, {@link io.tideline.amm.Uint256}); an argument outside its Solidity type is refused with {@link java.lang.IllegalArgumentException}, and an input
 * on which the contract would revert throws {@link io.tideline.amm.AmmMathException} naming the contract's check.
 */
package io.tideline.amm;
