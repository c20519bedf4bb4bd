package io.tideline.analytics.allocation;

/** How capital is split across pools. */
public enum AllocationMethod {
    /**
     * Equal risk contribution: each pool contributes the same share of the portfolio's variance,
     * {@code w_i·(Σw)_i} equal for all i, long only. Needs only the covariance of returns, not their means, which are
     * the least reliable estimate.
     */
    RISK_PARITY,
    /**
     * Mean-variance, the tangency portfolio: the weights that maximise {@code (μ·w) / √(wᵀΣw)}, long only and fully
     * invested, with pools of no positive excess return left out.
     */
    MEAN_VARIANCE
}
