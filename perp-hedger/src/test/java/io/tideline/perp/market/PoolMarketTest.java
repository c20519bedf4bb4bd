package io.tideline.perp.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PoolMarketTest {

    @Test
    void marketPriceIsThePoolPriceOrItsInverse() {
        // WETH/USDC with WETH as token0: token1 per token0 is already USD per ETH
        assertThat(PoolMarket.marketPrice(new BigDecimal("2500"), true)).isEqualByComparingTo("2500");
        // USDC/WETH (USDC is token0, as on mainnet): the pool says WETH per USDC
        assertThat(PoolMarket.marketPrice(new BigDecimal("0.0004"), false)).isEqualByComparingTo("2500");
        assertThat(PoolMarket.marketPrice(new BigDecimal("0.0003"), false))
                .isEqualByComparingTo("3333.333333333333333333");
    }
}
