package io.tideline.perp.hedge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventJson;
import io.tideline.events.Topics;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Takes in what the hedger acts on: LP facts from {@code lp.positions} are stored in arrival order for the hedge
 * worker to plan from (never planned inside the consumer's transaction, so a slow venue cannot stall consumption),
 * and pool prices from {@code market.prices} are kept for the paper venue.
 */
@ApplicationScoped
public class LpFactConsumer implements EventHandler {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Override
    public String name() {
        return "lp-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.LP_POSITIONS.name(), Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        Object payload = event.payload();
        if (payload instanceof LpTransferred t) {
            return t.leftWatchedWallets();
        }
        if (payload instanceof PriceObserved p) {
            return p.sqrtPriceX96() != null; // pool prices, not venue marks
        }
        return payload instanceof LpMinted || payload instanceof LpClosed || payload instanceof LpFactRetracted
                || payload instanceof LpValued;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<?> event) {
        if (event.payload() instanceof PriceObserved price) {
            return Panache.getSession().chain(s -> s.createNativeQuery("insert into perp_pool_price (instrument,"
                            + " price, observed_at) values (?1, ?2, ?3) on conflict (instrument) do update"
                            + " set price = excluded.price, observed_at = excluded.observed_at, updated_at = now()"
                            + " where perp_pool_price.observed_at <= excluded.observed_at")
                    .setParameter(1, price.instrument())
                    .setParameter(2, price.price())
                    .setParameter(3, price.observedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate()).replaceWithVoid();
        }
        String payload;
        try {
            payload = JSON.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into perp_lp_fact (event_id, position_key,"
                        + " event_type, payload) values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb))"
                        + " on conflict (event_id) do nothing")
                .setParameter(1, event.eventId())
                .setParameter(2, event.key())
                .setParameter(3, event.type())
                .setParameter(4, payload)
                .executeUpdate()).replaceWithVoid();
    }
}
