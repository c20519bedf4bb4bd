package io.tideline.analytics.readmodel;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code lp_fact}: the chain facts each LP strategy was built from, kept so that a fact lp-tracker retracts after a
 * reorganisation can be undone by folding the ones that still stand (see V2__lp_facts.sql).
 */
@ApplicationScoped
public class LpFacts {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    /** A fact applied to a strategy. */
    public record Kept(String strategyId, EventEnvelope<?> fact) {
    }

    /** Keeps facts in the order given; one already kept is left as it was. */
    public void keepAll(Sql sql, List<Kept> facts) {
        sql.batch("insert into lp_fact (strategy_id, event_id, envelope) values ($1, $2, $3)"
                + " on conflict (event_id) do nothing",
                facts.stream().map(f -> Tuple.of(f.strategyId(), f.fact().eventId(),
                        new String(CODEC.encode(f.fact()), StandardCharsets.UTF_8))).toList());
    }

    /**
     * Marks the fact {@code eventId} retracted by {@code retraction}.
     *
     * @return the strategy it belonged to; empty for a fact the model never kept (a mark, a range event, a position
     *         that is not the desk's) or one already retracted
     */
    public Optional<String> retract(Sql sql, UUID eventId, UUID retraction) {
        return sql.first("update lp_fact set retracted_by = $2 where event_id = $1 and retracted_by is null"
                + " returning strategy_id", Tuple.of(eventId, retraction), r -> r.getString("strategy_id"));
    }

    /** The facts of a strategy that still stand, in the order they were applied. */
    public List<EventEnvelope<?>> standing(Sql sql, String strategyId) {
        return sql.list("select envelope from lp_fact where strategy_id = $1 and retracted_by is null order by seq",
                Tuple.of(strategyId), r -> CODEC.decode(r.getString("envelope").getBytes(StandardCharsets.UTF_8)));
    }
}
