package io.tideline.amm;

/**
 * Working limbs for the allocation-free paths, one set per thread, so that a call allocates nothing: sized for a
 * 512-bit product divided by a 256-bit divisor.
 */
final class LimbScratch {

    private static final ThreadLocal<LimbScratch> PER_THREAD = ThreadLocal.withInitial(LimbScratch::new);

    final long[] first = new long[Uint256.LIMBS];
    final long[] second = new long[Uint256.LIMBS];
    final long[] third = new long[Uint256.LIMBS];
    final long[] fourth = new long[Uint256.LIMBS];
    final long[] fifth = new long[Uint256.LIMBS];
    final long[] product = new long[10];
    final long[] dividend = new long[10];
    final long[] divisor = new long[10];
    final long[] quotient = new long[10];
    final long[] work = new long[11];
    final long[] divisorNormalised = new long[10];

    private LimbScratch() {
    }

    static LimbScratch get() {
        return PER_THREAD.get();
    }
}
