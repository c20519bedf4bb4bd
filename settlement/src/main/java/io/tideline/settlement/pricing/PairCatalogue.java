package io.tideline.settlement.pricing;

import io.tideline.settlement.config.SettlementConfig;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The rules of every pair: the configured ones, and the defaults for any other. */
public final class PairCatalogue {

    private final BigDecimal defaultTick;
    private final BigDecimal defaultFeeRate;
    private final Map<String, PairRules> configured;

    public PairCatalogue(BigDecimal defaultTick, BigDecimal defaultFeeRate, Map<String, PairRules> configured) {
        this.defaultTick = defaultTick;
        this.defaultFeeRate = defaultFeeRate;
        this.configured = Map.copyOf(configured);
    }

    public static PairCatalogue of(SettlementConfig config) {
        BigDecimal tick = config.pairDefaults().tickSize();
        BigDecimal fee = config.pairDefaults().feeRate();
        Map<String, PairRules> pairs = new HashMap<>();
        for (SettlementConfig.PairSettings p : config.pairs()) {
            if (pairs.put(p.pair(), new PairRules(p.pair(), p.tickSize().orElse(tick), p.feeRate().orElse(fee)))
                    != null) {
                throw new IllegalArgumentException("tideline.settlement.pairs: " + p.pair() + " is listed twice");
            }
        }
        return new PairCatalogue(tick, fee, pairs);
    }

    public PairRules rules(String pair) {
        PairRules rules = configured.get(pair);
        return rules != null ? rules : new PairRules(pair, defaultTick, defaultFeeRate);
    }
}
