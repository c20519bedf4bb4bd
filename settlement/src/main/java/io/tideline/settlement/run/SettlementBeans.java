package io.tideline.settlement.run;

import io.tideline.messaging.MessagingConfig;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.pricing.AgeTiers;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.pricing.TakeProfitPricing;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plain-Java parts of settlement, made once from its configuration (they carry no framework of their own). */
@Singleton
public class SettlementBeans {

    @Produces
    @Singleton
    PairCatalogue pairs(SettlementConfig config) {
        return PairCatalogue.of(config);
    }

    @Produces
    @Singleton
    TakeProfitPricing pricing(SettlementConfig config) {
        SettlementConfig.Tiers t = config.tiers();
        return new TakeProfitPricing(AgeTiers.of(t.under1hBps(), t.under4hBps(), t.under12hBps(), t.over12hBps()));
    }

    @Produces
    @Singleton
    SettlementPlanner planner(TakeProfitPricing pricing) {
        return new SettlementPlanner(pricing);
    }

    @Produces
    @Singleton
    SettlementEvents events(MessagingConfig messaging) {
        return new SettlementEvents(messaging.service());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
