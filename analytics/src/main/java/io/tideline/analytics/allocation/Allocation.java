package io.tideline.analytics.allocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A split of capital across pools.
 *
 * @param expectedReturn expected portfolio return per period (weights · expected), at scale 8
 * @param volatility     the portfolio's standard deviation per period, at scale 8
 */
public record Allocation(AllocationMethod method, BigDecimal capital, List<PoolAllocation> pools,
                         BigDecimal expectedReturn, BigDecimal volatility) {
}
