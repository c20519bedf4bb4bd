package io.tideline.settlement.fill;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.FillRecorded;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.settlement.config.SettlementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Takes in the market maker's fills from {@code mm.fills} (a fill already known by venue, order id and trade id is
 * ignored; a session seen for the first time is created with the fill's venue and time) and, for the paper venue,
 * venue prices from {@code market.prices} (by market symbol = pair) as the paper book.
 */
@ApplicationScoped
public class MarketMakerEventConsumer implements EventHandler {

    private static final String TOUCH_SESSION = FillSql.forHibernate(FillSql.TOUCH_SESSION);
    private static final String INSERT = FillSql.forHibernate(FillSql.INSERT);

    private final boolean paper;

    public MarketMakerEventConsumer(SettlementConfig config) {
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
    public Uni<Void> handle(EventEnvelope<?> event) {
        if (event.payload() instanceof PriceObserved price) {
            return Panache.getSession().chain(s -> s.createNativeQuery("insert into paper_book (pair, bid, ask)"
                            + " values (?1, ?2, ?2) on conflict (pair) do update set bid = excluded.bid,"
                            + " ask = excluded.ask, updated_at = now()")
                    .setParameter(1, price.instrument())
                    .setParameter(2, price.price())
                    .executeUpdate()).replaceWithVoid();
        }
        FillRecorded f = (FillRecorded) event.payload();
        return Panache.getSession().chain(s -> s.createNativeQuery(TOUCH_SESSION)
                        .setParameter(1, f.sessionId())
                        .setParameter(2, f.venue())
                        .setParameter(3, f.pair())
                        .setParameter(4, f.filledAt().atOffset(ZoneOffset.UTC))
                        .setParameter(5, "event")
                        .executeUpdate()
                .chain(() -> s.createNativeQuery(INSERT)
                        .setParameter(1, f.sessionId())
                        .setParameter(2, f.pair())
                        .setParameter(3, f.venue())
                        .setParameter(4, f.orderId())
                        .setParameter(5, f.tradeId())
                        .setParameter(6, f.side().name())
                        .setParameter(7, f.quantity())
                        .setParameter(8, f.price())
                        .setParameter(9, f.fee())
                        .setParameter(10, f.feeAsset())
                        .setParameter(11, f.filledAt().atOffset(ZoneOffset.UTC))
                        .setParameter(12, "event")
                        .getResultList()))
                .replaceWithVoid();
    }
}
