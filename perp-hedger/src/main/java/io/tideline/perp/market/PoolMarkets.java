package io.tideline.perp.market;

import io.tideline.perp.config.HedgerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which pools are hedged on which perp market, from {@code tideline.perp.pools}; checked once at start. */
@Singleton
public class PoolMarkets {

    private final Map<String, PoolMarket> byPool = new LinkedHashMap<>();

    @Inject
    public PoolMarkets(HedgerConfig config) {
        List<? extends HedgerConfig.PoolHedge> pools = config.pools();
        for (int i = 0; i < pools.size(); i++) {
            HedgerConfig.PoolHedge p = pools.get(i);
            String where = "tideline.perp.pools[" + i + "]";
            String pool = p.pool().trim().toLowerCase(Locale.ROOT);
            if (!pool.matches("\\d+:0x[0-9a-f]{40}")) {
                throw new IllegalArgumentException(where + ".pool must be chainId:0x<40 hex>, got " + p.pool());
            }
            boolean token0 = switch (p.volatileToken().trim().toLowerCase(Locale.ROOT)) {
                case "token0" -> true;
                case "token1" -> false;
                default -> throw new IllegalArgumentException(where + ".volatile-token must be token0 or token1, got "
                        + p.volatileToken());
            };
            if (p.step().signum() <= 0) {
                throw new IllegalArgumentException(where + ".step must be positive, got " + p.step());
            }
            if (p.market().isBlank()) {
                throw new IllegalArgumentException(where + ".market is empty");
            }
            byPool.put(pool, new PoolMarket(pool, p.market().trim(), token0, p.step().stripTrailingZeros()));
        }
    }

    /** The given pools (tests, tools). */
    public PoolMarkets(List<PoolMarket> pools) {
        pools.forEach(p -> byPool.put(p.pool().toLowerCase(Locale.ROOT), p));
    }

    /** The hedge settings of a pool ({@code chainId:address}). */
    public Optional<PoolMarket> forPool(String poolKey) {
        return Optional.ofNullable(byPool.get(poolKey.toLowerCase(Locale.ROOT)));
    }

    /** The pool whose price stands for a market (the first pool configured for it). */
    public Optional<PoolMarket> forMarket(String market) {
        return byPool.values().stream().filter(p -> p.market().equals(market)).findFirst();
    }

    public int size() {
        return byPool.size();
    }
}
