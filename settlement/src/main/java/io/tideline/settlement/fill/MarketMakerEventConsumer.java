package io.tideline.settlement.fill;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.FillRecorded;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.venue.paper.PaperVenue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Takes in the market maker's fills from {@code mm.fills} (a fill already known by venue, order id and trade id is
 * ignored; a session seen for the first time is created with the fill's venue and time) and, for the paper venue,
 * venue prices from {@code market.prices} (by market symbol = pair) as the paper book.
 */
@ApplicationScoped
public class MarketMakerEventConsumer implements EventHandler {

    private final FillRecorder fills;
    private final PaperVenue paperVenue;
    private final boolean paper;

    public MarketMakerEventConsumer(FillRecorder fills, PaperVenue paperVenue, SettlementConfig config) {
        this.fills = fills;
        this.paperVenue = paperVenue;
        this.paper = "paper".equals(config.venue());
    }

    @Override
    public String name() {
        return "fills";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MM_FILLS.name(), Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        return event.payload() instanceof FillRecorded
                || paper && event.payload() instanceof PriceObserved p && p.sqrtPriceX96() == null;
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        if (event.payload() instanceof PriceObserved price) {
            paperVenue.quote(uow, price.instrument(), price.price());
        } else {
            fills.record(uow, event, (FillRecorded) event.payload());
        }
    }
}
