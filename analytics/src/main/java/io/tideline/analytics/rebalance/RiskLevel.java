package io.tideline.analytics.rebalance;

import java.math.BigDecimal;

/**
 * How wide a suggested range is, as a multiple of the price's expected move over the horizon (one standard deviation
 * of the log price): wider holds the price longer and earns a smaller share; narrower earns more while in range.
 */
public enum RiskLevel {
    CONSERVATIVE("2"), MODERATE("1"), AGGRESSIVE("0.5");

    private final BigDecimal sigmas;

    RiskLevel(String sigmas) {
        this.sigmas = new BigDecimal(sigmas);
    }

    /** The half width in standard deviations of the log price over the horizon. */
    public BigDecimal sigmas() {
        return sigmas;
    }
}
