package io.tideline.analytics.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One observation of a series the risk metrics read: a value (equity, or a price) at a time. */
public record ValuePoint(Instant at, BigDecimal value) {

    public ValuePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
