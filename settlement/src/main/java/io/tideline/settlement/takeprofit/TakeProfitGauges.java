package io.tideline.settlement.takeprofit;

import io.tideline.messaging.metrics.CountedRows;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@code tideline_take_profits{state}}: take-profit orders by state, refreshed by shared-messaging's RowCountGauges. */
@Dependent
public class TakeProfitGauges {

    @Produces
    @Singleton
    CountedRows takeProfitsByState() {
        return new CountedRows("tideline.take.profits", "state", "select state, count(*) from tp_order group by state");
    }
}
