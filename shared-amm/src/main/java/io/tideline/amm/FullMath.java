package io.tideline.amm;

import java.math.BigInteger;

/**
 * {@code a * b / denominator} over uint256 without losing the intermediate 512-bit product, as v3-core's
 * {@code FullMath}: a result that would not fit in a uint256 reverts even where the product alone would overflow.
 */
public final class FullMath {

    private FullMath() {
    }

    /**
     * {@code floor(a * b / denominator)} (<b>rounds down</b>).
     *
     * @throws AmmMathException {@link AmmMathException.Reason#DIVISION_BY_ZERO} if {@code denominator == 0};
     *         {@link AmmMathException.Reason#MUL_DIV_OVERFLOW} if the result is {@code >= 2^256}
     */
    public static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger denominator) {
        requireUint256Arguments(a, b, denominator);
        return mulDivUnchecked(a, b, denominator);
    }

    /**
     * {@code ceil(a * b / denominator)} (<b>rounds up</b>).
     *
     * @throws AmmMathException {@link AmmMathException.Reason#DIVISION_BY_ZERO} if {@code denominator == 0};
     *         {@link AmmMathException.Reason#MUL_DIV_OVERFLOW} if the result, after rounding up, is {@code >= 2^256}
     */
    public static BigInteger mulDivRoundingUp(BigInteger a, BigInteger b, BigInteger denominator) {
        requireUint256Arguments(a, b, denominator);
        return mulDivRoundingUpUnchecked(a, b, denominator);
    }

    /** {@link #mulDiv} for arguments the caller already knows to be uint256s. */
    static BigInteger mulDivUnchecked(BigInteger a, BigInteger b, BigInteger denominator) {
        requireNonZero(denominator, "mulDiv");
        BigInteger product = a.multiply(b);
        int shift = powerOfTwoExponent(denominator);
        BigInteger result = shift >= 0 ? product.shiftRight(shift) : product.divide(denominator);
        return requireUint256Result(result, "mulDiv", a, b, denominator);
    }

    /** {@link #mulDivRoundingUp} for arguments the caller already knows to be uint256s. */
    static BigInteger mulDivRoundingUpUnchecked(BigInteger a, BigInteger b, BigInteger denominator) {
        requireNonZero(denominator, "mulDivRoundingUp");
        BigInteger product = a.multiply(b);
        int shift = powerOfTwoExponent(denominator);
        BigInteger result;
        boolean inexact;
        if (shift >= 0) {
            result = product.shiftRight(shift);
            inexact = product.signum() != 0 && product.getLowestSetBit() < shift;
        } else {
            BigInteger[] quotientAndRemainder = product.divideAndRemainder(denominator);
            result = quotientAndRemainder[0];
            inexact = quotientAndRemainder[1].signum() != 0;
        }
        return requireUint256Result(inexact ? result.add(BigInteger.ONE) : result, "mulDivRoundingUp", a, b, denominator);
    }

    /** {@code ceil(x / y)} for {@code y > 0}, as v3-core's {@code UnsafeMath.divRoundingUp}. */
    static BigInteger divRoundingUp(BigInteger x, BigInteger y) {
        BigInteger[] quotientAndRemainder = x.divideAndRemainder(y);
        return quotientAndRemainder[1].signum() == 0
                ? quotientAndRemainder[0]
                : quotientAndRemainder[0].add(BigInteger.ONE);
    }

    // Q96 and Q128 divisors are common: a shift is much cheaper than a division.
    private static int powerOfTwoExponent(BigInteger value) {
        int lowest = value.getLowestSetBit();
        return lowest == value.bitLength() - 1 ? lowest : -1;
    }

    private static void requireUint256Arguments(BigInteger a, BigInteger b, BigInteger denominator) {
        SolidityUint.require("a", a, 256);
        SolidityUint.require("b", b, 256);
        SolidityUint.require("denominator", denominator, 256);
    }

    private static void requireNonZero(BigInteger denominator, String function) {
        if (denominator.signum() == 0) {
            throw new AmmMathException(AmmMathException.Reason.DIVISION_BY_ZERO,
                    "FullMath." + function + ": denominator is 0");
        }
    }

    private static BigInteger requireUint256Result(
            BigInteger result, String function, BigInteger a, BigInteger b, BigInteger denominator) {
        if (result.bitLength() > 256) {
            throw new AmmMathException(AmmMathException.Reason.MUL_DIV_OVERFLOW,
                    "FullMath." + function + ": " + a + " * " + b + " / " + denominator + " does not fit in a uint256");
        }
        return result;
    }
}
