package io.tideline.analytics.allocation;

import java.math.BigDecimal;

/**
 * One pool's part of the capital.
 *
 * @param weight           its share, 0 to 1 at scale 6
 * @param amount           dollars, at the capital's scale; the parts add up to the capital exactly
 * @param riskContribution its share of the portfolio's variance, 0 to 1 at scale 6
 */
public record PoolAllocation(String pool, BigDecimal weight, BigDecimal amount, BigDecimal riskContribution) {
}
