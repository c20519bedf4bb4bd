package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolAddressTest {

    // Ethereum mainnet: Uniswap v3 factory and the USDC/WETH pools, as listed on etherscan.io and in Uniswap's docs
    // (docs.uniswap.org, "Deployment addresses"); the init code hash is v3-periphery PoolAddress.POOL_INIT_CODE_HASH.
    private static final String FACTORY = "0x1F98431c8aD98523631AE4a59f267346ea31F984";
    private static final String INIT_CODE_HASH = "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54";
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";

    @Test
    void derivesTheMainnetUsdcWethPools() {
        PoolAddress pools = new PoolAddress(FACTORY, INIT_CODE_HASH);

        assertThat(pools.of(USDC, WETH, 500)).isEqualTo("0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640");
        assertThat(pools.of(USDC, WETH, 3000)).isEqualTo("0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8");
    }
}
