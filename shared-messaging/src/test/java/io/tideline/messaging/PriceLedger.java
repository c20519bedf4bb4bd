package io.tideline.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * The test consumer: records each PriceObserved from the test source in {@code applied_price}. An instrument that
 * starts with {@code poison} always fails, like a record that breaks a handler.
 */
@ApplicationScoped
public class PriceLedger implements EventHandler {

    static final String SOURCE = "messaging-test";

    @Override
    public String name() {
        return "price-ledger";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        return event.payload() instanceof PriceObserved p && SOURCE.equals(p.source());
    }

    @Override
    public Uni<Void> handle(EventEnvelope<?> event) {
        PriceObserved price = (PriceObserved) event.payload();
        if (price.instrument().startsWith("poison")) {
            return Uni.createFrom().failure(new IllegalStateException("cannot apply " + price.instrument()));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into applied_price (event_id, instrument, price) values (?1, ?2, ?3)")
                .setParameter(1, event.eventId())
                .setParameter(2, price.instrument())
                .setParameter(3, price.price())
                .executeUpdate()).replaceWithVoid();
    }
}
