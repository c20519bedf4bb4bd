package io.tideline.messaging;

import io.tideline.events.EventEnvelope;
import io.tideline.events.market.PriceObserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Test events: a PriceObserved from the test source, keyed by its instrument. */
final class Prices {

    private Prices() {
    }

    static EventEnvelope<PriceObserved> observed(String instrument, BigDecimal price) {
        return observed(instrument, price, instrument);
    }

    static EventEnvelope<PriceObserved> observed(String instrument, BigDecimal price, String key) {
        PriceObserved payload = new PriceObserved(PriceLedger.SOURCE, instrument, price, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return EventEnvelope.of(PriceLedger.SOURCE, key, null, payload);
    }
}
