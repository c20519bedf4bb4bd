package io.tideline.perp.marketdata;

import io.tideline.events.EventIds;
import io.tideline.events.market.PriceObserved;
import io.tideline.extended.ExtendedMarketStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * What the feed publishes for one read of a market's stats: its mark price as a PriceObserved of source
 * {@value #SOURCE}, under the configured instrument, observed at the read's time (Extended's stats carry no time of
 * their own), to the millisecond. Plain Java.
 */
public final class MarkObservation {

    public static final String SOURCE = "extended";

    private MarkObservation() {
    }

    /** The observation, or empty when Extended gave no (positive) mark price. */
    public static Optional<PriceObserved> of(String instrument, ExtendedMarketStats stats, Instant readAt) {
        if (stats.markPrice() == null || stats.markPrice().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PriceObserved(SOURCE, instrument, stats.markPrice().stripTrailingZeros(), null, null,
                null, readAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The event id: the same (source, instrument, time, price) always makes the same id. */
    public static UUID eventId(PriceObserved price) {
        return EventIds.of("venue-price", price.source(), price.instrument(), price.observedAt().toEpochMilli(),
                price.price().toPlainString());
    }
}
