package io.tideline.messaging;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.lineage.Correlation;
import io.tideline.messaging.tx.UnitOfWork;
import org.jboss.logging.MDC;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test consumer: records each PriceObserved from the test source in {@code applied_price}. An instrument that
 * starts with {@code poison} always fails, like a record that breaks a handler. An event with a hook in {@link #HOLDS}
 * runs it once before it is recorded: a test holds the consumer mid-batch with it (to take the broker away, or to
 * rebalance the group, while the batch is being applied).
 */
@ApplicationScoped
public class PriceLedger implements EventHandler {

    static final String SOURCE = "messaging-test";
    static final Map<UUID, Runnable> HOLDS = new ConcurrentHashMap<>();

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
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        PriceObserved price = (PriceObserved) event.payload();
        if (price.instrument().startsWith("poison")) {
            throw new IllegalStateException("cannot apply " + price.instrument());
        }
        Runnable hold = HOLDS.remove(event.eventId());
        if (hold != null) {
            hold.run();
        }
        uow.exec("insert into applied_price (event_id, instrument, price, correlation_id) values ($1, $2, $3, $4)",
                event.eventId(), price.instrument(), price.price(), MDC.get(Correlation.CORRELATION_ID));
    }
}
